import { expect, type Locator, type Page } from '@playwright/test';

type View = 'Entities' | 'Notes' | 'Briefs' | 'Timeline' | 'Link chart';

/** The library down the left side: the Entities, Notes, Briefs and Timeline views, then every article. */
export class LibraryNav {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole('navigation', { name: 'Articles' });
  }

  /** One button per article in view (the list keeps only the rows on screen, and a few more, in the page); not their "…" menus. */
  get articles(): Locator {
    return this.root.getByRole('list', { name: 'Articles in the library' }).getByRole('listitem').getByRole('button').and(this.page.locator(':not([aria-haspopup])'));
  }

  /** The scrolling part of the library. */
  get scroller(): Locator {
    return this.root.getByTestId('library-scroll');
  }

  get filter(): Locator {
    return this.root.getByRole('searchbox', { name: 'Filter articles' });
  }

  get sort(): Locator {
    return this.root.getByRole('combobox', { name: 'Sort articles' });
  }

  article(title: string | RegExp): Locator {
    return this.articles.filter({ hasText: title });
  }

  /** Opens the article and waits until the library marks it as the one being read. */
  async openArticle(title: string | RegExp): Promise<void> {
    await this.article(title).click();
    await expect(this.article(title)).toHaveAttribute('aria-current', 'page');
  }

  async openEntities(): Promise<void> {
    await this.open('Entities');
  }

  async openNotes(): Promise<void> {
    await this.open('Notes');
  }

  async openBriefs(): Promise<void> {
    await this.open('Briefs');
  }

  async openTimeline(): Promise<void> {
    await this.open('Timeline');
  }

  async openGraph(): Promise<void> {
    await this.open('Link chart');
  }

  /** Clicks the view's button and waits for the view's own heading. */
  private async open(view: View): Promise<void> {
    await this.root.getByRole('button', { name: view, exact: true }).click();
    await expect(this.page.getByRole('main').getByRole('heading', { level: 1, name: view, exact: true })).toBeVisible();
  }
}
