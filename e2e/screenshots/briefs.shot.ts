import path from 'node:path';
import { expect, ROOT, test } from '../fixtures';
import { ReaderPage } from '../models/ReaderPage';

/** The brief composer, filled in as an analyst would before exporting. */
test('brief composer', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight('proposed Reciprocal Provision of Supplies and Services Agreement', 'The agreement to watch.');
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: 'Briefs', exact: true }).click();
  await page.getByRole('button', { name: 'New brief' }).click();
  const brief = page.getByRole('region', { name: 'Brief' });
  await brief.getByLabel('Title').fill('India–Japan defence ties: logistics pact in reach');
  await brief.getByLabel('Author').fill('Desk analyst');
  await brief.getByLabel('Handling line').fill('OFFICIAL — FOR TRAINING');
  await brief.getByRole('textbox', { name: 'Bottom line up front' }).click();
  await page.keyboard.type('India and Japan are close to a reciprocal logistics agreement; signature is likely within the year.');
  await brief.getByLabel('Add an article').selectOption({ index: 1 });
  await brief.getByRole('button', { name: 'Add entity index' }).click();
  await brief.getByLabel('Export format').selectOption('pdf');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screens', 'brief-composer.png') });
});
