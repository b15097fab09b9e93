import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Annotation } from '../../common/model/annotation';
import { filesOf } from './fileAccess';

/** Where damaged files go: `quarantine/<when>/` under their own path, never overwritten, never deleted. */
export function quarantineFolder(root: string, at = new Date()): string {
  return path.join(root, 'quarantine', at.toISOString().replace(/[:.]/g, '-'));
}

/** Moves a file into quarantine/<when>/ under its own path; false when there was none. */
export async function moveToQuarantine(root: string, quarantine: string, file: string): Promise<boolean> {
  const target = path.join(quarantine, path.relative(root, file));
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.rename(file, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * An article's highlights as its history leaves them: every annotation operation records the
 * state it left (`after`; null for a deletion), undo and redo included, in order.
 */
export async function annotationsFromHistory(historyFile: string): Promise<Annotation[]> {
  const raw = await filesOf(historyFile).readText(historyFile).catch(() => '');
  const byId = new Map<string, Annotation>();
  for (const text of raw.split('\n')) {
    let line: { op?: unknown; after?: unknown; before?: unknown };
    try {
      line = JSON.parse(text) as typeof line;
    } catch {
      continue;
    }
    if (typeof line.op !== 'string' || !line.op.startsWith('annotation.')) continue;
    const id = ((line.after ?? line.before) as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') continue;
    if (line.after === null) {
      byId.delete(id);
      continue;
    }
    const parsed = Annotation.safeParse(line.after);
    // An edit keeps the highlight's place; a highlight deleted and brought back goes last, as it did.
    if (parsed.success) byId.set(id, parsed.data);
  }
  return [...byId.values()];
}
