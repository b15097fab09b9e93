import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefFormat, ExportedFile } from '../../common/model/brief';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { isCi } from '../testing/sharedTestData';
import type { AnnotationCollection } from './jsonld/vocabulary';
import { chromiumPdfPrinter } from './pdf/chromiumPdfPrinter';
import { findChromium } from './pdf/findChromium';
import { all, attr, paragraphs, readDocx, schemaOrderProblems } from './testing/docxXml';
import { compact, pdfCheckUnavailable, pdfFonts, pdfTextInLogicalOrder } from './testing/scriptChecks';

/**
 * A brief of an Arabic and a Chinese article, imported from the test articles and highlighted
 * through the core, exported in every format: each keeps the passages' exact words, marks their
 * language and direction, and sets them in fonts that have their glyphs.
 */

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../import/fixtures/languages/${name}`, import.meta.url)));

/** Eastern Arabic digits, tashkeel, and European digits closing a right-to-left sentence. */
const ARABIC = ['التقى وزير الدفاع الهندي نظيره الياباني يوم الثلاثاء ٣ يونيو ٢٠٢٥', 'الأمنَ البحريَّ مسؤوليةٌ مشتركة', 'قد يتم في قمة عام 2026'];
const CHINESE = ['于2025年6月3日在新德里举行会谈', '双方同意加强在印度洋的海上安全合作'];

function chromiumOrNull(): string | null {
  try {
    return findChromium(process.env, () => chromium.executablePath());
  } catch {
    return null;
  }
}

let tmp: string;
let core: DossierCore;
let briefId: string;
const exported = new Map<BriefFormat, ExportedFile>();

async function exportAs(format: BriefFormat): Promise<ExportedFile> {
  let file = exported.get(format);
  if (!file) {
    file = await core.api['export.brief']({ source: { briefId }, format });
    exported.set(format, file);
  }
  return file;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-scripts-'));
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }), { creator: { name: 'R. Analyst' }, pdfPrinter: chromiumPdfPrinter() });
  const ids: string[] = [];
  for (const [name, passages] of [['ar.txt', ARABIC], ['zh.txt', CHINESE]] as const) {
    const { articles } = await core.api['articles.import']({ files: [{ name, base64: fixture(name).toString('base64') }] });
    const articleId = articles[0]!.id;
    ids.push(articleId);
    for (const quote of passages) {
      const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote, comment: '' });
      expect(annotation.target.quote.exact).toBe(quote);
    }
  }
  const sections = ids.map((articleId, i) => ({ id: `s${i}`, kind: 'article' as const, articleId }));
  briefId = (await core.api['briefs.create']({ title: 'Naval talks in two languages', sections })).brief.id;
});

afterAll(async () => {
  await core?.store.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('an Arabic and a Chinese brief', () => {
  it('in HTML: the brief in English, each passage in its words with its language and direction', async () => {
    const file = await exportAs('html');
    expect(file.encoding).toBe('utf8');
    const { document } = new JSDOM(file.content).window;
    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    const quotes = [...document.querySelectorAll('blockquote')].map((q) => ({ text: q.textContent, lang: q.getAttribute('lang'), dir: q.getAttribute('dir') }));
    expect(quotes).toEqual([...ARABIC.map((text) => ({ text, lang: 'ar', dir: 'rtl' })), ...CHINESE.map((text) => ({ text, lang: 'zh', dir: 'auto' }))]);
    const headings = [...document.querySelectorAll('section.article > h2')].map((h) => [h.getAttribute('lang'), h.getAttribute('dir')]);
    expect(headings).toEqual([
      ['ar', 'rtl'],
      ['zh', 'auto'],
    ]);
    // The stylesheet sets each marked language in fonts that have its glyphs.
    expect(file.content).toMatch(/:lang\(ar\)[^{]*\{ font-family: "Noto Naskh Arabic"/);
    expect(file.content).toMatch(/:lang\(zh\) \{ font-family: "Noto Serif CJK SC"/);
  });

  it('in Markdown: the language named with each article, the passages word for word', async () => {
    const file = await exportAs('md');
    expect(file.encoding).toBe('utf8');
    expect(file.content).toContain('- **Language:** Arabic (ar)');
    expect(file.content).toContain('- **Language:** Chinese (zh)');
    for (const passage of [...ARABIC, ...CHINESE]) expect(file.content).toMatch(new RegExp(`^> ${passage}\\[\\^\\d+\\]$`, 'm'));
  });

  it('in JSON-LD: each source says its language and text direction, each quote is exact', async () => {
    const file = await exportAs('jsonld');
    const collection = JSON.parse(file.content) as AnnotationCollection;
    expect(collection['dossier:sources'].map((s) => [s.language, s.textDirection])).toEqual([
      ['ar', 'rtl'],
      ['zh', 'ltr'],
    ]);
    const targets = collection.first.items.map((item) => (typeof item.target === 'string' ? null : item.target));
    expect(targets.map((t) => t?.selector[0].exact)).toEqual([...ARABIC, ...CHINESE]);
    expect(targets.map((t) => t?.source.language)).toEqual([...ARABIC.map(() => 'ar'), ...CHINESE.map(() => 'zh')]);
    expect(targets.map((t) => t?.source.textDirection)).toEqual([...ARABIC.map(() => 'rtl'), ...CHINESE.map(() => 'ltr')]);
  });

  it('in Word: right-to-left Arabic paragraphs and runs, Chinese runs in an East Asian font, both with their language', async () => {
    const file = await exportAs('docx');
    const doc = readDocx(Buffer.from(file.content, 'base64')).xml('word/document.xml');
    expect(schemaOrderProblems(doc)).toEqual([]);
    const quoteParagraph = (text: string) => {
      const found = paragraphs(doc).filter((p) => p.style === 'Quote' && p.text === text);
      expect(found, text).toHaveLength(1);
      return found[0]!.el;
    };
    const textRuns = (p: Element) => all(p, 'r').filter((r) => all(r, 't').length > 0);
    const runProperty = (run: Element, name: string, attribute: string) => {
      const el = all(run, name)[0];
      return el ? attr(el, attribute) : null;
    };

    for (const passage of ARABIC) {
      const p = quoteParagraph(passage);
      expect(all(all(p, 'pPr')[0]!, 'bidi'), passage).toHaveLength(1);
      for (const run of textRuns(p)) {
        expect(all(run, 'rtl'), passage).toHaveLength(1);
        expect(runProperty(run, 'lang', 'bidi')).toBe('ar-EG');
        expect(runProperty(run, 'rFonts', 'cs')).toBe('Noto Naskh Arabic');
      }
    }
    for (const passage of CHINESE) {
      const p = quoteParagraph(passage);
      expect(all(p, 'bidi'), passage).toHaveLength(0);
      for (const run of textRuns(p)) {
        expect(all(run, 'rtl')).toHaveLength(0);
        expect(runProperty(run, 'rFonts', 'eastAsia')).toBe('Noto Sans CJK SC');
        expect(runProperty(run, 'rFonts', 'hint')).toBe('eastAsia');
        expect(runProperty(run, 'lang', 'eastAsia')).toBe('zh-CN');
      }
    }
  });
});

// CI installs poppler-utils, Chromium and the Noto fonts (.ci/run): there a missing one fails rather than skips.
const pdfSkip = isCi() ? null : (pdfCheckUnavailable() ?? (chromiumOrNull() ? null : 'no Chromium to print with'));

describe.skipIf(pdfSkip)(`an Arabic and a Chinese brief in PDF${pdfSkip ? ` (skipped: ${pdfSkip})` : ''}`, () => {
  let pdf: string;
  beforeAll(async () => {
    pdf = path.join(tmp, 'brief.pdf');
    await fs.writeFile(pdf, Buffer.from((await exportAs('pdf')).content, 'base64'));
  }, 60_000);

  it('holds every passage word for word, numbers in order, read back in logical order', () => {
    expect(existsSync(pdf)).toBe(true);
    const text = compact(pdfTextInLogicalOrder(pdf));
    for (const passage of [...ARABIC, ...CHINESE]) expect(text, passage).toContain(compact(passage));
  });

  it('embeds every font it uses, each with its Unicode map, all of them Noto, DejaVu or Liberation', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.filter((f) => !f.embedded || !f.unicode)).toEqual([]);
    // Chromium writes glyphs of OpenType fonts with CFF outlines (Noto Sans/Serif CJK) as unnamed Type 3 fonts.
    expect(fonts.filter((f) => f.name === null && f.type !== 'Type 3')).toEqual([]);
    const named = [...new Set(fonts.flatMap((f) => (f.name ? [f.name] : [])))];
    expect(named.filter((name) => !/^(Noto|DejaVu|Liberation)/.test(name))).toEqual([]);
    expect(named.some((name) => name.startsWith('NotoNaskhArabic'))).toBe(true);
  });
});
