import { afterEach, describe, expect, it, vi } from 'vitest';
import { DossierError } from '../../../common/errors';
import { languageText } from '../fixtures/encodedFixtures';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, articlePdf, chromiumPrintedPdf, imageOnlyPdf, passwordPdf, predefinedCmapPdf, truncatedPdf } from '../fixtures/pdfFixtures';
import { fromPdfGlyphs } from './pdfCharacters';
import { outsideAsar } from './pdfjs';
import { extractPdf } from './pdf';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('extractPdf', () => {
  it('rebuilds the paragraphs of a two-page article: heads, page numbers and title out, hyphenation mended', async () => {
    const article = await extractPdf(await articlePdf(), 'barrier.pdf');
    expect(article.text.split('\n\n')).toEqual(ARTICLE_PARAGRAPHS);
    expect(article.text).toContain('north-east gate');
    expect(article.text).not.toMatch(/Coastal Review|Bulletin|main-|^\d$/m);
    expect(article).toEqual({
      text: article.text,
      mediaType: 'application/pdf',
      title: ARTICLE_TITLE,
      author: 'Mara Lindqvist',
      published: '2025-04-02',
      language: 'en-GB',
    });
  });

  it("reads a Node Buffer, as fs.readFile and base64 decoding give it (pdf.js refuses Buffer itself)", async () => {
    const article = await extractPdf(Buffer.from(await articlePdf()), 'barrier.pdf');
    expect(article.text.split('\n\n')).toEqual(ARTICLE_PARAGRAPHS);
  });

  it('leaves the caller its bytes: pdf.js gets a copy', async () => {
    const bytes = await articlePdf();
    const before = bytes.slice();
    await extractPdf(bytes, 'barrier.pdf');
    expect(bytes).toEqual(before);
  });

  it('fetches nothing: no worker script, no fonts, no CMaps over the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await extractPdf(await articlePdf(), 'barrier.pdf');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each([
    ['scan.pdf', imageOnlyPdf, 'scan.pdf is a PDF of scanned images without text; Dossier cannot read it yet.', undefined],
    ['cut.pdf', truncatedPdf, 'cut.pdf cannot be read as a PDF: the file is damaged or not a PDF.', 'InvalidPDFException'],
    [
      'locked.pdf',
      passwordPdf,
      'locked.pdf cannot be read: the PDF is encrypted with a password. Save an unprotected copy and import that.',
      'PasswordException',
    ],
  ])('refuses %s with a reason', async (file, make, message, cause) => {
    const error = await extractPdf(await make(), file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DossierError);
    expect(error).toMatchObject({ code: 'import-failed', file, message });
    expect((error as DossierError).cause).toEqual(cause === undefined ? undefined : expect.objectContaining({ name: cause }));
  });
});

describe('extractPdf: text in other scripts', () => {
  /** The first paragraph after the headline of each article in `languages/`. */
  const paragraph = (language: 'ar' | 'zh' | 'ja' | 'ru') => languageText(language).split('\n').filter((line) => line.trim())[1]!;

  it('reads Arabic, Chinese, Japanese and Russian from a PDF Chromium printed: logical order, base letters, whole ideographs', async () => {
    const languages = ['ar', 'zh', 'ja', 'ru'] as const;
    const html =
      '<!doctype html><html><head><meta charset="utf-8"><style>body { font: 14px "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif; }</style></head>' +
      `<body><h1>Four scripts</h1>${languages.map((l) => `<p lang="${l}" dir="auto">${paragraph(l)}</p>`).join('')}</body></html>`;
    const article = await extractPdf(await chromiumPrintedPdf(html), 'four-scripts.pdf');
    // NFC, as every imported text is: it turns CJK compatibility ideographs (令 U+F9A8 from a Japanese font) into 令.
    const paragraphs = article.text.normalize('NFC').split('\n\n');
    // Right-to-left text comes out in the order it is read, not the order it is drawn.
    for (const language of languages) expect(paragraphs, language).toContain(paragraph(language).replace(/\s+/g, ' '));
  }, 60_000);

  it("reads Chinese in a font set through one of Adobe's predefined CMaps, from the CMaps shipped with pdf.js", async () => {
    const lines = ['印度国防部长与日本防卫大臣于二〇二五年六月三日在新德里举行会谈，', '双方同意加强在印度洋的海上安全合作。印度国防部发言人表示，两国将于今年秋季', '在孟买附近海域举行联合演习，日本技术小组将于下月访问新德里。'];
    const article = await extractPdf(await predefinedCmapPdf(lines), 'cmap.pdf');
    expect(article.text.replace(/\s+/g, '')).toBe(lines.join(''));
  });

  it('turns presentation forms and radicals back into the letters and ideographs they stand for', () => {
    expect(fromPdfGlyphs('ﻧﻴﻮدﻟﻬﻲ — اﻟﺘﻘﻰ')).toBe('نيودلهي — التقى');
    expect(fromPdfGlyphs('新德⾥ 印度国防部⻓ ⽇本')).toBe('新德里 印度国防部长 日本');
    expect(fromPdfGlyphs('Latin, Кириллица, 中文')).toBe('Latin, Кириллица, 中文');
  });
});

describe('outsideAsar', () => {
  it("points into app.asar.unpacked in the packaged app, and leaves other paths alone", () => {
    expect(outsideAsar('/opt/Dossier/resources/app.asar/node_modules/pdfjs-dist')).toBe('/opt/Dossier/resources/app.asar.unpacked/node_modules/pdfjs-dist');
    expect(outsideAsar('C:\\Dossier\\resources\\app.asar\\node_modules\\pdfjs-dist')).toBe('C:\\Dossier\\resources\\app.asar.unpacked\\node_modules\\pdfjs-dist');
    expect(outsideAsar('/work/dossier/node_modules/pdfjs-dist')).toBe('/work/dossier/node_modules/pdfjs-dist');
    expect(outsideAsar('/home/me/app.asarx/node_modules/pdfjs-dist')).toBe('/home/me/app.asarx/node_modules/pdfjs-dist');
  });
});
