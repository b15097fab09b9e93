import type { Grading } from '../../common/model/annotation';
import type { EntityType } from '../../common/model/entityType';
import type { GraphFilter } from '../../common/model/graph';
import type { Relation } from '../../common/model/relation';

/** A relationship with both its ends resolved to the entities they name today. */
export interface ResolvedRelation {
  relation: Relation;
  from: { id: string; type: EntityType };
  to: { id: string; type: EntityType };
}

/**
 * The test every relationship must pass, built once per filter: each given field narrows, as
 * graph.ts documents them. Focus is not here: it depends on the other edges (see `withinHops`).
 */
export function edgeTest(filter: GraphFilter): (edge: ResolvedRelation) => boolean {
  const tests: ((edge: ResolvedRelation) => boolean)[] = [];
  if (filter.entityTypes) {
    const allowed = new Set<string>(filter.entityTypes);
    tests.push(({ from, to }) => allowed.has(from.type) && allowed.has(to.type));
  }
  if (filter.relationTypes) {
    const allowed = new Set<string>(filter.relationTypes);
    tests.push(({ relation }) => allowed.has(relation.type));
  }
  if (filter.articleId) {
    const articleId = filter.articleId;
    tests.push(({ relation }) => relation.evidence.some((e) => e.articleId === articleId));
  }
  if (filter.minGrading) {
    const least = filter.minGrading;
    tests.push(({ relation }) => gradedAtLeast(relation.grading, least));
  }
  if (filter.from !== undefined || filter.to !== undefined) {
    const { from, to } = filter;
    tests.push(({ relation }) => overlaps(relation, from, to));
  }
  return (edge) => tests.every((test) => test(edge));
}

/** Reliability at or better than the letter (A best) and credibility at or better than the number (1 best). */
export function gradedAtLeast(grading: Grading | null, least: Grading): boolean {
  return grading !== null && grading.reliability <= least.reliability && grading.credibility <= least.credibility;
}

/**
 * Whether the relationship's time can meet the range. A date stands for the whole period it names
 * ("2024" is all of 2024), so its first moment sorts as the string itself and its last as the
 * string followed by '~', which sorts after any digit or hyphen: "2024" ≤ "2024-06-01" ≤ "2024~".
 * A missing start or end is open on that side; a relationship with neither is left out.
 */
export function overlaps({ start, end }: Pick<Relation, 'start' | 'end'>, from: string | undefined, to: string | undefined): boolean {
  if (start === null && end === null) return false;
  const startsBeforeRangeEnds = to === undefined || start === null || start <= `${to}~`;
  const endsAfterRangeStarts = from === undefined || end === null || `${end}~` >= from;
  return startsBeforeRangeEnds && endsAfterRangeStarts;
}

/**
 * The edges within `hops` of `focus`: breadth-first over the edges either way round, then every
 * edge whose two ends were both reached (the focus's ego network, as Gephi's and networkx's are).
 */
export function withinHops<E extends { from: { id: string }; to: { id: string } }>(edges: readonly E[], focus: string, hops: number): E[] {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const { from, to } of edges) {
    link(from.id, to.id);
    link(to.id, from.id);
  }
  const reached = new Set([focus]);
  let frontier = [focus];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of neighbours.get(id) ?? []) {
        if (reached.has(neighbour)) continue;
        reached.add(neighbour);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return edges.filter(({ from, to }) => reached.has(from.id) && reached.has(to.id));
}
