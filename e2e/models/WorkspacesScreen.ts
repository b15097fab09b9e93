import { expect, type Locator, type Page } from '@playwright/test';

/** The start screen (Workspaces…): the open workspace, the recent ones, open and create. */
export class WorkspacesScreen {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Workspaces' });
  }

  /** The same screen filling the window, when the workspace Dossier started with could not be opened. */
  get startScreen(): Locator {
    return this.page.getByRole('main', { name: 'Dossier' });
  }

  /** The open workspace's name in the top bar, which opens this screen. */
  get topBarName(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /^Workspace: / });
  }

  get recent(): Locator {
    return this.dialog.getByRole('list', { name: 'Recent workspaces' });
  }

  /** The message the screen shows (its alert regions stay in the page, empty, until one speaks). */
  get problem(): Locator {
    return this.dialog.getByRole('alert').filter({ hasText: /\S/ }).first();
  }

  async open(): Promise<void> {
    await this.topBarName.click();
    await expect(this.dialog).toBeVisible();
  }

  /** Creates a workspace; the window reloads on it. */
  async create(name: string, folder: string, options: { sample?: boolean } = {}): Promise<void> {
    const form = this.dialog.getByRole('form', { name: 'Create a workspace' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Folder').fill(folder);
    if (options.sample) await form.getByLabel('Include the sample article').check();
    await this.switchesTo(name, () => form.getByRole('button', { name: 'Create workspace' }).click());
  }

  /**
   * Runs `action`, which switches the workspace, and waits for the window's reload onto `name`.
   * The reload is awaited itself: until it lands, the page being left can already show the new
   * workspace's name and data (it asks the core, which has switched), and then goes away under a test.
   */
  async switchesTo(name: string, action: () => Promise<unknown>): Promise<void> {
    const reloaded = this.page.waitForEvent('load', { timeout: 60_000 });
    await action();
    await reloaded;
    await this.waitForWorkspace(name);
  }

  /** Waits until the window shows the workspace named `name` (after its reload). */
  async waitForWorkspace(name: string): Promise<void> {
    await expect(this.topBarName).toHaveText(name, { timeout: 20_000 });
    await expect(this.page.locator('html')).toHaveAttribute('data-ready', 'true');
  }
}
