import type { Core, NodeSingular } from 'cytoscape';

/** A relationship drawn on the edge layer: a line, dashed when flagged, as a large chart's edges look. */
export interface LayerEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  flagged: boolean;
}

/** How a large chart draws an edge (chart units): what chartStyle gives cytoscape's own edges there. */
export const LAYER_EDGE_WIDTH = 0.8;
const FLAG_DASH = [6, 3];
/** How close to an edge a click selects it, in screen pixels: cytoscape's own tolerance for a mouse. */
export const EDGE_HIT_PX = 8;

/** The squared distance from (px, py) to the segment from (ax, ay) to (bx, by). */
export function squaredDistanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}

/**
 * Which segment passes nearest (x, y), within `tolerance`: segment i runs from node `from[i]` to
 * node `to[i]`, whose positions are in xs and ys. -1 when none is that close; `skip(i)` leaves
 * segments out (those cytoscape draws itself).
 */
export function nearestSegment(x: number, y: number, xs: ArrayLike<number>, ys: ArrayLike<number>, from: ArrayLike<number>, to: ArrayLike<number>, tolerance: number, skip: (i: number) => boolean = () => false): number {
  let best = -1;
  let bestDistance = tolerance * tolerance;
  for (let i = 0; i < from.length; i++) {
    const ax = xs[from[i]!]!;
    const ay = ys[from[i]!]!;
    const bx = xs[to[i]!]!;
    const by = ys[to[i]!]!;
    // Most segments are nowhere near: a box test first.
    if ((ax < x - tolerance && bx < x - tolerance) || (ax > x + tolerance && bx > x + tolerance) || (ay < y - tolerance && by < y - tolerance) || (ay > y + tolerance && by > y + tolerance)) continue;
    if (skip(i)) continue;
    const distance = squaredDistanceToSegment(x, y, ax, ay, bx, by);
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return best;
}

/** Whether the segment can cross the box (x1, y1)–(x2, y2): false only when both ends lie beyond one of its sides. */
export function mayCross(ax: number, ay: number, bx: number, by: number, x1: number, y1: number, x2: number, y2: number): boolean {
  return !((ax < x1 && bx < x1) || (ax > x2 && bx > x2) || (ay < y1 && by < y1) || (ay > y2 && by > y2));
}

/**
 * The edges of a chart too large for cytoscape to hold them as elements: on a canvas of their own
 * under cytoscape's, redrawn whenever cytoscape draws (pan, zoom, a node moved), as one path of
 * lines. At 20,000 relationships cytoscape took seconds to add them as elements and as long again
 * to draw them the first time, and every redraw after a pan or zoom cost 50–100 ms; one path takes
 * a few. They look as cytoscape draws a large chart's edges (thin straight lines, flagged ones
 * dashed); a click near one selects it, and the selected one is handed to cytoscape (`hide`) to be
 * drawn highlighted with its label.
 */
export class EdgeLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private edges: LayerEdge[] = [];
  private readonly byId = new Map<string, number>();
  private nodes: NodeSingular[] = [];
  private from = new Int32Array(0);
  private to = new Int32Array(0);
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  /** Edges cytoscape draws for now (the selected one), by index. */
  private readonly handedOver = new Set<number>();
  private colours = { line: '#8d96a3', flag: '#b3261e' };
  /** Nothing is drawn on the canvas: a frame that hides the edges need not clear it again. */
  private blank = true;
  private readonly redraw = () => this.draw();
  private readonly resize = () => {
    this.fitCanvas();
    this.draw();
  };

  constructor(
    private readonly core: Core,
    container: HTMLElement,
    /** Canvas pixels per CSS pixel, as cytoscape draws now. */
    private readonly pixelRatio: () => number,
    /** Whether cytoscape leaves edges out of this frame (a large chart's pan, zoom or drag): the layer does too. */
    private readonly hideNow: () => boolean = () => false,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'link-chart-edges';
    this.canvas.setAttribute('aria-hidden', 'true');
    // Before cytoscape's own canvases, so its nodes are drawn over these edges.
    container.prepend(this.canvas);
    this.context = this.canvas.getContext('2d')!;
    core.on('render', this.redraw);
    core.on('resize', this.resize);
    this.fitCanvas();
  }

  get size(): number {
    return this.edges.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Every edge the layer holds, drawn or handed over. */
  all(): readonly LayerEdge[] {
    return this.edges;
  }

  get(id: string): LayerEdge | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.edges[i];
  }

  /** The layer's edges from now on; their ends must be nodes on the chart (others are left out). */
  setEdges(edges: readonly LayerEdge[]): void {
    const index = new Map<string, number>();
    this.nodes = [];
    const nodeIndex = (id: string): number => {
      let i = index.get(id);
      if (i !== undefined) return i;
      const node = this.core.getElementById(id);
      if (node.empty() || !node.isNode()) return -1;
      i = this.nodes.length;
      this.nodes.push(node);
      index.set(id, i);
      return i;
    };
    const kept: LayerEdge[] = [];
    const from: number[] = [];
    const to: number[] = [];
    for (const edge of edges) {
      const a = nodeIndex(edge.source);
      const b = nodeIndex(edge.target);
      if (a < 0 || b < 0) continue;
      kept.push(edge);
      from.push(a);
      to.push(b);
    }
    this.edges = kept;
    this.byId.clear();
    kept.forEach((edge, i) => this.byId.set(edge.id, i));
    this.from = Int32Array.from(from);
    this.to = Int32Array.from(to);
    this.xs = new Float64Array(this.nodes.length);
    this.ys = new Float64Array(this.nodes.length);
    this.handedOver.clear();
    // How many it draws, for the benchmark and the tests, which cannot read a canvas's lines.
    this.canvas.dataset.edges = String(kept.length);
  }

  setColours(colours: { line: string; flag: string }): void {
    this.colours = colours;
    this.draw();
  }

  /** Cytoscape draws this edge for now (it is selected): the layer leaves it out. */
  hide(id: string): void {
    const i = this.byId.get(id);
    if (i !== undefined) this.handedOver.add(i);
  }

  /** The edges handed over to cytoscape come back to the layer. */
  showAll(): string[] {
    const ids = [...this.handedOver].map((i) => this.edges[i]!.id);
    this.handedOver.clear();
    return ids;
  }

  /** The edge under a point of the chart's canvas (rendered pixels), or null. */
  edgeAt(rendered: { x: number; y: number }): string | null {
    if (this.edges.length === 0) return null;
    const zoom = this.core.zoom();
    const pan = this.core.pan();
    this.readPositions();
    const i = nearestSegment((rendered.x - pan.x) / zoom, (rendered.y - pan.y) / zoom, this.xs, this.ys, this.from, this.to, LAYER_EDGE_WIDTH / 2 + EDGE_HIT_PX / zoom, (j) => this.handedOver.has(j));
    return i < 0 ? null : this.edges[i]!.id;
  }

  /** Draws the layer's edges on `context`, already transformed to chart units; only those that may cross `view` when given. */
  drawEdges(context: CanvasRenderingContext2D, view: { x1: number; y1: number; x2: number; y2: number } | null = null): void {
    if (this.edges.length === 0) return;
    this.readPositions();
    const { xs, ys, from, to } = this;
    // One path for the plain edges and one for the flagged: two strokes, not 20,000.
    for (const flagged of [false, true]) {
      context.beginPath();
      let any = false;
      for (let i = 0; i < from.length; i++) {
        if (this.edges[i]!.flagged !== flagged || this.handedOver.has(i)) continue;
        const ax = xs[from[i]!]!;
        const ay = ys[from[i]!]!;
        const bx = xs[to[i]!]!;
        const by = ys[to[i]!]!;
        if (view && !mayCross(ax, ay, bx, by, view.x1, view.y1, view.x2, view.y2)) continue;
        context.moveTo(ax, ay);
        context.lineTo(bx, by);
        any = true;
      }
      if (!any) continue;
      context.lineWidth = LAYER_EDGE_WIDTH;
      context.strokeStyle = flagged ? this.colours.flag : this.colours.line;
      context.setLineDash(flagged ? FLAG_DASH : []);
      context.stroke();
    }
    context.setLineDash([]);
  }

  /** Redraws the layer at cytoscape's viewport. */
  draw(): void {
    const { canvas, context } = this;
    const ratio = this.pixelRatio();
    if (canvas.width !== Math.round(this.core.width() * ratio) || canvas.height !== Math.round(this.core.height() * ratio)) this.fitCanvas();
    const hide = this.edges.length === 0 || this.hideNow();
    if (hide && this.blank) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    this.blank = hide;
    if (hide) return;
    const zoom = this.core.zoom();
    const pan = this.core.pan();
    context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
    const view = { x1: -pan.x / zoom, y1: -pan.y / zoom, x2: (this.core.width() - pan.x) / zoom, y2: (this.core.height() - pan.y) / zoom };
    this.drawEdges(context, view);
  }

  destroy(): void {
    this.core.off('render', this.redraw);
    this.core.off('resize', this.resize);
    this.canvas.remove();
  }

  private fitCanvas(): void {
    const ratio = this.pixelRatio();
    this.canvas.width = Math.max(1, Math.round(this.core.width() * ratio));
    this.canvas.height = Math.max(1, Math.round(this.core.height() * ratio));
    this.blank = true;
  }

  /** Where each node is now: read once per draw, not twice per edge. */
  private readPositions(): void {
    const { nodes, xs, ys } = this;
    for (let i = 0; i < nodes.length; i++) {
      const p = nodes[i]!.position();
      xs[i] = p.x;
      ys[i] = p.y;
    }
  }
}
