import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { DossierError } from '../../common/errors';
import { extractArticle } from './extractArticle';
import { IMPORT_LIMITS_BYTES } from './extractedArticle';
import { ARTICLE_PARAGRAPHS, articlePdf, captionPdf, imageOnlyPdf, passwordPdf, truncatedPdf } from './fixtures/pdfFixtures';
import { extractMarkdown } from './formats/markdown';

vi.mock('./formats/markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./formats/markdown')>();
  return { extractMarkdown: vi.fn(actual.extractMarkdown) };
});

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => fs.readFile(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
const LONG = 'The committee met on Tuesday and agreed the budget. Members will vote on the details at the next session in May.';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

async function failure(bytes: Uint8Array, file: string): Promise<DossierError> {
  const error = await extractArticle(bytes, file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DossierError);
  const dossierError = error as DossierError;
  expect(dossierError).toMatchObject({ code: 'import-failed', file });
  expect(dossierError.message.startsWith(`${file} `)).toBe(true);
  return dossierError;
}

function oversized(limit: number, start: string): Uint8Array {
  const bytes = new Uint8Array(limit + 1).fill(0x61);
  bytes.set(enc(start));
  return bytes;
}

describe('extractArticle: format by content first, extension second', () => {
  it('reads a PDF saved as .txt as a PDF', async () => {
    const article = await extractArticle(await articlePdf(), 'downloads/tidal-barrier.txt');
    expect(article.mediaType).toBe('application/pdf');
    expect(article.text.split('\n\n')).toEqual(ARTICLE_PARAGRAPHS);
  });

  it('reads a saved web page without an extension as HTML', async () => {
    const article = await extractArticle(await fixture('news-page.html'), 'Night ferry');
    expect(article).toMatchObject({ mediaType: 'text/html', outlet: 'The Harbour Ledger' });
  });

  it('reads a .md file as Markdown and the same bytes as .txt as plain text: front matter read, markup and all', async () => {
    const bytes = await fixture('field-report.md');
    expect(await extractArticle(bytes, 'report.md')).toMatchObject({ mediaType: 'text/markdown', author: 'Priya Ostrander' });
    const plain = await extractArticle(bytes, 'report.txt');
    const source = new TextDecoder().decode(bytes);
    expect(plain).toMatchObject({ mediaType: 'text/plain', title: 'Grain silo at Dunmore reopens after storm repairs', author: 'Priya Ostrander' });
    expect(plain.text).toBe(source.slice(source.indexOf('\n---\n') + 5));
    expect(plain.text).toContain('# Grain silo at Dunmore');
  });

  it('reads plain text in an .html file as HTML: the words survive, line breaks collapse as a browser would', async () => {
    const article = await extractArticle(enc(`${LONG}\n\nSecond line.`), 'note.html');
    expect(article).toMatchObject({ mediaType: 'text/html', text: `${LONG} Second line.` });
  });

  it('keeps plain text exactly as decoded; the core normalises it', async () => {
    expect(await extractArticle(enc('Title\r\n\r\ndate 2025-05-04 Body.'), 'a.txt')).toEqual({
      mediaType: 'text/plain',
      text: 'Title\r\n\r\ndate 2025-05-04 Body.',
    });
  });
});

describe('extractArticle: every failure names the file and says why', () => {
  it.each([
    ['empty.txt', new Uint8Array(0), /is empty/],
    ['empty.pdf', new Uint8Array(0), /is empty/],
    ['blank.md', enc(' \n\n '), /only whitespace/],
    ['image.txt', PNG, /binary file/],
    ['image.html', PNG, /binary file/],
    ['title-only.md', enc('# Only a heading\n\nShort.'), /not an article: .*no readable text/],
    ['nav-only.html', enc('<!doctype html><nav><a href="/">Home</a> <a href="/news">News</a></nav>'), /not an article/],
  ])('%s: %s', async (file, bytes, reason) => {
    expect((await failure(bytes, file)).message).toMatch(reason);
  });

  it('asks for the encoding of a text it cannot tell, offering the likely ones', async () => {
    const error = await extractArticle(Uint8Array.from([...enc('# Item '), 0xec, 0xe8, 0xf0]), 'cyrillic-word.md').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'encoding-unknown', file: 'cyrillic-word.md' });
    expect((error as DossierError).message).toMatch(/^cyrillic-word\.md is in a text encoding Dossier cannot tell for sure \(perhaps windows-1251, .+\); import it again choosing one\.$/);
    expect((error as DossierError).encodings?.[0]).toEqual({ encoding: 'windows-1251', preview: '# Item мир' });
  });

  it.each([
    ['PDF', 'scan.pdf', imageOnlyPdf, /scanned images without text; Dossier cannot read it yet/],
    ['PDF', 'cut-short.pdf', truncatedPdf, /cannot be read as a PDF: the file is damaged/],
    ['PDF', 'locked.pdf', passwordPdf, /encrypted with a password/],
    ['PDF', 'caption.pdf', captionPdf, /not an article/],
  ])('%s %s', async (_, file, make, reason) => {
    expect((await failure(await make(), file)).message).toMatch(reason);
  });

  it('calls a .pdf that holds no PDF damaged', async () => {
    expect((await failure(enc(LONG), 'mail.pdf')).message).toMatch(/cannot be read as a PDF/);
  });

  it.each([
    ['huge.txt', 'text', IMPORT_LIMITS_BYTES.text, ''],
    ['huge.md', 'Markdown', IMPORT_LIMITS_BYTES.text, ''],
    ['huge.html', 'HTML', IMPORT_LIMITS_BYTES.html, '<!doctype html>'],
    ['huge.bin', 'PDF', IMPORT_LIMITS_BYTES.pdf, '%PDF-1.7'],
  ])('refuses %s over the %s limit, giving both sizes in MB', async (file, kind, limit, start) => {
    const { message } = await failure(oversized(limit, start), file);
    expect(message).toBe(`${file} is too large (${limit / 1024 / 1024}.1 MB; the limit for ${kind} files is ${limit / 1024 / 1024} MB).`);
  });

  it('lets a PDF larger than the text limit through to the PDF reader', async () => {
    // The bytes are a PDF header and filler: the PDF limit applies, then pdf.js finds it damaged.
    const { message } = await failure(oversized(IMPORT_LIMITS_BYTES.text, '%PDF-1.7\n'), 'big.pdf');
    expect(message).toMatch(/cannot be read as a PDF/);
    // pdf.js reads every byte of the filler looking for a cross-reference table: seconds on a busy machine.
  }, 60_000);

  it('reports an unexpected parser error as this file being unreadable, keeping the cause', async () => {
    const boom = new TypeError("Cannot read properties of undefined (reading 'children')");
    vi.mocked(extractMarkdown).mockImplementationOnce(() => {
      throw boom;
    });
    const error = await failure(enc(LONG), 'odd.md');
    expect(error.message).toBe('odd.md could not be read as Markdown; the file may be damaged.');
    expect(error.cause).toBe(boom);
  });
});
