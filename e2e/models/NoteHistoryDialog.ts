import type { Locator, Page } from '@playwright/test';

/** A note's history: its versions, what changed since the chosen one, and "Restore this version". */
export class NoteHistoryDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^History of/ });
  }

  get versions(): Locator {
    return this.dialog.getByRole('listbox', { name: 'Versions' }).getByRole('option');
  }

  /** The current text with the chosen version's words marked: <del> removed since, <ins> added since. */
  get comparison(): Locator {
    return this.dialog.getByRole('region', { name: 'The text compared with this version' });
  }

  get restoreButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Restore this version' });
  }
}
