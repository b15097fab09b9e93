import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileDurable } from '../store/durableFile';

/**
 * Which revision of each sync document the workspace holds: a local edit is saved in the replica as
 * a child of that revision, so an edit made while a remote one was on its way becomes a conflict
 * the analyst sees, never an overwrite. Kept as lines of [id, rev] (the last line of an id wins),
 * rewritten whole when it holds twice as many lines as ids.
 */
export class AppliedRevisions {
  private lines = 0;

  private constructor(
    private readonly file: string,
    private readonly revs: Map<string, string>,
  ) {
    this.lines = revs.size;
  }

  static async open(dir: string): Promise<AppliedRevisions> {
    const file = path.join(dir, 'applied.jsonl');
    const revs = new Map<string, string>();
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    let lines = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const [id, rev] = JSON.parse(line) as [string, string | null];
        if (rev === null) revs.delete(id);
        else revs.set(id, rev);
        lines++;
      } catch {
        // A torn last line: that revision is asked of the replica again (a comparison, not a loss).
      }
    }
    const applied = new AppliedRevisions(file, revs);
    applied.lines = lines;
    return applied;
  }

  get(id: string): string | undefined {
    return this.revs.get(id);
  }

  get size(): number {
    return this.revs.size;
  }

  ids(): IterableIterator<string> {
    return this.revs.keys();
  }

  /** Records revisions (null: the document is gone from the workspace), durably before answering. */
  async set(entries: readonly (readonly [string, string | null])[]): Promise<void> {
    if (entries.length === 0) return;
    for (const [id, rev] of entries) {
      if (rev === null) this.revs.delete(id);
      else this.revs.set(id, rev);
    }
    this.lines += entries.length;
    if (this.lines > 2 * this.revs.size + 1000) {
      await writeFileDurable(this.file, [...this.revs].map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      this.lines = this.revs.size;
      return;
    }
    const handle = await fs.open(this.file, 'a');
    try {
      await handle.appendFile(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}
