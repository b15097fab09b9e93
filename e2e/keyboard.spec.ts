import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EntitiesPanel } from './models/EntitiesPanel';
import { CommandPaletteDialog, FindBar, ShortcutsSheet } from './models/KeyboardDialogs';
import { NotesPage } from './models/NotesPage';
import { ReaderPage } from './models/ReaderPage';

const QUOTE = 'reciprocal logistics agreement for their Navies';

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

function articleText(page: Page) {
  return page.getByRole('region', { name: 'Article text' });
}

/** The article's linked entity mentions: one tab stop after the text. */
function mentionsList(page: Page) {
  return page.getByRole('listbox', { name: /^Entity mentions in the article/ });
}

/** The words painted as the mention the keyboard is on. */
function focusedMention(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((CSS.highlights.get('dossier-mention-focus') as Iterable<Range> | undefined) ?? [])].map((r) => r.toString()));
}

test('the command palette finds a command by a few letters, shows its keys and runs it', async ({ dossier }) => {
  const page = dossier.page;
  const palette = new CommandPaletteDialog(page);
  await articleText(page).focus();
  await palette.open();
  // Every window command, with its shortcut beside it.
  await expect(palette.options.filter({ hasText: 'Search the workspace…' })).toContainText(process.platform === 'darwin' ? '⌘+Shift+F' : 'Ctrl+Shift+F');
  await expect(palette.options.filter({ hasText: 'Keyboard shortcuts' })).toContainText('F1');
  // A command that needs words selected is there, greyed.
  await expect(palette.options.filter({ hasText: 'Cite the selected passage in a note' })).toHaveAttribute('aria-disabled', 'true');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: '/tmp/palette-palette.png' });

  await palette.box.fill('olc');
  await expect(palette.selected).toHaveText('Open the link chart');
  await palette.box.fill('timel');
  await expect(palette.selected).toHaveText('Open the timeline');
  await page.screenshot({ path: '/tmp/palette-palette-query.png' });
  // Arrows move, Escape closes and gives the focus back.
  await palette.box.fill('open the');
  const first = await palette.selected.textContent();
  await page.keyboard.press('ArrowDown');
  await expect(palette.selected).not.toHaveText(first!);
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toHaveCount(0);
  await expect(articleText(page)).toBeFocused();

  await palette.open();
  await page.keyboard.type('link chart');
  await expect(palette.selected).toHaveText('Open the link chart');
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Link chart' })).toBeVisible();

  // What was run last comes first next time.
  await palette.open();
  await expect(palette.dialog).toContainText('Recently used first');
  await expect(palette.options.first()).toHaveText('Open the link chart');
  await palette.box.fill('timeline');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  expect(dossier.pageErrors).toEqual([]);
});

test('a command run from the palette acts on the words selected in the article', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const palette = new CommandPaletteDialog(page);
  await reader.select(QUOTE);
  await palette.open();
  await expect(palette.options.filter({ hasText: 'Cite the selected passage in a note' })).not.toHaveAttribute('aria-disabled', 'true');
  await palette.box.fill('highlight');
  await expect(palette.selected).toContainText('Highlight and comment the selected passage');
  await page.keyboard.press('Enter');
  await reader.typeComment('From the palette');
  await expect(reader.card(QUOTE)).toContainText('From the palette');
});

test('the shortcuts sheet opens on ? and F1 and lists every key by where it works', async ({ dossier }) => {
  const page = dossier.page;
  const sheet = new ShortcutsSheet(page);
  const mod = process.platform === 'darwin' ? '⌘' : 'Ctrl';
  await articleText(page).focus();
  await page.keyboard.press('Shift+Slash');
  await expect(sheet.dialog).toBeVisible();
  await expect(sheet.keysOf('Highlight and comment the selected passage')).toHaveText(`${mod}+Shift+H`);
  await expect(sheet.keysOf('Select word by word')).toContainText('Shift+→');
  for (const section of ['Anywhere in the window', 'In the article', 'In a note', 'In a comment or reply']) {
    await expect(sheet.dialog.getByRole('heading', { name: section })).toBeVisible();
  }
  await expect(sheet.dialog.getByRole('region', { name: 'In a note' })).toContainText('Bold');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: '/tmp/palette-sheet.png' });
  await page.keyboard.press('Escape');
  await expect(sheet.dialog).toHaveCount(0);
  await expect(articleText(page)).toBeFocused();

  await page.keyboard.press('F1');
  await expect(sheet.dialog).toBeVisible();
  await page.keyboard.press('F1');
  await expect(sheet.dialog).toHaveCount(0);

  // In a field, ? is a question mark.
  const palette = new CommandPaletteDialog(page);
  await palette.open();
  await page.keyboard.type('what?');
  await expect(palette.box).toHaveValue('what?');
  await expect(sheet.dialog).toHaveCount(0);
});

test('Find in the article steps through its matches and closes on the current one', async ({ dossier }) => {
  const page = dossier.page;
  const find = new FindBar(page);
  const expected = await page.getByTestId('reader-body').evaluate((body) => (body.textContent ?? '').toLowerCase().split('japan').length - 1);
  expect(expected).toBeGreaterThan(3);
  await articleText(page).focus();
  await page.keyboard.press('ControlOrMeta+F');
  await expect(find.box).toBeFocused();
  await page.keyboard.type('JAPAN');
  await expect(find.status).toHaveText(`1 of ${expected}`);
  await expect.poll(() => find.painted('all')).toHaveLength(expected);
  expect((await find.painted('all')).every((t) => t.toLowerCase() === 'japan')).toBe(true);
  await expect.poll(() => find.painted('current')).toEqual(['Japan']);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: '/tmp/palette-find.png' });

  await page.keyboard.press('Enter');
  await expect(find.status).toHaveText(`2 of ${expected}`);
  await page.keyboard.press('Enter');
  await expect(find.status).toHaveText(`3 of ${expected}`);
  await page.keyboard.press('Shift+Enter');
  await expect(find.status).toHaveText(`2 of ${expected}`);
  await page.keyboard.press('F3');
  await expect(find.status).toHaveText(`3 of ${expected}`);
  await page.keyboard.press('Shift+F3');
  await page.keyboard.press('Shift+F3');
  await page.keyboard.press('Shift+F3');
  // Round from the first to the last.
  await expect(find.status).toHaveText(`${expected} of ${expected}`);
  // The last match is brought into view.
  const current = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('dossier-find-current') as Iterable<Range>)][0]!;
    const rect = range.getBoundingClientRect();
    const view = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    return { inView: rect.top >= view.top && rect.bottom <= view.bottom };
  });
  expect(current.inView).toBe(true);

  await find.box.fill('no such words anywhere');
  await expect(find.status).toHaveText('No matches');
  await find.box.fill('japanese counterpart');
  await expect(find.status).toHaveText('1 of 1');
  await page.keyboard.press('Escape');
  await expect(find.bar).toHaveCount(0);
  expect(await find.painted('all')).toEqual([]);
  // The match stays selected, so the selection toolbar offers it at once.
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('Japanese counterpart');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  expect(dossier.pageErrors).toEqual([]);
});

test('a keyboard-only reader selects words with a caret, highlights them, and opens an entity from the text', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const entities = new EntitiesPanel(page);
  await entities.open();
  await entities.suggestion('Rajnath Singh').getByRole('button', { name: 'Accept' }).click();
  await expect(entities.confirmed).toContainText('Rajnath Singh');
  await page.getByRole('tab', { name: 'Highlights' }).click();

  await articleText(page).focus();
  await expect(page.locator('.reader-caret')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+ArrowRight');
  await page.keyboard.press('ControlOrMeta+Shift+ArrowRight');
  await page.keyboard.press('ControlOrMeta+Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString().trim())).toBe('In the backdrop');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+H');
  await reader.typeComment('Made with the keyboard');
  await expect(reader.card('In the backdrop')).toContainText('Made with the keyboard');
  await expect.poll(() => reader.paintedHighlights()).toContain('In the backdrop');

  // Shift+arrows by character, Shift+End to the line's end.
  await articleText(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString().length)).toBe(2);
  await page.keyboard.press('Shift+End');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString().length)).toBeGreaterThan(10);

  // Tab goes to the entities named in the text; Enter opens the one it is on.
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Tab');
  await expect(mentionsList(page)).toBeFocused();
  await expect(mentionsList(page).getByRole('option', { selected: true })).toHaveText('Rajnath Singh, Person, ¶ 1');
  await expect.poll(() => focusedMention(page)).toEqual(['Rajnath Singh']);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Rajnath Singh' })).toBeVisible();
  expect(dossier.pageErrors).toEqual([]);
});

test('the Link to entity popup stays on screen near the bottom edge and starts with the suggested type', async ({ dossier }) => {
  const page = dossier.page;
  // A short window, so the article scrolls far enough to bring "Laos" down to its bottom edge.
  await page.setViewportSize({ width: 1400, height: 560 });
  // "Laos" is suggested as a place; put it a line above the window's bottom edge and select it.
  await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!;
    for (const p of document.querySelectorAll<HTMLElement>('[data-testid="reader-body"] p')) {
      const text = p.firstChild as Text;
      const at = text.data.indexOf('Laos');
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Laos'.length);
      p.scrollIntoView({ block: 'center' });
      scroller.scrollBy({ top: range.getBoundingClientRect().bottom - (window.innerHeight - 40) });
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
  });
  const bottom = await page.evaluate(() => document.getSelection()!.getRangeAt(0).getBoundingClientRect().bottom);
  const viewport = page.viewportSize()!;
  expect(bottom).toBeGreaterThan(viewport.height - 60);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Link to entity…' }).click();
  const popup = page.getByRole('dialog', { name: 'Link to entity' });
  await expect(popup).toBeVisible();
  const box = (await popup.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  // Above the selection, since there is no room below.
  expect(box.y + box.height).toBeLessThanOrEqual(bottom);
  await expect(popup.getByLabel('New entity type')).toHaveValue('place');
  await popup.getByRole('button', { name: 'Create “Laos”' }).click();
  const entities = new EntitiesPanel(page);
  await expect(entities.confirmed).toContainText('Laos');
});

test('a citation chip in a note is reached with the arrow keys, and Enter opens the cited passage', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const notes = new NotesPage(page);
  await reader.select('Rajnath Singh');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Cite in note' }).click();
  await expect(notes.citations).toHaveCount(1);
  await notes.waitSaved();

  await notes.openView();
  await notes.list().getByRole('button').first().click();
  await expect(notes.citations).toHaveCount(1);
  // The editor settles its selection a frame after focus: go again from the end until it has.
  await expect(async () => {
    await notes.editor.focus();
    await expect(notes.editor).toBeFocused();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(notes.citations.first()).toHaveClass(/chip-selected/, { timeout: 1000 });
  }).toPass();
  await page.keyboard.press('Enter');
  await expect(articleText(page)).toBeVisible();
  await expect(reader.title).toBeVisible();
  expect(dossier.pageErrors).toEqual([]);
});

test('the entity mentions are one tab stop after the text: the arrows go from one to the next, Enter opens, Escape goes back', async ({ dossier }) => {
  // Many small steps, each a key press and a check.
  test.slow();
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  await entities.open();
  for (const name of ['Rajnath Singh', 'Gen Nakatani']) {
    await entities.suggestion(name).getByRole('button', { name: 'Accept' }).click();
    await expect(entities.confirmed).toContainText(name);
  }

  await articleText(page).focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Tab');
  const list = mentionsList(page);
  await expect(list).toBeFocused();
  await expect(list).toHaveAccessibleName('Entity mentions in the article, 2');
  const selected = list.getByRole('option', { selected: true });
  await expect(selected).toHaveText('Rajnath Singh, Person, ¶ 1');
  await expect(list).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);
  await expect.poll(() => focusedMention(page)).toEqual(['Rajnath Singh']);
  await expect(page.locator('.mentions-list-bar')).toContainText('Mention 1 of 2');
  await page.screenshot({ path: '/tmp/keyboard-mentions-list.png' });

  // The arrows move and hold at the ends; Home and End go to them.
  await page.keyboard.press('ArrowDown');
  await expect(selected).toHaveText('Gen Nakatani, Person, ¶ 1');
  await expect.poll(() => focusedMention(page)).toEqual(['Gen Nakatani']);
  await page.keyboard.press('ArrowRight');
  await expect(selected).toHaveText('Gen Nakatani, Person, ¶ 1');
  await page.keyboard.press('Home');
  await expect(selected).toHaveText('Rajnath Singh, Person, ¶ 1');
  await page.keyboard.press('End');
  await expect(selected).toHaveText('Gen Nakatani, Person, ¶ 1');
  await expectNoSeriousAxeViolations(page);

  // Escape: back in the text, the caret at the mention; Enter there opens it too.
  await page.keyboard.press('Escape');
  await expect(articleText(page)).toBeFocused();
  await expect.poll(() => focusedMention(page)).toEqual([]);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('Gen');
  await page.keyboard.press('ArrowLeft');

  // One Tab past the list leaves the article (no stop per mention); Shift+Tab comes back to the list, then the text.
  await page.keyboard.press('Tab');
  await expect(list).toBeFocused();
  await expect(selected).toHaveText('Gen Nakatani, Person, ¶ 1');
  await page.keyboard.press('Tab');
  await expect(list).not.toBeFocused();
  await expect(articleText(page)).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(list).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(articleText(page)).toBeFocused();

  // The shortcuts sheet says how.
  await page.keyboard.press('F1');
  const sheet = new ShortcutsSheet(page);
  await expect(sheet.keysOf('Go to the entity mentions, from the caret on')).toContainText('Tab');
  await expect(sheet.keysOf('Next entity mention')).toContainText('↓');
  await expect(sheet.keysOf('Back to the text, the caret at the mention')).toContainText('Escape');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Gen Nakatani' })).toBeVisible();
  expect(dossier.pageErrors).toEqual([]);
});
