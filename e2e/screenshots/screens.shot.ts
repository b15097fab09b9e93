import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, ROOT, test } from '../fixtures';
import { ReaderPage } from '../models/ReaderPage';

/** Pictures of each screen for review (docs/screens/), made by driving the real app. */
const OUT = path.join(ROOT, 'docs', 'screens');
const SAMPLE = path.join(ROOT, 'assets', 'india-japan-defence-2025-05-04.txt');

test('annotation editing, details, import summary and orphans', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight('reciprocal logistics agreement for their Navies', 'Talks on the RPSSA.');
  await reader.highlight('India and Japan are strategic partners in the Quad', 'Quad framing.');
  const card = reader.card('reciprocal logistics agreement');
  await card.getByRole('button', { name: 'Edit' }).click();
  await card.getByRole('radio', { name: 'Evidence' }).check();
  await card.getByLabel('Source reliability').selectOption('B');
  await card.getByLabel('Information credibility').selectOption('2');
  await card.getByLabel('Add a tag').fill('logistics');
  await card.getByLabel('Add a tag').press('Enter');
  await page.screenshot({ path: path.join(OUT, 'card-editing.png') });
  await card.getByRole('button', { name: 'Done' }).click();
  const quad = reader.card('strategic partners in the Quad');
  await quad.getByRole('button', { name: 'Reply' }).click();
  await quad.getByLabel('Reply').fill('Worth checking the 2024 joint statement.');
  await quad.getByRole('button', { name: 'Post reply' }).click();
  await expect(quad.getByRole('list', { name: 'Replies' })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'cards.png') });

  const v2 = readFileSync(SAMPLE, 'utf8').replace('India and Japan are strategic partners in the Quad, along with the United States and Australia.', 'Both are members of a four-nation grouping.');
  const file = path.join(dossier.workspace, '..', `v2-${Date.now()}.txt`);
  writeFileSync(file, v2);
  await page.getByRole('article').getByRole('button', { name: 'Details' }).click();
  await page.getByRole('dialog', { name: 'Article details' }).getByLabel('Outlet').fill('Example Defence Weekly');
  await page.screenshot({ path: path.join(OUT, 'details.png') });
  await page.getByRole('dialog', { name: 'Article details' }).getByLabel('New version of the article').setInputFiles(file);
  await expect(page.getByRole('region', { name: /Not found in this version/ })).toBeVisible();
  await page.getByRole('region', { name: /Not found in this version/ }).getByRole('button', { name: 'Re-attach' }).click();
  await page.screenshot({ path: path.join(OUT, 'orphans.png') });

  await page.getByLabel('Articles to import').setInputFiles([
    path.join(ROOT, 'electron', 'core', 'import', 'fixtures', 'field-report.md'),
    SAMPLE,
  ]);
  await expect(page.getByRole('dialog', { name: /Imported/ })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'import-summary.png') });
});

test('entity review, entity page and entities list', async ({ dossier }) => {
  const page = dossier.page;
  await page.getByRole('tab', { name: /^Entities/ }).click();
  await expect(page.getByRole('list', { name: 'Suggested entities' })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'entity-review.png') });
  await page.getByRole('button', { name: 'Accept all' }).click();
  await page.getByRole('list', { name: 'Entities in this article' }).getByRole('button', { name: 'India', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'India', exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'entity-page.png') });
  await dossier.library.openEntities();
  await expect(page.getByRole('table')).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'entities-list.png') });
});
