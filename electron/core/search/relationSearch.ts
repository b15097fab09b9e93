import type { RecordChange } from '../../common/contract';
import type { Relation, RelationType } from '../../common/model/relation';
import { ENTITIES, followMerges, type EntitiesFile } from '../entities/entityDocuments';
import { RELATION_TYPES_RECORD, RELATIONS, type RelationsFile } from '../relations/relationDocuments';
import type { WorkspaceStore } from '../store/workspaceStore';
import { relationDoc, relationTitle, type RelationShown } from './searchDocuments';
import type { SearchIndex } from './searchIndex';
import { snippetOf, type Snippet } from './snippet';

/**
 * Relationships in the search index. Their documents are built from relations.json and the
 * entities' names alone (evidence words are kept with each relationship), so they are few and
 * cheap to build, and only a change of a relationship, of an entity it joins, or of the type
 * vocabulary changes one.
 */

/** Each relationship as shown now: names read through merges, the type's labels from the vocabulary. */
export function relationsShown(relations: RelationsFile, entities: EntitiesFile): RelationShown[] {
  const byId = new Map(entities.entities.map((e) => [e.id, e.name]));
  const types = new Map(relations.types.map((t) => [t.key, t]));
  return relations.relations.map((relation) => shown(relation, (key) => types.get(key), (id) => byId.get(id), entities.mergedInto));
}

function shown(
  relation: Relation,
  typeOf: (key: string) => RelationType | undefined,
  nameOf: (id: string) => string | undefined,
  mergedInto: Record<string, string>,
): RelationShown {
  const [from, to] = [relation.from, relation.to].map((id) => followMerges(mergedInto, id)) as [string, string];
  const type = typeOf(relation.type);
  const name = (id: string) => nameOf(id) ?? 'a deleted entity';
  // A type missing from the vocabulary (a hand-edited file) still reads, by its key.
  return { relation, from: name(from), to: name(to), label: type?.label ?? relation.type, inverse: type?.inverse ?? relation.type, entityIds: [from, to] };
}

/** Whether the change feed's records concern the relationships' documents. */
export function touchesRelations(change: RecordChange): boolean {
  return change.subject === 'relation' || (change.subject === 'entity' && !change.articleId) || (change.subject === 'workspace' && change.id === RELATION_TYPES_RECORD);
}

/**
 * Brings the relationships' documents up to date with the changes: the relationships named, those
 * joining an entity renamed, merged or deleted, or all of them when the vocabulary changed.
 */
export async function applyRelationChanges(store: WorkspaceStore, index: SearchIndex, changes: readonly RecordChange[]): Promise<void> {
  const relationIds = new Set(changes.filter((c) => c.subject === 'relation').map((c) => c.id));
  const entityIds = new Set(changes.filter((c) => c.subject === 'entity' && !c.articleId).map((c) => c.id));
  const everything = changes.some((c) => c.subject === 'workspace' && c.id === RELATION_TYPES_RECORD);
  if (relationIds.size === 0 && entityIds.size === 0 && !everything) return;
  const relations = await store.readWorkspaceDoc(RELATIONS);
  const entities = await store.readWorkspaceDoc(ENTITIES);
  const joins = (r: Relation) => [r.from, r.to].some((id) => entityIds.has(id) || entityIds.has(followMerges(entities.mergedInto, id)));
  for (const one of relationsShown(relations, entities)) {
    if (everything || relationIds.has(one.relation.id) || joins(one.relation)) index.put(relationDoc(one));
  }
  const present = new Set(relations.relations.map((r) => r.id));
  for (const id of relationIds) if (!present.has(id)) index.remove('relation', id);
}

/**
 * A relationship's snippet, and where its result opens: the first evidence passage still placed
 * in its article, or (none left) its from-entity's page.
 */
export async function relationSnippet(
  store: WorkspaceStore,
  id: string,
  matched: Set<string>,
  phrases: string[][],
): Promise<(Snippet & { articleId: string | null; entityId: string }) | null> {
  const relations = await store.readWorkspaceDoc(RELATIONS);
  const relation = relations.relations.find((r) => r.id === id);
  if (!relation) return null;
  const entities = await store.readWorkspaceDoc(ENTITIES);
  // One relationship of a page of results: its two names are looked up, not the whole list indexed.
  const one = shown(relation, (key) => relations.types.find((t) => t.key === key), (id) => entities.entities.find((e) => e.id === id)?.name, entities.mergedInto);
  const fields = [relationTitle(one), `${one.label}, ${one.inverse}`, ...relation.evidence.map((e) => e.quote)];
  const found = snippetOf(fields, matched, phrases, null);
  if (!found) return null;
  const entityId = one.entityIds[0]!;
  for (const e of relation.evidence) {
    if (!store.hasArticle(e.articleId)) continue;
    // Peeked, like a highlight's: a search must not keep article files open.
    const annotation = (await store.peekAnnotations(e.articleId)).find((a) => a.id === e.annotationId);
    if (annotation && annotation.status !== 'orphaned') {
      return { ...found, articleId: e.articleId, start: annotation.target.position.start, end: annotation.target.position.end, entityId };
    }
  }
  return { ...found, articleId: null, start: null, end: null, entityId };
}
