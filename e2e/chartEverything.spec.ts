import AxeBuilder from '@axe-core/playwright';
import { buildGraphWorkspace } from '../bench/graphWorkspace';
import { expect, test } from './fixtures';
import { callApi } from './models/api';
import { GraphPage } from './models/GraphPage';

/**
 * A graph past the overview's size, made in the store's real formats before Dossier starts: the
 * chart opens at the overview, and "Show everything" draws its thousands of relationships on the
 * edge layer, where they are still clicked, listed and exported like any other.
 */
test.use({
  prepareWorkspace: {
    async run(dir) {
      await buildGraphWorkspace(dir, { entities: 700, relations: 3200, articles: 12, merges: 20, pinned: 30, seed: 7 });
    },
  },
});

test('"Show everything" draws every relationship of a large chart, and one is still selected by a click, from the list, and exported', async ({ dossier }) => {
  test.setTimeout(240_000);
  const page = dossier.page;
  const whole = await callApi(page, 'graph.data', {});
  await dossier.library.openGraph();
  const graph = new GraphPage(page);
  await expect(graph.count).toHaveText('500 entities · 2,000 relationships');
  await page.getByRole('button', { name: 'Show everything' }).click();
  await expect(graph.count).toHaveText(`${whole.nodes.length.toLocaleString('en')} entities · ${whole.edges.length.toLocaleString('en')} relationships`);
  await graph.settled();
  // cytoscape holds the entities; the relationships are drawn on the layer under them.
  expect(await graph.held()).toEqual({ nodes: whole.nodes.length, edges: 0 });
  await page.screenshot({ path: '/tmp/dossier-chart-everything-e2e.png' });

  // Zoomed in, a relationship clear of every entity and every other line is clicked where it is drawn.
  await graph.chart.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('+');
  const edge = await graph.clearEdge(whole.edges);
  expect(edge, 'a relationship drawn clear of the others').not.toBeNull();
  await page.mouse.click(edge!.x, edge!.y);
  const names = new Map(whole.nodes.map((n) => [n.id, n.label]));
  const picked = whole.edges.find((e) => e.id === edge!.id)!;
  await expect(graph.evidence).toHaveAccessibleName(`${names.get(picked.source)} —${picked.label}→ ${names.get(picked.target)}`);
  // Selected, cytoscape draws it, highlighted and named; cleared, it goes back to the layer.
  expect(await graph.selectedIds()).toEqual([picked.id]);
  await page.screenshot({ path: '/tmp/dossier-chart-everything-selected.png' });
  await page.getByRole('button', { name: 'Close the evidence' }).click();
  await expect(graph.evidence).toBeHidden();
  expect(await graph.held()).toEqual({ nodes: whole.nodes.length, edges: 0 });

  // From the list beside the chart.
  await page.getByText(/^Relationships on the chart/).click();
  const listed = page.getByRole('list').last().getByRole('button').first();
  await listed.click();
  await expect(listed).toHaveAttribute('aria-pressed', 'true');
  expect(await graph.selectedIds()).toHaveLength(1);

  // The SVG holds every relationship, the layer's included; the PNG is the whole chart.
  const save = async (format: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export the chart as ${format}` }).click()]);
    return (await import('node:fs/promises')).readFile(await download.path());
  };
  const svg = (await save('SVG')).toString();
  expect(svg.match(/<line /g)?.length).toBe(whole.edges.length);
  const png = await save('PNG');
  expect(png.subarray(1, 4).toString()).toBe('PNG');

  const axe = await new AxeBuilder({ page }).include('.graph-page').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(dossier.pageErrors).toEqual([]);
});
