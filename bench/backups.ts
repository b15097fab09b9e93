import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCore } from '../electron/core/dossierCore';
import { BACKUPS_DIR } from '../electron/core/snapshots/snapshotManifest';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { round } from './stats';

type Log = (line: string) => void;

/**
 * Automatic backups at 10,000 articles, on a copy of the reference workspace (backups write into
 * the workspace): the first backup (every file), one when nothing changed (the pass made after
 * opening), one after 100 highlight and 20 note saves (a busy ten minutes), restoring one file
 * and the whole workspace, and the space the backups take.
 */
export async function backupFigures(reference: string, log: Log): Promise<Record<string, number>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-bench-backups-'));
  try {
    log('backups: copying the reference workspace…');
    await fs.cp(reference, dir, { recursive: true, filter: (source) => !source.startsWith(path.join(reference, 'search')) && !source.startsWith(path.join(reference, BACKUPS_DIR)) });
    const core = createCore(await WorkspaceStore.open(dir));
    const timed = async <T>(task: () => Promise<T>): Promise<[T, number]> => {
      const t0 = performance.now();
      const value = await task();
      return [value, performance.now() - t0];
    };
    log('backups: the first backup (every file)…');
    // It runs beside the app's work: how long the main thread is kept from answering meanwhile.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const [first, firstMs] = await timed(() => core.api['backups.take']({}));
    loop.disable();
    const [, unchangedMs] = await timed(() => core.api['backups.take']({}));

    log('backups: after 100 highlight and 20 note saves…');
    const articles = (await core.api['articles.list']({})).articles.slice(0, 100);
    for (const [i, article] of articles.entries()) {
      const { annotations } = await core.api['annotations.list']({ articleId: article.id });
      if (annotations[0]) await core.api['annotations.update']({ id: annotations[0].id, articleId: article.id, comment: `backup bench ${i}` });
    }
    const notes = (await core.api['notes.list']({})).notes.slice(0, 20);
    for (const summary of notes) {
      const { note } = await core.api['notes.get']({ id: summary.id });
      await core.api['notes.save']({ id: note.id, content: note.content, baseRev: note.contentRev });
    }
    const [busy, busyMs] = await timed(() => core.api['backups.take']({}));

    const file = `articles/${articles[0]!.id}/annotations.json`;
    const [, restoreFileMs] = await timed(() => core.api['backups.restore']({ id: first.backup!.id, files: [file] }));
    const [whole, restoreWholeMs] = await timed(() => core.api['backups.restore']({ id: first.backup!.id }));
    await core.close();

    const mb = (folder: string, exclude: string[] = []) =>
      Number(execFileSync('du', ['-sm', ...exclude.map((e) => `--exclude=${e}`), folder], { encoding: 'utf8' }).split('\t')[0]);
    return {
      backup_first_s: round(firstMs / 1000, 1),
      backup_first_files: first.backup!.changed,
      backup_first_loop_delay_p99_ms: round(loop.percentile(99) / 1e6),
      backup_first_loop_delay_max_ms: round(loop.max / 1e6),
      backup_unchanged_ms: round(unchangedMs),
      backup_after_saves_ms: round(busyMs),
      backup_after_saves_files: busy.backup?.changed ?? 0,
      backup_restore_file_ms: round(restoreFileMs),
      backup_restore_whole_ms: round(restoreWholeMs),
      backup_restore_whole_files: whole.restored.length,
      backups_mb: mb(path.join(dir, BACKUPS_DIR)),
      workspace_mb: mb(dir, [BACKUPS_DIR, 'search']),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reference = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '.cache', 'reference-10k');
  console.log(JSON.stringify(await backupFigures(reference, (line) => process.stderr.write(`${line}\n`)), null, 2));
}
