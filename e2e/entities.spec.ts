import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { EntitiesPanel } from './models/EntitiesPanel';
import { ReaderPage } from './models/ReaderPage';

const SAMPLE = path.join(ROOT, 'assets', 'india-japan-defence-2025-05-04.txt');

test('the sample’s entities are suggested, reviewed and marked in the text', async ({ dossier }) => {
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  await entities.open();
  for (const name of ['India', 'Japan', 'Rajnath Singh', 'New Delhi', 'Quad', 'Laos']) {
    await expect(entities.suggestion(name)).toBeVisible();
  }
  await entities.suggestion('Rajnath Singh').getByRole('button', { name: 'Accept' }).click();
  await expect(entities.suggestion('Rajnath Singh')).toHaveCount(0);
  await expect(entities.confirmed).toContainText('Rajnath Singh');
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('dossier-entity-person')?.size ?? 0)).toBeGreaterThan(0);

  // Renamed and retyped on accept.
  const quad = entities.suggestion('Quad');
  await quad.getByLabel('Name').fill('Quadrilateral Security Dialogue');
  await quad.getByLabel('Type').selectOption('organization');
  await quad.getByRole('button', { name: 'Accept' }).click();
  await expect(entities.confirmed).toContainText('Quadrilateral Security Dialogue');

  await entities.panel.getByRole('button', { name: 'Accept all' }).click();
  await expect(entities.panel.getByText('Nothing left to review in this article.')).toBeVisible();
  await page.reload();
  await entities.open();
  await expect(entities.confirmed).toContainText('New Delhi');

  // Ctrl/Cmd+click on an underlined name opens the entity's page.
  const point = await page.evaluate(() => {
    const p = document.querySelector<HTMLElement>('[data-testid="reader-body"] p')!;
    const text = p.firstChild as Text;
    const at = text.data.indexOf('Rajnath Singh') + 2;
    const r = document.createRange();
    r.setStart(text, at);
    r.setEnd(text, at + 1);
    const rect = r.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.keyboard.down('ControlOrMeta');
  await page.mouse.click(point.x, point.y);
  await page.keyboard.up('ControlOrMeta');
  await expect(page.getByRole('heading', { level: 1, name: 'Rajnath Singh' })).toBeVisible();
  expect(dossier.pageErrors).toEqual([]);
});

test('merge "Indian" into India, then India’s page shows all its mentions', async ({ dossier }) => {
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  const reader = new ReaderPage(page);
  await entities.open();
  await entities.suggestion('India').getByRole('button', { name: 'Accept' }).click();
  await expect(entities.confirmed).toContainText('India');

  // The analyst links "Indian" by hand as an entity of its own…
  await reader.select('Indian', 1);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Link to entity…' }).click();
  const link = page.getByRole('dialog', { name: 'Link to entity' });
  await expect(link.getByLabel('Entity', { exact: true })).toHaveValue('Indian');
  await link.getByRole('button', { name: 'Create “Indian”' }).click();
  await entities.confirmed.getByRole('button', { name: 'Indian', exact: true }).click();

  // …then merges it into India on its entity page.
  await expect(page.getByRole('heading', { level: 1, name: 'Indian' })).toBeVisible();
  await page.getByLabel('Merge Indian into').selectOption({ label: 'India' });
  await page.getByRole('button', { name: 'Merge into' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'India', exact: true })).toBeVisible();
  // The article's text, without the front matter (its headline names India too).
  const text = readFileSync(SAMPLE, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const occurrences = text.match(/\bIndian?\b/g)!.length;
  await expect(page.getByLabel('Aliases (comma-separated)')).toHaveValue(/Indian/);

  const mentions = page.getByRole('list', { name: /^Mentions in / }).getByRole('listitem');
  await expect(mentions.filter({ hasText: 'India and Japan are strategic partners' })).not.toHaveCount(0);
  await expect(mentions.filter({ hasText: 'Indian warships' })).not.toHaveCount(0);
  // Every "India" and "Indian" of the article, the hand-linked one included.
  await expect(mentions).toHaveCount(occurrences);

  // A mention opens the article at that passage.
  await mentions.filter({ hasText: 'Indian warships' }).first().getByRole('button').click();
  await expect(reader.title).toBeVisible();

  // The entities list counts and filters.
  await dossier.library.openEntities();
  await page.getByRole('group', { name: 'Filter by type' }).getByRole('button', { name: /^Place/ }).click();
  await expect(page.getByRole('table').getByRole('row', { name: /India/ })).toBeVisible();
});

test('a rejected suggestion stays rejected in articles imported later', async ({ dossier }) => {
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  await entities.open();
  await entities.suggestion('Laos').getByRole('button', { name: 'Reject' }).click();
  await expect(entities.suggestion('Laos')).toHaveCount(0);

  const file = path.join(dossier.workspace, '..', `laos-${Date.now()}.txt`);
  writeFileSync(
    file,
    'Mekong talks open in Vientiane\n\nOfficials from Laos and Thailand met in Vientiane on Tuesday to discuss river traffic. ' +
      'Laos wants to expand cargo routes, while Thailand has asked for joint inspections of the dams upstream.\n',
  );
  await page.getByLabel('Articles to import').setInputFiles(file);
  await page.getByRole('dialog', { name: /Imported 1 of 1/ }).getByRole('button', { name: 'Mekong talks open in Vientiane' }).click();
  await entities.open();
  await expect(entities.suggestion('Thailand')).toBeVisible();
  await expect(entities.suggestion('Laos')).toHaveCount(0);
});
