import { afterEach, describe, expect, it, vi } from 'vitest';
import { DossierError } from '../../../common/errors';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, articlePdf, imageOnlyPdf, passwordPdf, truncatedPdf } from '../fixtures/pdfFixtures';
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
