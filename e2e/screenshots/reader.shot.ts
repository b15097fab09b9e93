import path from 'node:path';
import { expect, ROOT, test } from '../fixtures';
import { callApi } from '../models/api';
import { ReaderPage } from '../models/ReaderPage';

/** The README's picture of the reader with highlights, made by driving the real app. */
test('reader with highlights', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  // A workspace named as an analyst would name it, not after the temporary folder it lives in.
  await callApi(dossier.page, 'workspace.rename', { name: 'India–Japan defence' });
  await expect(dossier.page.getByRole('banner')).toContainText('India–Japan defence');
  await reader.highlight('reciprocal logistics agreement for their Navies', 'Talks on a Reciprocal Provision of Supplies and Services Agreement (RPSSA).');
  await reader.highlight('India and Japan are strategic partners in the Quad', 'Quad framing: both are members with the US and Australia.');
  await reader.highlight('proposed Reciprocal Provision of Supplies and Services Agreement', 'Key date to watch: signature of the RPSSA.');
  await reader.card('India and Japan are strategic partners').getByRole('button', { name: /Show in the article/ }).click();
  await dossier.page.getByRole('region', { name: 'Article text' }).evaluate((el) => el.scrollTo(0, 0));
  await expect(reader.cards).toHaveCount(3);
  await dossier.page.mouse.move(0, 0);
  await dossier.page.screenshot({ path: path.join(ROOT, 'docs', 'reader.png') });
});
