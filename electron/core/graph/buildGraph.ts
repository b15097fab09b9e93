import type { Entity } from '../../common/model/entity';
import type { GraphData, GraphEdge, GraphFilter, GraphNode, GraphPosition } from '../../common/model/graph';
import type { Evidence, Relation, RelationType } from '../../common/model/relation';
import { followMerges } from '../entities/entityDocuments';
import { edgeTest, withinHops, type ResolvedRelation } from './graphFilter';

/** What the chart is made from, read once per call. */
export interface GraphSources {
  relations: readonly Relation[];
  types: readonly RelationType[];
  entities: readonly Entity[];
  mergedInto: Record<string, string>;
  positions: Record<string, GraphPosition>;
}

/**
 * The relationships that pass the filter, with their ends resolved (merges followed), and the
 * focus entity's id when there is one. Relationships with an end that names no entity (a
 * hand-edited file) are left out: a node needs a name and a type.
 */
export function selectEdges(sources: GraphSources, filter: GraphFilter): { edges: ResolvedRelation[]; focusId: string | null } {
  const byId = entityIndex(sources.entities);
  const survivor = survivorOf(sources.mergedInto);
  const passes = edgeTest(filter);
  const edges: ResolvedRelation[] = [];
  for (const relation of sources.relations) {
    const from = byId.get(survivor(relation.from));
    const to = byId.get(survivor(relation.to));
    if (!from || !to) continue;
    const edge = { relation, from, to };
    if (passes(edge)) edges.push(edge);
  }
  if (!filter.focus) return { edges, focusId: null };
  const focusId = survivor(filter.focus.entityId);
  return { edges: withinHops(edges, focusId, filter.focus.hops), focusId };
}

/**
 * GraphData from the selected edges. `isPlaced` says whether a passage of evidence still has a
 * place in its article (its highlight exists and is not orphaned), as RelationView's `flagged`.
 */
export function assembleGraph(sources: GraphSources, selected: { edges: readonly ResolvedRelation[]; focusId: string | null }, isPlaced: (e: Evidence) => boolean): GraphData {
  const byId = entityIndex(sources.entities);
  const labels = new Map(sources.types.map((t) => [t.key, t.label]));
  const nodeIds = new Set<string>();
  if (selected.focusId !== null && byId.has(selected.focusId)) nodeIds.add(selected.focusId);
  const edges: GraphEdge[] = selected.edges.map(({ relation, from, to }) => {
    nodeIds.add(from.id);
    nodeIds.add(to.id);
    return {
      id: relation.id,
      source: from.id,
      target: to.id,
      type: relation.type,
      // A type missing from the vocabulary (a hand-edited file) still reads, by its key.
      label: labels.get(relation.type) ?? relation.type,
      grading: relation.grading === null ? null : { ...relation.grading },
      start: relation.start,
      end: relation.end,
      weight: relation.evidence.length,
      articleIds: [...new Set(relation.evidence.map((e) => e.articleId))],
      flagged: !relation.evidence.some(isPlaced),
    };
  });
  const positions = pinnedBySurvivor(sources.positions, survivorOf(sources.mergedInto));
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const nodes: GraphNode[] = [...nodeIds]
    .map((id) => {
      const entity = byId.get(id)!;
      const position = positions.get(id);
      return { id, label: entity.name, type: entity.type, position: position ? { x: position.x, y: position.y } : null };
    })
    // A stable order, so two exports of the same workspace compare equal line by line.
    .sort((a, b) => collator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges };
}

/**
 * Pinned positions by the entity each id names today: a position pinned on an entity later merged
 * away follows the survivor, unless the survivor was pinned itself.
 */
export function pinnedBySurvivor(positions: Record<string, GraphPosition>, survivor: (id: string) => string): Map<string, GraphPosition> {
  const out = new Map<string, GraphPosition>();
  for (const [id, position] of Object.entries(positions)) {
    const to = survivor(id);
    if (to !== id && !out.has(to)) out.set(to, position);
  }
  for (const [id, position] of Object.entries(positions)) if (survivor(id) === id) out.set(id, position);
  return out;
}

/** followMerges with its answers kept: 20,000 relationships name the same few thousand ids. */
export function survivorOf(mergedInto: Record<string, string>): (id: string) => string {
  const known = new Map<string, string>();
  return (id) => {
    let to = known.get(id);
    if (to === undefined) {
      to = followMerges(mergedInto, id);
      known.set(id, to);
    }
    return to;
  };
}

/** Entities by id; the same list (documents change copy-on-write) gives the same index. */
const indexes = new WeakMap<readonly Entity[], Map<string, Entity>>();
function entityIndex(entities: readonly Entity[]): Map<string, Entity> {
  let index = indexes.get(entities);
  if (!index) {
    index = new Map(entities.map((e) => [e.id, e]));
    indexes.set(entities, index);
  }
  return index;
}
