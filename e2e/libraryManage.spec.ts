import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_DISPLAY_NAME, expect, test } from './fixtures';
import { ReaderPage } from './models/ReaderPage';

// Dates as ISO, so what these tests read does not hang on the machine's language.
test.use({ appSettings: { displayName: E2E_DISPLAY_NAME, dateFormat: 'iso' } });

/** Managing the library: titles and outlets, rename, archive, the trash, sort and filter, export, the first-run guide. */

const HEADLINE = 'India, Japan defence ministers to hold talks on strategic cooperation on Monday';
/** A text file without front matter: its first line is a long sentence, so its title is derived. */
const PLAIN =
  'Port officials in Chennai said on Tuesday that a second container terminal would open next spring after a long delay caused by dredging disputes and contract renegotiations.\n\n' +
  'The terminal is expected to handle a million containers a year once it is running at full capacity.';

async function axeClean(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const axe = await (include ? builder.include(include) : builder).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Imports a text file through the Import… button's file chooser and closes the summary. */
async function importText(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Articles to import').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  const summary = page.getByRole('dialog', { name: /Imported/ });
  await summary.getByRole('button', { name: 'Close' }).click();
}

test('the sample shows its headline and outlet; a file without front matter gets a short title and an unknown outlet', async ({ dossier }) => {
  const { page, library } = dossier;
  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText(HEADLINE);
  await expect(page.getByRole('article').locator('.reader-meta')).toContainText('The Tribune');
  await expect(page.getByRole('article').locator('.reader-meta')).not.toContainText('.txt');
  await expect(library.article(HEADLINE)).toContainText('The Tribune · 2025-05-04');

  await importText(page, 'chennai-port.txt', PLAIN);
  const derived = 'Port officials in Chennai said on Tuesday that a second container terminal…';
  await expect(reader.title).toHaveText(derived);
  expect(derived.length).toBeLessThanOrEqual(80);
  await expect(page.getByRole('article').locator('.reader-meta')).toContainText('Unknown source');
  await expect(page.getByRole('article').locator('.reader-meta')).not.toContainText('chennai-port.txt');
  await expect(library.article(derived)).toContainText('Unknown source · Undated');
  expect(dossier.pageErrors).toEqual([]);
});

test('rename with F2, archive and unarchive from the menu, sort and filter the library', async ({ dossier }) => {
  const { page, library } = dossier;
  const reader = new ReaderPage(page);
  await importText(page, 'chennai-port.txt', PLAIN);
  await expect(library.articles).toHaveCount(2);

  // F2 on the focused article renames it: the library and the reader's header follow.
  await library.article(/^Port officials/).focus();
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename article' });
  await expect(rename.getByLabel('Title')).toHaveValue(/^Port officials/);
  await rename.getByLabel('Title').fill('Chennai terminal delayed');
  await rename.getByLabel('Title').press('Enter');
  await expect(rename).toBeHidden();
  await expect(library.article('Chennai terminal delayed')).toBeVisible();
  await expect(reader.title).toHaveText('Chennai terminal delayed');
  await expect(page.getByText('Renamed to “Chennai terminal delayed”.')).toBeVisible();

  // Sort and filter.
  await library.sort.selectOption({ label: 'Title' });
  await expect(library.articles.first()).toContainText('Chennai terminal delayed');
  await expect(library.articles.nth(1)).toContainText(HEADLINE);
  await library.sort.selectOption({ label: 'Newest first' });
  await expect(library.articles.first()).toContainText(HEADLINE);
  await library.sort.selectOption({ label: 'Recently imported' });
  await expect(library.articles.first()).toContainText('Chennai terminal delayed');
  await library.filter.fill('tribune');
  await expect(library.articles).toHaveCount(1);
  await expect(library.articles.first()).toContainText(HEADLINE);
  await library.filter.fill('');

  // The "…" menu: Rename…, Archive, Move to trash.
  await library.root.getByRole('button', { name: 'Actions for Chennai terminal delayed' }).click();
  const menu = page.getByRole('menu', { name: 'Actions for Chennai terminal delayed' });
  await expect(menu.getByRole('menuitem')).toHaveText([/Rename…/, 'Archive', /Move to trash/]);
  await page.screenshot({ path: '/tmp/library-menu.png' });
  await axeClean(page, 'nav');
  await menu.getByRole('menuitem', { name: 'Archive' }).click();
  await expect(library.articles).toHaveCount(1);
  await expect(library.article('Chennai terminal delayed')).toHaveCount(0);
  await expect(page.getByText('“Chennai terminal delayed” archived: it shows under Archived.')).toBeVisible();

  const shelf = library.root.getByRole('combobox', { name: 'Show articles' });
  await shelf.selectOption({ label: 'Archived (1)' });
  const archived = library.root.getByRole('list', { name: 'Archived articles' }).getByRole('button', { name: /Chennai terminal delayed/ }).first();
  await expect(archived).toBeVisible();
  // Right-click gives the same menu; Unarchive puts it back in the library.
  await archived.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions for Chennai terminal delayed' }).getByRole('menuitem', { name: 'Unarchive' }).click();
  await expect(library.root.getByText('No archived articles.')).toBeVisible();
  await shelf.selectOption({ label: 'In the library' });
  await expect(library.articles).toHaveCount(2);
  expect(dossier.pageErrors).toEqual([]);
});

test('Delete moves to the trash with an undo toast; the trash restores, and empties for good after asking', async ({ dossier }) => {
  const { page, library } = dossier;
  await importText(page, 'chennai-port.txt', PLAIN);
  const port = library.article(/^Port officials/);
  await expect(library.articles).toHaveCount(2);

  await port.focus();
  await page.keyboard.press('Delete');
  await expect(library.articles).toHaveCount(1);
  const toast = page.getByRole('status', { name: 'Notifications' }).locator('.toast', { hasText: 'moved to the trash' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(library.articles).toHaveCount(2);
  await expect(port).toBeVisible();

  // Again, then restore it from the Trash view.
  await port.focus();
  await page.keyboard.press('Delete');
  await expect(library.articles).toHaveCount(1);
  await library.root.getByRole('button', { name: 'Trash (1)' }).click();
  const trash = page.getByRole('main');
  await expect(trash.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  const trashed = trash.getByRole('list', { name: 'Articles in the trash' }).getByRole('listitem');
  await expect(trashed).toHaveCount(1);
  await expect(trashed.first()).toContainText('Port officials in Chennai');
  await page.screenshot({ path: '/tmp/library-trash.png' });
  await axeClean(page);
  await trashed.first().getByRole('button', { name: /^Restore/ }).click();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await expect(library.articles).toHaveCount(2);

  // The "…" menu's Move to trash, then Empty trash…: asked first, said to be final, and final.
  await library.root.getByRole('button', { name: /^Actions for Port officials/ }).click();
  await page.getByRole('menuitem', { name: /Move to trash/ }).click();
  await expect(library.articles).toHaveCount(1);
  await expect(trashed).toHaveCount(1);
  await trash.getByRole('button', { name: 'Empty trash…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(confirm).toContainText('This cannot be undone.');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: '/tmp/library-empty-trash.png' });
  await axeClean(page);
  await confirm.getByRole('button', { name: 'Empty trash' }).click();
  await expect(confirm).toBeHidden();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await expect(page.getByText('1 article deleted for good.')).toBeVisible();
  await expect(library.root.getByRole('button', { name: 'Trash', exact: true })).toBeVisible();
  // No undo step is left that would need it (its import and its trashing went with it).
  await expect(page.getByRole('banner').getByRole('button', { name: 'Undo' })).toBeDisabled();

  // Gone for good, also after a restart.
  await dossier.restart();
  await expect(dossier.library.articles).toHaveCount(1);
  await expect(dossier.library.article(/^Port officials/)).toHaveCount(0);
  expect(dossier.pageErrors).toEqual([]);
});

test('Export article… offers the formats and saves the one chosen, its toast clear of the button', async ({ dossier }) => {
  const { page } = dossier;
  await page.getByRole('button', { name: 'Export article…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export article' });
  await expect(dialog.getByRole('radio')).toHaveCount(5);
  await expect(dialog.getByRole('radio', { name: 'Markdown' })).toBeChecked();
  await page.screenshot({ path: '/tmp/library-export.png' });
  await axeClean(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const html = await dossier.exportArticle('html');
  expect(html.name).toMatch(/\.html$/);
  expect(html.content).toContain(HEADLINE);
  const toast = page.locator('.toast', { hasText: 'Article exported' });
  await expect(toast).toBeVisible();
  const [toastBox, buttonBox] = [await toast.boundingBox(), await page.getByRole('button', { name: 'Export article…' }).boundingBox()];
  const overlaps = (a: NonNullable<typeof toastBox>, b: NonNullable<typeof toastBox>) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlaps(toastBox!, buttonBox!)).toBe(false);

  // The choice is remembered: the dialog opens on the last format.
  await page.getByRole('button', { name: 'Export article…' }).click();
  await expect(dialog.getByRole('radio', { name: 'HTML (one file)' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const jsonld = await dossier.exportArticle('jsonld');
  expect(jsonld.name).toMatch(/\.jsonld$/);
  expect(JSON.parse(jsonld.content)).toMatchObject({ '@context': expect.anything() });
  expect(dossier.pageErrors).toEqual([]);
});

test.describe('on a new machine', () => {
  test.use({ firstRunGuide: true });

  test('the first-run guide shows over the sample, and never again once dismissed', async ({ dossier }) => {
    const { page } = dossier;
    const guide = page.getByRole('complementary', { name: 'Getting started with this sample' });
    await expect(guide).toBeVisible();
    await expect(guide.getByRole('listitem')).toHaveText([/^Highlight/, /^Link an entity/, /^Write a note/, /^Export a brief/]);
    await page.screenshot({ path: '/tmp/library-guide.png' });
    await axeClean(page);
    await guide.getByRole('button', { name: 'Got it, don’t show again' }).click();
    await expect(guide).toBeHidden();
    // Kept in the app's settings: not back after a restart, whose browser profile is a fresh one.
    await dossier.restart();
    await expect(new ReaderPage(dossier.page).title).toHaveText(HEADLINE);
    await expect(dossier.page.getByRole('complementary', { name: 'Getting started with this sample' })).toHaveCount(0);
    // Another view and back: still not shown.
    await dossier.library.openNotes();
    await dossier.library.openArticle(HEADLINE);
    await expect(dossier.page.getByRole('complementary', { name: 'Getting started with this sample' })).toHaveCount(0);
    expect(dossier.pageErrors).toEqual([]);
  });
});
