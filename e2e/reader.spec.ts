import AxeBuilder from '@axe-core/playwright';
import { E2E_DISPLAY_NAME, expect, test } from './fixtures';
import { ReaderPage } from './models/ReaderPage';

// Dates as ISO, so what these tests read does not hang on the machine's language.
test.use({ appSettings: { displayName: E2E_DISPLAY_NAME, dateFormat: 'iso' } });

const QUOTE = 'reciprocal logistics agreement';
const COMMENT = 'Logistics pact (RPSSA) under negotiation';

test('the bundled sample opens in a clean reader', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  await expect(reader.title).toHaveText('India, Japan defence ministers to hold talks on strategic cooperation on Monday');
  await expect(dossier.page.getByRole('article').locator('time')).toHaveAttribute('datetime', '2025-05-04');
  await expect(reader.paragraphs).toHaveCount(9);
  await expect(reader.paragraphs.first()).toHaveText(/^In the backdrop/);
  // The date lead-in is metadata, not text.
  await expect(dossier.page.getByTestId('reader-body')).not.toContainText('date 2025-05-04');
  await expect(reader.panel.getByRole('heading', { name: /Highlights/ })).toContainText('0');

  const axe = await new AxeBuilder({ page: dossier.page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(dossier.pageErrors).toEqual([]);
});

test('select a passage, highlight it with a comment: visible in the text and the panel', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  await reader.highlight(QUOTE, COMMENT);

  await expect(reader.cards).toHaveCount(1);
  await expect(reader.card(QUOTE)).toContainText(COMMENT);
  await expect.poll(() => reader.paintedHighlights()).toEqual([QUOTE]);
});

test('highlights survive a reload and a restart of Dossier', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  await reader.highlight(QUOTE, COMMENT);
  await reader.highlight('Gen Nakatani', 'Japanese counterpart');

  await dossier.page.reload();
  await expect(reader.cards).toHaveCount(2);
  await expect(reader.card(QUOTE)).toContainText(COMMENT);

  await dossier.restart();
  const again = new ReaderPage(dossier.page);
  await expect(again.cards).toHaveCount(2);
  // Listed in document order, whatever order they were made in.
  await expect(again.cards.nth(0)).toContainText(QUOTE);
  await expect(again.cards.nth(1)).toContainText('Gen Nakatani');
  await expect(again.card('Gen Nakatani')).toContainText('Japanese counterpart');
  await expect.poll(() => again.paintedHighlights()).toEqual([QUOTE, 'Gen Nakatani']);
});

test('the keyboard shortcut highlights the selection', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  await reader.select('Quad');
  await dossier.page.keyboard.press('ControlOrMeta+Shift+H');
  await reader.typeComment('Quad membership');
  await expect(reader.card('Quad')).toContainText('Quad membership');
});

test('a highlight can be edited and deleted, and the delete undone', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  await reader.highlight(QUOTE, COMMENT);

  await reader.card(QUOTE).getByRole('button', { name: 'Edit' }).click();
  await reader.typeComment('Edited: talks on the RPSSA');
  await dossier.page.reload();
  await expect(reader.card(QUOTE)).toContainText('Edited: talks on the RPSSA');

  await reader.card(QUOTE).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(reader.cards).toHaveCount(0);
  await expect.poll(() => reader.paintedHighlights()).toEqual([]);

  await dossier.page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(reader.card(QUOTE)).toContainText('Edited: talks on the RPSSA');
  await reader.card(QUOTE).getByRole('button', { name: 'Delete highlight' }).click();
  await reader.waitSaved();
  await dossier.page.reload();
  await expect(reader.panel.getByText(/Select a passage/)).toBeVisible();
  await expect(reader.cards).toHaveCount(0);
});

test('clicking a highlight in the panel scrolls the article to it; clicking in the text selects the card', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  const lastPassage = 'peace, security, and stability in the Indo-Pacific region';
  await reader.highlight(lastPassage, 'Shared outlook');
  await reader.highlight(QUOTE, COMMENT);

  await dossier.page.getByTestId('reader-body').locator('p').first().scrollIntoViewIfNeeded();
  await reader.card(lastPassage).getByRole('button', { name: /Show in the article/ }).click();
  await expect(reader.card(lastPassage)).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => reader.paintedHighlights('active')).toEqual([lastPassage]);
  await expect(dossier.page.getByTestId('reader-body').locator('p').last()).toBeInViewport();

  // A click inside the other highlight's words makes its card current.
  const word = dossier.page.getByTestId('reader-body').locator('p').first();
  await word.scrollIntoViewIfNeeded();
  const point = await dossier.page.evaluate((quote) => {
    const p = document.querySelector<HTMLElement>('[data-testid="reader-body"] p')!;
    const text = p.firstChild as Text;
    const at = text.data.indexOf(quote) + 3;
    const r = document.createRange();
    r.setStart(text, at);
    r.setEnd(text, at + 1);
    const rect = r.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, QUOTE);
  await dossier.page.mouse.click(point.x, point.y);
  await expect(reader.card(QUOTE)).toHaveAttribute('aria-current', 'true');
  // Only the article scrolls: the window itself never does (the top bar stays whole).
  expect(await dossier.page.evaluate(() => [document.scrollingElement!.scrollTop, document.documentElement.scrollHeight - innerHeight])).toEqual([0, 0]);
});

test('Export article… writes Markdown with the quote, the comment and the citation', async ({ dossier }) => {
  const reader = new ReaderPage(dossier.page);
  await reader.highlight(QUOTE, COMMENT);
  const brief = await dossier.exportArticle();

  expect(brief.name).toMatch(/\.md$/);
  expect(brief.content).toMatch(/^# India, Japan defence ministers to hold talks on strategic cooperation on Monday\n/);
  expect(brief.content).toContain('**Published:** 2025-05-04');
  expect(brief.content).toContain(`> ${QUOTE}`);
  expect(brief.content).toContain(COMMENT.replace(/[()]/g, (c) => c));
  // The citation names the paragraph the reader shows, not character offsets.
  expect(brief.content).toMatch(/2025-05-04, ¶ \d+\./);
  expect(brief.content).not.toMatch(/characters \d/);
});
