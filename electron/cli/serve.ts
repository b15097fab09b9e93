import { existsSync } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../common/errors';
import { startHost } from '../host/hostServer';
import { openAppWorkspace } from '../core/workspace/openWorkspace';
import { workerDetector } from '../core/entities/entityDetector';
import { CoreWorker } from '../core/workers/workerClient';
import { ASSETS_DIR, CORE_WORKER, RENDERER_DIR } from './paths';
import type { CliIO } from './runCli';

/**
 * `dossier serve`: opens (or creates, with the sample) the workspace, serves it on 127.0.0.1 and
 * prints the URL with its token as the first line of stdout. Runs until SIGINT/SIGTERM.
 */
export async function serve(workspace: string, port: number, io: CliIO, signal?: AbortSignal): Promise<number> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new DossierError('unavailable', `The app is not built (${RENDERER_DIR} is missing); run: npm run build`);
  }
  const worker = new CoreWorker(CORE_WORKER);
  const { core, notices } = await openAppWorkspace(workspace, ASSETS_DIR, {
    ...io.core,
    detector: workerDetector(worker),
    extract: (bytes, name) => worker.run('extract', { bytes, name }),
  });
  let host;
  try {
    host = await startHost({ core, rendererDir: RENDERER_DIR, port });
    await core.store.advertise(host.origin, host.token);
  } catch (error) {
    await core.store.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new DossierError('unavailable', `Port ${port} is already in use; choose another with --port.`);
    }
    throw error;
  }
  io.stdout(`${host.url}\n`);
  for (const notice of notices) io.stderr(`dossier: ${notice}\n`);
  io.stderr(`dossier: serving the workspace ${workspace} (stop with Ctrl+C)\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      // A SIGINT handler left behind would keep a later Ctrl+C from ending the process.
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  await host.close();
  await worker.close();
  await core.store.close();
  return 0;
}
