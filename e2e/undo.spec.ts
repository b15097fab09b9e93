import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures';
import { CommandPaletteDialog } from './models/KeyboardDialogs';
import { NotesPage } from './models/NotesPage';
import { ReaderPage } from './models/ReaderPage';

const FIXTURES = path.join(ROOT, 'electron', 'core', 'import', 'fixtures');
const QUOTE = 'further deepen bilateral defence cooperation';
const SAMPLE_TITLE = /^India, Japan defence ministers/;

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/** Takes the focus out of any field, so Ctrl/Cmd+Z is Dossier's and not a text box's. */
async function leaveFields(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

const toasts = (page: Page) => page.getByRole('status', { name: 'Notifications' });

test('in an article, Ctrl+Z undoes the last highlight there and never the import of another article', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  // Another article comes in; then the analyst goes back to the sample and highlights.
  await page.getByLabel('Articles to import').setInputFiles(path.join(FIXTURES, 'field-report.md'));
  await page.getByRole('dialog', { name: 'Imported 1 of 1' }).getByRole('button', { name: 'Close' }).click({ timeout: 20_000 });
  await expect(dossier.library.articles).toHaveCount(2);
  await dossier.library.openArticle(SAMPLE_TITLE);
  await reader.highlight(QUOTE, 'Trend');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /^Undo edit highlight|^Undo add highlight/);

  await page.getByRole('region', { name: 'Article text' }).focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(reader.card(QUOTE)).toHaveCount(0);
  await expect(toasts(page)).toContainText('Undone: add highlight.');

  // A second Ctrl+Z has nothing of this article's left to undo: the other import stays.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(toasts(page)).toContainText('Nothing to undo here.');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(dossier.library.articles).toHaveCount(2);

  // The toast's Redo brings the highlight back.
  await toasts(page).getByRole('button', { name: 'Redo' }).first().click();
  await expect(reader.card(QUOTE)).toContainText('Trend');
  expect(dossier.pageErrors).toEqual([]);
});

test('undoing a note that has text asks first: Keep it keeps the note, and once agreed Redo brings it back', async ({ dossier }) => {
  const page = dossier.page;
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('Three hours of interview notes');
  await notes.waitSaved();
  await leaveFields(page);

  await page.keyboard.press('ControlOrMeta+z');
  const ask = page.getByRole('alertdialog', { name: 'Undo “new note”?' });
  await expect(ask).toContainText('This removes the note “Three hours of interview notes” and its text.');
  await expect(ask.getByRole('button', { name: 'Keep it' })).toBeFocused();
  expect(await seriousViolations(page, 'dialog.undo-confirm')).toEqual([]);
  await page.screenshot({ path: '/tmp/undo-confirm.png' });
  await ask.getByRole('button', { name: 'Keep it' }).click();
  await expect(ask).toHaveCount(0);
  await expect(notes.list()).toContainText('Three hours of interview notes');

  await leaveFields(page);
  await page.keyboard.press('ControlOrMeta+z');
  await ask.getByRole('button', { name: 'Undo and remove' }).click();
  await expect(notes.rows).toHaveCount(0);
  await toasts(page).getByRole('button', { name: 'Redo' }).click();
  await expect(notes.list()).toContainText('Three hours of interview notes');
  expect(dossier.pageErrors).toEqual([]);
});

test('the history list shows the changes of this view and of everywhere, and undoes one from there', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight(QUOTE, 'Trend');
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('Plan');
  await notes.waitSaved();
  await dossier.library.openArticle(SAMPLE_TITLE);

  await page.getByRole('banner').getByRole('button', { name: 'History…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo history' });
  const here = dialog.getByRole('list', { name: /^Changes in India, Japan defence ministers/ });
  await expect(here.getByRole('listitem').first()).toContainText('Add highlight');
  await expect(here).not.toContainText('New note');
  await dialog.getByRole('radio', { name: 'Everywhere' }).check();
  const everywhere = dialog.getByRole('list', { name: 'Changes everywhere, newest first' });
  await expect(everywhere.getByRole('listitem').first()).toContainText('New note');
  await expect(everywhere).toContainText('Add highlight');
  expect(await seriousViolations(page, 'dialog.history-dialog')).toEqual([]);
  await page.screenshot({ path: '/tmp/undo-history.png' });

  // The highlight's step is undone from the list; it then offers Redo.
  await dialog.getByRole('radio', { name: /^This view/ }).check();
  await here.getByRole('button', { name: 'Undo add highlight' }).click();
  await expect(here.getByRole('button', { name: 'Redo add highlight' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(reader.card(QUOTE)).toHaveCount(0);
  expect(dossier.pageErrors).toEqual([]);
});

test("the palette's Undo and Redo, and the history list, name the step they take in this view", async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const palette = new CommandPaletteDialog(page);
  const undoOption = palette.dialog.locator('[data-command="undo"]');
  const redoOption = palette.dialog.locator('[data-command="redo"]');

  // Nothing done yet: the plain verbs.
  await leaveFields(page);
  await palette.open();
  await palette.box.fill('undo');
  await expect(undoOption.locator('.command-title')).toHaveText('Undo');
  await page.keyboard.press('Escape');

  await reader.highlight(QUOTE, 'Trend');
  await leaveFields(page);
  await palette.open();
  await palette.box.fill('undo');
  await expect(palette.selected.locator('.command-title')).toHaveText('Undo add highlight');
  await page.screenshot({ path: '/tmp/undo-palette-label.png' });
  // Found by the step's own words too.
  await palette.box.fill('add highl');
  await expect(undoOption).toBeVisible();
  await undoOption.click();
  await expect(reader.card(QUOTE)).toHaveCount(0);
  await expect(toasts(page)).toContainText('Undone: add highlight.');

  // Now Redo names it, and Undo has nothing left in this article.
  await palette.open();
  await palette.box.fill('redo');
  await expect(redoOption.locator('.command-title')).toHaveText('Redo add highlight');
  await palette.box.fill('undo');
  await expect(undoOption.locator('.command-title')).toHaveText('Undo');
  await page.keyboard.press('Escape');

  // The history list offers the same step, by the same name, with its keys.
  await page.getByRole('banner').getByRole('button', { name: 'History…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo history' });
  const latest = dialog.getByRole('group', { name: 'The latest change in this view' });
  await expect(latest.getByRole('button', { name: /^Undo/ })).toBeDisabled();
  await latest.getByRole('button', { name: /^Redo add highlight/ }).click();
  await expect(reader.card(QUOTE)).toContainText('Trend');
  await expect(latest.getByRole('button', { name: /^Undo add highlight/ })).toBeEnabled();
  await page.screenshot({ path: '/tmp/undo-history-latest.png' });
  expect(await seriousViolations(page, 'dialog.history-dialog')).toEqual([]);
  expect(dossier.pageErrors).toEqual([]);
});
