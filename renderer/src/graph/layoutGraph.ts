import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import FORCE_ATLAS_2_DEFAULTS from 'graphology-layout-forceatlas2/defaults.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
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

/** How far from the entity it hangs on a new entity's ring starts, and how it widens with each one. */
const RING_START = 90;
const RING_STEP = 22;
/** The golden angle: each new entity on a ring turns this far from the last, so none line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Where nodes start when the chart grows (the overview's 500 entities become all of them): those
 * already on the chart stay where they are, and each new one starts beside the entities it is
 * linked to, found outward from the placed ones: in the middle of them when it has several, else
 * on a widening ring around the one (a hub's 2,000 leaves around the hub). The shape comes from
 * the layout already done, so the new layout needs only a few passes to settle the newcomers.
 * What links to nothing placed starts on the spiral, outside. O(n + m).
 */
export function grownPositions({ nodes, edges }: LayoutInput, placed: Positions): Positions {
  const neighbours = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const { source, target } of edges) {
    if (!neighbours.has(source) || !neighbours.has(target) || source === target) continue;
    neighbours.get(source)!.push(target);
    neighbours.get(target)!.push(source);
  }
  const positions: Positions = {};
  for (const n of nodes) {
    const at = n.position ?? placed[n.id];
    if (at) positions[n.id] = { ...at };
  }
  const ring = new Map<string, number>();
  const queue = Object.keys(positions);
  for (let head = 0; head < queue.length; head++) {
    for (const next of neighbours.get(queue[head]!) ?? []) {
      if (positions[next]) continue;
      const around = neighbours.get(next)!.filter((id) => positions[id]);
      if (around.length > 1) {
        const x = around.reduce((sum, id) => sum + positions[id]!.x, 0) / around.length;
        const y = around.reduce((sum, id) => sum + positions[id]!.y, 0) / around.length;
        // A little apart from the centre, so two with the same neighbours do not sit on each other.
        const k = ring.get(next) ?? queue.length;
        positions[next] = { x: x + RING_STEP * Math.cos(k * GOLDEN_ANGLE), y: y + RING_STEP * Math.sin(k * GOLDEN_ANGLE) };
      } else {
        const hub = around[0]!;
        const k = ring.get(hub) ?? 0;
        ring.set(hub, k + 1);
        const r = RING_START + RING_STEP * Math.sqrt(k);
        positions[next] = { x: positions[hub]!.x + r * Math.cos(k * GOLDEN_ANGLE), y: positions[hub]!.y + r * Math.sin(k * GOLDEN_ANGLE) };
      }
      queue.push(next);
    }
  }
  const rest = nodes.filter((n) => !positions[n.id]);
  if (rest.length === 0) return positions;
  // Unlinked to the placed ones: their own spiral, moved out past everything placed.
  const edge = Math.max(0, ...Object.values(positions).map((p) => Math.hypot(p.x, p.y)));
  const spiral = startPositions({ nodes: rest.map((n) => ({ id: n.id, position: null })), edges });
  for (const n of rest) {
    const p = spiral[n.id]!;
    const r = Math.hypot(p.x, p.y);
    const scale = r === 0 ? 1 : (r + edge + SPACING) / r;
    positions[n.id] = r === 0 ? { x: edge + SPACING, y: 0 } : { x: p.x * scale, y: p.y * scale };
  }
  return positions;
}

/** Fields per node and per edge in ForceAtlas2's matrices (graphology-layout-forceatlas2's own layout). */
const PPN = 10;
const PPE = 3;
const [NODE_X, NODE_Y, NODE_MASS, NODE_CONVERGENCE, NODE_SIZE, NODE_FIXED] = [0, 1, 6, 7, 8, 9];

/**
 * ForceAtlas2 (the layout Gephi uses for large graphs) run a few passes at a time, so a caller can
 * show each improvement and stop when time is up. Pinned nodes never move.
 *
 * It keeps the algorithm's matrices between steps and runs its iteration on them directly: the
 * library's `assign` builds a graph's matrices anew for every call and writes them back after, which
 * for a chart of 25,000 elements cost more than the passes of a step, and started each step's
 * speed adaptation (how far each node may still move) from scratch.
 */
export class ForceLayout {
  private readonly ids: string[] = [];
  private readonly nodes: Float32Array;
  private readonly edges: Float32Array;
  private readonly settings: ForceAtlas2Settings;
  readonly free: number;
  passes = 0;

  constructor(input: LayoutInput, start: Positions = startPositions(input)) {
    const index = new Map<string, number>();
    for (const node of input.nodes) {
      if (index.has(node.id)) continue;
      index.set(node.id, this.ids.length * PPN);
      this.ids.push(node.id);
    }
    this.nodes = new Float32Array(this.ids.length * PPN);
    for (const node of input.nodes) {
      const at = index.get(node.id)!;
      const p = start[node.id] ?? { x: 0, y: 0 };
      this.nodes[at + NODE_X] = p.x;
      this.nodes[at + NODE_Y] = p.y;
      this.nodes[at + NODE_MASS] = 1;
      this.nodes[at + NODE_CONVERGENCE] = 1;
      this.nodes[at + NODE_SIZE] = 1;
      this.nodes[at + NODE_FIXED] = node.position !== null ? 1 : 0;
    }
    const kept = input.edges.filter((e) => e.source !== e.target && index.has(e.source) && index.has(e.target));
    this.edges = new Float32Array(kept.length * PPE);
    kept.forEach((edge, i) => {
      const [source, target, weight] = [index.get(edge.source)!, index.get(edge.target)!, Math.max(1, edge.weight)];
      // A node's mass is one plus its weighted degree, as the library computes it.
      this.nodes[source + NODE_MASS] = this.nodes[source + NODE_MASS]! + weight;
      this.nodes[target + NODE_MASS] = this.nodes[target + NODE_MASS]! + weight;
      this.edges.set([source, target, weight], i * PPE);
    });
    this.free = input.nodes.filter((n) => n.position === null).length;
    this.settings = { ...FORCE_ATLAS_2_DEFAULTS, ...forceAtlas2.inferSettings(this.ids.length), barnesHutOptimize: this.ids.length > 500, scalingRatio: REPULSION };
  }

  step(passes: number): void {
    if (this.free < 2 || passes <= 0) return;
    for (let i = 0; i < passes; i++) iterate(this.settings, this.nodes, this.edges);
    this.passes += passes;
  }

  /**
   * Where every node is now. A small graph settles tight (ForceAtlas2 knows nothing of labels), so
   * the free nodes are spread about their centre until a typical edge is long enough to carry its
   * label; pinned nodes stay put.
   */
  positions(): Positions {
    const positions: Positions = {};
    const { nodes, edges, ids } = this;
    ids.forEach((id, i) => {
      positions[id] = { x: nodes[i * PPN + NODE_X]!, y: nodes[i * PPN + NODE_Y]! };
    });
    const lengths = new Float64Array(edges.length / PPE);
    for (let e = 0; e < lengths.length; e++) {
      const [s, t] = [edges[e * PPE]!, edges[e * PPE + 1]!];
      lengths[e] = Math.hypot(nodes[s + NODE_X]! - nodes[t + NODE_X]!, nodes[s + NODE_Y]! - nodes[t + NODE_Y]!);
    }
    lengths.sort();
    const typical = lengths[lengths.length >> 1];
    if (!typical || typical >= MIN_EDGE || this.free < 2) return positions;
    const free = ids.filter((_, i) => nodes[i * PPN + NODE_FIXED] !== 1);
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
