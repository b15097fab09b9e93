import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings dialog (Ctrl/Cmd+,), as a user sees it. */
export class SettingsDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Settings' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Comma');
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }

  get displayName(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Display name' });
  }

  theme(name: 'System' | 'Light' | 'Dark'): Locator {
    return this.dialog.getByRole('radio', { name });
  }

  get dateFormat(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Date format' });
  }

  get readerSize(): Locator {
    return this.dialog.getByRole('slider', { name: 'Reader text size' });
  }

  /** Types a new display name and leaves the field, which saves it. */
  async setDisplayName(name: string): Promise<void> {
    await this.displayName.fill(name);
    await this.displayName.press('Enter');
  }
}
