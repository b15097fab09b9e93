import Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { GraphPosition } from '../../../electron/common/model/graph';

export interface LayoutInput {
  nodes: readonly { id: string; position: GraphPosition | null }[];
  edges: readonly { source: string; target: string; weight: number }[];
}
export type Positions = Record<string, GraphPosition>;

/** Chart units between neighbours on the start spiral: about a node and its label apart. */
const SPACING = 60;
/**
 * ForceAtlas2's repulsion. Its units are its own: at the default, neighbours settle about 15 units
 * apart, under the 18–48 px the chart draws a node; at this, 50–110, so nodes and labels stand clear.
 */
const REPULSION = 300;
/** A typical edge at least this long (chart units, px at 100%): room for a label like "defence minister of". */
const MIN_EDGE = 170;

/** How many ForceAtlas2 passes settle a graph of this size (each costs O(n log n) with Barnes–Hut). */
export function passesFor(order: number): number {
  if (order <= 200) return 400;
  if (order <= 1000) return 120;
  return 150;
}

/**
 * Where nodes start: pinned ones where the analyst put them, the rest along an Archimedean spiral
 * (one node every SPACING along the curve, turns SPACING apart) in breadth-first order from the
 * best-connected node, so neighbours start near each other. It costs
 * O(n + m), which is what lets a chart of thousands paint at once and settle afterwards.
 */
export function startPositions({ nodes, edges }: LayoutInput): Positions {
  const neighbours = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const { source, target } of edges) {
    // An edge to a node the chart does not hold has nothing to pull.
    if (!neighbours.has(source) || !neighbours.has(target)) continue;
    neighbours.get(source)!.push(target);
    neighbours.get(target)!.push(source);
  }
  const byDegree = [...nodes].sort((a, b) => neighbours.get(b.id)!.length - neighbours.get(a.id)!.length || (a.id < b.id ? -1 : 1));
  const order: string[] = [];
  const seen = new Set<string>();
  for (const root of byDegree) {
    if (seen.has(root.id)) continue;
    seen.add(root.id);
    const queue = [root.id];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      order.push(id);
      for (const next of neighbours.get(id)!) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
  }
  const pinned = new Map(nodes.filter((n) => n.position).map((n) => [n.id, n.position!]));
  const positions: Positions = {};
  let slot = 0;
  for (const id of order) {
    const pin = pinned.get(id);
    if (pin) {
      positions[id] = { ...pin };
      continue;
    }
    // Arc length from the centre of r = bθ is about bθ²/2; b = SPACING/2π puts turns SPACING apart.
    const theta = Math.sqrt(4 * Math.PI * (slot + 1));
    const r = (SPACING / (2 * Math.PI)) * theta;
    positions[id] = { x: r * Math.cos(theta), y: r * Math.sin(theta) };
    slot++;
  }
  return positions;
}

/**
 * ForceAtlas2 (the layout Gephi uses for large graphs) run a few passes at a time, so a caller can
 * show each improvement and stop when time is up. Pinned nodes never move.
 */
export class ForceLayout {
  private readonly graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: false });
  private readonly settings: ForceAtlas2Settings;
  readonly free: number;
  passes = 0;

  constructor(input: LayoutInput, start: Positions = startPositions(input)) {
    for (const node of input.nodes) {
      const at = start[node.id] ?? { x: 0, y: 0 };
      this.graph.addNode(node.id, { x: at.x, y: at.y, fixed: node.position !== null });
    }
    for (const edge of input.edges) {
      if (edge.source !== edge.target && this.graph.hasNode(edge.source) && this.graph.hasNode(edge.target)) this.graph.addEdge(edge.source, edge.target, { weight: Math.max(1, edge.weight) });
    }
    this.free = input.nodes.filter((n) => n.position === null).length;
    this.settings = { ...forceAtlas2.inferSettings(this.graph), barnesHutOptimize: this.graph.order > 500, scalingRatio: REPULSION };
  }

  step(passes: number): void {
    if (this.free < 2 || passes <= 0) return;
    forceAtlas2.assign(this.graph, { iterations: passes, settings: this.settings, getEdgeWeight: 'weight' });
    this.passes += passes;
  }

  /**
   * Where every node is now. A small graph settles tight (ForceAtlas2 knows nothing of labels), so
   * the free nodes are spread about their centre until a typical edge is long enough to carry its
   * label; pinned nodes stay put.
   */
  positions(): Positions {
    const positions: Positions = {};
    this.graph.forEachNode((id, attributes) => {
      positions[id] = { x: attributes.x as number, y: attributes.y as number };
    });
    const lengths = this.graph.mapEdges((_, __, source, target) => Math.hypot(positions[source]!.x - positions[target]!.x, positions[source]!.y - positions[target]!.y)).sort((a, b) => a - b);
    const typical = lengths[lengths.length >> 1];
    if (!typical || typical >= MIN_EDGE || this.free < 2) return positions;
    const free = this.graph.filterNodes((_, attributes) => !attributes.fixed);
    const centre = free.reduce((c, id) => ({ x: c.x + positions[id]!.x / free.length, y: c.y + positions[id]!.y / free.length }), { x: 0, y: 0 });
    const factor = MIN_EDGE / Math.max(typical, 1);
    for (const id of free) positions[id] = { x: centre.x + (positions[id]!.x - centre.x) * factor, y: centre.y + (positions[id]!.y - centre.y) * factor };
    return positions;
  }
}

/** The whole layout at once: what a small chart (and the tests) use. */
export function layoutGraph(input: LayoutInput): Positions {
  const layout = new ForceLayout(input);
  layout.step(passesFor(input.nodes.length));
  return layout.positions();
}
