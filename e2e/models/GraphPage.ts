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

  async drag(id: string, by: Point): Promise<void> {
    const { x, y } = await this.pointOf(id);
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 8; i++) await this.page.mouse.move(x + (by.x * i) / 8, y + (by.y * i) / 8);
    await this.page.mouse.up();
  }
}
