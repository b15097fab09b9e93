import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { callApi } from './models/api';

test('an article whose highlights file was damaged opens with its highlights rebuilt, and the app says what happened', async ({ dossier }) => {
  const page = dossier.page;
  const text = 'Port talks\n\nThe delegations met in Chennai and agreed to widen the channel for larger ships.';
  const { articles } = await callApi(page, 'articles.import', { files: [{ name: 'port.txt', base64: Buffer.from(text).toString('base64') }] });
  const id = articles[0]!.id;
  // Damaged on disk before Dossier has read it: what a failing disk or a bad sync would leave.
  const file = path.join(dossier.workspace, 'articles', id, 'annotations.json');
  await fs.writeFile(file, '{"schemaVersion":2,"kind":"annotations","annot');

  await dossier.library.articles.filter({ hasText: 'Port talks' }).click();
  await expect(page.getByRole('heading', { name: 'Port talks' })).toBeVisible();
  const toast = page.getByRole('status', { name: 'Notifications' });
  await expect(toast).toContainText(/annotations\.json was damaged: it was moved to quarantine\/.+, and the article's 0 highlights were rebuilt from its history\./);

  const [stamp] = await fs.readdir(path.join(dossier.workspace, 'quarantine'));
  expect(await fs.readFile(path.join(dossier.workspace, 'quarantine', stamp!, 'articles', id, 'annotations.json'), 'utf8')).toBe('{"schemaVersion":2,"kind":"annotations","annot');
  // The article works again: a highlight can be made and is kept.
  await callApi(page, 'annotations.createFromQuote', { articleId: id, quote: 'Chennai', comment: 'where' });
  expect((await callApi(page, 'annotations.list', { articleId: id })).annotations.map((a) => a.comment)).toEqual(['where']);
  await page.screenshot({ path: test.info().outputPath('damaged-notice.png') });
});
