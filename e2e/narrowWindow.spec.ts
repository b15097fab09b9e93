import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_DISPLAY_NAME, expect, test } from './fixtures';
import { CommandPaletteDialog } from './models/KeyboardDialogs';
import { ReaderPage } from './models/ReaderPage';

/** Serious or critical axe findings, as "rule (elements)". */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const libraryButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Library', exact: true });

for (const theme of ['light', 'dark'] as const) {
  test.describe(`in the ${theme} theme`, () => {
    test.use({ appSettings: { displayName: E2E_DISPLAY_NAME, theme }, seedArticles: 3 });

    test('the reading column keeps 520 px from 1024 px down to 800 px, and the library stays reachable', async ({ dossier }) => {
      const { page, library } = dossier;
      const reader = new ReaderPage(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const width of [1440, 1024, 1000, 950, 901, 900, 800]) {
        await page.setViewportSize({ width, height: 800 });
        await expect(reader.title).toBeVisible();
        const column = (await page.getByRole('article').boundingBox())!;
        if (width <= 1024) expect(column.width, `reading column at ${width} px`).toBeGreaterThanOrEqual(520);
        // The library sits beside the reader from 1024 px; below, the Library button opens it as a drawer.
        if (width >= 1024) {
          await expect(library.root).toBeVisible();
          await expect(libraryButton(page)).not.toHaveAttribute('aria-expanded');
        } else {
          await expect(library.root).toBeHidden();
          await expect(libraryButton(page)).toHaveAttribute('aria-expanded', 'false');
        }
        if ([1440, 1024, 900, 800].includes(width)) await page.screenshot({ path: `/tmp/desk2-width-${width}-${theme}.png` });
      }
    });

    test('below 1024 px the library opens as a drawer: focus kept inside, Escape or an article closes it', async ({ dossier }) => {
      const { page, library } = dossier;
      const reader = new ReaderPage(page);
      await page.setViewportSize({ width: 800, height: 800 });
      await expect(reader.title).toBeVisible();
      const button = libraryButton(page);
      const scrim = page.locator('.library-scrim');

      await button.click();
      await expect(library.root).toBeVisible();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      await expect(scrim).toBeVisible();
      await expect(library.filter).toBeFocused();
      // Drawn over the reader, which keeps its place and width beneath (measured once it has slid in).
      await library.root.evaluate((nav) => Promise.all(nav.getAnimations().map((animation) => animation.finished)));
      const drawer = (await library.root.boundingBox())!;
      expect(drawer.x).toBe(0);
      expect((await page.getByRole('article').boundingBox())!.width).toBeGreaterThanOrEqual(520);
      await page.screenshot({ path: `/tmp/desk2-drawer-800-${theme}.png` });
      expect(await seriousViolations(page)).toEqual([]);

      // Tab and Shift+Tab go round the drawer, never into the page behind it.
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press(i < 12 ? 'Tab' : 'Shift+Tab');
        expect(await library.root.evaluate((nav) => nav.contains(document.activeElement)), `focus after ${i + 1} presses`).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(library.root).toBeHidden();
      await expect(scrim).toHaveCount(0);
      await expect(button).toBeFocused();
      await expect(button).toHaveAttribute('aria-expanded', 'false');

      // The registry's "Show or hide the library" opens it too (the palette, the View menu).
      const palette = new CommandPaletteDialog(page);
      await palette.open();
      await palette.box.fill('show or hide the library');
      await page.keyboard.press('Enter');
      await expect(library.root).toBeVisible();
      const other = library.articles.filter({ hasNot: page.locator('[aria-current]') }).first();
      const title = (await other.locator('.title').textContent())!;
      await other.click();
      await expect(library.root).toBeHidden();
      await expect(reader.title).toHaveText(title);
      await expect(button).toBeFocused();

      // Clicking the scrim closes it; growing the window puts the library back beside the reader.
      await button.click();
      await expect(library.root).toBeVisible();
      await scrim.click({ position: { x: 780, y: 400 } });
      await expect(library.root).toBeHidden();
      await button.click();
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect(scrim).toHaveCount(0);
      await expect(library.root).toBeVisible();
      await expect(page.getByRole('article')).toBeVisible();
      await reader.title.click();
      expect(dossier.pageErrors).toEqual([]);
    });
  });
}
