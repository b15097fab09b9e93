import type { GraphData, GraphEdge, GraphNode } from '../../../electron/common/model/graph';

/** From this many elements on, the chart trades detail for speed (see chartStyle and LinkChart). */
export const LARGE_CHART = 1500;
/**
 * From this many relationships on (on a large chart), edges are drawn on the edge layer rather than
 * held by cytoscape (edgeLayer.ts). The overview (2,000 relationships) stays below it: cytoscape
 * adds and draws that many in a fraction of a second.
 */
export const LAYERED_EDGES = 3000;

/** Whether a chart of this size draws its edges on the edge layer. */
export function isLayered(nodes: number, edges: number): boolean {
  return nodes + edges >= LARGE_CHART && edges >= LAYERED_EDGES;
}

/** What the chart holds now: node ids, and each cytoscape edge's ends. */
export interface OnChart {
  nodes: ReadonlySet<string>;
  edges: ReadonlyMap<string, { source: string; target: string }>;
}

/** How to go from what the chart holds to new data, touching only what changed. */
export interface ChartPlan {
  /** Node and edge ids to take off cytoscape (a node's edges go with it). */
  remove: string[];
  /** Nodes to add, and nodes already there (their label, type or size may have changed). */
  addNodes: GraphNode[];
  keepNodes: GraphNode[];
  /** Edges for cytoscape to add, and cytoscape edges already there. */
  addEdges: GraphEdge[];
  keepEdges: GraphEdge[];
  /** Edges for the edge layer (every edge when layered, none otherwise). */
  layerEdges: GraphEdge[];
}

/**
 * The change from the chart as it is to `data`: going from the overview to everything keeps the
 * overview's entities where they are and adds only the rest, rather than removing and adding all
 * (cytoscape's add costs in proportion to what it adds). A layered chart hands every edge to the
 * layer, so cytoscape's own edges come off; an edge whose ends changed (after a merge) is replaced.
 */
export function planChart(data: GraphData, onChart: OnChart, layered: boolean): ChartPlan {
  const nodeIds = new Set(data.nodes.map((n) => n.id));
  const remove: string[] = [];
  for (const id of onChart.nodes) if (!nodeIds.has(id)) remove.push(id);
  const addNodes = data.nodes.filter((n) => !onChart.nodes.has(n.id));
  const keepNodes = data.nodes.filter((n) => onChart.nodes.has(n.id));
  if (layered) {
    for (const id of onChart.edges.keys()) remove.push(id);
    return { remove, addNodes, keepNodes, addEdges: [], keepEdges: [], layerEdges: data.edges };
  }
  const addEdges: GraphEdge[] = [];
  const keepEdges: GraphEdge[] = [];
  const wanted = new Set<string>();
  for (const edge of data.edges) {
    wanted.add(edge.id);
    const there = onChart.edges.get(edge.id);
    if (there && there.source === edge.source && there.target === edge.target) keepEdges.push(edge);
    else {
      if (there) remove.push(edge.id);
      addEdges.push(edge);
    }
  }
  for (const id of onChart.edges.keys()) if (!wanted.has(id)) remove.push(id);
  return { remove, addNodes, keepNodes, addEdges, keepEdges, layerEdges: [] };
}
