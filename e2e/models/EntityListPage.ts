import type { Locator, Page } from '@playwright/test';

/** The Entities view: every entity of the workspace in a table that keeps only the rows in view. */
export class EntityListPage {
  constructor(readonly page: Page) {}

  /** How many entities the list shows ("2000", or "400 of 2000" when narrowed). */
  get count(): Locator {
    return this.page.getByTestId('entity-count');
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Entities' });
  }

  /** The rows in the page (not the header row). */
  get rows(): Locator {
    return this.table.locator('.entity-rows').getByRole('row');
  }

  /** The entity names of the rows in the page, in order. */
  get names(): Locator {
    return this.rows.getByRole('button');
  }

  /** The row at 1-based `position` in the whole list. */
  rowAt(position: number): Locator {
    return this.table.locator(`[role="row"][aria-rowindex="${position + 1}"]`);
  }

  get scroller(): Locator {
    return this.page.getByTestId('entity-rows');
  }

  get filter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Find an entity' });
  }

  get sort(): Locator {
    return this.page.getByRole('combobox', { name: 'Sort entities' });
  }

  type(label: string | RegExp): Locator {
    return this.page.getByRole('group', { name: 'Filter by type' }).getByRole('button', { name: label });
  }
}
