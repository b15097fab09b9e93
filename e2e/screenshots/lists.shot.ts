import path from 'node:path';
import { expect, ROOT, test } from '../fixtures';
import { EntityListPage } from '../models/EntityListPage';
import { NotesPage } from '../models/NotesPage';
import { ReaderPage } from '../models/ReaderPage';
import { LONG_ARTICLE_TITLE, seedPassage } from '../seedRecords';

const shot = (name: string) => path.join(ROOT, 'docs', 'screens', `${name}.png`);

test.describe('long lists', () => {
  test.use({ seedRecords: { entities: 2000, notes: 2000, highlights: 1000 } });
  // Seeding is part of the fixture, so the longer time must be set before the test starts.
  test.setTimeout(180_000);

  test('2,000 entities, 2,000 notes and 1,000 highlights, sorted, filtered and scrolled', async ({ dossier }) => {
    const page = dossier.page;
    const reader = new ReaderPage(page);
    await dossier.library.openArticle(LONG_ARTICLE_TITLE);
    await expect(reader.panel.getByRole('heading', { name: /Highlights/ })).toContainText('1000');
    await reader.clickText(seedPassage(640));
    await expect(reader.card(seedPassage(640))).toBeInViewport();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shot('highlights-long') });
    await reader.highlightFilter.fill('passage 07');
    await reader.highlightSort.selectOption({ label: 'Grading (A1 first)' });
    await expect(reader.panel.getByRole('heading', { name: /Highlights/ })).toContainText('100 of 1000');
    await page.screenshot({ path: shot('highlights-filtered') });

    const entities = new EntityListPage(page);
    await dossier.library.openEntities();
    await entities.scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 3));
    await expect(entities.rowAt(675)).toBeVisible();
    await page.screenshot({ path: shot('entities-long') });
    await entities.type(/^Place/).click();
    await entities.filter.fill('greta');
    await entities.sort.selectOption({ label: 'Name' });
    await expect(entities.count).toHaveText(/of 2000/);
    await page.screenshot({ path: shot('entities-filtered') });

    const notes = new NotesPage(page);
    await notes.openView();
    await notes.sort.selectOption({ label: 'Title' });
    await notes.rows.nth(2).getByRole('button').click();
    await expect(notes.title).toHaveValue(/^Note 0002/);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shot('notes-long') });
  });
});
