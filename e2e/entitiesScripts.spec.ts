import { copyFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures';
import { EntitiesPanel } from './models/EntitiesPanel';
import { SettingsDialog } from './models/SettingsDialog';
import { TimelinePage } from './models/TimelinePage';

/** The short articles in other languages the import tests use too. */
const FIXTURES = path.join(ROOT, 'electron', 'core', 'import', 'fixtures', 'languages');
const SHOTS = path.join(os.tmpdir(), 'dossier-entities-scripts');

const ZH = '印日防长在新德里会谈 聚焦海上安全合作';
const RU = 'Министры обороны Индии и Японии обсудили морскую безопасность';
const JA = '日印防衛相会談、海洋安全保障で協力強化へ';

/** Imports fixture files as a user picks them, and waits for the import to report them all. */
async function importFixtures(page: Page, dir: string, langs: string[]) {
  const files = langs.map((lang) => {
    const file = path.join(dir, '..', `${lang}-${Date.now()}.txt`);
    copyFileSync(path.join(FIXTURES, `${lang}.txt`), file);
    return file;
  });
  await page.getByLabel('Articles to import').setInputFiles(files);
  const dialog = page.getByRole('dialog', { name: new RegExp(`Imported ${langs.length} of ${langs.length}`) });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/** What the reader marks as mentions of places, as text. */
const placeMarks = (page: Page) =>
  page.evaluate(() => [...((CSS.highlights.get('dossier-entity-place') as Iterable<Range> | undefined) ?? [])].map((r) => r.toString()).sort());

test('entities and dates in Chinese, Russian and Japanese: detected, linked across scripts, on the timeline', async ({ dossier }) => {
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  await importFixtures(page, dossier.workspace, ['ru', 'zh']);

  // The Chinese article: its places found inside unspaced text, linked to their English names.
  await dossier.library.openArticle(ZH);
  await entities.open();
  for (const name of ['India', 'Japan', 'New Delhi', 'Indian Ocean', 'Mumbai', 'South China Sea']) await expect(entities.suggestion(name)).toBeVisible();
  await expect(entities.suggestions).toHaveCount(6);
  await expect(entities.suggestion('India').locator('.suggestion-context mark')).toHaveText('印度');
  mkdirSync(SHOTS, { recursive: true });
  await entities.panel.screenshot({ path: path.join(SHOTS, 'zh-entities.png') });
  await page.screenshot({ path: path.join(SHOTS, 'zh-article.png') });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The Russian article: inflected names (Индии, Японии) are India and Japan.
  await dossier.library.openArticle(RU);
  await entities.open();
  await expect(entities.suggestion('India').locator('.suggestion-context mark').first()).toHaveText('Индии');
  await expect(entities.suggestion('Japan')).toBeVisible();
  await entities.suggestion('India').getByRole('button', { name: 'Accept' }).click();
  await expect(entities.confirmed.getByRole('listitem').filter({ hasText: 'India' })).toContainText('×2');

  // An alias in another script, added on the entity's page: the Chinese headline's 印 (印日: India–Japan).
  await entities.confirmed.getByRole('button', { name: 'India', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'India', exact: true })).toBeVisible();
  const aliases = page.getByLabel('Aliases (comma-separated)');
  await aliases.fill(`${await aliases.inputValue()}, 印`.replace(/^, /, ''));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(aliases).toHaveValue(/印/);

  // Back in the Chinese article, imported before: India is named there, in both forms, and links in one click.
  await dossier.library.openArticle(ZH);
  await entities.open();
  await expect(entities.panel.getByText(/Named here, not linked yet: .*India/)).toBeVisible();
  await entities.panel.getByRole('button', { name: 'Link known entities in this article' }).click();
  await expect(entities.confirmed.getByRole('listitem').filter({ hasText: 'India' })).toContainText('×4');
  await expect(entities.suggestion('India')).toHaveCount(0);
  await expect.poll(() => placeMarks(page)).toEqual(['印', '印', '印度', '印度']);
  await entities.panel.screenshot({ path: path.join(SHOTS, 'zh-entities-linked.png') });

  // A Japanese article imported now links India at once; its era date is on the timeline as 2025-06-03.
  await importFixtures(page, dossier.workspace, ['ja']);
  await dossier.library.openArticle(JA);
  await entities.open();
  // インド, and 印 in the headline's 日印 (Japan–India): the alias is read in Japanese too.
  await expect(entities.confirmed.getByRole('listitem').filter({ hasText: 'India' })).toContainText('×2');
  await expect.poll(() => placeMarks(page)).toContain('インド');
  await expect(entities.suggestion('India')).toHaveCount(0);
  await expect(entities.suggestion('Japan')).toBeVisible();

  const settings = new SettingsDialog(page);
  await settings.open();
  await settings.dateFormat.selectOption('iso');
  await settings.close();
  const timeline = new TimelinePage(page);
  await dossier.library.openTimeline();
  await expect(timeline.suggestionsPanel).toHaveAccessibleName(new RegExp(`^Dates found in .*${JA.slice(0, 6)}`));
  await expect(timeline.suggestions).toHaveCount(1);
  await expect(timeline.suggestions.first()).toContainText('2025-06-03');
  await expect(timeline.suggestions.first()).toContainText('令和7年6月3日');
  await timeline.confirm(/^Confirm 2025-06-03/);
  await expect(timeline.events.first().locator('time')).toHaveAttribute('datetime', '2025-06-03');
  await page.screenshot({ path: path.join(SHOTS, 'ja-timeline.png') });
  expect(dossier.pageErrors).toEqual([]);
});
