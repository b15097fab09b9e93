import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { NotesPage } from './models/NotesPage';
import { ReaderPage } from './models/ReaderPage';

const QUOTE = 'further deepen bilateral defence cooperation';
const SAMPLE_TITLE = /^India, Japan defence ministers/;

test('with a note open beside the article, Cite in note puts the passage into that note', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const notes = new NotesPage(page);
  await reader.highlight(QUOTE, 'Trend');
  // No note yet: the first citation starts one.
  await reader.card(QUOTE).getByRole('button', { name: 'Cite in note' }).click();
  await expect(notes.citations).toHaveCount(1);
  await page.keyboard.type(' is what the ministers said.');
  await notes.waitSaved();

  // With that note open beside the article, the next citation goes into it, not into a new note.
  await page.getByRole('tab', { name: 'Highlights' }).click();
  await reader.select('Rajnath Singh');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Cite in note' }).click();
  await expect(page.getByRole('dialog', { name: 'Cite in note' })).toHaveCount(0);
  await expect(notes.citations).toHaveCount(2);
  await expect(notes.citations.nth(1)).toContainText('Rajnath Singh');
  await notes.waitSaved();
  await notes.openView();
  await expect(notes.rows).toHaveCount(1);
  expect(dossier.pageErrors).toEqual([]);
});

test('with no note open, Cite in note asks which note: New note first, then the notes by last change, found by typing', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const notes = new NotesPage(page);
  await notes.openView();
  for (const words of ['Older thoughts on logistics', 'Newer thoughts on ports']) {
    await notes.create();
    await page.keyboard.type(words);
    await notes.waitSaved();
  }
  await dossier.library.openArticle(SAMPLE_TITLE);
  await reader.highlight(QUOTE, 'Trend');
  await reader.card(QUOTE).getByRole('button', { name: 'Cite in note' }).click();

  const picker = page.getByRole('dialog', { name: 'Cite in note' });
  const options = picker.getByRole('option');
  await expect(options).toHaveText(['New note', /^Newer thoughts on ports/, /^Older thoughts on logistics/]);
  await expect(picker.getByRole('combobox', { name: 'Find a note' })).toBeFocused();
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  const axe = await new AxeBuilder({ page }).include('dialog.cite-picker').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: '/tmp/undo-cite-picker.png' });

  // Typing narrows the list (New note stays first); the arrow moves to the older note, Enter picks it.
  await page.keyboard.type('older');
  await expect(options).toHaveText(['New note', /^Older thoughts on logistics/]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);

  await expect(notes.pane.getByRole('textbox', { name: 'Note title' })).toHaveValue('Older thoughts on logistics');
  await expect(notes.citations).toHaveCount(1);
  await expect(notes.citations.first()).toContainText(QUOTE);
  // At the end of the note, after what was written.
  const text = await notes.editor.innerText();
  expect(text.indexOf('Older thoughts on logistics')).toBeLessThan(text.indexOf(QUOTE));
  await notes.waitSaved();
  await notes.openView();
  await expect(notes.rows).toHaveCount(2);
  expect(dossier.pageErrors).toEqual([]);
});

test('Escape closes the note picker and cites nothing', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('Only note');
  await notes.waitSaved();
  await dossier.library.openArticle(SAMPLE_TITLE);
  await reader.select('Rajnath Singh');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Cite in note' }).click();
  const picker = page.getByRole('dialog', { name: 'Cite in note' });
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await notes.openView();
  await expect(notes.rows).toHaveCount(1);
  await notes.rows.first().click();
  await expect(notes.citations).toHaveCount(0);
});

test('in a note, Cite a passage… finds a highlight by its words and cites it at the caret', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const notes = new NotesPage(page);
  await reader.highlight(QUOTE, 'Trend');
  await notes.openView();
  await notes.create();
  await page.keyboard.type('Ministers agreed to');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Follow up next week.');
  // The caret back at the end of the first line: the citation goes there, not at the note's end.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.type(' ');

  await notes.pane.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Cite a passage…' }).click();
  const picker = page.getByRole('dialog', { name: 'Cite a passage…' });
  await expect(picker.getByRole('combobox', { name: 'Find a highlight' })).toBeFocused();
  // This note is on no article: highlights are found by typing.
  await expect(picker.getByRole('option')).toHaveCount(0);
  await page.keyboard.type('bilateral defence');
  const option = picker.getByRole('option', { name: new RegExp(QUOTE) });
  await expect(option).toBeVisible();
  await expect(option.locator('.cite-passage-source')).toHaveText(SAMPLE_TITLE);
  const axe = await new AxeBuilder({ page }).include('dialog.cite-passage-picker').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: '/tmp/notecite-picker.png' });
  await option.click();

  await expect(picker).toHaveCount(0);
  await expect(notes.citations).toHaveCount(1);
  await expect(notes.citations.first()).toContainText(QUOTE);
  await expect(notes.editor).toBeFocused();
  const text = await notes.editor.innerText();
  expect(text.indexOf('Ministers agreed to')).toBeLessThan(text.indexOf(QUOTE));
  expect(text.indexOf(QUOTE)).toBeLessThan(text.indexOf('Follow up next week.'));
  await notes.waitSaved();
  await page.screenshot({ path: '/tmp/notecite-note.png' });

  await page.reload();
  await notes.openView();
  await notes.list().getByRole('button', { name: /Ministers agreed to/ }).click();
  await expect(notes.citations).toHaveCount(1);
  await expect(notes.citations.first()).toContainText(QUOTE);
  expect(dossier.pageErrors).toEqual([]);
});
