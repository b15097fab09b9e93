import type { GraphData } from './graph';

/** The most a chart draws before the analyst asks for everything: what stays smooth to pan and zoom. */
export const OVERVIEW_NODES = 500;
export const OVERVIEW_EDGES = 2000;

export interface Overview {
  data: GraphData;
  /** How much of the whole graph it leaves out (zero when it is the whole graph). */
  hiddenNodes: number;
  hiddenEdges: number;
}

/**
 * The level of detail a large graph opens at (`graph.data` with a `limit`): its best-connected
 * entities (the focus always among them) and the strongest relationships between them. Who is central shows at
 * once; the rest is a filter, a focus or "Show everything" away.
 */
export function overviewOf(data: GraphData, maxNodes = OVERVIEW_NODES, maxEdges = OVERVIEW_EDGES, keep: ReadonlySet<string> = new Set()): Overview {
  if (data.nodes.length <= maxNodes && data.edges.length <= maxEdges) return { data, hiddenNodes: 0, hiddenEdges: 0 };
  const degree = new Map<string, number>();
  for (const e of data.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  // Pinned entities are not put first: an analyst who pinned hundreds would get an overview of pins.
  const first = (id: string) => (keep.has(id) ? 1 : 0);
  const ranked = [...data.nodes].sort((a, b) => first(b.id) - first(a.id) || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const chosen = new Set(ranked.slice(0, maxNodes).map((n) => n.id));
  const edges = data.edges
    .filter((e) => chosen.has(e.source) && chosen.has(e.target))
    // The strongest first: most evidence, then between the best-connected ends.
    .sort((a, b) => b.weight - a.weight || (degree.get(b.source) ?? 0) + (degree.get(b.target) ?? 0) - (degree.get(a.source) ?? 0) - (degree.get(a.target) ?? 0))
    .slice(0, maxEdges);
  const nodes = data.nodes.filter((n) => chosen.has(n.id));
  return { data: { nodes, edges }, hiddenNodes: data.nodes.length - nodes.length, hiddenEdges: data.edges.length - edges.length };
}
