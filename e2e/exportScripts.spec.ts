import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { BriefComposerPage } from './models/BriefComposerPage';
import { ReaderPage } from './models/ReaderPage';
import { all, paragraphs, readDocx } from '../electron/core/export/testing/docxXml';
import { compact, pdfCheckUnavailable, pdfFonts, pdfTextInLogicalOrder } from '../electron/core/export/testing/scriptChecks';
import { isCi } from '../electron/core/testing/sharedTestData';

/**
 * Sources in Arabic and Chinese, end to end: imported, a phrase highlighted in each by selecting
 * it with the mouse, a brief of both exported as PDF and Word, and the highlighted words read
 * back from both files exactly as they are in the articles.
 */

const LANGUAGES = path.join(ROOT, 'electron/core/import/fixtures/languages');
const ARABIC_TITLE = 'وزيرا الدفاع يبحثان التعاون البحري في نيودلهي';
const CHINESE_TITLE = '印日防长在新德里会谈 聚焦海上安全合作';
/** Begins and ends with Arabic letters, with a date in Eastern Arabic digits inside: the numbers must stay in order. */
const ARABIC = 'يوم الثلاثاء ٣ يونيو ٢٠٢٥ لبحث تعزيز التعاون البحري';
const CHINESE = '双方同意加强在印度洋的海上安全合作';

// CI installs poppler-utils and the Noto fonts (.ci/run): there a missing one fails rather than skips.
const unavailable = isCi() ? null : pdfCheckUnavailable();

test('an Arabic and a Chinese passage come back word for word from the Markdown, HTML, PDF and Word exports of a brief', async ({ dossier }) => {
  test.skip(unavailable !== null, `Skipped: ${unavailable}`);
  // Two exports through a second, headless Chromium for the PDF: slow on a loaded machine.
  test.slow();
  const page = dossier.page;
  const reader = new ReaderPage(page);

  await page.getByLabel('Articles to import').setInputFiles([path.join(LANGUAGES, 'ar.txt'), path.join(LANGUAGES, 'zh.txt')]);
  const summary = page.getByRole('dialog', { name: /Imported 2 of 2/ });
  await summary.getByRole('button', { name: ARABIC_TITLE }).click();
  await expect(reader.title).toHaveText(ARABIC_TITLE);
  // The detected language is on the article, so the browser lays it out, and fonts it, as Arabic.
  await expect(page.getByRole('article')).toHaveAttribute('lang', 'ar');
  await selectRightToLeft(page, ARABIC);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /Highlight/ }).click();
  await reader.typeComment('تاريخ الاجتماع');
  await expect(reader.card(ARABIC)).toBeVisible();
  await page.screenshot({ path: '/tmp/exp-reader-arabic.png' });

  await dossier.library.openArticle(CHINESE_TITLE);
  await expect(page.getByRole('article')).toHaveAttribute('lang', 'zh');
  await reader.highlight(CHINESE, '合作范围');
  await expect(reader.card(CHINESE)).toBeVisible();

  const brief = new BriefComposerPage(page);
  await brief.openView();
  await brief.create();
  await brief.fillHead({ title: 'Maritime talks in Arabic and Chinese sources' });
  await brief.addArticle.selectOption({ label: ARABIC_TITLE });
  await brief.addArticle.selectOption({ label: CHINESE_TITLE });
  await expect(brief.sections).toHaveCount(2);
  await brief.waitSaved();

  // The text formats are saved as UTF-8, each passage as it is in the article, its language named.
  const md = (await dossier.saveFrom(await brief.exportAs('md'), 'md')).bytes.toString('utf8');
  expect(md).toContain(`> ${ARABIC}`);
  expect(md).toContain(`> ${CHINESE}`);
  expect(md).toContain('- **Language:** Arabic (ar)');
  const html = (await dossier.saveFrom(await brief.exportAs('html'), 'html')).bytes.toString('utf8');
  expect(html).toContain(`<blockquote lang="ar" dir="rtl">${ARABIC}</blockquote>`);
  expect(html).toContain(`<blockquote lang="zh" dir="auto">${CHINESE}</blockquote>`);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-scripts-'));
  const pdf = await dossier.saveFrom(await brief.exportAs('pdf'), 'pdf');
  const pdfFile = path.join(dir, 'brief.pdf');
  writeFileSync(pdfFile, pdf.bytes);
  const text = compact(pdfTextInLogicalOrder(pdfFile));
  expect(text).toContain(compact(ARABIC));
  expect(text).toContain(compact(CHINESE));
  const fonts = pdfFonts(pdfFile);
  expect(fonts.filter((f) => !f.embedded || !f.unicode)).toEqual([]);
  expect(fonts.flatMap((f) => (f.name && !/^(Noto|DejaVu|Liberation)/.test(f.name) ? [f.name] : []))).toEqual([]);

  const docx = await dossier.saveFrom(await brief.exportAs('docx'), 'docx');
  const doc = readDocx(docx.bytes).xml('word/document.xml');
  const quote = (passage: string) => paragraphs(doc).filter((p) => p.style === 'Quote' && p.text === passage);
  const [arabic] = quote(ARABIC);
  const [chinese] = quote(CHINESE);
  expect(arabic, 'the Arabic passage as one quote paragraph').toBeDefined();
  expect(chinese, 'the Chinese passage as one quote paragraph').toBeDefined();
  expect(all(arabic!.el, 'bidi')).toHaveLength(1);
  expect(all(arabic!.el, 'rtl').length).toBeGreaterThan(0);
  expect(all(chinese!.el, 'rFonts').map((f) => f.getAttributeNS(f.namespaceURI, 'eastAsia'))).toContain('Noto Sans CJK SC');
  expect(dossier.pageErrors).toEqual([]);
});

/**
 * Drags across `quote` in a right-to-left paragraph: from the right edge of its first letter to
 * the left edge of its last (ReaderPage.select drags left to right, as in English). Both ends are
 * letters, so they lie in the right-to-left flow of the line.
 */
async function selectRightToLeft(page: import('@playwright/test').Page, quote: string): Promise<void> {
  const box = await page.evaluate((quote) => {
    for (const p of document.querySelectorAll<HTMLElement>('[data-testid="reader-body"] p')) {
      const text = p.firstChild as Text;
      const at = text.data.indexOf(quote);
      if (at === -1) continue;
      p.scrollIntoView({ block: 'center' });
      const rect = (start: number) => {
        const r = document.createRange();
        r.setStart(text, start);
        r.setEnd(text, start + 1);
        return r.getClientRects()[0]!;
      };
      const first = rect(at);
      const last = rect(at + quote.length - 1);
      return { x1: first.right - 1, y1: first.top + first.height / 2, x2: last.left + 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, quote);
  if (!box) throw new Error(`"${quote}" is not in the article`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString().trim())).toBe(quote);
}

test('the detected language shows in the article’s details, where the analyst corrects it and can undo that', async ({ dossier }) => {
  const page = dossier.page;
  await page.getByLabel('Articles to import').setInputFiles(path.join(LANGUAGES, 'ja.txt'));
  const title = '日印防衛相会談、海洋安全保障で協力強化へ';
  await page.getByRole('dialog', { name: /Imported 1 of 1/ }).getByRole('button', { name: title }).click();
  const article = page.getByRole('article');
  await expect(article).toHaveAttribute('lang', 'ja');

  await article.getByRole('button', { name: 'Details' }).click();
  const details = page.getByRole('dialog', { name: 'Article details' });
  await expect(details.getByLabel('Language')).toHaveValue('ja');
  await details.getByLabel('Language').fill('ja-Hira');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(article).toHaveAttribute('lang', 'ja-Hira');

  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
  await expect(article).toHaveAttribute('lang', 'ja');
  expect(dossier.pageErrors).toEqual([]);
});
