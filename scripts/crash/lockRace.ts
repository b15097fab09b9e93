import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, FILE_NAMES, WorkspaceStore } from '../../electron/core';
import { historyLines } from './checkWorkspace';
import { CLI, ROOT } from './servedWorkspace';

export interface LockRaceResult {
  started: number;
  /** Commands that exited 0, each printing the id of the highlight it made. */
  succeeded: number;
  /** Of those, the highlights stored. */
  stored: number;
  /** History lines creating those highlights (one each). */
  historyLines: number;
  /** What a command that did not exit 0 said. */
  failures: string[];
}

/**
 * Issue 12's first defect: a stale lock (a dead process of this machine) and 20 `dossier annotate`
 * started at once. Every command that exits 0 must have its highlight stored, with one history line.
 */
export async function lockRace(dir: string, articleId: string, quote: string, race: number, env: Record<string, string> = {}, commands = 20): Promise<LockRaceResult> {
  await fs.writeFile(path.join(dir, FILE_NAMES.lock), JSON.stringify({ pid: 999999, host: os.hostname(), startedAt: 'x' }));
  const runs = await Promise.all(
    Array.from({ length: commands }, (_, i) =>
      annotate(['annotate', '--workspace', dir, '--article', articleId, '--quote', quote, '--comment', `race ${race} command ${i}`, '--json'], env),
    ),
  );
  const ids = new Set<string>();
  const failures: string[] = [];
  for (const run of runs) {
    if (run.code === 0) ids.add((JSON.parse(run.stdout) as { annotation: { id: string } }).annotation.id);
    else failures.push(`exit ${run.code}: ${run.stderr.trim()}`);
  }
  const store = await WorkspaceStore.open(dir);
  const core = createCore(store);
  let stored: number;
  try {
    stored = (await core.api['annotations.list']({ articleId })).annotations.filter((a) => ids.has(a.id)).length;
  } finally {
    await core.close();
  }
  const created = (await historyLines(dir, articleId)).filter((l) => l.before === null && ids.has((l.after as { id?: string } | null)?.id ?? ''));
  return { started: commands, succeeded: ids.size, stored, historyLines: created.length, failures };
}

function annotate(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOSSIER_WORKSPACE: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
