import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogDown, type LogDownOptions } from './logDown';
import { ReplicaDamagedError } from './logSegment';

let root: string;
const stores: LogDown[] = [];
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-logdown-'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) if (store.status === 'open') await call((cb) => store.close(cb));
  await rm(root, { recursive: true, force: true });
});

function call<T = void>(run: (callback: (error?: Error | null, result?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, result) => (error ? reject(error) : resolve(result as T))));
}

async function openStore(folder: string, options: LogDownOptions = {}): Promise<LogDown> {
  const store = new LogDown(folder, options);
  stores.push(store);
  await call((cb) => store.open(cb));
  return store;
}

async function close(store: LogDown): Promise<void> {
  await call((cb) => store.close(cb));
}

const put = (store: LogDown, key: string, value: Buffer | string): Promise<void> => call((cb) => store.put(key, value, cb));
const del = (store: LogDown, key: string): Promise<void> => call((cb) => store.del(key, cb));
const get = (store: LogDown, key: string): Promise<Buffer> => call<Buffer>((cb) => store.get(key, cb));
const compact = (store: LogDown): Promise<void> => call((cb) => store.compact(cb));

/** Every key and value in order, read through an iterator. */
async function dump(store: LogDown): Promise<Array<[string, string]>> {
  const iterator = store.iterator({ keyAsBuffer: false, valueAsBuffer: false });
  const entries: Array<[string, string]> = [];
  for (;;) {
    const entry = await call<[string, string] | undefined>((cb) =>
      iterator.next((error: Error | null, k?: string, v?: string) => cb(error, k === undefined ? undefined : [k, v!])));
    if (entry === undefined) break;
    entries.push(entry);
  }
  await call((cb) => iterator.end(cb));
  return entries;
}

async function logs(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.includes('.log')).sort();
}

describe('LogDown', () => {
  it('keeps what was written across close and reopen, large values on disk and small ones in memory', async () => {
    const folder = path.join(root, 'store');
    const store = await openStore(folder, { inlineLimit: 1024 });
    const large = randomBytes(300_000);
    await put(store, 'small', 'value');
    await put(store, 'large', large);
    await put(store, 'gone', 'soon');
    await del(store, 'gone');
    await call((cb) => store.batch([{ type: 'put', key: 'b1', value: '1' }, { type: 'put', key: 'b2', value: '2' }, { type: 'del', key: 'b1' }], cb));
    await close(store);

    const reopened = await openStore(folder, { inlineLimit: 1024 });
    expect((await get(reopened, 'small')).toString()).toBe('value');
    expect((await get(reopened, 'large')).equals(large)).toBe(true);
    await expect(get(reopened, 'gone')).rejects.toThrow(/NotFound/);
    expect((await dump(reopened)).map(([key]) => key)).toEqual(['b2', 'large', 'small']);
    expect(reopened.index.get(Buffer.from('large'))?.inline).toBeNull();
    expect(reopened.index.get(Buffer.from('small'))?.inline?.toString()).toBe('value');
  });

  it('refuses a second open of the same folder in one process', async () => {
    const folder = path.join(root, 'store');
    await openStore(folder);
    await expect(openStore(path.join(folder, '.'))).rejects.toThrow(/already open/);
  });

  it('ignores a torn last record, keeping every write acknowledged before it', async () => {
    const folder = path.join(root, 'store');
    const store = await openStore(folder);
    await put(store, 'a', 'first');
    await put(store, 'b', 'second');
    const [log] = await logs(folder);
    const file = path.join(folder, log!);
    const acknowledged = (await stat(file)).size;
    await put(store, 'c', randomBytes(10_000));
    await close(store);
    const bytes = await readFile(file);
    for (const cutAt of [acknowledged + 3, acknowledged + 8, acknowledged + 500, bytes.length - 1]) {
      await writeFile(file, bytes.subarray(0, cutAt));
      const reopened = await openStore(folder);
      expect(await dump(reopened)).toEqual([['a', 'first'], ['b', 'second']]);
      await close(reopened);
      expect((await stat(file)).size).toBe(acknowledged); // the torn bytes were cut off
    }
  });

  it('reports damage in the middle of the log instead of dropping what follows', async () => {
    const folder = path.join(root, 'store');
    const store = await openStore(folder);
    await put(store, 'a', 'x'.repeat(100));
    await put(store, 'b', 'y'.repeat(100));
    await close(store);
    const [log] = await logs(folder);
    const file = path.join(folder, log!);
    const bytes = await readFile(file);
    bytes[40] = bytes[40]! ^ 0xff; // inside the first record's payload
    await writeFile(file, bytes);
    await expect(openStore(folder)).rejects.toBeInstanceOf(ReplicaDamagedError);
  });

  it('compacts into a fresh file that keeps every live key, and drops the old file', async () => {
    const folder = path.join(root, 'store');
    const store = await openStore(folder, { inlineLimit: 100, compactMinBytes: Infinity });
    for (let round = 0; round < 5; round += 1) {
      for (let i = 0; i < 50; i += 1) await put(store, `k${i}`, `${round}:${'v'.repeat(i * 10)}`);
    }
    for (let i = 0; i < 10; i += 1) await del(store, `k${i}`);
    const before = await dump(store);
    const [oldLog] = await logs(folder);
    const sizeBefore = (await stat(path.join(folder, oldLog!))).size;
    expect(store.deadBytes).toBeGreaterThan(sizeBefore / 2);

    await compact(store);
    expect(await dump(store)).toEqual(before);
    const after = await logs(folder);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(oldLog);
    expect((await stat(path.join(folder, after[0]!))).size).toBeLessThan(sizeBefore / 3);
    await put(store, 'new', 'after compaction');
    await close(store);

    const reopened = await openStore(folder);
    expect(await dump(reopened)).toEqual([...before, ['new', 'after compaction']]);
  });

  it('compacts by itself once more than half the file is dead, and again on open', async () => {
    const folder = path.join(root, 'store');
    const options = { inlineLimit: 0, compactMinBytes: 64 * 1024 };
    const store = await openStore(folder, options);
    const value = randomBytes(8 * 1024);
    for (let i = 0; i < 40; i += 1) await put(store, 'same-key', value);
    const [log] = await logs(folder);
    expect(log).not.toBe('data.000001.log'); // a compaction has run
    expect((await get(store, 'same-key')).equals(value)).toBe(true);
    expect(store.deadBytes).toBeLessThan(9 * 1024 * 8); // never left far past half
    await close(store);

    // Written by a store that never compacts, the log is compacted when next opened.
    const lazy = await openStore(path.join(root, 'lazy'), { inlineLimit: 0, compactMinBytes: Infinity });
    for (let i = 0; i < 40; i += 1) await put(lazy, 'same-key', value);
    await close(lazy);
    expect(await logs(path.join(root, 'lazy'))).toEqual(['data.000001.log']);
    const reopened = await openStore(path.join(root, 'lazy'), options);
    expect(await logs(path.join(root, 'lazy'))).toEqual(['data.000002.log']);
    expect((await get(reopened, 'same-key')).equals(value)).toBe(true);
  });

  it('lets an iterator started before a compaction read its snapshot from the old file', async () => {
    const folder = path.join(root, 'store');
    const store = await openStore(folder, { inlineLimit: 0, compactMinBytes: Infinity });
    const values = Array.from({ length: 5 }, () => randomBytes(2000));
    for (const [i, value] of values.entries()) await put(store, `k${i}`, value);
    const iterator = store.iterator();
    await put(store, 'k0', 'replaced');
    await compact(store);
    expect(await logs(folder)).toHaveLength(2); // the old file stays while the iterator reads it
    const seen: Buffer[] = [];
    for (;;) {
      const value = await call<Buffer | undefined>((cb) => iterator.next((error: Error | null, _k?: Buffer, v?: Buffer) => cb(error, v)));
      if (value === undefined) break;
      seen.push(value);
    }
    await call((cb) => iterator.end(cb));
    expect(seen.map((v) => v.toString('hex'))).toEqual(values.map((v) => v.toString('hex')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await logs(folder)).toHaveLength(1);
    expect((await get(store, 'k0')).toString()).toBe('replaced');
  });

  it('opens the newest complete log after a crash in the middle of a compaction', async () => {
    const folder = path.join(root, 'store');
    const store = await openStore(folder, { compactMinBytes: Infinity });
    await put(store, 'a', '1');
    await close(store);
    await writeFile(path.join(folder, 'data.000002.log.tmp'), 'half a compaction');
    const reopened = await openStore(folder);
    expect(await dump(reopened)).toEqual([['a', '1']]);
    expect(await logs(folder)).toEqual(['data.000001.log']);
  });
});
