import path from 'node:path';
import { expect, ROOT, test } from '../fixtures';
import { EntitiesPanel } from '../models/EntitiesPanel';
import { NotesPage } from '../models/NotesPage';
import { QuickOpenDialog } from '../models/QuickOpenDialog';
import { ReaderPage } from '../models/ReaderPage';
import { SearchPage } from '../models/SearchPage';

/** Pictures of search, the quick switcher and a big library (docs/screens/). */
const OUT = path.join(ROOT, 'docs', 'screens');

test('search view and quick switcher', async ({ dossier }) => {
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  await entities.open();
  await entities.panel.getByRole('button', { name: 'Accept all' }).click();
  await expect(entities.confirmed).toContainText('Rajnath Singh');
  await page.getByRole('tab', { name: 'Highlights' }).click();
  const reader = new ReaderPage(page);
  await reader.highlight('Defence Minister Rajnath Singh will hold a bilateral meeting', 'Second meeting in six months.');
  const card = reader.card('Defence Minister Rajnath Singh');
  await card.getByRole('button', { name: 'Edit' }).click();
  await card.getByRole('radio', { name: 'Key date' }).check();
  await card.getByRole('button', { name: 'Done' }).click();
  await reader.highlight('deepen bilateral defence cooperation', 'The stated aim.');
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('# Defence talks readout');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Japan and India agree to deepen defence industry ties.');
  await notes.waitSaved();

  const search = new SearchPage(page);
  await search.open();
  await search.search('defence');
  await expect(search.group('Highlights')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: path.join(OUT, 'search.png') });

  await search.resultsOf('article').first().click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('dossier-search-match'))).toBe(true);
  await page.screenshot({ path: path.join(OUT, 'search-opened.png') });

  const quick = new QuickOpenDialog(page);
  await quick.open();
  await page.keyboard.type('def');
  await expect(quick.options.first()).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'quick-open.png') });
});

test.describe('a big library', () => {
  test.use({ seedArticles: 2000 });
  test.setTimeout(120_000);

  test('library of 2,000 articles', async ({ dossier }) => {
    const page = dossier.page;
    await expect(dossier.library.root.getByRole('heading', { name: /Articles/ })).toHaveText(/2001/);
    await dossier.library.scroller.evaluate((el) => (el.scrollTop = 40_000));
    await dossier.library.articles.nth(3).click();
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(/^Report/);
    await page.screenshot({ path: path.join(OUT, 'library.png') });
    await dossier.library.filter.fill('drone hanoi');
    await expect(dossier.library.root.getByRole('heading', { name: /Articles/ })).toHaveText(/of 2001/);
    await page.screenshot({ path: path.join(OUT, 'library-filtered.png') });
  });
});
