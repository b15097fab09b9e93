import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type CoreOptions, type DossierCore } from '../../core/dossierCore';
import { WorkspaceStore } from '../../core/store/workspaceStore';
import type { EventPayload } from '../../common/contract';
import { changeLine, liveForeignPid } from '../../core/testing/testHelpers';
import { startHost } from '../../host/hostServer';

export interface RunningDossier {
  core: DossierCore;
  /** The article imported from `sample`. */
  articleId: string;
  articleTitle: string;
  /** The change-feed events the app announced, in order, one line each ("edit annotation created"). */
  reasons: string[];
}

/**
 * What the CLI meets while the app has the workspace open: a host on the workspace holding
 * `sample`, advertised in a lock that names a live process other than this one.
 */
export async function runningDossier(
  dir: string,
  sample: string,
  track: { children: ChildProcess[]; cleanups: (() => Promise<void>)[] },
  options: CoreOptions = {},
): Promise<RunningDossier> {
  const store = await WorkspaceStore.open(dir, { create: true });
  track.cleanups.push(() => store.close());
  const core = createCore(store, options);
  const { articles } = await core.api['articles.import']({
    files: [{ name: path.basename(sample), base64: (await fs.readFile(sample)).toString('base64') }],
  });
  const rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-renderer-'));
  track.cleanups.push(() => fs.rm(rendererDir, { recursive: true, force: true }));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>');
  const host = await startHost({ core, rendererDir });
  track.cleanups.push(() => host.close());
  await fs.writeFile(
    path.join(dir, '.dossier.lock'),
    JSON.stringify({ pid: liveForeignPid(track.children), host: os.hostname(), startedAt: new Date().toISOString(), url: host.origin, token: host.token }),
  );
  const reasons: string[] = [];
  core.events.subscribe((name, payload) => {
    if (name === 'workspace.changed') reasons.push(changeLine(payload as EventPayload<'workspace.changed'>));
  });
  return { core, articleId: articles[0]!.id, articleTitle: articles[0]!.title, reasons };
}
