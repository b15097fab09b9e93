import AxeBuilder from '@axe-core/playwright';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { callApi } from './models/api';

const TEXT = 'Port talks\n\nThe delegations met in Chennai and agreed to widen the channel for larger ships.';

async function importPortTalks(page: Parameters<typeof callApi>[0]): Promise<string> {
  const { articles } = await callApi(page, 'articles.import', { files: [{ name: 'port.txt', base64: Buffer.from(TEXT).toString('base64') }] });
  return articles[0]!.id;
}

test('a damaged highlights file is quarantined and the notice restores the good copy from the newest backup', async ({ dossier }) => {
  let page = dossier.page;
  const id = await importPortTalks(page);
  await callApi(page, 'annotations.createFromQuote', { articleId: id, quote: 'Chennai', comment: 'where' });
  await callApi(page, 'annotations.createFromQuote', { articleId: id, quote: 'larger ships', comment: 'what for' });
  expect((await callApi(page, 'backups.take', {})).backup).not.toBeNull();

  // A failing disk takes the highlights file and the history it could be rebuilt from.
  const folder = path.join(dossier.workspace, 'articles', id);
  await fs.writeFile(path.join(folder, 'annotations.json'), '{"schemaVersion":1,"kind":"annotations","annot');
  await fs.writeFile(path.join(folder, 'history.jsonl'), '');
  // Found when the app next reads the file (it holds what it has read in memory meanwhile).
  await dossier.restart();
  page = dossier.page;

  await dossier.library.articles.filter({ hasText: 'Port talks' }).click();
  const toasts = page.getByRole('status', { name: 'Notifications' });
  await expect(toasts).toContainText(/annotations\.json was damaged: it was moved to quarantine.+holds a good copy\./);
  await page.screenshot({ path: test.info().outputPath('backup-offered.png') });
  await toasts.getByRole('button', { name: 'Restore from backup' }).click();
  await expect(toasts).toContainText(/Restored 1 file from the backup of/);
  await expect(page.locator('.annotation-card, [data-annotation-id]').first()).toBeVisible();
  expect((await callApi(page, 'annotations.list', { articleId: id })).annotations.map((a) => a.comment).sort()).toEqual(['what for', 'where']);
});

test('the Backups dialog lists backups, shows what each changed, restores one file, and the restore can be undone', async ({ dossier }) => {
  const page = dossier.page;
  const id = await importPortTalks(page);
  await callApi(page, 'annotations.createFromQuote', { articleId: id, quote: 'Chennai', comment: 'kept' });
  await callApi(page, 'backups.take', {});
  await callApi(page, 'annotations.createFromQuote', { articleId: id, quote: 'larger ships', comment: 'added later' });

  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  const list = dialog.getByRole('listbox', { name: 'Backups, newest first' });
  await expect(list.getByRole('option')).not.toHaveCount(0);
  await list.getByRole('option').filter({ hasText: 'backed up by you' }).click();
  const files = dialog.getByRole('list', { name: 'Files in this backup' });
  await expect(files).toContainText('Highlights of “Port talks”');
  await page.screenshot({ path: test.info().outputPath('backups-dialog.png') });
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await files.getByRole('button', { name: 'Restore Highlights of “Port talks”' }).click();
  const outcome = dialog.getByRole('status');
  await expect(outcome).toContainText('Restored 1 file from the backup of');
  expect((await callApi(page, 'annotations.list', { articleId: id })).annotations.map((a) => a.comment)).toEqual(['kept']);
  // The backup taken before the restore is listed, and Undo puts the later highlight back.
  await expect(list.getByRole('option').filter({ hasText: 'before a restore' })).toHaveCount(1);
  await outcome.getByRole('button', { name: 'Undo' }).click();
  await expect(outcome).toContainText('Restore undone.');
  expect((await callApi(page, 'annotations.list', { articleId: id })).annotations.map((a) => a.comment).sort()).toEqual(['added later', 'kept']);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a list of notes found missing on opening is rebuilt, and the notice restores the backed-up one with its titles and pins', async ({ dossier }) => {
  const { note } = await callApi(dossier.page, 'notes.create', { title: 'Port strategy' });
  await callApi(dossier.page, 'notes.update', { id: note.id, patch: { pinned: true } });
  expect((await callApi(dossier.page, 'backups.take', {})).backup).not.toBeNull();
  await fs.rm(path.join(dossier.workspace, 'notes.json'));
  await dossier.restart();
  const page = dossier.page;

  const toasts = page.getByRole('status', { name: 'Notifications' });
  await expect(toasts).toContainText(/notes\.json was missing; the list of notes was rebuilt.+holds a good copy\./);
  // Rebuilt from the note's file: its title and pin are gone until the backup is restored.
  expect((await callApi(page, 'notes.list', {})).notes.map((n) => [n.title, n.pinned])).toEqual([['Untitled note', false]]);
  await toasts.getByRole('button', { name: 'Restore from backup' }).click();
  await expect(toasts).toContainText(/Restored 1 file from the backup of/);
  expect((await callApi(page, 'notes.list', {})).notes.map((n) => [n.title, n.pinned])).toEqual([['Port strategy', true]]);
});
