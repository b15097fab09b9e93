import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '../../common/model/recentWorkspace';
import { writeFileDurable } from '../store/durableFile';
import { FILE_NAMES } from '../store/files';

/** How many workspaces the list keeps: File › Open Recent stays one glance long. */
export const RECENT_LIMIT = 10;

export const RECENT_FILE = 'recent-workspaces.json';

const Entry = z.object({
  path: z.string().min(1),
  name: z.string(),
  /** ISO time the workspace was last opened here. */
  lastOpened: z.string(),
});
type Entry = z.infer<typeof Entry>;

const RecentFile = z.object({
  kind: z.literal('recent-workspaces'),
  version: z.literal(1),
  workspaces: z.array(Entry),
});
type RecentFile = z.infer<typeof RecentFile>;

/**
 * The workspaces opened lately, most recent first, in the app-data folder (`recent-workspaces.json`):
 * the app's own memory, not the analyst's work, so a damaged file is read as an empty list and
 * replaced at the next open rather than stopping the app. The desktop app and `dossier serve`
 * share it; changes within this process are serialised, and each one re-reads the file first so
 * another process's entries are kept.
 */
export class RecentWorkspaces {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly appDataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get file(): string {
    return path.join(this.appDataDir, RECENT_FILE);
  }

  /** The list, each entry saying whether its folder still holds a workspace. */
  async list(): Promise<RecentWorkspace[]> {
    const entries = await this.read();
    return Promise.all(entries.map(async (entry) => ({ ...entry, missing: !(await isWorkspace(entry.path)) })));
  }

  /** Puts `dir` first, with its name and now as when it was opened; the list keeps RECENT_LIMIT entries. */
  record(dir: string, name: string): Promise<void> {
    const key = path.resolve(dir);
    return this.change((entries) => [{ path: key, name, lastOpened: this.now().toISOString() }, ...entries.filter((e) => !samePath(e.path, key))].slice(0, RECENT_LIMIT));
  }

  /** A workspace renamed: its entry keeps its place. */
  rename(dir: string, name: string): Promise<void> {
    const key = path.resolve(dir);
    return this.change((entries) => entries.map((e) => (samePath(e.path, key) ? { ...e, name } : e)));
  }

  forget(dir: string): Promise<void> {
    const key = path.resolve(dir);
    return this.change((entries) => entries.filter((e) => !samePath(e.path, key)));
  }

  /** Empties the list, except the workspaces named in `keep` (the open one). */
  clear(keep: readonly string[] = []): Promise<void> {
    const kept = keep.map((k) => path.resolve(k));
    return this.change((entries) => entries.filter((e) => kept.some((k) => samePath(e.path, k))));
  }

  private change(edit: (entries: Entry[]) => Entry[]): Promise<void> {
    const next = this.queue.then(async () => {
      const entries = edit(await this.read());
      await fs.mkdir(this.appDataDir, { recursive: true });
      const file: RecentFile = { kind: 'recent-workspaces', version: 1, workspaces: entries };
      await writeFileDurable(this.file, `${JSON.stringify(file, null, 2)}\n`);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<Entry[]> {
    let raw: string;
    try {
      raw = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    try {
      const parsed = RecentFile.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data.workspaces;
    } catch {
      // fall through: damaged
    }
    console.error(`Dossier: ${this.file} is damaged; the list of recent workspaces starts afresh.`);
    return [];
  }
}

/** Paths compared as the file system does: without case on Windows and macOS (their default volumes ignore it). */
function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

async function isWorkspace(dir: string): Promise<boolean> {
  try {
    await fs.access(path.join(dir, FILE_NAMES.workspace));
    return true;
  } catch {
    return false;
  }
}
