import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { E2E_DISPLAY_NAME, expect, ROOT, test } from './fixtures';
import { EntitiesPanel } from './models/EntitiesPanel';
import { ReaderPage } from './models/ReaderPage';

// Exported briefs follow the date format setting: ISO here, so citations read 2025-05-04.
test.use({ appSettings: { displayName: E2E_DISPLAY_NAME, dateFormat: 'iso' } });

/** The smaller things a first-time user tripped on, each checked as the user would notice it. */
const FIXTURES = path.join(ROOT, 'electron', 'core', 'import', 'fixtures');
const QUOTE = 'strategic partners in the Quad';

/** How many lines a control's visible label takes on screen (text said only to screen readers aside). */
async function lineCount(control: Locator): Promise<number> {
  return control.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const centres: number[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.visually-hidden') || !node.textContent!.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0) centres.push(r.top + r.height / 2);
    }
    centres.sort((a, b) => a - b);
    // Pieces of one line (a word and the count beside it) share a middle within a few pixels.
    return centres.filter((c, i) => i === 0 || c - centres[i - 1]! > 6).length;
  });
}

async function acceptAllEntities(page: Page): Promise<void> {
  const entities = new EntitiesPanel(page);
  await entities.open();
  await entities.panel.getByRole('button', { name: 'Accept all' }).click();
  await expect(entities.panel.getByText('Nothing left to review in this article.')).toBeVisible();
}

test('an entity page counts in words, shows a readable type badge and no example id that looks like data', async ({ dossier }) => {
  const page = dossier.page;
  await acceptAllEntities(page);
  await dossier.library.openEntities();
  await page.getByRole('table', { name: 'Entities' }).getByRole('button', { name: 'Laos', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laos' })).toBeVisible();

  const header = page.locator('.entity-page header');
  await expect(header).toContainText('1 mention in 1 article');
  await expect(header).not.toContainText(/1 mentions|1 articles/);

  // The type reads as a word on a tag, not as a coloured bracket.
  const badge = header.locator('.entity-type-badge');
  await expect(badge).toHaveText('Place');
  const box = (await badge.boundingBox())!;
  expect(box.width).toBeGreaterThan(box.height * 2);
  // An even border all round: a tag, not the pill with a thick left edge that read as "(".
  expect(await badge.evaluate((b) => [getComputedStyle(b).borderLeftWidth, getComputedStyle(b).borderRightWidth])).toEqual(['1px', '1px']);

  const externalId = page.getByLabel('External id');
  await expect(externalId).toBeVisible();
  const placeholder = (await externalId.getAttribute('placeholder')) ?? '';
  expect(placeholder).not.toMatch(/^Q\d+$/);
  expect(placeholder).not.toContain('Q668');

  await page.screenshot({ path: '/tmp/slips-entity-page.png' });
  const axe = await new AxeBuilder({ page }).include('.entity-page header').include('.entity-form').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(dossier.pageErrors).toEqual([]);
});

for (const width of [1440, 1024]) {
  test(`the Entities tab label stays on one line at ${width} px`, async ({ dossier }) => {
    const page = dossier.page;
    await page.setViewportSize({ width, height: 900 });
    const tab = page.getByRole('tab', { name: /^Entities/ });
    // The sample has entities to review: the tab carries their count.
    await expect(tab).toContainText(/\d/);
    await expect(tab).toHaveAccessibleName(/^Entities\s*\d+ to review$/);
    expect(await lineCount(tab)).toBe(1);
    const [entities, highlights] = [(await tab.boundingBox())!, (await page.getByRole('tab', { name: 'Highlights' }).boundingBox())!];
    expect(entities.height).toBe(highlights.height);
  });
}

test('an annotation card and the exported brief say which paragraph, not character offsets', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight(QUOTE, 'Quad framing.');
  const card = reader.card(QUOTE);
  const place = card.locator('.offsets');
  await expect(place).toHaveText(/^¶ \d+$/);
  // The number is the reader's own: the paragraph holding the quote, counted from the top.
  const expected = await reader.paragraphs.evaluateAll((ps, quote) => ps.findIndex((p) => p.textContent!.includes(quote)) + 1, QUOTE);
  await expect(place).toHaveText(`¶ ${expected}`);
  await expect(card).not.toContainText(/\d+–\d+/);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: '/tmp/slips-annotation-card.png' });

  const brief = await dossier.exportArticle();
  expect(brief.content).toContain(`2025-05-04, ¶ ${expected}.`);
  expect(brief.content).not.toMatch(/characters \d/);
});

test('an empty file is reported once, by name', async ({ dossier }) => {
  const page = dossier.page;
  await page.getByLabel('Articles to import').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  const failures = page.getByRole('dialog', { name: /Imported 0 of 1/ }).getByRole('list', { name: 'Not imported' });
  await expect(failures.getByRole('listitem')).toHaveText('empty.txt is empty.');
});

test('a Markdown file keeps its lists, nesting, bold and italic in the reader', async ({ dossier }) => {
  const page = dossier.page;
  await page.getByLabel('Articles to import').setInputFiles(path.join(FIXTURES, 'ferry-briefing.md'));
  await page.getByRole('dialog', { name: /Imported 1 of 1/ }).getByRole('button', { name: 'Close' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText('Night ferry trial: what the council agreed');
  const body = page.getByTestId('reader-body');
  await expect(reader.paragraphs.filter({ hasText: 'Crossings every ninety minutes' })).toHaveText('• Crossings every ninety minutes until dawn');
  await expect(reader.paragraphs.filter({ hasText: 'on loan from' })).toHaveText(/^\s+◦ The Petrel, on loan from the mainland operator$/);
  await expect(reader.paragraphs.filter({ hasText: 'passenger count' })).toHaveText('1. A passenger count after the first month');
  await expect(reader.paragraphs.filter({ hasText: 'Funding agreed' })).toHaveText('☑ Funding agreed');
  await expect(body.locator('strong', { hasText: 'night ferry' })).toBeVisible();
  await expect(body.locator('em', { hasText: 'two-year trial' })).toBeVisible();
  expect(await body.locator('strong', { hasText: 'night ferry' }).evaluate((b) => Number(getComputedStyle(b).fontWeight))).toBeGreaterThanOrEqual(600);
  // The nested item sits further in than its parent.
  const indent = async (words: string) => (await page.evaluate((words) => {
    const p = [...document.querySelectorAll('[data-testid="reader-body"] p')].find((p) => p.textContent!.includes(words))!;
    const range = document.createRange();
    const text = p.firstChild!;
    const at = text.textContent!.search(/\S/);
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    return range.getBoundingClientRect().left;
  }, words));
  expect(await indent('The Gannet')).toBeGreaterThan(await indent('Two vessels'));

  // A highlight across the bold and italic words takes exactly those words, and is painted over them.
  const words = 'night ferry for a two-year trial';
  await page.evaluate((words) => {
    const p = [...document.querySelectorAll('[data-testid="reader-body"] p')].find((p) => p.textContent!.includes(words))!;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const at = (offset: number): [Text, number] => {
      for (const n of nodes) {
        if (offset <= n.length) return [n, offset];
        offset -= n.length;
      }
      throw new Error('past the paragraph');
    };
    const start = p.textContent!.indexOf(words);
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + words.length));
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, words);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /Highlight/ }).click();
  await page.keyboard.press('Escape');
  await expect(reader.card(words)).toBeVisible();
  await expect(reader.card(words).locator('.offsets')).toHaveText('¶ 1');
  await expect
    .poll(() => page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h]).map((r) => r.toString())))
    .toContain(words);

  await page.screenshot({ path: '/tmp/slips-markdown-article.png' });
  expect(dossier.pageErrors).toEqual([]);
});

test('an HTML page’s byline shows once, in the article’s header', async ({ dossier }) => {
  const page = dossier.page;
  await page.getByLabel('Articles to import').setInputFiles(path.join(FIXTURES, 'byline-page.html'));
  await page.getByRole('dialog', { name: /Imported 1 of 1/ }).getByRole('button', { name: 'Close' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText('Harbour board backs longer quay');
  await expect(page.getByRole('article').locator('.reader-meta')).toContainText('Dana Whitlock');
  await expect(reader.paragraphs.first()).toHaveText(/^The harbour board voted on Tuesday/);
  await expect(page.getByTestId('reader-body')).not.toContainText('By Dana Whitlock');
  // The sentence that names the author is the article's, and stays.
  await expect(page.getByTestId('reader-body')).toContainText('Dana Whitlock, who has covered the harbour');
});
