import { expect, type Locator, type Page } from '@playwright/test';

/** The search view (Ctrl/Cmd+Shift+F): the words box, the filters and the grouped results. */
export class SearchPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Shift+F');
    await expect(this.page.getByRole('main').getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    await expect(this.box).toBeFocused();
  }

  get box(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search words' });
  }

  get filters(): Locator {
    return this.page.getByRole('group', { name: 'Filters' });
  }

  get status(): Locator {
    return this.page.locator('.search-status');
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Search results' });
  }

  get results(): Locator {
    return this.list.locator('button.search-result');
  }

  /** The results of one kind. */
  resultsOf(kind: 'article' | 'annotation' | 'note' | 'entity' | 'relation'): Locator {
    return this.list.locator(`button.search-result[data-kind="${kind}"]`);
  }

  /** The heading of a group of results, e.g. "Articles 1". */
  group(plural: string): Locator {
    return this.list.getByRole('heading', { name: new RegExp(`^${plural}\\b`) });
  }

  async search(words: string): Promise<void> {
    await this.box.fill(words);
    await expect(this.status).toHaveText(/result|Nothing matches/);
  }

  async kind(plural: string, checked: boolean): Promise<void> {
    await this.filters.getByRole('checkbox', { name: plural }).setChecked(checked);
  }

  async colour(label: string): Promise<void> {
    await this.filters.getByLabel('Colour').selectOption({ label });
  }
}
