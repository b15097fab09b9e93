import AxeBuilder from '@axe-core/playwright';
import { noteContentOf, serializedParagraph } from '../electron/common/model/note';
import { expect, test } from './fixtures';
import { callApi } from './models/api';
import { NoteHistoryDialog } from './models/NoteHistoryDialog';
import { NotesPage } from './models/NotesPage';

const WRITTEN = 'The delegation met on Monday in Delhi.';
const paragraph = (text: string) => noteContentOf([serializedParagraph([{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }])]);

test('a note goes back to an earlier version from its history, and Ctrl+Z undoes the restore', async ({ dossier }) => {
  const page = dossier.page;
  // A note written earlier: the first change typed now keeps that text as a version.
  await callApi(page, 'notes.create', { content: paragraph(WRITTEN) });
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.list().getByRole('button', { name: /The delegation met/ }).click();
  await notes.editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  for (let i = 0; i < 'Delhi.'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('Tokyo. Talks stalled.');
  await notes.waitSaved();

  await notes.pane.getByRole('button', { name: 'History' }).click();
  const history = new NoteHistoryDialog(page);
  await expect(history.dialog).toBeVisible();
  await expect(history.versions).toHaveCount(1);
  await expect(history.versions.first()).toHaveAttribute('aria-selected', 'true');
  await expect(history.versions.first()).toContainText('7 words');
  await expect(history.comparison.locator('del')).toHaveText(['[removed: Delhi]']);
  await expect(history.comparison.locator('ins')).toHaveText(['[added: Tokyo]', '[added: Talks stalled.]']);
  await expect(history.dialog).toContainText('1 word removed and 3 words added since.');
  const axe = await new AxeBuilder({ page }).include('dialog.note-history').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  await page.screenshot({ path: '/tmp/note-history-dialog.png' });

  await history.restoreButton.click();
  await expect(history.dialog).toBeHidden();
  await expect(notes.editor).toHaveText(WRITTEN);
  await expect(notes.editor).toBeFocused();
  const toasts = page.getByRole('status', { name: 'Notifications' });
  await expect(toasts).toContainText('Restored the version of');
  await expect(toasts.getByRole('button', { name: 'Undo' })).toBeVisible();

  // Straight after the restore the editor has nothing of its own to undo: Ctrl+Z undoes the restore.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(notes.editor).toHaveText('The delegation met on Monday in Tokyo. Talks stalled.');
  await expect(toasts).toContainText('Undone: restore note version.');

  // The editor follows the store: what is typed now saves without a conflict.
  await notes.editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Next round in May.');
  await notes.waitSaved();
  const { notes: listed } = await callApi(page, 'notes.list', {});
  const { note } = await callApi(page, 'notes.get', { id: listed[0]!.id });
  expect(note.text).toBe('The delegation met on Monday in Tokyo. Talks stalled. Next round in May.');
  // Nothing was lost on the way: the text the restore replaced is a version too.
  const { revisions } = await callApi(page, 'notes.revisions', { id: note.id });
  expect(revisions.map((r) => r.excerpt)).toContain('The delegation met on Monday in Tokyo. Talks stalled.');
  expect(dossier.pageErrors).toEqual([]);
});

test('the history opens from the keyboard, says when there is nothing yet, and Escape gives the editor back', async ({ dossier }) => {
  const page = dossier.page;
  const { note } = await callApi(page, 'notes.create', { content: paragraph(WRITTEN) });
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/call/notes.save')) saves.push(request.url());
  });
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.list().getByRole('button', { name: /The delegation met/ }).click();
  await notes.editor.click();

  await page.keyboard.press('ControlOrMeta+Alt+Shift+H');
  const history = new NoteHistoryDialog(page);
  await expect(history.dialog).toBeVisible();
  await expect(history.dialog).toContainText('No earlier versions yet.');
  await expect(history.restoreButton).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(history.dialog).toBeHidden();
  await expect(notes.editor).toBeFocused();
  // Opening a note and looking at its history change nothing: no save is sent (one would race
  // a change made elsewhere), so the note is at the revision it was written at.
  await page.waitForTimeout(1000);
  expect(saves).toEqual([]);
  expect((await callApi(page, 'notes.get', { id: note.id })).note.contentRev).toBe(1);
  expect(dossier.pageErrors).toEqual([]);
});
