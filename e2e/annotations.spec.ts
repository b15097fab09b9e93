import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { ReaderPage } from './models/ReaderPage';

const SAMPLE = path.join(ROOT, 'assets', 'india-japan-defence-2025-05-04.txt');
const QUOTE = 'reciprocal logistics agreement';

test('colour meaning, Admiralty grading and tags are set on a highlight and kept', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  await reader.highlight(QUOTE, 'Under negotiation');
  const card = reader.card(QUOTE);
  await card.getByRole('button', { name: 'Edit' }).click();
  await card.getByRole('radio', { name: 'Evidence' }).check();
  await card.getByLabel('Source reliability').selectOption('B');
  await card.getByLabel('Information credibility').selectOption('2');
  await card.getByLabel('Add a tag').fill('logistics');
  await card.getByLabel('Add a tag').press('Enter');
  await card.getByRole('button', { name: 'Done' }).click();
  await reader.waitSaved();

  await dossier.page.reload();
  const saved = reader.card(QUOTE);
  await expect(saved.getByLabel(/^Grading B2/)).toHaveText('B2');
  await expect(saved.getByTitle('Colour: Evidence')).toBeVisible();
  await expect(saved).toContainText('#logistics');
  await expect.poll(() => dossier.page.evaluate(() => CSS.highlights.has('dossier-annotation-green') || CSS.highlights.has('dossier-annotation-active'))).toBe(true);

  const brief = await dossier.exportArticle();
  expect(brief.content).toMatch(/### 1\. Evidence · B2 \(usually reliable; probably true\)/);
  expect(brief.content).toContain('Tags: `logistics`');
});

test('replies form a thread under a highlight', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  await reader.highlight(QUOTE, 'Is this the RPSSA?');
  const card = reader.card(QUOTE);
  await card.getByRole('button', { name: 'Reply' }).click();
  await card.getByLabel('Reply').fill('Yes: the Reciprocal Provision of Supplies and Services Agreement.');
  await card.getByRole('button', { name: 'Post reply' }).click();
  await expect(card.getByRole('list', { name: 'Replies' }).getByRole('listitem')).toHaveCount(1);

  await dossier.page.reload();
  const replies = reader.card(QUOTE).getByRole('list', { name: 'Replies' });
  await expect(replies).toContainText('Reciprocal Provision of Supplies');
  await replies.getByRole('button', { name: 'Delete reply' }).click();
  await expect(reader.card(QUOTE).getByRole('list', { name: 'Replies' })).toHaveCount(0);
});

test('Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z redoes annotation changes', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight(QUOTE, 'First thought');
  await reader.card(QUOTE).getByRole('button', { name: 'Edit' }).click();
  await reader.typeComment('Second thought');

  await page.getByRole('region', { name: 'Article text' }).focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(reader.card(QUOTE)).toContainText('First thought');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(reader.card(QUOTE)).toHaveCount(0);
  await expect.poll(() => reader.paintedHighlights()).toEqual([]);

  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(reader.card(QUOTE)).toBeVisible();
  // The toolbar's Redo (each undo's toast has one of its own too).
  await page.getByRole('banner').getByRole('button', { name: 'Redo' }).click();
  await expect(reader.card(QUOTE)).toContainText('Second thought');
  await page.reload();
  await expect(reader.card(QUOTE)).toContainText('Second thought');
});

test('a new version re-anchors highlights; an orphan is re-attached by selecting its new words', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const kept = 'Defence Minister Rajnath Singh will hold a bilateral meeting';
  const removed = 'The two nations are also exploring enhanced cooperation in the air domain';
  await reader.highlight(kept, 'The meeting');
  await reader.highlight(removed, 'Air domain');

  // The corrected article: the air-domain sentence is rewritten beyond recognition, a paragraph is added at the top.
  const v2 = readFileSync(SAMPLE, 'utf8')
    .replace(
      'The two nations are also exploring enhanced cooperation in the air domain, including joint efforts in co-production and co-development in the defence manufacturing sector.',
      'Officials added that fighter-jet engines and drones could feature in future co-production talks.',
    )
    .replace('In the backdrop', 'Correction appended on 5 May.\n\nIn the backdrop');
  const file = path.join(dossier.workspace, '..', `india-japan-v2-${Date.now()}.txt`);
  writeFileSync(file, v2);

  await page.getByRole('article').getByRole('button', { name: 'Details' }).click();
  const details = page.getByRole('dialog', { name: 'Article details' });
  await details.getByLabel('New version of the article').setInputFiles(file);
  await expect(page.getByText(/Now showing version 2\. Highlights: 1 anchored, 0 drifted, 1 not found/)).toBeVisible();

  await expect(page.getByRole('article').locator('.reader-meta')).toContainText('Version 2');
  await expect(reader.cards.filter({ hasText: kept })).toBeVisible();
  const orphans = page.getByRole('region', { name: /Not found in this version/ });
  await expect(orphans.getByRole('listitem')).toHaveCount(1);
  await expect(orphans).toContainText(removed);
  await expect.poll(() => reader.paintedHighlights()).toEqual([kept]);

  await orphans.getByRole('button', { name: 'Re-attach' }).click();
  await reader.select('fighter-jet engines and drones');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /Attach here/ }).click();
  await expect(page.getByRole('region', { name: /Not found in this version/ })).toHaveCount(0);
  await expect(reader.card('fighter-jet engines and drones')).toContainText('Air domain');
  await expect.poll(() => reader.paintedHighlights()).toEqual([kept, 'fighter-jet engines and drones']);

  // The old version stays readable.
  await page.getByRole('article').getByRole('button', { name: 'Details' }).click();
  await page.getByRole('dialog', { name: 'Article details' }).getByRole('button', { name: 'Read' }).click();
  await expect(page.getByRole('region', { name: 'Version 1' })).toContainText(removed);
});

test('article details are editable, and the edit can be undone', async ({ dossier }) => {
  const page = dossier.page;
  await page.getByRole('article').getByRole('button', { name: 'Details' }).click();
  const details = page.getByRole('dialog', { name: 'Article details' });
  await expect(details).toContainText(/[0-9a-f]{64}/);
  await details.getByLabel('Title').fill('India and Japan defence ministers to meet in New Delhi');
  await details.getByLabel('Outlet').fill('Example Defence Weekly');
  await details.getByLabel('Language').fill('en');
  await details.getByRole('button', { name: 'Save details' }).click();

  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText('India and Japan defence ministers to meet in New Delhi');
  await expect(page.getByRole('article').locator('.reader-meta')).toContainText('Example Defence Weekly');
  await expect(dossier.library.article('India and Japan defence ministers to meet')).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
  await expect(reader.title).toHaveText(/^India, Japan defence ministers/);

  await page.getByRole('article').getByRole('button', { name: 'Details' }).click();
  await page.getByRole('dialog', { name: 'Article details' }).getByLabel('Language').fill('not a language');
  await page.getByRole('dialog', { name: 'Article details' }).getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('dialog', { name: 'Article details' }).getByRole('alert')).toContainText('language tag');
});
