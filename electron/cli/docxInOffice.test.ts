import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliScratch } from './testing/cliScratch';
import { runCaptured } from './testing/runCaptured';

/**
 * The check an analyst makes of a Word brief in another script: open it in an office suite and
 * look. LibreOffice lays the DOCX out and prints it to PDF; the PDF is read back for its text, the
 * fonts it embedded and where the right-to-left lines stand. Without LibreOffice (it is not needed
 * to run Dossier, and CI does not install its 300 MB) the test says so and skips.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdffonts');

const FIXTURE = (name: string) => fileURLToPath(new URL(`../core/import/fixtures/languages/${name}.txt`, import.meta.url));

const scratch = cliScratch('dossier-docx-office-');
const run = (...args: string[]) => runCaptured([...args, '--workspace', scratch.ws]);

/** Imports a fixture, highlights `quote` with `comment`, exports the article as DOCX, prints it through LibreOffice. */
async function printedThroughOffice(name: string, quote: string, comment: string): Promise<{ pdf: string; title: string }> {
  const imported = await run('import', FIXTURE(name), '--json');
  expect(imported.code, imported.stderr).toBe(0);
  const { articles } = JSON.parse(imported.stdout) as { articles: { id: string; title: string }[] };
  const article = articles[0]!;
  const annotated = await run('annotate', '--article', article.id, '--quote', quote, '--comment', comment, '--json');
  expect(annotated.code, annotated.stderr).toBe(0);
  const docx = path.join(scratch.tmp, `${name}.docx`);
  const exported = await run('export', '--article', article.id, '--format', 'docx', '--out', docx, '--json');
  expect(exported.code, exported.stderr).toBe(0);
  // A profile of its own: a LibreOffice the user has open elsewhere would otherwise take the job.
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${path.join(scratch.tmp, 'office-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch.tmp, docx], { stdio: 'ignore', timeout: 120_000 });
  return { pdf: path.join(scratch.tmp, `${name}.pdf`), title: article.title };
}

const textOf = (pdf: string) => execFileSync('/usr/bin/pdftotext', [pdf, '-'], { encoding: 'utf8' });
const fontsOf = (pdf: string) => execFileSync('/usr/bin/pdffonts', [pdf], { encoding: 'utf8' });

/** Each word of the page with its box, from pdftotext's bounding-box output. */
function wordsOf(pdf: string): { text: string; xMin: number; xMax: number }[] {
  const html = execFileSync('/usr/bin/pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]) }));
}

describe.skipIf(!SOFFICE || !POPPLER)('a Word brief opened in LibreOffice', () => {
  it('shows an Arabic article in an Arabic font, its paragraphs set from the right, its words as written', async () => {
    const quote = 'لبحث تعزيز التعاون البحري';
    const { pdf, title } = await printedThroughOffice('ar', quote, 'ملاحظة المحلل');
    const text = textOf(pdf);
    // pdftotext gives Arabic in logical order, word by word: every word of the quote and title is there.
    for (const word of [...quote.split(' '), ...title.split(' ')]) expect(text).toContain(word);
    expect(fontsOf(pdf)).toMatch(/NotoNaskhArabic|NotoSansArabic|NotoKufiArabic/);
    // The quote's words stand against the right margin; the English labels against the left one.
    const words = wordsOf(pdf);
    // The boxes hold right-to-left words in the order their glyphs are drawn, left to right.
    const quoteWords = new Set(quote.split(' ').flatMap((w) => [w, [...w].reverse().join('')]));
    const quoteRight = Math.max(...words.filter((w) => quoteWords.has(w.text)).map((w) => w.xMax));
    const labelLeft = words.find((w) => w.text === 'Published')!.xMin;
    const pageWidth = 595;
    expect(quoteRight).toBeGreaterThan(pageWidth * 0.75);
    expect(labelLeft).toBeLessThan(pageWidth * 0.25);
  }, 180_000);

  it('shows a Chinese article in a CJK font, with its text whole', async () => {
    const quote = '加强在印度洋的海上安全合作';
    const { pdf, title } = await printedThroughOffice('zh', quote, '重点');
    const text = textOf(pdf).replace(/\s+/g, '');
    expect(text).toContain(quote);
    expect(text).toContain(title.replace(/\s+/g, ''));
    expect(fontsOf(pdf)).toMatch(/NotoSansCJK|NotoSerifCJK/);
  }, 180_000);
});
