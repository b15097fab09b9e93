import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PALETTE } from '../../common/model/palette';
import { DurableDocument } from './durableDocument';
import { KeyedQueue } from './durableFile';
import { SchemaFileAdapter } from './schemaFile';
import { WorkspaceStore } from './workspaceStore';

/** An adapter whose next writes can be made to fail, as a full disk would. */
class FlakyAdapter<T> implements Adapter<T> {
  written: T[] = [];
  failNext = 0;
  constructor(private stored: T | null) {}
  async read(): Promise<T | null> {
    return this.stored;
  }
  async write(data: T): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('ENOSPC: no space left on device');
    }
    this.written.push(structuredClone(data));
    this.stored = structuredClone(data);
  }
}

describe('DurableDocument', () => {
  it('shows a change only once it is written, and keeps the old value when the write fails', async () => {
    const adapter = new FlakyAdapter({ n: 1, items: ['a'] });
    const doc = await DurableDocument.open('x.json', adapter, new KeyedQueue(), () => ({ n: 0, items: [] as string[] }));
    const before = doc.data;
    adapter.failNext = 1;
    await expect(
      doc.update((d) => {
        d.n = 2;
        d.items.push('b');
      }),
    ).rejects.toThrow('ENOSPC');
    expect(doc.data).toEqual({ n: 1, items: ['a'] });
    expect(doc.data).toBe(before);

    expect(await doc.update((d) => (d.n = 3))).toBe(3);
    expect(doc.data).toEqual({ n: 3, items: ['a'] });
    expect(before).toEqual({ n: 1, items: ['a'] });
  });

  it('never shows a half-done change to readers while the write is in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const adapter: Adapter<{ n: number }> = { read: async () => ({ n: 1 }), write: () => gate };
    const doc = await DurableDocument.open('x.json', adapter, new KeyedQueue(), () => ({ n: 0 }));
    const saving = doc.update((d) => (d.n = 2));
    await Promise.resolve();
    expect(doc.data.n).toBe(1);
    release();
    await saving;
    expect(doc.data.n).toBe(2);
  });

  it('serialises changes to one file: concurrent updates never lose each other', async () => {
    const adapter = new FlakyAdapter({ n: 0 });
    const doc = await DurableDocument.open('x.json', adapter, new KeyedQueue(), () => ({ n: 0 }));
    await Promise.all(Array.from({ length: 20 }, () => doc.update((d) => (d.n += 1))));
    expect(doc.data.n).toBe(20);
    expect(adapter.written.map((w) => w.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('starts from the empty state when the file does not exist yet', async () => {
    const doc = await DurableDocument.open('x.json', new FlakyAdapter<{ n: number }>(null), new KeyedQueue(), () => ({ n: 7 }));
    expect(doc.data).toEqual({ n: 7 });
  });
});

describe('a failed workspace save', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-durable-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('leaves the palette and the start article in memory as they are on disk', async () => {
    const store = await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true });
    vi.spyOn(SchemaFileAdapter.prototype, 'write').mockRejectedValue(new Error('EIO: i/o error'));
    const renamed = DEFAULT_PALETTE.map((p, i) => (i === 0 ? { ...p, label: 'Never saved' } : p));
    await expect(store.setPalette(renamed)).rejects.toThrow('EIO');
    expect(store.info().palette).toEqual(DEFAULT_PALETTE);
    await expect(store.setStartArticle('art_1')).rejects.toThrow('EIO');
    expect(store.startArticleId).toBeNull();
    vi.restoreAllMocks();
    const onDisk = JSON.parse(await fs.readFile(path.join(tmp, 'ws', 'workspace.json'), 'utf8'));
    expect(onDisk.palette).toEqual(DEFAULT_PALETTE);
    await store.close();
  });
});
