import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fsyncDir, KeyedQueue, syncFilesDurable, writeFileDurable } from './durableFile';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-durable-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('writeFileDurable', () => {
  it('creates a file with the given content and leaves no temp file', async () => {
    const file = path.join(tmp, 'a.json');
    await writeFileDurable(file, '{"x":1}\n');
    expect(await fs.readFile(file, 'utf8')).toBe('{"x":1}\n');
    expect(await fs.readdir(tmp)).toEqual(['a.json']);
  });

  it('replaces the content of an existing file by renaming a new file over it', async () => {
    const file = path.join(tmp, 'a.json');
    await fs.writeFile(file, 'old content that is longer than the new one');
    const before = await fs.stat(file);
    await writeFileDurable(file, 'new');
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    // A rename, not an in-place rewrite: the old inode is gone.
    expect((await fs.stat(file)).ino).not.toBe(before.ino);
    expect(await fs.readdir(tmp)).toEqual(['a.json']);
  });

  it('writes bytes unchanged', async () => {
    const file = path.join(tmp, 'bytes.bin');
    const bytes = Uint8Array.from([0, 1, 2, 0xe9, 0xff, 10, 13]);
    await writeFileDurable(file, bytes);
    expect(new Uint8Array(await fs.readFile(file))).toEqual(bytes);
  });

  it.skipIf(process.platform === 'win32')('applies the requested mode (0444 for originals)', async () => {
    const file = path.join(tmp, 'original.txt');
    await writeFileDurable(file, 'x', 0o444);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o444);
  });

  it('keeps the old content and removes its temp file when writing fails', async () => {
    const file = path.join(tmp, 'a.json');
    await fs.writeFile(file, 'keep me');
    await expect(writeFileDurable(file, 42 as unknown as string)).rejects.toThrow();
    expect(await fs.readFile(file, 'utf8')).toBe('keep me');
    expect(await fs.readdir(tmp)).toEqual(['a.json']);
  });

  it('removes its temp file when the rename fails (target is a folder)', async () => {
    const target = path.join(tmp, 'folder');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'inside'), 'x');
    await expect(writeFileDurable(target, 'data')).rejects.toThrow();
    expect((await fs.readdir(tmp)).sort()).toEqual(['folder']);
    expect(await fs.readFile(path.join(target, 'inside'), 'utf8')).toBe('x');
  });

  it('fails in a folder that does not exist without creating anything', async () => {
    await expect(writeFileDurable(path.join(tmp, 'missing', 'a.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it('never leaves a mixture when many writes race: the file holds one whole version', async () => {
    const file = path.join(tmp, 'race.json');
    const versions = Array.from({ length: 25 }, (_, i) => `${String(i).repeat(5000)}\n`);
    await Promise.all(versions.map((v) => writeFileDurable(file, v)));
    expect(versions).toContain(await fs.readFile(file, 'utf8'));
    expect(await fs.readdir(tmp)).toEqual(['race.json']);
  });
});

describe('fsyncDir', () => {
  it('syncs an existing folder and reports a missing one', async () => {
    await expect(fsyncDir(tmp)).resolves.toBeUndefined();
    await expect(fsyncDir(path.join(tmp, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('KeyedQueue', () => {
  it('runs tasks of one key one after another, in the order given', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = queue.run('k', async () => {
      log.push('start 1');
      await gate.promise;
      log.push('end 1');
      return 1;
    });
    const second = queue.run('k', async () => {
      log.push('start 2');
      return 2;
    });
    const third = queue.run('k', async () => {
      log.push('start 3');
      return 3;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['start 1']);
    gate.resolve();
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 3]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'start 3']);
  });

  it('keeps the order when an earlier task rejects, and gives the rejection only to its caller', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const gate = deferred();
    const failing = queue.run('k', async () => {
      log.push('start 1');
      await gate.promise;
      log.push('fail 1');
      throw new Error('boom');
    });
    const next = queue.run('k', async () => {
      log.push('start 2');
      return 'two';
    });
    gate.resolve();
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('two');
    expect(log).toEqual(['start 1', 'fail 1', 'start 2']);
  });

  it('also runs the next task after a task that throws synchronously', async () => {
    const queue = new KeyedQueue();
    const bad = queue.run('k', () => {
      throw new Error('sync');
    });
    await expect(bad).rejects.toThrow('sync');
    await expect(queue.run('k', async () => 'ok')).resolves.toBe('ok');
  });

  it('lets different keys run at the same time', async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    const log: string[] = [];
    const a = queue.run('a', async () => {
      log.push('a');
      await gate.promise;
    });
    const b = queue.run('b', async () => {
      log.push('b');
    });
    await b;
    expect(log).toEqual(['a', 'b']);
    gate.resolve();
    await a;
  });

  it('serialises durable writes of one file so the last queued write wins', async () => {
    const queue = new KeyedQueue();
    const file = path.join(tmp, 'q.json');
    await Promise.all(Array.from({ length: 10 }, (_, i) => queue.run(file, () => writeFileDurable(file, `v${i}`))));
    expect(await fs.readFile(file, 'utf8')).toBe('v9');
  });
});

describe('syncFilesDurable', () => {
  it('keeps a bounded number of files and folders open, however many folders the files are in', async () => {
    // One file in each of 400 folders: a workspace's articles, small. Opening every folder at once
    // ran out of descriptors converting the 10,000-article workspace.
    const files: string[] = [];
    for (let i = 0; i < 400; i++) {
      const dir = path.join(tmp, `art_${i}`);
      await fs.mkdir(dir);
      files.push(path.join(dir, 'text.txt'));
      await fs.writeFile(files.at(-1)!, `article ${i}`);
    }
    let open = 0;
    let most = 0;
    const opened = new Set<string>();
    const realOpen = fs.open.bind(fs);
    const spy = vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      open++;
      most = Math.max(most, open);
      opened.add(String(args[0]));
      const close = handle.close.bind(handle);
      handle.close = async () => {
        open--;
        return close();
      };
      return handle;
    });
    try {
      await syncFilesDurable(files, 16);
    } finally {
      spy.mockRestore();
    }
    expect(most).toBeLessThanOrEqual(16);
    // Every file and every folder was fsynced.
    expect(opened.size).toBe(800);
    expect(open).toBe(0);
  });
});
