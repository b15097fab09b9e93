import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { EntityListPage } from './models/EntityListPage';
import { NotesPage } from './models/NotesPage';
import { ReaderPage } from './models/ReaderPage';
import { SearchPage } from './models/SearchPage';
import { LONG_ARTICLE_TITLE, seedPassage } from './seedRecords';

/** Rows in the page at most: a screen of them and the overscan on either side. */
const WINDOW = 60;

test.describe('2,000 entities and 2,000 notes', () => {
  test.use({ seedRecords: { entities: 2000, notes: 2000 } });
  test.setTimeout(120_000);

  test('the entity list scrolls with only the rows in view, sorts, filters and remembers what was opened', async ({ dossier }) => {
    const page = dossier.page;
    const list = new EntityListPage(page);
    await dossier.library.openEntities();
    await expect(list.count).toHaveText(/2000/);
    await expect(list.rows.first()).toBeVisible();
    expect(await list.rows.count()).toBeLessThan(WINDOW);

    // To the end and back: still a window of rows, and the last one is there.
    await list.scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(list.rowAt(2000)).toBeVisible();
    expect(await list.rows.count()).toBeLessThan(WINDOW);
    await list.scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect(list.rowAt(1001)).toBeInViewport();
    expect(await list.rows.count()).toBeLessThan(WINDOW);
    await list.scroller.evaluate((el) => (el.scrollTop = 0));

    // Most mentioned first by default; by name on request (the column header says which).
    await expect(list.rowAt(1).getByRole('cell').nth(2)).toHaveText('7');
    await list.sort.selectOption({ label: 'Name' });
    await expect(list.rowAt(1)).toHaveAccessibleName(/^Amara 0000/);
    await expect(list.table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    await list.table.getByRole('columnheader', { name: 'Mentions' }).getByRole('button').click();
    await expect(list.sort).toHaveValue('mentions');

    // The type buttons and the words typed narrow the list together.
    await list.type(/^Place/).click();
    await expect(list.count).toHaveText(/400 of 2000/);
    await list.filter.fill('greta 004');
    await expect(list.names).toHaveText(['Greta 0042']);
    await list.type(/^All/).click();
    await expect(list.names).toHaveCount(1);
    await list.filter.fill('greta 01');
    await expect(list.count).toHaveText(/9 of 2000/);

    // The keyboard reaches the last row of a long list: only it and its neighbours are in the page.
    await list.filter.fill('');
    await list.names.first().focus();
    await page.keyboard.press('End');
    await expect(list.rowAt(2000).getByRole('button')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(list.rowAt(1999).getByRole('button')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(list.rowAt(1).getByRole('button')).toBeFocused();

    // What was opened comes first in "Recently opened", and the order chosen is kept.
    await list.filter.fill('kofi 1234');
    await list.names.first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kofi 1234' })).toBeVisible();
    await dossier.library.openEntities();
    await list.sort.selectOption({ label: 'Recently opened' });
    await expect(list.rowAt(1)).toHaveAccessibleName(/^Kofi 1234/);
    await page.reload();
    await dossier.library.openEntities();
    await expect(list.sort).toHaveValue('recent');
    await expect(list.rowAt(1)).toHaveAccessibleName(/^Kofi 1234/);

    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(dossier.pageErrors).toEqual([]);
  });

  test('the note list scrolls with only the rows in view, sorts and finds', async ({ dossier }) => {
    const page = dossier.page;
    const notes = new NotesPage(page);
    await notes.openView();
    await expect(notes.rows.first()).toBeVisible();
    expect(await notes.rows.count()).toBeLessThan(WINDOW);

    await notes.scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(notes.list().locator('li[aria-posinset="2000"]')).toBeVisible();
    expect(await notes.rows.count()).toBeLessThan(WINDOW);

    await notes.sort.selectOption({ label: 'Title' });
    await notes.scroller.evaluate((el) => (el.scrollTop = 0));
    await expect(notes.rows.first()).toContainText('Note 0000 on Amara');
    await expect(notes.rows.nth(1)).toContainText('Note 0001 on Bogdan');

    // The keyboard: one tab stop, arrows and End move through the whole list.
    await notes.rows.first().getByRole('button').focus();
    await page.keyboard.press('End');
    await expect(notes.list().locator('li[aria-posinset="2000"]').getByRole('button')).toBeFocused();
    await expect(notes.list().locator('li[aria-posinset="2000"]')).toContainText('Note 1999 on');

    // Finding by words keeps the order chosen.
    await notes.search.fill('note 0042');
    await expect(notes.rows).toHaveCount(1);
    await notes.rows.first().getByRole('button').click();
    await expect(notes.title).toHaveValue(/^Note 0042 on/);
    await notes.search.fill('');
    await notes.sort.selectOption({ label: 'Recently opened' });
    await expect(notes.rows.first()).toContainText('Note 0042 on');

    const axe = await new AxeBuilder({ page }).include('aside').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(dossier.pageErrors).toEqual([]);
  });
});

test.describe('an article with 1,000 highlights', () => {
  test.use({ seedRecords: { highlights: 1000 } });
  test.setTimeout(120_000);

  test('keeps only the cards in view in the panel, and shows the card of a highlight chosen far down', async ({ dossier }) => {
    const page = dossier.page;
    const reader = new ReaderPage(page);
    await dossier.library.openArticle(LONG_ARTICLE_TITLE);
    await expect(reader.panel.getByRole('heading', { name: /Highlights/ })).toContainText('1000');
    await expect(reader.card(seedPassage(1))).toBeVisible();
    expect(await reader.cards.count()).toBeLessThan(40);

    // A click on a highlight near the end of the text brings its card into the window and into view.
    await reader.clickText(seedPassage(950));
    await expect(reader.card(seedPassage(950))).toHaveAttribute('aria-current', 'true');
    await expect(reader.card(seedPassage(950))).toBeInViewport();
    expect(await reader.cards.count()).toBeLessThan(40);

    // The arrow keys move from card to card, Home and End to either end of the list.
    await reader.card(seedPassage(950)).getByRole('button', { name: /Show in the article/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(reader.card(seedPassage(951)).getByRole('button', { name: /Show in the article/ })).toBeFocused();
    await page.keyboard.press('End');
    await expect(reader.card(seedPassage(1000)).getByRole('button', { name: /Show in the article/ })).toBeFocused();
    await page.keyboard.press('Home');
    await expect(reader.card(seedPassage(1)).getByRole('button', { name: /Show in the article/ })).toBeFocused();

    // Sorted by grading, the graded ones (every fifth) come first; filtered by words and colour.
    await reader.highlightSort.selectOption({ label: 'Grading (A1 first)' });
    await expect(reader.cards.first()).toContainText(seedPassage(5));
    await reader.highlightFilter.fill('passage 077');
    await expect(reader.panel.getByRole('heading', { name: /Highlights/ })).toContainText('10 of 1000');
    await reader.highlightColour.selectOption({ label: 'Evidence' });
    await expect(reader.cards).toHaveCount(3);
    await expect(reader.cards.first()).toContainText(seedPassage(771));

    // A highlight the filter hides, chosen in the text: the filter gives way to show its card.
    await reader.clickText(seedPassage(12));
    await expect(reader.card(seedPassage(12))).toHaveAttribute('aria-current', 'true');
    await expect(reader.highlightFilter).toHaveValue('');
    await reader.highlightSort.selectOption({ label: 'Text order' });

    // A search result opens the article with the card of a highlight far down selected and shown.
    const search = new SearchPage(page);
    await search.open();
    await search.search('passage 0990');
    await search.resultsOf('annotation').first().click();
    await expect(reader.card(seedPassage(990))).toHaveAttribute('aria-current', 'true');
    await expect(reader.card(seedPassage(990))).toBeInViewport();
    expect(await reader.cards.count()).toBeLessThan(40);

    const axe = await new AxeBuilder({ page }).include('aside').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(dossier.pageErrors).toEqual([]);
  });
});
