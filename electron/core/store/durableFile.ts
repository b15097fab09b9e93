import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Atomic and durable replacement of a file: write a temp file beside it, fsync it, rename it over
 * the target, then fsync the folder so the rename itself survives a power cut. (steno, lowdb's
 * default writer, renames without either fsync: atomic, not durable.)
 */
export async function writeFileDurable(file: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const dir = path.dirname(file);
  // A replaced file keeps the permissions it had (an analyst's 0600 stays 0600).
  mode ??= ((await fs.stat(file).catch(() => null))?.mode ?? 0o644) & 0o777;
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await fsyncDir(dir);
}

export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; NTFS journals the rename itself.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}

/** Serialises async work per key, so two saves of one file never interleave. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

/**
 * Makes many freshly written files durable at once: fsyncs run concurrently (the filesystem
 * coalesces them into few journal commits), then each distinct folder is fsynced.
 */
export async function syncFilesDurable(files: string[], concurrency = 32): Promise<void> {
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const handle = await fs.open(file, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const dirs = [...new Set(files.map((f) => path.dirname(f)))];
  await Promise.all(dirs.map((d) => fsyncDir(d)));
}

/** The temp files writeFileDurable leaves beside its target until the rename: `.<name>.<hex>.tmp`. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes the temp files a crash left in `dirs`: those last changed before `cutoff` (ms since the
 * epoch, or per file name). Answers how many went. Missing folders are skipped; a file that cannot
 * be removed is left for the next time.
 */
export async function sweepTempFiles(dirs: Iterable<string>, cutoff: number | ((name: string) => number)): Promise<number> {
  const cutoffOf = typeof cutoff === 'number' ? () => cutoff : cutoff;
  let removed = 0;
  for (const dir of dirs) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!TEMP_FILE.test(name)) continue;
      const file = path.join(dir, name);
      try {
        if ((await fs.stat(file)).mtimeMs >= cutoffOf(name)) continue;
        await fs.rm(file, { force: true });
        removed += 1;
      } catch {
        // Gone meanwhile, or not ours to remove: either way, nothing to do now.
      }
    }
  }
  return removed;
}
