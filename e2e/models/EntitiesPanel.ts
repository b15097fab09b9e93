import type { Locator, Page } from '@playwright/test';

/** The Entities tab of the side panel and the entity pages. */
export class EntitiesPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: /^Entities/ }).click();
  }

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Entities' });
  }

  get suggestions(): Locator {
    return this.panel.getByRole('list', { name: 'Suggested entities' }).getByRole('listitem');
  }

  suggestion(name: string): Locator {
    return this.panel.getByRole('list', { name: 'Suggested entities' }).getByRole('listitem', { name, exact: true });
  }

  get confirmed(): Locator {
    return this.panel.getByRole('list', { name: 'Entities in this article' });
  }
}
