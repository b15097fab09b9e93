import { expect, type Locator, type Page } from '@playwright/test';

interface Point {
  x: number;
  y: number;
}

/**
 * The link chart. The chart is a canvas, so where a node or an edge is drawn is read from the
 * chart's own layout (cytoscape keeps it on its container); clicks and drags are real mouse
 * events at those points.
 */
export class GraphPage {
  constructor(readonly page: Page) {}

  get chart(): Locator {
    return this.page.getByTestId('link-chart');
  }

  get count(): Locator {
    return this.page.getByTestId('graph-count');
  }

  get evidence(): Locator {
    return this.page.getByRole('region', { name: /—.*→/ });
  }

  async settled(): Promise<void> {
    await expect(this.page.getByTestId('graph-layout')).toHaveText('Layout settled', { timeout: 20_000 });
  }

  /** Where on the page the element with this id is drawn now (an edge: its midpoint). */
  async pointOf(id: string): Promise<Point> {
    const box = (await this.chart.boundingBox())!;
    const at = await this.chart.evaluate((element, elementId) => {
      type Ele = { isNode(): boolean; renderedPosition(): Point; renderedMidpoint(): Point; empty(): boolean };
      const cy = (element as unknown as { _cyreg: { cy: { getElementById(id: string): Ele } } })._cyreg.cy;
      const ele = cy.getElementById(elementId);
      if (ele.empty()) throw new Error(`${elementId} is not on the chart`);
      return ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint();
    }, id);
    return { x: box.x + at.x, y: box.y + at.y };
  }

  /** Where the node is in the chart's own coordinates (what pinning saves). */
  async modelPositionOf(id: string): Promise<Point> {
    return this.chart.evaluate((element, nodeId) => {
      const cy = (element as unknown as { _cyreg: { cy: { getElementById(id: string): { position(): Point } } } })._cyreg.cy;
      return { ...cy.getElementById(nodeId).position() };
    }, id);
  }

  async click(id: string): Promise<void> {
    const { x, y } = await this.pointOf(id);
    await this.page.mouse.click(x, y);
  }

  /** How many nodes and edges cytoscape itself holds (a large chart draws its edges on a layer of its own). */
  async held(): Promise<{ nodes: number; edges: number }> {
    return this.chart.evaluate((element) => {
      const cy = (element as unknown as { _cyreg: { cy: { nodes(): { length: number }; edges(): { length: number } } } })._cyreg.cy;
      return { nodes: cy.nodes().length, edges: cy.edges().length };
    });
  }

  /** The ids of the elements selected on the chart. */
  async selectedIds(): Promise<string[]> {
    return this.chart.evaluate((element) => {
      const cy = (element as unknown as { _cyreg: { cy: { $(selector: string): { map<T>(f: (e: { id(): string }) => T): T[] } } } })._cyreg.cy;
      return cy.$(':selected').map((e) => e.id());
    });
  }

  /**
   * A point on an edge drawn in view and clear of everything else (6 px from any node, 2.5 px from any
   * other edge), with its place on the page; null when there is none.
   */
  async clearEdge(edges: readonly { id: string; source: string; target: string }[]): Promise<(Point & { id: string }) | null> {
    const box = (await this.chart.boundingBox())!;
    const found = await this.chart.evaluate((element, all) => {
      type Node = { id(): string; renderedPosition(): Point; renderedOuterWidth(): number };
      const cy = (element as unknown as { _cyreg: { cy: { nodes(): { map<T>(f: (n: Node) => T): T[] }; width(): number; height(): number } } })._cyreg.cy;
      const at = new Map(cy.nodes().map((n) => [n.id(), n.renderedPosition()] as const));
      const nodes = cy.nodes().map((n) => ({ ...n.renderedPosition(), r: n.renderedOuterWidth() / 2 }));
      const [w, h] = [cy.width(), cy.height()];
      // Only what is drawn in view matters (the rest would make this search quadratic in thousands).
      const segments = all.flatMap((e) => {
        const a = at.get(e.source);
        const b = at.get(e.target);
        if (!a || !b || (a.x < 0 && b.x < 0) || (a.y < 0 && b.y < 0) || (a.x > w && b.x > w) || (a.y > h && b.y > h)) return [];
        return [{ id: e.id, a, b }];
      });
      const distance = (p: Point, a: Point, b: Point) => {
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
      };
      for (const s of segments) {
        for (let t = 0.1; t < 0.95; t += 0.05) {
          const p = { x: s.a.x + t * (s.b.x - s.a.x), y: s.a.y + t * (s.b.y - s.a.y) };
          if (p.x < 20 || p.y < 20 || p.x > w - 20 || p.y > h - 20) continue;
          if (nodes.some((n) => Math.abs(n.x - p.x) < n.r + 6 && Math.abs(n.y - p.y) < n.r + 6)) continue;
          if (segments.some((o) => o !== s && distance(p, o.a, o.b) < 2.5)) continue;
          return { id: s.id, ...p };
        }
      }
      return null;
    }, edges.map((e) => ({ id: e.id, source: e.source, target: e.target })));
    return found && { id: found.id, x: box.x + found.x, y: box.y + found.y };
  }

  async drag(id: string, by: Point): Promise<void> {
    const { x, y } = await this.pointOf(id);
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 8; i++) await this.page.mouse.move(x + (by.x * i) / 8, y + (by.y * i) / 8);
    await this.page.mouse.up();
  }
}
