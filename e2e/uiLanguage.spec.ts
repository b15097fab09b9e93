import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/** Switching the UI language in Settings, and what an Arabic window looks like: mirrored, translated, dates in Arabic. */
test('Arabic in Settings mirrors the window, translates commands and dates, and English comes back', async ({ dossier }) => {
  const { page } = dossier;
  const html = page.locator('html');
  await expect(html).toHaveAttribute('dir', 'ltr');
  const library = page.locator('.app > .library');
  await expect(library).toBeVisible();
  const width = page.viewportSize()!.width;
  expect((await library.boundingBox())!.x).toBeLessThan(width / 2);
  const publishedEnglish = (await page.locator('.reader-meta').innerText()).trim();

  await page.keyboard.press('ControlOrMeta+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Language' }).selectOption('ar');

  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');
  const arabicSettings = page.getByRole('dialog', { name: 'الإعدادات' });
  await expect(arabicSettings.getByRole('combobox', { name: 'اللغة' })).toHaveValue('ar');
  await page.screenshot({ path: '/tmp/i18n-settings-ar.png' });
  await page.keyboard.press('Escape');
  await expect(arabicSettings).toBeHidden();

  // The library, at the start of the line, is now on the right.
  const box = (await library.boundingBox())!;
  expect(box.x + box.width).toBeGreaterThan(width / 2);
  expect(box.x).toBeGreaterThan(width / 2);

  // Dates in Arabic: the sample's publication day (4 May 2025), as Intl writes it for `ar`.
  const meta = page.locator('.reader-meta');
  const arabicDay = await page.evaluate(() => new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2025, 4, 4)));
  await expect(meta).not.toHaveText(publishedEnglish);
  await expect(meta.locator('time')).toHaveText(arabicDay);
  await page.screenshot({ path: '/tmp/i18n-main-ar.png' });

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The command palette lists the registry's commands by their Arabic titles, and finds them by them.
  await page.keyboard.press('ControlOrMeta+Shift+P');
  const palette = page.getByRole('dialog', { name: 'لوحة الأوامر' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('option', { name: /فتح الخط الزمني/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/i18n-palette-ar.png' });
  await palette.getByRole('combobox').fill('الخط الزمني');
  await expect(palette.getByRole('option').first()).toContainText('فتح الخط الزمني');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // Back to English, which the window remembers as it remembers Arabic.
  await page.keyboard.press('ControlOrMeta+Comma');
  await arabicSettings.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(meta).toHaveText(publishedEnglish);
  expect((await library.boundingBox())!.x).toBeLessThan(width / 2);
});

/** The core's errors cross to the window as words to translate: an Arabic window says them in Arabic. */
test('a file the core refuses is reported in Arabic in an Arabic window', async ({ dossier }) => {
  const { page } = dossier;
  await page.keyboard.press('ControlOrMeta+Comma');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.keyboard.press('Escape');

  await page.getByLabel('مقالات للاستيراد').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  const report = page.getByRole('dialog', { name: /استُورد 0 من 1/ });
  const failures = report.getByRole('list', { name: 'لم يُستورد' });
  // The core's own sentence ("empty.txt is empty."), worded from the Arabic catalog, the file name set apart.
  await expect(failures.getByRole('listitem')).toHaveText('الملف empty.txt فارغ.');
  await expect(failures.getByRole('listitem').locator('strong')).toHaveText('empty.txt');
  await report.screenshot({ path: '/tmp/errs-import-refused-ar.png' });
});
