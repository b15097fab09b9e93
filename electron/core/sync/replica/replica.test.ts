import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReplica } from './replica';
import type { PouchDatabase, PouchDoc } from './pouchTypes';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-replica-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function logFile(dir: string): Promise<string> {
  const logs = (await readdir(dir)).filter((name) => name.endsWith('.log'));
  expect(logs).toHaveLength(1);
  return path.join(dir, logs[0]!);
}

/** Everything a replica holds that must survive: docs with revs and attachment bytes, and the seq. */
async function contents(db: PouchDatabase): Promise<{ docs: PouchDoc[]; seq: number | string; count: number }> {
  const all = await db.allDocs({ include_docs: true, attachments: true, binary: true });
  const info = await db.info();
  // Attachment bytes are compared by their SHA-256 (deep equality over MBs of bytes is very slow).
  const docs = all.rows.map((row) => {
    const doc = row.doc!;
    const attachments = Object.entries(doc._attachments ?? {}).map(([name, att]) =>
      [name, { ...att, data: createHash('sha256').update(att.data as Buffer).digest('hex') }]);
    return { ...doc, _attachments: Object.fromEntries(attachments) };
  });
  return { docs, seq: info.update_seq, count: info.doc_count };
}

function articleDoc(id: string, text: Buffer, original: Buffer): PouchDoc {
  return {
    _id: id,
    type: 'article',
    title: `Article ${id}`,
    _attachments: {
      'text.txt': { content_type: 'text/plain', data: text },
      'original.pdf': { content_type: 'application/pdf', data: original },
    },
  };
}

describe('openReplica', () => {
  it('keeps documents, revisions, attachments and the update seq across close and reopen', async () => {
    const dir = path.join(root, 'sync', 'replica');
    const first = await openReplica(dir);
    const big = randomBytes(3 << 20);
    const text = Buffer.from('Die Welt ist alles, was der Fall ist. '.repeat(20_000));
    await first.db.put(articleDoc('a1', text, big));
    await first.db.put(articleDoc('a2', Buffer.from('short'), randomBytes(1500)));
    const a1 = await first.db.get('a1');
    await first.db.put({ ...a1, title: 'Edited' }); // a second revision of a1
    await first.db.remove(await first.db.get('a2'));
    await first.db.put({ _id: 'n1', type: 'note', body: 'ملاحظة' });
    const before = await contents(first.db);
    await first.close();

    const second = await openReplica(dir);
    const after = await contents(second.db);
    expect(after).toEqual(before);
    expect(after.count).toBe(2);
    expect(Buffer.compare(await second.db.getAttachment('a1', 'original.pdf'), big)).toBe(0);
    expect((await second.db.get('a1'))._rev).toMatch(/^2-/);
    // Still writable after reopening, with the sequence going on.
    await second.db.put({ _id: 'n2' });
    expect((await second.db.info()).update_seq).toBe(Number(before.seq) + 1);
    await second.close();
  });

  it('opens with everything acknowledged before a torn last record', async () => {
    const dir = path.join(root, 'replica');
    const replica = await openReplica(dir);
    for (let i = 0; i < 20; i += 1) await replica.db.put({ _id: `doc-${i}`, n: i, padding: 'x'.repeat(200) });
    const acknowledged = await contents(replica.db);
    const file = await logFile(dir);
    const sizeBefore = (await stat(file)).size;
    await replica.db.put({ _id: 'doc-torn', _attachments: { 'a.bin': { content_type: 'application/octet-stream', data: randomBytes(50_000) } } });
    const sizeAfter = (await stat(file)).size;
    await replica.close();

    // The crash: the last record reached the disk only in part.
    await truncate(file, sizeBefore + Math.floor((sizeAfter - sizeBefore) / 2));
    const reopened = await openReplica(dir);
    expect(await contents(reopened.db)).toEqual(acknowledged);
    await expect(reopened.db.get('doc-torn')).rejects.toMatchObject({ status: 404 });
    // The torn bytes are gone, so new writes land on a clean end and survive another reopen.
    await reopened.db.put({ _id: 'after-crash' });
    await reopened.close();
    const third = await openReplica(dir);
    expect((await third.db.get('after-crash'))._id).toBe('after-crash');
    expect((await third.db.info()).doc_count).toBe(21);
    await third.close();
  });

  it('compacts its log once old attachment bytes are dead, keeping everything live', async () => {
    const dir = path.join(root, 'replica');
    const replica = await openReplica(dir);
    const docs: PouchDoc[] = [];
    for (let i = 0; i < 3; i += 1) docs.push(articleDoc(`a${i}`, Buffer.from(`text ${i}`), randomBytes(1 << 20)));
    await replica.db.bulkDocs(docs);
    // New originals replace the old ones; PouchDB's own compaction then drops the old revisions'
    // attachments, which leaves most of the log dead and makes the store rewrite it.
    for (let round = 0; round < 4; round += 1) {
      for (let i = 0; i < 3; i += 1) {
        const { _rev } = await replica.db.get(`a${i}`);
        await replica.db.put({ ...articleDoc(`a${i}`, Buffer.from(`text ${i}, round ${round}`), randomBytes(1 << 20)), _rev });
      }
    }
    const sizeBefore = (await stat(await logFile(dir))).size;
    await replica.db.compact();
    const kept = await contents(replica.db);
    const sizeAfter = (await stat(await logFile(dir))).size;
    expect(sizeBefore).toBeGreaterThan(14 << 20);
    // Rewritten (a newer generation), and what is left is at most about half dead: the store
    // compacts again only past 8 MB, so some dead bytes may stay.
    expect(path.basename(await logFile(dir))).not.toBe('data.000001.log');
    expect(sizeAfter).toBeLessThan(sizeBefore / 2);
    await replica.close();
    const reopened = await openReplica(dir);
    expect(await contents(reopened.db)).toEqual(kept);
    expect(kept.count).toBe(3);
    await reopened.close();
  });

  it('shares one database between two opens of the same folder and closes it after the last', async () => {
    const dir = path.join(root, 'replica');
    const a = await openReplica(dir);
    const b = await openReplica(path.join(dir, '.'));
    expect(b.db).toBe(a.db);
    await a.db.put({ _id: 'shared' });
    await a.close();
    expect((await b.db.get('shared'))._id).toBe('shared');
    await b.close();
    const c = await openReplica(dir);
    expect((await c.db.get('shared'))._id).toBe('shared');
    await c.close();
  });
});
