import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test.describe('a library of 2,000 articles', () => {
  test.use({ seedArticles: 2000 });
  test.setTimeout(90_000);

  test('scrolls with only the rows in view in the page, sorts, filters and remembers what was opened', async ({ dossier }) => {
    const page = dossier.page;
    const library = dossier.library;
    await expect(library.root.getByRole('heading', { name: /Articles/ })).toHaveText(/2001/);
    const rows = library.root.getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeLessThan(60);

    // To the end of the list and back: still only a window of rows, and the last one is there.
    await library.scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(library.root.locator('li[aria-posinset="2001"]')).toBeVisible();
    expect(await rows.count()).toBeLessThan(60);
    await library.scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect(library.root.locator('li[aria-posinset="1001"]')).toBeInViewport();
    expect(await rows.count()).toBeLessThan(60);
    await library.scroller.evaluate((el) => (el.scrollTop = 0));

    await library.sort.selectOption({ label: 'Title' });
    await expect(library.articles.first()).toHaveText(/^India, Japan defence ministers/);
    await expect(library.articles.nth(1)).toHaveText(/^Report 0000: Port talks in Lagos/);

    await library.filter.fill('report 1999');
    await expect(library.articles).toHaveCount(1);
    await library.openArticle(/Report 1999/);
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(/^Report 1999/);
    await library.filter.fill('');

    await library.sort.selectOption({ label: 'Recently opened' });
    await expect(library.articles.first()).toHaveText(/^Report 1999/);
    await expect(library.articles.nth(1)).toHaveText(/^India, Japan defence ministers/);
    // The order chosen is remembered for this workspace.
    await page.reload();
    await expect(library.sort).toHaveValue('recent');
    await expect(library.articles.first()).toHaveText(/^Report 1999/);

    const axe = await new AxeBuilder({ page }).include('nav').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(dossier.pageErrors).toEqual([]);
  });
});
