import { existsSync } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../common/errors';
import { AppSettingsFile, appDataDir, AppWorkspaces, CoreWorker, openAppWorkspace, RecentWorkspaces, unlockedKey, userDocumentsDir, workerDetector } from '../../core';
import { startHost } from '../../host/hostServer';
import type { CliIO } from '../cliIO';
import { WORKSPACE_FLAG, type CliCommand } from '../command';
import { ASSETS_DIR, CORE_WORKER, RENDERER_DIR } from '../paths';
import { UsageError } from '../usageError';

/** `dossier serve [--port N]`: Dossier in a browser, on 127.0.0.1. */
export const serveCommand: CliCommand<{ port?: string }> = {
  name: 'serve',
  help: [['serve [--port N]', 'serve Dossier on 127.0.0.1 for a browser']],
  description:
    'Serve Dossier on 127.0.0.1 for a browser: opens (or creates, with the sample) the workspace and prints ' +
    'the URL with its token as the first line of stdout. Runs until stopped (Ctrl+C).',
  flags: [{ flags: '--port <N>', description: 'the port to listen on (default: any free one)' }, WORKSPACE_FLAG],
  run: (_operands, flags, { io, workspaceDir }) => serve(workspaceDir(), parsePort(flags.port), io),
};

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  return n;
}

/**
 * `dossier serve`: opens (or creates, with the sample) the workspace, serves it on 127.0.0.1 and
 * prints the URL with its token as the first line of stdout. Runs until SIGINT/SIGTERM.
 */
export async function serve(workspace: string, port: number, io: CliIO, signal?: AbortSignal): Promise<number> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new DossierError('unavailable', `The app is not built (${RENDERER_DIR} is missing); run: npm run build`);
  }
  const worker = new CoreWorker(CORE_WORKER);
  // The same settings file as the desktop app's (display name, theme …), in the app-data folder.
  const settings = await AppSettingsFile.open(appDataDir(io.env));
  // The page can open, create and switch workspaces (its start screen) without restarting this.
  // A workspace that cannot be opened (locked, not a workspace …) still serves the page: its
  // start screen says why and opens or creates another.
  const workspaces = await AppWorkspaces.launch(workspace, {
    open: (dir, how) =>
      openAppWorkspace(
        dir,
        ASSETS_DIR,
        {
          backups: {},
          settings,
          ...io.core,
          detector: workerDetector(worker),
          extract: (bytes, name, options) => worker.run('extract', { bytes, name, options }),
          searchBuilder: (d, progress) => worker.run('searchIndex', { dir: d, key: unlockedKey(d) ?? undefined }, progress),
          warmSearch: true,
          liveSync: true,
        },
        how,
      ),
    recent: new RecentWorkspaces(appDataDir(io.env)),
    documentsDir: userDocumentsDir(io.env),
    forgetKey: (dir) => worker.run('forgetKey', { dir }),
    idleLockMinutes: () => settings.get().lockAfterIdleMinutes,
  }).catch(async (error: unknown) => {
    await worker.close();
    throw error;
  });
  const notices = workspaces.notices;
  let host;
  try {
    host = await startHost({ core: workspaces, rendererDir: RENDERER_DIR, port, workspacePath: () => workspaces.path });
    await workspaces.advertise(host.origin, host.token);
  } catch (error) {
    await workspaces.close();
    await worker.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new DossierError('unavailable', `Port ${port} is already in use; choose another with --port.`);
    }
    throw error;
  }
  io.stdout(`${host.url}\n`);
  for (const notice of notices) io.stderr(`dossier: ${notice}\n`);
  const problem = workspaces.startupProblem;
  if (problem) io.stderr(`dossier: ${problem.message}\ndossier: serving the start screen to open or create another workspace (stop with Ctrl+C)\n`);
  else io.stderr(`dossier: serving the workspace ${workspaces.path} (stop with Ctrl+C)\n`);
  workspaces.events.subscribe((name, payload) => {
    if (name === 'workspace.switched') io.stderr(`dossier: now serving the workspace ${(payload as { path: string }).path}\n`);
  });

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
  // The workspace first: closing it saves the search index, which may still ask the worker.
  await workspaces.close();
  await worker.close();
  return 0;
}
