import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCuttableProxy } from '../testing/cuttableProxy';
import { startTestServer, type TestServer } from '../testing/testServer';
import { replicaPouchDB } from './pouchdb';
import { openReplica, type LocalReplica } from './replica';
import type { PouchDatabase, ReplicationResult } from './pouchTypes';

// Replication through a real CouchDB-protocol server (pouchdb-server, in its own process, with
// credentials) between replicas stored by the log store.

let server: TestServer;
let root: string;
const opened: LocalReplica[] = [];
const remotes: PouchDatabase[] = [];

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.dispose();
});
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-replica-sync-'));
});
afterEach(async () => {
  for (const replica of opened.splice(0)) await replica.close();
  for (const remote of remotes.splice(0)) await remote.close();
  await rm(root, { recursive: true, force: true });
});

async function replica(name: string): Promise<LocalReplica> {
  const opening = await openReplica(path.join(root, name));
  opened.push(opening);
  return opening;
}

function remote(url: string): PouchDatabase {
  const PouchDB = replicaPouchDB();
  const db = new PouchDB(url, { auth: server.auth });
  remotes.push(db);
  return db;
}

describe('replicas syncing through the server', () => {
  it('syncs both ways and settles a conflict on the same winner on both sides, keeping _conflicts', async () => {
    const a = await replica('a');
    const b = await replica('b');
    const shared = remote(server.dbUrl('team-conflict'));
    await a.db.put({ _id: 'article-1', title: 'Original' });
    await a.db.put({ _id: 'only-a', from: 'a' });
    await b.db.put({ _id: 'only-b', from: 'b' });
    await a.db.sync(shared);
    await b.db.sync(shared);
    expect((await b.db.get('only-a')).from).toBe('a');
    await a.db.sync(shared);
    expect((await a.db.get('only-b')).from).toBe('b');

    // Both analysts edit the same article while apart.
    const inA = await a.db.get('article-1');
    const inB = await b.db.get('article-1');
    await a.db.put({ ...inA, title: 'Edited in A' });
    await b.db.put({ ...inB, title: 'Edited in B' });
    await a.db.sync(shared);
    await b.db.sync(shared);
    await a.db.sync(shared);
    // Each side syncs once more after the other's last run: the server's changes feed may not yet
    // have offered B a revision it had just received when B's run read it.
    await b.db.sync(shared);

    const winnerA = await a.db.get('article-1', { conflicts: true });
    const winnerB = await b.db.get('article-1', { conflicts: true });
    const onServer = await shared.get('article-1', { conflicts: true });
    expect(winnerA._rev).toBe(winnerB._rev);
    expect(winnerA.title).toBe(winnerB.title);
    expect(onServer._rev).toBe(winnerA._rev);
    expect(winnerA._conflicts).toHaveLength(1);
    expect(winnerB._conflicts).toEqual(winnerA._conflicts);
    expect(['Edited in A', 'Edited in B']).toContain(winnerA.title);
    const loser = await a.db.get('article-1', { rev: winnerA._conflicts![0] });
    expect(loser.title).toBe(winnerA.title === 'Edited in A' ? 'Edited in B' : 'Edited in A');
  }, 60_000);

  it('resumes a replication cut off mid-way from its checkpoint, and every doc arrives once', async () => {
    const total = 10_000;
    const batchSize = 100;
    const local = await replica('local');
    for (let i = 0; i < total; i += 1000) {
      const docs = Array.from({ length: 1000 }, (_, j) => ({ _id: `doc-${String(i + j).padStart(5, '0')}`, n: i + j }));
      await local.db.bulkDocs(docs);
    }
    const proxy = await startCuttableProxy(server.port);
    try {
      const name = 'team-interrupted';
      const direct = remote(server.dbUrl(name));
      await direct.info(); // creates the database with the admin's credentials
      const throughProxy = remote(`${proxy.url}/${name}`);

      let cutAt = 0;
      const first = local.db.replicate.to(throughProxy, { batch_size: batchSize, retry: false });
      first.on('change', (info) => {
        const written = (info as ReplicationResult).docs_written;
        if (cutAt === 0 && written >= 3000) {
          cutAt = written;
          proxy.cut(); // the network goes away in the middle of the replication
        }
      });
      const outcome = await Promise.resolve(first).then(() => 'completed', () => 'failed');
      expect(cutAt).toBeGreaterThanOrEqual(3000);
      expect(outcome).toBe('failed');
      const onServerAfterCut = (await direct.info()).doc_count;
      expect(onServerAfterCut).toBeGreaterThanOrEqual(cutAt);
      expect(onServerAfterCut).toBeLessThan(total);

      proxy.restore();
      const second = await local.db.replicate.to(throughProxy, { batch_size: batchSize, retry: false });
      expect(second.ok).toBe(true);
      // The checkpoint made the second run read and write only the remainder (give or take the
      // batch whose checkpoint the cut may have lost: revs_diff keeps it from being written twice).
      expect(second.docs_read).toBeLessThanOrEqual(total - cutAt + batchSize);
      expect(second.docs_written).toBeLessThanOrEqual(total - onServerAfterCut);
      expect(second.docs_written).toBeGreaterThan(0);

      const all = await direct.allDocs();
      expect(all.total_rows).toBe(total);
      expect(new Set(all.rows.map((row) => row.id)).size).toBe(total);
      // Arrived once: every doc is still at its first revision, nothing was written twice.
      expect(all.rows.every((row) => row.value!.rev.startsWith('1-'))).toBe(true);
      const conflicted = await direct.allDocs({ include_docs: true, conflicts: true, keys: ['doc-00000', 'doc-05000', 'doc-09999'] });
      expect(conflicted.rows.every((row) => row.doc && !row.doc._conflicts)).toBe(true);

      const third = await local.db.replicate.to(throughProxy, { batch_size: batchSize });
      expect(third.docs_read).toBe(0);
      expect(third.docs_written).toBe(0);
    } finally {
      await proxy.close();
    }
  }, 180_000);

  it('keeps the server data across a server restart and pulls it into a fresh replica', async () => {
    const source = await replica('source');
    await source.db.bulkDocs(Array.from({ length: 50 }, (_, i) => ({ _id: `d${i}`, n: i })));
    const shared = remote(server.dbUrl('team-restart'));
    await source.db.replicate.to(shared);
    await server.restart();
    const fresh = await replica('fresh');
    const pulled = await fresh.db.replicate.from(remote(server.dbUrl('team-restart')));
    expect(pulled.docs_written).toBe(50);
    expect((await fresh.db.info()).doc_count).toBe(50);
  }, 60_000);
});
