import { isDeepStrictEqual } from 'node:util';
import type { Mention } from '../../common/model/entity';
import type { RelationType } from '../../common/model/relation';
import { sameBody, type DocId, type Provenance, type SyncBody } from './syncDocs';

/**
 * Concurrent versions of one document merged without asking the analyst, where a merge is sure:
 * the documents that hold lists (`relation-types`, `relation-dismissals`, `entity-rejections`,
 * `dismissed-dates:<articleId>`, `links:<articleId>`), and any document whose versions all hold
 * the same content. Two analysts adding to a list while apart each keep their addition; one
 * removing an item while the other adds another keeps both changes.
 *
 * A three-way merge against the versions' common ancestor: an item is kept when it was there and
 * no version removed it (or a version changed it: an edit beats a removal, as in CouchDB), or when
 * it was not there and some version added it. Without the ancestor's body (a replica that never
 * held it) the ancestor counts as empty: the union, which keeps every addition and may bring back
 * an item someone removed — never the other way round.
 *
 * The answer depends only on the versions and the ancestor, in the order given (the winner first),
 * so every replica holding the same revision tree computes the same merge, and the sync service
 * saves it under the same revision id on every side (see SyncService.mergeConflict).
 *
 * Answers null when the versions truly disagree, and the conflict is the analyst's: one item
 * changed two ways (a relationship type's labels), links made on different texts of the article,
 * or two analysts linking overlapping words to entities.
 */
export function mergeVersions(ancestor: SyncBody | null, versions: readonly SyncBody[]): SyncBody | null {
  const [winner] = versions;
  if (!winner || versions.some((v) => v.kind !== winner.kind)) return null;
  if (versions.every((v) => sameBody(v, winner))) return winner;
  const base = ancestor?.kind === winner.kind ? ancestor : null;
  const provenance = mergedProvenance(base, versions);
  switch (winner.kind) {
    case 'relation-types': {
      const types = mergeKeyed(listOf<RelationType>(base, 'types'), versions.map((v) => listOf<RelationType>(v, 'types')), (t) => t.key);
      return types && { kind: winner.kind, value: { types }, provenance };
    }
    case 'relation-dismissals':
    case 'dismissed-dates': {
      const keys = mergeKeyed(listOf<string>(base, 'keys'), versions.map((v) => listOf<string>(v, 'keys')), (k) => k);
      return keys && { kind: winner.kind, value: { keys }, provenance };
    }
    case 'entity-rejections': {
      const names = mergeKeyed(listOf<string>(base, 'names'), versions.map((v) => listOf<string>(v, 'names')), (n) => n);
      return names && { kind: winner.kind, value: { names }, provenance };
    }
    case 'links': {
      // Offsets point into one text: links made on different versions of it are not merged.
      const version = winner.value.version;
      if (versions.some((v) => v.kind === 'links' && v.value.version !== version)) return null;
      const from = base?.kind === 'links' && base.value.version === version ? base.value.mentions : null;
      const merged = mergeKeyed(from, versions.map((v) => listOf<Mention>(v, 'mentions')), (m) => m.id);
      if (!merged) return null;
      const mentions = [...merged].sort((x, y) => x.start - y.start || x.end - y.end || x.id.localeCompare(y.id));
      // Two analysts linked overlapping words: which entity they name is theirs to settle.
      if (mentions.some((m, i) => i > 0 && mentions[i - 1]!.end > m.start)) return null;
      return { kind: winner.kind, value: { version, mentions }, provenance };
    }
    default:
      return null;
  }
}

/** Whether a document holds a list that merges on its own (see mergeVersions). */
export function isListDoc(doc: DocId): boolean {
  return ['relation-types', 'relation-dismissals', 'entity-rejections', 'dismissed-dates', 'links'].includes(doc.type);
}

/**
 * A list document that the workspace holds no items of any more, while what it belongs to is
 * still here, as a document with an empty list rather than a deletion: CouchDB lets any edit
 * beat a deletion without a conflict, so removing the last item while a colleague added another
 * would otherwise be undone silently. Null for the documents that are not such lists.
 */
export function emptyListBody(doc: DocId, version: number, provenance: Provenance): SyncBody | null {
  if (doc.type === 'dismissed-dates') return { kind: 'dismissed-dates', value: { keys: [] }, provenance };
  if (doc.type === 'links') return { kind: 'links', value: { version, mentions: [] }, provenance };
  return null;
}

function listOf<T>(body: SyncBody | null, field: string): T[] {
  return body ? ((body.value as Record<string, unknown>)[field] as T[]) : [];
}

/**
 * The three-way merge of keyed lists (see mergeVersions); null when an item was changed two
 * ways. Items keep the winner's order, then each other version's additions in its order.
 */
function mergeKeyed<T>(ancestor: readonly T[] | null, versions: readonly (readonly T[])[], keyOf: (item: T) => string): T[] | null {
  const base = new Map((ancestor ?? []).map((item) => [keyOf(item), item]));
  const maps = versions.map((items) => new Map(items.map((item) => [keyOf(item), item])));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const items of versions) {
    for (const item of items) {
      const key = keyOf(item);
      if (seen.has(key)) continue;
      seen.add(key);
      const held = maps.map((m) => m.get(key));
      const before = base.get(key);
      // The values the versions that hold it give it; changed ones are those unlike the ancestor's.
      const values = held.filter((v): v is T => v !== undefined);
      const changed = before === undefined ? values : values.filter((v) => !isDeepStrictEqual(v, before));
      const distinct = changed.filter((v, i) => changed.findIndex((w) => isDeepStrictEqual(v, w)) === i);
      if (distinct.length > 1) return null;
      // There before, unchanged, and some version removed it: removed.
      if (before !== undefined && distinct.length === 0 && held.some((v) => v === undefined)) continue;
      out.push(distinct[0] ?? before ?? item);
    }
  }
  return out;
}

/**
 * Who made the merged version: its creator as the ancestor (or the winner) says, its last change
 * the latest of the versions'. Chosen from the versions alone, so every side writes the same.
 */
function mergedProvenance(base: SyncBody | null, versions: readonly SyncBody[]): Provenance {
  const created = (base ?? versions[0]!).provenance;
  const latest = versions.reduce((a, b) => (b.provenance.changedAt > a.provenance.changedAt ? b : a));
  return { createdBy: created.createdBy, createdAt: created.createdAt, changedBy: latest.provenance.changedBy, changedAt: latest.provenance.changedAt };
}
