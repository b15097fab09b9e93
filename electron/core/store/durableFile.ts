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
  await eachAtMost(files, concurrency, async (file) => {
    const handle = await fs.open(file, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
  await fsyncDirs(files.map((f) => path.dirname(f)), concurrency);
}

/**
 * Fsyncs each distinct folder once. A workspace has as many folders as articles: they are opened
 * a few at a time, or a large one runs out of file descriptors (macOS allows 256 by default, and
 * the 20,000 folders of 10,000 articles exhaust a Linux default too).
 */
export async function fsyncDirs(dirs: Iterable<string>, concurrency = 32): Promise<void> {
  await eachAtMost([...new Set(dirs)], concurrency, fsyncDir);
}

/** Runs `task` on every item, at most `concurrency` at a time. */
async function eachAtMost<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
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

/**
 * Appends lines to a JSON-lines file unless it already ends with them (a fold that appended
 * them and was cut short before removing its log), after cutting back a line a crash left torn.
 */
export async function appendPlainLinesOnce(file: string, lines: string[]): Promise<void> {
  const handle = await fs.open(file, 'a+', 0o644);
  try {
    const { size } = await handle.stat();
    const block = lines.map((l) => `${l}\n`).join('');
    const tailBytes = Math.min(size, Buffer.byteLength(block) + 1);
    const tail = Buffer.alloc(tailBytes);
    if (tailBytes > 0) await handle.read(tail, 0, tailBytes, size - tailBytes);
    const tailText = tail.toString('utf8');
    let end = size;
    if (size > 0 && !tailText.endsWith('\n')) {
      // A torn last line: find where it starts (it is never longer than the rest of the file).
      const whole = await fs.readFile(file, 'utf8');
      end = Buffer.byteLength(whole.slice(0, whole.lastIndexOf('\n') + 1));
      await handle.truncate(end);
    }
    let skip = 0;
    if (end === size) {
      for (let k = lines.length; k > 0; k--) {
        const done = lines.slice(0, k).map((l) => `${l}\n`).join('');
        // Whole lines only: the text before them starts the file or ends a line.
        if ((tailBytes === size ? `\n${tailText}` : tailText).endsWith(`\n${done}`)) {
          skip = k;
          break;
        }
      }
    }
    const rest = lines.slice(skip);
    if (rest.length > 0) await handle.write(rest.map((l) => `${l}\n`).join(''), end);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

