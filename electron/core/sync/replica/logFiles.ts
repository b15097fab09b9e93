import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from '../../store/durableFile';

/**
 * The store's folder holds one live log, `data.<generation>.log`. A compaction writes the next
 * generation beside it and deletes the old one once nothing reads it, so no file is ever renamed
 * over one that is open (Windows refuses that). A crash can leave a `.tmp` (an unfinished
 * compaction) or an older generation (a finished one whose old file was not yet deleted): the
 * opener keeps the newest complete generation and removes the rest.
 */
const LOG_NAME = /^data\.(\d+)\.log$/;

export function logPath(folder: string, generation: number): string {
  return path.join(folder, `data.${String(generation).padStart(6, '0')}.log`);
}

export function generationOf(file: string): number {
  const match = LOG_NAME.exec(path.basename(file));
  return match ? Number(match[1]) : -1;
}

/** The newest log's generation (or null for a folder without one), after removing leftovers. */
export async function settleLogFolder(folder: string): Promise<number | null> {
  const names = await readdir(folder);
  const generations = names.map((name) => generationOf(name)).filter((g) => g >= 0).sort((a, b) => b - a);
  const newest = generations[0] ?? null;
  const leftovers = names.filter((name) => name.endsWith('.log.tmp')).concat(generations.slice(1).map((g) => path.basename(logPath(folder, g))));
  for (const name of leftovers) await unlink(path.join(folder, name)).catch(() => undefined);
  return newest;
}

export async function syncFolder(file: string): Promise<void> {
  await fsyncDir(path.dirname(file));
}
