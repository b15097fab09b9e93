import { expect, type Locator, type Page } from '@playwright/test';

/** The quick switcher (Ctrl/Cmd+K): a box, and the places whose names match what is typed. */
export class QuickOpenDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Go to' });
  }

  get box(): Locator {
    return this.dialog.getByRole('combobox');
  }

  get options(): Locator {
    return this.dialog.getByRole('option');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K');
    await expect(this.dialog).toBeVisible();
    await expect(this.box).toBeFocused();
  }
}
