import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { callApi } from './models/api';
import { GraphPage } from './models/GraphPage';
import { ReaderPage } from './models/ReaderPage';

const PARTNERS = 'strategic partners in the Quad';
const MEETING = 'Defence Minister Rajnath Singh will hold a bilateral meeting with his Japanese counterpart';

test('a relationship made from a passage shows on the link chart, which opens its evidence and its entities, and keeps a pinned node where it was dropped', async ({ dossier }) => {
  const page = dossier.page;
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  await callApi(page, 'entities.acceptAll', { articleId });
  await callApi(page, 'relations.create', { from: 'Rajnath Singh', to: 'India', type: 'defence-minister-of', evidence: [{ articleId, quote: MEETING }], grading: { reliability: 'B', credibility: 2 } });

  // From the passage in the reader: India —partner in→ Quad.
  const reader = new ReaderPage(page);
  await reader.select(PARTNERS);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Link entities…' }).click();
  const popover = page.getByRole('dialog', { name: 'Link entities' });
  await popover.getByLabel('From', { exact: true }).selectOption({ label: 'India' });
  await popover.getByLabel('To', { exact: true }).selectOption({ label: 'Quad' });
  await popover.getByLabel('Relationship type').selectOption({ label: 'partner in' });
  await popover.getByRole('button', { name: 'Create' }).click();
  await expect(popover).toBeHidden();
  const partner = (await callApi(page, 'relations.list', {})).relations.find((r) => r.type === 'partner-in')!;
  expect([partner.from.name, partner.to.name, partner.evidence[0]!.exact]).toEqual(['India', 'Quad', PARTNERS]);

  await dossier.library.openGraph();
  const graph = new GraphPage(page);
  await expect(graph.count).toHaveText('3 entities · 2 relationships');
  await graph.settled();
  await page.screenshot({ path: '/tmp/dossier-graph.png' });

  // Filters narrow the chart: graded B or better leaves only the minister's relationship.
  await page.getByLabel('Source at least').selectOption('B');
  await expect(graph.count).toHaveText('2 entities · 1 relationship');
  await page.getByRole('button', { name: 'Clear 1 filter' }).click();
  await expect(graph.count).toHaveText('3 entities · 2 relationships');
  await graph.settled();

  // An edge: its evidence beside the chart, and from there the passage in the reader.
  await graph.click(partner.id);
  await expect(graph.evidence).toContainText('—partner in→');
  const passage = graph.evidence.getByRole('button', { name: new RegExp(`^Open the passage “${PARTNERS}”`) });
  await expect(passage).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('.graph-page').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: '/tmp/dossier-graph-evidence.png' });
  await passage.click();
  await expect(reader.card(PARTNERS)).toHaveAttribute('aria-current', 'true');
  await expect(reader.paragraphs.filter({ hasText: PARTNERS })).toBeInViewport();

  // A node opens its entity; the chart keeps its filters meanwhile.
  await dossier.library.openGraph();
  await graph.settled();
  const quadId = partner.to.id;
  await graph.click(quadId);
  await expect(page.getByRole('heading', { level: 1, name: 'Quad', exact: true })).toBeVisible();

  // Dragging pins the node there, for every later opening of the chart.
  await dossier.library.openGraph();
  await graph.settled();
  await graph.drag(quadId, { x: 120, y: 60 });
  const dropped = await graph.modelPositionOf(quadId);
  await expect.poll(async () => (await callApi(page, 'graph.data', {})).nodes.find((n) => n.id === quadId)?.position).toEqual(dropped);
  await page.reload();
  await dossier.library.openGraph();
  await graph.settled();
  expect(await graph.modelPositionOf(quadId)).toEqual(dropped);
  await expect(page.getByRole('button', { name: 'Unpin all (1)' })).toBeEnabled();
  expect(dossier.pageErrors).toEqual([]);
});

test('the chart exports as PNG, SVG, GraphML, GEXF and CSV', async ({ dossier }) => {
  const page = dossier.page;
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  await callApi(page, 'entities.acceptAll', { articleId });
  await callApi(page, 'relations.create', { from: 'India', to: 'Quad', type: 'partner-in', evidence: [{ articleId, quote: PARTNERS }] });
  await dossier.library.openGraph();
  const graph = new GraphPage(page);
  await graph.settled();

  const save = async (format: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export the chart as ${format}` }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await import('node:fs/promises').then((fs) => fs.readFile(path)) };
  };
  const png = await save('PNG');
  expect(png.name).toBe('dossier-chart.png');
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  const svg = await save('SVG');
  expect(svg.bytes.toString()).toContain('>partner in</text>');
  expect(svg.bytes.toString()).toContain('>Quad</text>');
  const graphml = await save('GRAPHML');
  expect(graphml.bytes.toString()).toContain('<graphml');
  expect(graphml.bytes.toString()).toContain('Quad');
  const gexf = await save('GEXF');
  expect(gexf.bytes.toString()).toContain('<gexf');
  expect(dossier.pageErrors).toEqual([]);
});
