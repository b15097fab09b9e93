import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { BriefComposerPage } from './models/BriefComposerPage';
import { ReaderPage } from './models/ReaderPage';
import { SettingsDialog } from './models/SettingsDialog';

const QUOTE = 'further deepen bilateral defence cooperation';

test('a display name set in Settings is on a new reply, the Word comment author and the JSON-LD creator', async ({ dossier }) => {
  const { page } = dossier;
  const settings = new SettingsDialog(page);
  await settings.open();
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await settings.setDisplayName('Priya Raman');
  await settings.close();
  // Saved in the app's settings file, not the workspace.
  // (Written by the host a moment after the dialog closes.)
  await expect.poll(() => JSON.parse(readFileSync(path.join(dossier.appData, 'settings.json'), 'utf8')) as unknown).toMatchObject({ displayName: 'Priya Raman', version: 1 });

  const reader = new ReaderPage(page);
  await reader.highlight(QUOTE, 'The stated aim.');
  const card = reader.card(QUOTE);
  await card.getByRole('button', { name: 'Reply' }).click();
  await card.getByLabel('Reply').fill('Checked against the communiqué.');
  await card.getByRole('button', { name: 'Post reply' }).click();
  await expect(card.locator('.reply-meta strong')).toHaveText('Priya Raman');

  const brief = new BriefComposerPage(page);
  await brief.openView();
  await brief.create();
  // A new brief's author is the display name.
  await expect(brief.author).toHaveValue('Priya Raman');
  await brief.addArticle.selectOption({ index: 1 });
  await brief.waitSaved();

  const docx = await dossier.saveFrom(await brief.exportAs('docx'), 'docx');
  const comments = strFromU8(unzipSync(docx.bytes)['word/comments.xml']!);
  expect(comments).toContain('w:author="Priya Raman"');
  expect(comments).not.toMatch(/w:author="(root|E2E Analyst)"/);

  const jsonld = await dossier.saveFrom(await brief.exportAs('jsonld'), 'jsonld');
  const collection = JSON.parse(jsonld.bytes.toString('utf8')) as { first: { items: { creator: { name: string }; body: unknown }[] } };
  const creators = JSON.stringify(collection).match(/"creator":\{[^}]*\}/g) ?? [];
  expect(creators.length).toBeGreaterThan(0);
  for (const c of creators) expect(c).toContain('"name":"Priya Raman"');
});

test.describe('on a new machine', () => {
  test.use({ appSettings: null });

  test('asks for the name once, prefilled from the system (never the login), and never again', async ({ dossier }) => {
    const { page } = dossier;
    const prompt = page.getByRole('dialog', { name: 'Welcome to Dossier' });
    await expect(prompt).toBeVisible();
    const name = prompt.getByRole('textbox', { name: 'Your name' });
    const login = (await import('node:os')).userInfo().username;
    const suggested = await name.inputValue();
    expect(suggested.toLowerCase()).not.toBe(login.toLowerCase());
    // Escape does not leave records unattributed.
    await page.keyboard.press('Escape');
    await expect(prompt).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await name.fill('');
    await expect(prompt.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await name.fill('Sam Okafor');
    await prompt.getByRole('button', { name: 'Continue' }).click();
    await expect(prompt).toBeHidden();

    await dossier.restart();
    await expect(dossier.page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(dossier.page.getByRole('dialog', { name: 'Welcome to Dossier' })).toHaveCount(0);
    const settings = new SettingsDialog(dossier.page);
    await settings.open();
    await expect(settings.displayName).toHaveValue('Sam Okafor');
  });
});

test('the theme switches at once and is remembered', async ({ dossier }) => {
  const { page } = dossier;
  const root = page.locator('html');
  const settings = new SettingsDialog(page);
  await settings.open();
  await expect(settings.theme('System')).toBeChecked();
  await settings.theme('Dark').check();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body.parentElement!).getPropertyValue('--bg').trim());
  expect(background).toBe('#14171c');
  await settings.theme('Light').check();
  await expect(root).toHaveAttribute('data-theme', 'light');
  await settings.theme('Dark').check();
  await settings.close();

  await dossier.restart();
  await expect(dossier.page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('System follows the operating system between light and dark', async ({ dossier }) => {
  const { page } = dossier;
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the reader text size follows the keys and Settings, and persists across a restart', async ({ dossier }) => {
  const { page } = dossier;
  const reader = new ReaderPage(page);
  const size = () => reader.paragraphs.first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  await expect(reader.paragraphs.first()).toBeVisible();
  expect(await size()).toBe(17);
  await page.locator('.reader-body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ControlOrMeta+Equal');
  await page.keyboard.press('ControlOrMeta+Equal');
  await expect.poll(size).toBe(19);
  await page.keyboard.press('ControlOrMeta+Minus');
  await expect.poll(size).toBe(18);
  const settings = new SettingsDialog(page);
  await settings.open();
  await expect(settings.readerSize).toHaveValue('18');
  await settings.readerSize.fill('22');
  await settings.close();
  await expect.poll(size).toBe(22);

  await dossier.restart();
  const again = new ReaderPage(dossier.page);
  await expect(again.paragraphs.first()).toBeVisible();
  await expect.poll(() => again.paragraphs.first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBe(22);
  await dossier.page.keyboard.press('ControlOrMeta+Digit0');
  await expect.poll(() => again.paragraphs.first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBe(17);
});

test('dates are written one way everywhere, as chosen', async ({ dossier }) => {
  const { page } = dossier;
  const published = page.getByRole('article').locator('.reader-meta time');
  const settings = new SettingsDialog(page);
  await settings.open();
  await settings.dateFormat.selectOption('iso');
  await settings.close();
  await expect(published).toHaveText('2025-05-04');
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByText('2025-05-04')).toBeVisible();
  await settings.open();
  await settings.dateFormat.selectOption('day-month-year');
  await settings.close();
  await expect(published).toHaveText('4 May 2025');
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByText('4 May 2025')).toBeVisible();
});

for (const width of [1024, 800]) {
  test(`the reading column stays at least 520 px wide at ${width} px`, async ({ dossier }) => {
    const { page } = dossier;
    await page.setViewportSize({ width, height: 800 });
    const reader = page.getByRole('article');
    await expect(reader).toBeVisible();
    const box = await reader.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(520);
    await page.screenshot({ path: `/tmp/settings-layout-${width}.png` });
  });
}

test('side panels fold away and stay folded after a restart', async ({ dossier }) => {
  const { page } = dossier;
  const library = page.getByRole('navigation', { name: 'Articles' });
  const side = page.locator('.article-view > .side');
  await expect(library).toBeVisible();
  await expect(side).toBeVisible();
  const before = (await page.getByRole('article').boundingBox())!.width;
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Side panel', exact: true }).click();
  await expect(library).toBeHidden();
  await expect(side).toBeHidden();
  await expect(page.getByRole('button', { name: 'Library', exact: true })).toHaveAttribute('aria-pressed', 'false');
  expect((await page.getByRole('article').boundingBox())!.width).toBeGreaterThanOrEqual(before);

  await dossier.restart();
  await expect(dossier.page.getByRole('article')).toBeVisible();
  await expect(dossier.page.getByRole('navigation', { name: 'Articles' })).toBeHidden();
  await expect(dossier.page.locator('.article-view > .side')).toBeHidden();
});
