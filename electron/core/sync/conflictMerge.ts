import { createHash } from 'node:crypto';
import type { Database, PouchDoc } from './pouch';
import { fromPouchDoc, hasAttachments, toPouchDoc, type PouchSyncDoc } from './pouchBodies';
import type { MirrorPort, SyncBody } from './syncPorts';

/**
 * Settles a conflict on its own where the mirror can merge the versions (the lists: syncMerge.ts):
 * the merge becomes a child of the winner and the other versions are closed. Every revision
 * written here has an id made from what it holds and where it goes, so two sides merging the same
 * conflict write the same revisions, and replicating them changes nothing. Answers whether it merged.
 */
export async function mergeConflict(db: Database, id: string, winner: PouchSyncDoc, mirror: Pick<MirrorPort, 'check' | 'merge' | 'sameBody'>): Promise<boolean> {
  if (hasAttachments(winner)) return false;
  const leaves = (await db.get(id, { open_revs: 'all', revs: true })) as unknown as { ok?: RevisedDoc }[];
  const live = leaves.flatMap((leaf) => (leaf.ok && !leaf.ok._deleted ? [leaf.ok] : []));
  const first = live.find((leaf) => leaf._rev === winner._rev);
  if (!first || live.length < 2 || live.some(hasAttachments)) return false;
  const others = live.filter((leaf) => leaf !== first).sort((x, y) => (x._rev! < y._rev! ? -1 : 1));
  const versions = [first, ...others].map(fromPouchDoc);
  if (versions.some((body) => mirror.check(id, body) !== null)) return false;
  const merged = mirror.merge(id, await commonAncestor(db, id, [first, ...others], mirror), versions);
  if (!merged) return false;
  const writes: object[] = [];
  if (!mirror.sameBody(merged, versions[0]!)) writes.push({ ...toPouchDoc(id, merged), ...childOf(first, digest([first._rev, merged])) });
  for (const loser of others) writes.push({ _id: id, _deleted: true, ...childOf(loser, digest(['closed', loser._rev])) });
  await db.bulkDocs(writes as PouchDoc[], { new_edits: false });
  return true;
}

/**
 * The body of the newest revision all the versions descend from that the replica still holds
 * (revisions it only heard of have none); null when it holds none: the merge is then a union.
 */
async function commonAncestor(db: Database, id: string, versions: readonly RevisedDoc[], mirror: Pick<MirrorPort, 'check'>): Promise<SyncBody | null> {
  const paths = versions.map(({ _revisions: { start, ids } }) => ids.map((hash, i) => `${start - i}-${hash}`));
  const others = paths.slice(1).map((p) => new Set(p));
  for (const rev of paths[0]!.filter((r) => others.every((p) => p.has(r)))) {
    const doc = (await db.get(id, { rev }).catch(() => null)) as unknown as PouchSyncDoc | null;
    if (!doc) continue;
    if (doc._deleted) return null;
    const body = fromPouchDoc(doc);
    return mirror.check(id, body) === null ? body : null;
  }
  return null;
}

/** A leaf read with its ancestry (`revs: true`). */
type RevisedDoc = PouchSyncDoc & { _revisions: { start: number; ids: string[] } };

/** A new revision on top of `parent`, with its ancestry, as written with `new_edits: false`. */
function childOf(parent: RevisedDoc, hash: string): { _rev: string; _revisions: { start: number; ids: string[] } } {
  const start = parent._revisions.start + 1;
  return { _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, ...parent._revisions.ids] } };
}

/** A revision hash from what a revision holds and where it goes: the same on every side. */
function digest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
}

/** JSON with every object's keys sorted: equal values spell the same, however they were built. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

