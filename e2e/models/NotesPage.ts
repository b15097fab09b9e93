import { expect, type Locator, type Page } from '@playwright/test';
import { LibraryNav } from './LibraryNav';

/** Notes as a user meets them: the Notes view, a note's editor, the @ typeahead. */
export class NotesPage {
  constructor(readonly page: Page) {}

  async openView(): Promise<void> {
    await new LibraryNav(this.page).openNotes();
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: 'New note', exact: true }).click();
    await expect(this.editor).toBeFocused();
  }

  get pane(): Locator {
    return this.page.getByRole('region', { name: 'Note' });
  }

  get editor(): Locator {
    return this.pane.getByRole('textbox', { name: /^Note:/ });
  }

  get title(): Locator {
    return this.pane.getByRole('textbox', { name: 'Note title' });
  }

  get typeahead(): Locator {
    return this.page.getByRole('listbox', { name: 'Entities to mention' });
  }

  chip(name: string): Locator {
    return this.editor.locator('.entity-chip', { hasText: name });
  }

  get citations(): Locator {
    return this.editor.locator('.citation-chip');
  }

  list(): Locator {
    return this.page.locator('.note-list');
  }

  /** One row per note in the page (the list keeps only those in view, and a few more). */
  get rows(): Locator {
    return this.page.getByRole('list', { name: 'Notes' }).getByRole('listitem');
  }

  /** The scrolling part of the list. */
  get scroller(): Locator {
    return this.page.locator('.note-list-scroll');
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Find notes' });
  }

  get sort(): Locator {
    return this.page.getByRole('combobox', { name: 'Sort notes' });
  }

  async waitSaved(): Promise<void> {
    await expect(this.pane.getByTestId('note-save-state')).toHaveText('Saved');
    await expect(this.page.getByTestId('save-status')).toHaveText('All changes saved');
  }

  /** Types "@query" and picks the option whose text matches `option`. */
  async mention(query: string, option: RegExp | string): Promise<void> {
    await this.page.keyboard.type(`@${query}`);
    await expect(this.typeahead).toBeVisible();
    await this.typeahead.getByRole('option', { name: option }).click();
  }
}
