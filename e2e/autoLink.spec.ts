import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EntitiesPanel } from './models/EntitiesPanel';

/** Where the review's screenshots go, to be looked at. */
const SHOTS = path.join(os.tmpdir(), 'dossier-autolink-shots');

/** The text the reader marks as located (a suggestion hovered or focused), or null. */
const located = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('dossier-located');
    return h ? [...h].map((r) => r.toString()).join('|') : null;
  });

async function importArticle(page: Page, dir: string, name: string, text: string) {
  const file = path.join(dir, '..', `${name}-${Date.now()}.txt`);
  writeFileSync(file, text);
  await page.getByLabel('Articles to import').setInputFiles(file);
  await page.getByRole('dialog', { name: /Imported 1 of 1/ }).getByRole('button', { name: text.split('\n')[0]! }).click();
}

test('confirmed entities are linked in a later import without review; the review shows context and points at each mention', async ({ dossier }) => {
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  await entities.open();
  await entities.suggestion('India').getByRole('button', { name: 'Accept' }).click();
  await entities.confirmed.getByRole('button', { name: 'India', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'India', exact: true })).toBeVisible();
  const aliases = page.getByLabel('Aliases (comma-separated)');
  await aliases.fill(`${await aliases.inputValue()}, Republic of India`.replace(/^, /, ''));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(aliases).toHaveValue(/Republic of India/);

  await importArticle(
    page,
    dossier.workspace,
    'manila',
    'Envoys meet in Manila\n\nThe Republic of India sent envoys to Manila on Monday. India and the Philippines agreed on joint patrols, officials said.\n',
  );
  await entities.open();
  await expect(entities.confirmed.getByRole('listitem').filter({ hasText: 'India' })).toContainText('×2');
  await expect(entities.suggestion('India')).toHaveCount(0);
  await expect(entities.suggestion('Manila')).toBeVisible();
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('dossier-entity-place')?.size ?? 0)).toBe(2);

  // Each suggestion shows the sentence around its first mention, the mention marked.
  const philippines = entities.suggestion('Philippines');
  await expect(philippines.locator('.suggestion-context')).toHaveText('India and the Philippines agreed on joint patrols, officials said.');
  await expect(philippines.locator('mark')).toHaveText('Philippines');
  const manila = entities.suggestion('Manila');

  // Hovering a suggestion marks its mention in the text; leaving unmarks it.
  await entities.suggestion('Philippines').hover();
  await expect.poll(() => located(page)).toBe('Philippines');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'review-hover.png') });
  await page.getByRole('heading', { level: 2, name: /^To review/ }).hover();
  await expect.poll(() => located(page)).toBeNull();

  // So does keyboard focus, kept while Tab moves within the suggestion.
  await manila.getByLabel('Name').focus();
  await expect.poll(() => located(page)).toBe('Manila');
  await page.keyboard.press('Tab');
  await expect.poll(() => located(page)).toBe('Manila');
  await page.getByRole('heading', { level: 2, name: /^To review/ }).click();
  await expect.poll(() => located(page)).toBeNull();
  expect(dossier.pageErrors).toEqual([]);
});

test('long names wrap in the review, and an article imported before its entities were confirmed links them in one click', async ({ dossier }) => {
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  await importArticle(page, dossier.workspace, 'tokyo', 'Tokyo briefing\n\nJapan briefed reporters in Tokyo. Japan said the drills would go ahead.\n');
  await dossier.library.openArticle(/^India, Japan defence ministers/);
  await entities.open();

  const agreement = entities.suggestion('Reciprocal Provision of Supplies and Services Agreement');
  const name = agreement.getByLabel('Name');
  await expect(name).toHaveValue('Reciprocal Provision of Supplies and Services Agreement');
  const box = await name.evaluate((el: HTMLTextAreaElement) => ({ scroll: el.scrollWidth, client: el.clientWidth, height: el.clientHeight, scrollHeight: el.scrollHeight }));
  expect(box.scroll).toBeLessThanOrEqual(box.client);
  expect(box.scrollHeight).toBeLessThanOrEqual(box.height + 1);
  mkdirSync(SHOTS, { recursive: true });
  await entities.panel.screenshot({ path: path.join(SHOTS, 'review-panel.png') });
  await agreement.scrollIntoViewIfNeeded();
  await agreement.screenshot({ path: path.join(SHOTS, 'review-long-name.png') });

  // Enter in the name accepts it.
  await name.focus();
  await page.keyboard.press('Enter');
  await expect(entities.confirmed).toContainText('Reciprocal Provision of Supplies and Services Agreement');
  await entities.suggestion('Japan').getByRole('button', { name: 'Accept' }).click();
  await expect(entities.confirmed).toContainText('Japan');

  await dossier.library.openArticle('Tokyo briefing');
  await entities.open();
  await expect(entities.suggestion('Japan')).toHaveCount(0);
  await expect(entities.panel.getByText('Named here, not linked yet: Japan.')).toBeVisible();
  // The merge list names the long agreement: the row stays within the panel all the same.
  const row = await entities.suggestion('Tokyo').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(row.scroll).toBeLessThanOrEqual(row.client);
  await entities.panel.screenshot({ path: path.join(SHOTS, 'review-known-pending.png') });
  await entities.panel.getByRole('button', { name: 'Link known entities in this article' }).click();
  await expect(entities.confirmed.getByRole('listitem').filter({ hasText: 'Japan' })).toContainText('×2');
  await expect(entities.panel.getByText('Named here, not linked yet')).toHaveCount(0);
  expect(dossier.pageErrors).toEqual([]);
});
