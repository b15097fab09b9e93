import path from 'node:path';
import { ROOT, test } from '../fixtures';
import { BriefComposerPage } from '../models/BriefComposerPage';
import { ReaderPage } from '../models/ReaderPage';

/** The brief composer, filled in as an analyst would before exporting. */
test('brief composer', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight('proposed Reciprocal Provision of Supplies and Services Agreement', 'The agreement to watch.');
  const brief = new BriefComposerPage(page);
  await brief.openView();
  await brief.create();
  await brief.fillHead({ title: 'India–Japan defence ties: logistics pact in reach', author: 'Desk analyst', handling: 'OFFICIAL — FOR TRAINING' });
  await brief.typeSummary('India and Japan are close to a reciprocal logistics agreement; signature is likely within the year.');
  await brief.addArticle.selectOption({ index: 1 });
  await brief.addEntityIndex();
  await brief.exportAs('pdf');
  await brief.waitSaved();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screens', 'brief-composer.png') });
});
