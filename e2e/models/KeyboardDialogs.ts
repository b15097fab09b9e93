import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette (Ctrl/Cmd+Shift+P): a box, and the commands whose names match what is typed. */
export class CommandPaletteDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Command palette' });
  }

  get box(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Command' });
  }

  get options(): Locator {
    return this.dialog.getByRole('option');
  }

  get selected(): Locator {
    return this.dialog.getByRole('option', { selected: true });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Shift+KeyP');
    await expect(this.dialog).toBeVisible();
    await expect(this.box).toBeFocused();
  }
}

/** The keyboard shortcuts sheet (F1, or ? outside a field). */
export class ShortcutsSheet {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** The keys shown for a command, by its title. */
  keysOf(title: string): Locator {
    return this.dialog.getByRole('row', { name: title, exact: false }).getByRole('cell');
  }
}

/** Find in the article (Ctrl/Cmd+F). */
export class FindBar {
  constructor(readonly page: Page) {}

  get bar(): Locator {
    return this.page.getByRole('search', { name: 'Find in the article' });
  }

  get box(): Locator {
    return this.bar.getByRole('searchbox', { name: 'Find in the article' });
  }

  get status(): Locator {
    return this.bar.getByRole('status');
  }

  /** The texts marked as matches (all) or as the current match, read from the reader's painted highlights. */
  painted(which: 'all' | 'current'): Promise<string[]> {
    return this.page.evaluate((name) => {
      const ranges = [...((CSS.highlights.get(name) as Iterable<Range> | undefined) ?? [])];
      return ranges.map((r) => r.toString());
    }, which === 'all' ? 'dossier-find' : 'dossier-find-current');
  }
}
