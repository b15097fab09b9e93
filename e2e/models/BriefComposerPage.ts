import { expect, type Locator, type Page } from '@playwright/test';
import { LibraryNav } from './LibraryNav';

export type BriefFormat = 'pdf' | 'docx' | 'html' | 'md' | 'jsonld';

/** The Briefs view and the composer of the open brief, as an analyst fills it in. */
export class BriefComposerPage {
  constructor(readonly page: Page) {}

  async openView(): Promise<void> {
    await new LibraryNav(this.page).openBriefs();
  }

  /** Presses "New brief" and waits for its composer. */
  async create(): Promise<void> {
    await this.page.getByRole('complementary', { name: 'Briefs' }).getByRole('button', { name: 'New brief', exact: true }).click();
    await expect(this.title).toHaveValue('New brief');
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Brief' });
  }

  get title(): Locator {
    return this.region.getByLabel('Title');
  }

  get author(): Locator {
    return this.region.getByLabel('Author');
  }

  get handling(): Locator {
    return this.region.getByLabel('Handling line');
  }

  /** The "Bottom line up front" editor. */
  get summary(): Locator {
    return this.region.getByRole('textbox', { name: 'Bottom line up front' });
  }

  async fillHead(head: { title?: string; author?: string; handling?: string }): Promise<void> {
    if (head.title !== undefined) await this.title.fill(head.title);
    if (head.author !== undefined) await this.author.fill(head.author);
    if (head.handling !== undefined) await this.handling.fill(head.handling);
  }

  /** Clicks into the bottom line and types, as a person would (it is a rich-text editor, not a field). */
  async typeSummary(text: string): Promise<void> {
    await this.summary.click();
    await this.page.keyboard.type(text);
  }

  get addArticle(): Locator {
    return this.region.getByLabel('Add an article');
  }

  get addNote(): Locator {
    return this.region.getByLabel('Add a note');
  }

  async addEntityIndex(): Promise<void> {
    await this.region.getByRole('button', { name: 'Add entity index' }).click();
  }

  /** The brief's sections, in order. */
  get sections(): Locator {
    return this.region.getByRole('list', { name: 'Brief sections' }).getByRole('listitem');
  }

  /** Picks the export format; returns the button that exports in it. */
  async exportAs(format: BriefFormat): Promise<Locator> {
    await this.region.getByLabel('Export format').selectOption(format);
    return this.region.getByRole('button', { name: 'Export…' });
  }

  async waitSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveText('All changes saved');
  }
}
