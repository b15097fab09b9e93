import { describe, expect, it } from 'vitest';
import { mergeConflict } from './conflictMerge';
import { PouchDB, type Database } from './pouch';
import type { PouchSyncDoc } from './pouchBodies';
import { sameBody } from './syncDocs';
import { mergeVersions } from './syncMerge';
// Registers the in-memory adapter the sync tests use.
import './testing/syncTestBed';

const mirror = { check: () => null, merge: (_id: string, ancestor: Parameters<typeof mergeVersions>[0], versions: Parameters<typeof mergeVersions>[1]) => mergeVersions(ancestor, versions), sameBody };
let count = 0;
const replica = (): Database => new PouchDB(`merge-${++count}-${Date.now()}`, { adapter: 'sync-test-memory' });
const body = (keys: string[], who: string) => ({ kind: 'relation-dismissals', value: { keys }, provenance: { createdBy: 'Ana', createdAt: '2025-01-01', changedBy: who, changedAt: `2025-02-0${who.length}` } });
const both = async (x: Database, y: Database) => {
  await x.replicate.to(y);
  await y.replicate.to(x);
};
const winner = async (db: Database) => (await db.get('relation-dismissals', { conflicts: true })) as unknown as PouchSyncDoc;

/** Two replicas holding the same conflict: Ana and Ben each changed the list from ['a']. */
async function conflicted(): Promise<[Database, Database]> {
  const [ana, ben] = [replica(), replica()];
  const first = await ana.put({ _id: 'relation-dismissals', ...body(['a'], 'Ana') });
  await both(ana, ben);
  await ana.put({ _id: 'relation-dismissals', _rev: first.rev, ...body(['a', 'b'], 'Ana') });
  await ben.put({ _id: 'relation-dismissals', _rev: first.rev, ...body(['c'], 'Ben') });
  await both(ana, ben);
  expect((await winner(ana))._conflicts).toHaveLength(1);
  return [ana, ben];
}

describe('mergeConflict', () => {
  it('merges a list\'s conflict against the common ancestor, writing the same revisions on two sides that merge it apart', async () => {
    const [ana, ben] = await conflicted();
    expect(await mergeConflict(ana, 'relation-dismissals', await winner(ana), mirror)).toBe(true);
    expect(await mergeConflict(ben, 'relation-dismissals', await winner(ben), mirror)).toBe(true);
    const [x, y] = [await winner(ana), await winner(ben)];
    expect(x._rev).toBe(y._rev);
    expect(x._conflicts).toBeUndefined();
    // Ana's b and Ben's removal of a both hold, as does his c.
    expect(new Set((x.value as { keys: string[] }).keys)).toEqual(new Set(['b', 'c']));
    // Meeting again, they have nothing new for each other and no conflict.
    const sent = await ana.replicate.to(ben);
    expect(sent.docs_written).toBe(0);
    await both(ana, ben);
    expect((await winner(ben))._conflicts).toBeUndefined();
    expect((await winner(ben))._rev).toBe(x._rev);
  });

  it('leaves a conflict the mirror cannot merge as it is', async () => {
    const [ana] = await conflicted();
    const before = await winner(ana);
    expect(await mergeConflict(ana, 'relation-dismissals', before, { ...mirror, merge: () => null })).toBe(false);
    expect(await winner(ana)).toEqual(before);
  });

  it('merges as a union where the replica never held the common ancestor', async () => {
    const [ana] = await conflicted();
    // A third replica hears only of the two versions, not of the list they both changed.
    const cal = replica();
    await ana.replicate.to(cal, { doc_ids: ['relation-dismissals'] });
    expect((await winner(cal))._conflicts).toHaveLength(1);
    expect(await mergeConflict(cal, 'relation-dismissals', await winner(cal), mirror)).toBe(true);
    expect(new Set(((await winner(cal)).value as { keys: string[] }).keys)).toEqual(new Set(['a', 'b', 'c']));
  });
});
