import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfOptions } from './pdf/pdfPrinter';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { rejection } from '../testing/testHelpers';

/** The export call end to end through the core, with a recording PDF printer (the real one is tested apart). */
let tmp: string;
let store: WorkspaceStore;
let core: DossierCore;
let articleId: string;
let printed: { html: string; options: PdfOptions }[];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-export-'));
  store = await WorkspaceStore.open(tmp, { create: true });
  printed = [];
  core = createCore(store, {
    creator: { name: 'R. Analyst' },
    pdfPrinter: async (html, options) => {
      printed.push({ html, options });
      // A real (one blank page) PDF, as Chromium would print it, so its properties can be set.
      const pdf = await PDFDocument.create();
      pdf.addPage();
      pdf.setCreator('HeadlessChrome');
      return pdf.save();
    },
  });
  const { articles } = await core.api['articles.import']({
    files: [{ name: 'talks.txt', base64: Buffer.from('Delhi talks\n\nThe ministers agreed to deepen <cooperation>.').toString('base64') }],
  });
  articleId = articles[0]!.id;
  await core.api['annotations.createFromQuote']({ articleId, quote: 'deepen <cooperation>', comment: '<script>alert(1)</script>' });
});

afterEach(async () => {
  await store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('export.brief', () => {
  it('still answers the one-article form {articleId, format: md}', async () => {
    const file = await core.api['export.brief']({ articleId, format: 'md' });
    expect(file).toMatchObject({ filename: 'delhi-talks-brief.md', mediaType: 'text/markdown', encoding: 'utf8' });
    expect(file.content.startsWith('# Delhi talks\n')).toBe(true);
    expect(file.content).toContain('- **Prepared by:** R. Analyst');
    expect(file.content).toContain('> deepen \\<cooperation>[^1]');
  });

  it('writes the timeline’s dates in the format the request asks, ISO without one', async () => {
    const { text } = await store.readArticle(articleId);
    const start = text.indexOf('The ministers');
    await core.api['timeline.add']({ articleId, start, end: start + 'The ministers agreed'.length, date: '2025-05-05', label: 'Talks in Delhi' });
    const row = (content: string) => content.split('\n').find((line) => line.includes('Talks in Delhi'));
    expect(row((await core.api['export.brief']({ articleId, format: 'md', dateFormat: 'day-month-year' })).content)).toMatch(/^\| 5 May 2025 \| Talks in Delhi \|/);
    expect(row((await core.api['export.brief']({ source: { articleId }, format: 'md', dateFormat: 'iso' })).content)).toMatch(/^\| 2025-05-05 \| Talks in Delhi \|/);
    // A core without the app's settings (the CLI on its own, scripts) keeps ISO.
    expect(row((await core.api['export.brief']({ articleId, format: 'md' })).content)).toMatch(/^\| 2025-05-05 \|/);
    const rejected = await core.dispatch('export.brief', { articleId, format: 'md', dateFormat: 'julian' });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('writes HTML as text and PDF and DOCX as base64', async () => {
    const html = await core.api['export.brief']({ source: { articleId }, format: 'html' });
    expect(html).toMatchObject({ filename: 'delhi-talks-brief.html', mediaType: 'text/html', encoding: 'utf8' });
    expect(html.content).not.toContain('<script>');

    const pdf = await core.api['export.brief']({ source: { articleId }, format: 'pdf' });
    expect(pdf).toMatchObject({ filename: 'delhi-talks-brief.pdf', mediaType: 'application/pdf', encoding: 'base64' });
    const printedPdf = await PDFDocument.load(Buffer.from(pdf.content, 'base64'), { updateMetadata: false });
    expect(printedPdf.getPageCount()).toBe(1);
    // What a PDF reader shows in File › Properties: the brief, its author and Dossier, never the print engine.
    expect(printedPdf.getTitle()).toBe('Delhi talks');
    expect(printedPdf.getAuthor()).toBe('R. Analyst');
    expect(printedPdf.getSubject()).toBe('Dossier brief: 1 article');
    expect(printedPdf.getCreator()).toBe('Dossier');
    expect(printedPdf.getProducer()).toBe('Dossier');
    expect(printed).toHaveLength(1);
    expect(printed[0]!.options).toEqual({ headerFooterText: '', title: 'Delhi talks' });
    expect(printed[0]!.html).not.toContain('@top-center');

    const docx = await core.api['export.brief']({ source: { articleId }, format: 'docx' });
    expect(docx).toMatchObject({ filename: 'delhi-talks-brief.docx', encoding: 'base64' });
    const zip = unzipSync(Buffer.from(docx.content, 'base64'));
    expect(strFromU8(zip['word/document.xml']!)).toContain('Delhi talks');
  });

  it('exports a saved brief with its handling line, and the whole workspace', async () => {
    const { brief } = await core.api['briefs.create']({ title: 'Weekly', handling: 'OFFICIAL', sections: [{ id: 's', kind: 'article', articleId }] });
    await core.api['export.brief']({ source: { briefId: brief.id }, format: 'pdf' });
    expect(printed[0]!.options).toEqual({ headerFooterText: 'OFFICIAL', title: 'Weekly' });
    const md = await core.api['export.brief']({ source: { briefId: brief.id }, format: 'md' });
    expect(md.filename).toBe('weekly-brief.md');
    expect(md.content.startsWith('**OFFICIAL**\n\n# Weekly\n')).toBe(true);

    const progress: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'export.progress' && progress.push(payload));
    const all = await core.api['export.brief']({ source: { all: true }, format: 'md' });
    expect(all.content).toContain('## Delhi talks');
    expect(progress).toEqual([{ done: 1, total: 1 }]);
  });

  it('exports W3C JSON-LD for an article, the workspace or a saved brief (its articles only)', async () => {
    const file = await core.api['export.brief']({ source: { articleId }, format: 'jsonld' });
    expect(file).toMatchObject({ mediaType: 'application/ld+json', encoding: 'utf8' });
    expect(file.filename.endsWith('.jsonld')).toBe(true);
    const collection = JSON.parse(file.content) as { type: string; total: number };
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    const { brief } = await core.api['briefs.create']({ title: 'Weekly' });
    const empty = JSON.parse((await core.api['export.brief']({ source: { briefId: brief.id }, format: 'jsonld' })).content) as { total: number };
    expect(empty.total).toBe(0);
    await core.api['briefs.update']({ id: brief.id, patch: { sections: [{ id: 'sec_a', kind: 'article', articleId, filter: {} }] } });
    const withArticle = JSON.parse((await core.api['export.brief']({ source: { briefId: brief.id }, format: 'jsonld' })).content) as { total: number; label: string };
    expect(withArticle).toMatchObject({ total: 1, label: 'Annotations in the brief “Weekly”' });
    expect((await rejection(core.api['export.brief']({ source: { briefId: 'brf_nope' }, format: 'jsonld' }))).code).toBe('not-found');
  });

  it('says which brief or article is missing', async () => {
    expect((await rejection(core.api['export.brief']({ source: { briefId: 'brf_nope' }, format: 'md' }))).code).toBe('not-found');
    expect((await rejection(core.api['export.brief']({ source: { articleId: 'art_nope' }, format: 'html' }))).code).toBe('not-found');
    expect((await rejection(core.api['export.brief']({ source: { articleId: 'art_nope' }, format: 'jsonld' }))).code).toBe('not-found');
  });

  it('refuses a request that mixes sources, through the contract', async () => {
    const result = await core.dispatch('export.brief', { source: { articleId, all: true }, format: 'md' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
