import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures';
import { callApi } from './models/api';
import { FindBar } from './models/KeyboardDialogs';
import { ReaderPage } from './models/ReaderPage';
import { SearchPage } from './models/SearchPage';

/** The short test articles in other scripts (UTF-8; the first line is the headline). */
const LANGUAGES = path.join(ROOT, 'electron', 'core', 'import', 'fixtures', 'languages');
const TITLES = {
  ar: 'وزيرا الدفاع يبحثان التعاون البحري في نيودلهي',
  zh: '印日防长在新德里会谈 聚焦海上安全合作',
  ja: '日印防衛相会談、海洋安全保障で協力強化へ',
  mixed: 'Notes from the Tokyo briefing: quotes in four languages',
} as const;

/** Imports the Arabic, Chinese, Japanese and mixed-language articles through File › Import, and opens one. */
async function importScripts(page: Page, open: keyof typeof TITLES): Promise<void> {
  await page.getByLabel('Articles to import').setInputFiles(Object.keys(TITLES).map((l) => path.join(LANGUAGES, `${l}.txt`)));
  const summary = page.getByRole('dialog', { name: /Imported 4 of 4/ });
  await expect(summary).toBeVisible({ timeout: 20_000 });
  await summary.getByRole('button', { name: TITLES[open] }).click();
  await expect(new ReaderPage(page).title).toHaveText(TITLES[open]);
}

async function articleId(page: Page, title: string): Promise<string> {
  const { articles } = await callApi(page, 'articles.list', {});
  return articles.find((a) => a.title === title)!.id;
}

/** The passage the reader marks after a search result opened it (empty once the mark has faded). */
function flashedText(page: Page): Promise<string> {
  return page.evaluate(() => [...((CSS.highlights.get('dossier-search-match') as Iterable<Range> | undefined) ?? [])].map((r) => r.toString()).join('|'));
}

/** Selects `phrase` with the mouse, highlights it, and checks the stored highlight quotes exactly those characters. */
async function highlightPhrase(page: Page, title: string, phrase: string, comment: string): Promise<void> {
  const reader = new ReaderPage(page);
  await reader.highlight(phrase, comment);
  await expect.poll(() => reader.paintedHighlights()).toEqual([phrase]);
  await expect(reader.card(phrase)).toBeVisible();
  const id = await articleId(page, title);
  const { annotations } = await callApi(page, 'annotations.list', { articleId: id });
  expect(annotations.map((a) => a.target.quote.exact)).toEqual([phrase]);
  const { text } = await callApi(page, 'articles.get', { id });
  const { start, end } = annotations[0]!.target.position;
  expect(text.slice(start, end)).toBe(phrase);
}

/** Searches, opens the article result, and returns what the reader marked as the match. */
async function openMatch(page: Page, words: string, title: string, marked: string): Promise<void> {
  const search = new SearchPage(page);
  await search.open();
  await search.search(words);
  const result = search.resultsOf('article').filter({ hasText: title });
  await expect(result).toHaveCount(1);
  await expect(result.locator('mark').first()).toHaveText(marked);
  await result.click();
  await expect(new ReaderPage(page).title).toHaveText(title);
  await expect.poll(() => flashedText(page)).toBe(marked);
}

test('an Arabic article reads right to left, a phrase selected with the mouse is highlighted exactly, and search finds it with or without tashkeel', async ({ dossier }) => {
  const page = dossier.page;
  await importScripts(page, 'ar');
  const reader = new ReaderPage(page);

  // Right-to-left paragraphs, aligned right: each starts at the right edge of its box.
  const layout = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="reader-body"] p')].map((p) => {
      const text = p.firstChild as Text;
      const first = document.createRange();
      first.setStart(text, 0);
      first.setEnd(text, 1);
      const box = p.getBoundingClientRect();
      return { dir: getComputedStyle(p).direction, gapRight: Math.round(box.right - first.getBoundingClientRect().right) };
    }),
  );
  expect(layout.length).toBeGreaterThan(3);
  for (const p of layout) expect(p).toEqual({ dir: 'rtl', gapRight: 0 });

  // In the library the Arabic title starts at the right of its row, in a font that has Arabic, and its
  // two lines are whole: the dots below a final ي are not cut off by the row.
  const title = page.locator('.library-row .title').filter({ hasText: TITLES.ar });
  const row = await title.evaluate((el) => {
    const text = el.firstChild as Text;
    const first = document.createRange();
    first.setStart(text, 0);
    first.setEnd(text, 1);
    return { gapRight: Math.round(el.getBoundingClientRect().right - first.getBoundingClientRect().right), clipped: el.scrollHeight - el.clientHeight };
  });
  expect(row).toEqual({ gapRight: 0, clipped: 0 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.library-row[aria-current] .title' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.map((f) => f.familyName)).toContain('Noto Sans Arabic');

  // The article's language, once known, is the reader's `lang` (fonts, line breaking, screen readers).
  await page.getByRole('button', { name: 'Details' }).click();
  const details = page.getByRole('dialog', { name: 'Article details' });
  await details.getByLabel('Language').fill('ar');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(page.getByRole('article')).toHaveAttribute('lang', 'ar');

  const phrase = 'الأمنَ البحريَّ';
  await highlightPhrase(page, TITLES.ar, phrase, 'مسؤولية مشتركة');
  await page.getByRole('region', { name: 'Article text' }).evaluate((el) => el.querySelector('[data-testid="reader-body"] p:nth-of-type(4)')!.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: '/tmp/script-ar-reader.png' });

  // Find in the article folds the same way: without tashkeel it marks the word as written, marks and all.
  const find = new FindBar(page);
  await page.getByRole('region', { name: 'Article text' }).focus();
  await page.keyboard.press('ControlOrMeta+F');
  await expect(find.box).toBeFocused();
  await page.keyboard.type('البحري');
  await expect(find.status).toHaveText(/^1 of \d+$/);
  await expect.poll(async () => [...new Set(await find.painted('all'))].sort()).toEqual(['البحري', 'البحريَّ']);
  await page.keyboard.press('Escape');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Without tashkeel and with a bare alef, the word is found and marked as written.
  await openMatch(page, 'الامن', TITLES.ar, 'الأمنَ');
  await expect.poll(() => reader.paintedHighlights()).toEqual([phrase]);
  // With tashkeel, and as a phrase of two words.
  await openMatch(page, '"الأمنَ البحري"', TITLES.ar, phrase);
  // Eastern Arabic digits are found by ASCII ones.
  await openMatch(page, '2025', TITLES.ar, '٢٠٢٥');

  const search = new SearchPage(page);
  await search.open();
  await search.search('البحري');
  await expect(search.resultsOf('annotation')).toHaveCount(1);
  await expect(search.resultsOf('annotation').locator('mark').first()).toHaveText('البحريَّ');
  const snippet = search.resultsOf('article').filter({ hasText: TITLES.ar }).locator('.result-snippet');
  await expect(snippet).toHaveAttribute('dir', 'auto');
  expect(await snippet.evaluate((el) => [getComputedStyle(el).direction, getComputedStyle(el).textAlign])).toEqual(['rtl', 'start']);
  await page.screenshot({ path: '/tmp/script-ar-search.png' });
  expect(dossier.pageErrors).toEqual([]);
});

test('a Chinese phrase is highlighted exactly, and a Chinese word is found inside running text', async ({ dossier }) => {
  const page = dossier.page;
  await importScripts(page, 'zh');
  const phrase = '日本防卫大臣';
  await highlightPhrase(page, TITLES.zh, phrase, '会谈双方');
  // 防卫 stands inside 日本防卫大臣 and 印度洋 inside 加强在印度洋的海上安全合作, without spaces.
  await openMatch(page, '防卫', TITLES.zh, '防卫');
  await openMatch(page, '印度洋', TITLES.zh, '印度洋');
  const search = new SearchPage(page);
  await search.open();
  await search.search('防卫大臣');
  await expect(search.resultsOf('annotation')).toHaveCount(1);
  await expect(search.resultsOf('annotation').locator('mark').first()).toHaveText('防卫大臣');
  await page.screenshot({ path: '/tmp/script-zh-search.png' });
  expect(dossier.pageErrors).toEqual([]);
});

test('a Japanese word is found written in katakana, hiragana or kanji, and beside a character outside the BMP', async ({ dossier }) => {
  const page = dossier.page;
  await importScripts(page, 'ja');
  await openMatch(page, 'インド', TITLES.ja, 'インド');
  await openMatch(page, 'ﾑﾝﾊﾞｲ', TITLES.ja, 'ムンバイ');
  await openMatch(page, 'について', TITLES.ja, 'について');
  await openMatch(page, '防衛大臣', TITLES.ja, '防衛大臣');
  await openMatch(page, '𠮷野家', TITLES.ja, '𠮷野家');
  // Selected with the mouse, the character outside the BMP is quoted whole.
  await highlightPhrase(page, TITLES.ja, '𠮷野家', '昼食');
  expect(dossier.pageErrors).toEqual([]);
});

test('an Arabic quote inside an English paragraph keeps its order, and is highlighted and found exactly', async ({ dossier }) => {
  const page = dossier.page;
  await importScripts(page, 'mixed');
  const paragraph = page.getByTestId('reader-body').locator('p', { hasText: 'broadcaster' });
  // The paragraph reads left to right (its first letter is Latin); the quote inside runs right to left.
  expect(await paragraph.evaluate((p) => getComputedStyle(p).direction)).toBe('ltr');
  const phrase = 'التعاون البحري';
  await highlightPhrase(page, TITLES.mixed, phrase, 'Arabic quote');
  // The Arabic run is laid out right to left: its first letter stands right of its last.
  const order = await paragraph.evaluate((p, phrase) => {
    const text = p.firstChild as Text;
    const at = text.data.indexOf(phrase);
    const rect = (from: number) => {
      const r = document.createRange();
      r.setStart(text, from);
      r.setEnd(text, from + 1);
      return r.getBoundingClientRect();
    };
    return { firstRight: rect(at).right, lastLeft: rect(at + phrase.length - 1).left, guillemet: rect(at - 1).left };
  }, phrase);
  expect(order.firstRight).toBeGreaterThan(order.lastLeft);
  await paragraph.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/script-mixed-reader.png' });
  await openMatch(page, 'البحري', TITLES.mixed, 'البحري');
  expect(dossier.pageErrors).toEqual([]);
});
