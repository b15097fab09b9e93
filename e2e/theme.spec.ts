import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures';
import { callApi } from './models/api';
import { BriefComposerPage } from './models/BriefComposerPage';
import { ReaderPage } from './models/ReaderPage';
import { SearchPage } from './models/SearchPage';
import { SettingsDialog } from './models/SettingsDialog';

/** Every screen in the light and the dark theme: no serious or critical axe finding, and a picture of each for review. */
const SCREENS = path.join(ROOT, 'docs', 'screens');

async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')})`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen passes axe in the ${theme} theme`, async ({ dossier }) => {
    test.setTimeout(180_000);
    const { page, library } = dossier;
    const found: string[] = [];
    const check = async (screen: string) => {
      // Let transitions and lazy views settle before looking.
      await page.waitForTimeout(300);
      found.push(...(await seriousViolations(page, screen)));
      await page.screenshot({ path: path.join(SCREENS, `${screen}-${theme}.png`) });
    };

    // Named as an analyst would name it, not after the temporary folder (the pictures are the docs').
    await callApi(page, 'workspace.rename', { name: 'India–Japan defence' });
    await expect(page.getByRole('banner')).toContainText('India–Japan defence');

    const settings = new SettingsDialog(page);
    await settings.open();
    await settings.theme(theme === 'light' ? 'Light' : 'Dark').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await check('settings');
    await settings.close();

    const reader = new ReaderPage(page);
    await reader.highlight('further deepen bilateral defence cooperation', 'The stated aim.');
    const card = reader.card('further deepen bilateral defence cooperation');
    await card.getByRole('button', { name: 'Reply' }).click();
    await card.getByLabel('Reply').fill('Checked against the communiqué.');
    await card.getByRole('button', { name: 'Post reply' }).click();
    await expect(card.getByRole('list', { name: 'Replies' })).toBeVisible();
    await check('reader');
    await page.getByRole('tab', { name: /Entities/ }).click();
    await check('reader-entities');
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(page.getByRole('complementary', { name: 'Notes on this article' })).toBeVisible();
    await check('reader-notes');

    await library.openEntities();
    await check('entities');
    await library.openNotes();
    await check('notes');
    const brief = new BriefComposerPage(page);
    await brief.openView();
    await brief.create();
    await brief.addArticle.selectOption({ index: 1 });
    await brief.waitSaved();
    await check('briefs');
    const search = new SearchPage(page);
    await search.open();
    await search.box.fill('defence');
    await expect(search.list).toBeVisible();
    await check('search');
    await library.openTimeline();
    await check('timeline');
    await library.openGraph();
    await check('link-chart');

    expect(found).toEqual([]);
  });
}
