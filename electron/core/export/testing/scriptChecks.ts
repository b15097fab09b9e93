import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Reading exported briefs back in tests, in any script: the text of a PDF in logical order, the
 * fonts it uses, and whether the machine has what these checks need (poppler-utils, the Noto
 * fonts). Shared by the unit tests and the e2e specs; never imported by the app.
 */

export const PDFTOTEXT = '/usr/bin/pdftotext';
export const PDFFONTS = '/usr/bin/pdffonts';

/** Why PDF text checks cannot run here (one line), or null when they can. */
export function pdfCheckUnavailable(): string | null {
  if (!existsSync(PDFTOTEXT) || !existsSync(PDFFONTS)) return 'pdftotext/pdffonts are not installed (poppler-utils)';
  let families = '';
  try {
    families = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  } catch {
    return 'fc-list is not installed (fontconfig)';
  }
  const missing = ['Noto Sans CJK SC', 'Noto Naskh Arabic', 'Noto Sans Hebrew'].filter((family) => !families.includes(family));
  return missing.length ? `the Noto fonts are not installed (fonts-noto-core, fonts-noto-cjk): no ${missing.join(', ')}` : null;
}

/** Arabic and Hebrew letters (not Arabic-Indic digits, which are read left to right like others). */
const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The PDF's text, a line of the page per line, in the order it is read.
 *
 * pdftotext's own reading order guesses each page's direction: on a page where most words are
 * left to right, an Arabic or Hebrew line ending in a number comes out number first, and it can
 * put a combining mark (tashkeel) before the letter it sits on; `-raw` gives glyphs in the order
 * they were drawn, which is visual order for right-to-left text. So the words are read with their
 * boxes (`-bbox-layout`) and a line holding right-to-left letters is put back into logical order
 * here: its words from right to left, each right-to-left word's characters reversed by grapheme
 * (a mark stays on its letter), and a run of left-to-right words (numbers, Latin names) kept in
 * its own order. That is the Unicode bidi algorithm for a right-to-left paragraph with left-to-
 * right runs, which is all the passages these tests quote need.
 */
export function pdfTextInLogicalOrder(file: string): string {
  const xml = execFileSync(PDFTOTEXT, ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: string[] = [];
  for (const line of xml.matchAll(/<line\b[^>]*>([\s\S]*?)<\/line>/g)) {
    const words = [...line[1]!.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), text: decodeEntities(m[2]!).replace(BIDI_CONTROLS, '') }))
      .sort((a, b) => a.x - b.x)
      .map((w) => w.text);
    lines.push(words.some((w) => RTL_LETTER.test(w)) ? rightToLeftLine(words) : words.join(' '));
  }
  return lines.join('\n');
}

function rightToLeftLine(visual: string[]): string {
  const logical: string[] = [];
  let i = visual.length - 1;
  while (i >= 0) {
    if (RTL_LETTER.test(visual[i]!)) {
      logical.push(reverseGraphemes(visual[i]!));
      i -= 1;
    } else {
      let j = i;
      while (j >= 0 && !RTL_LETTER.test(visual[j]!)) j -= 1;
      logical.push(...visual.slice(j + 1, i + 1));
      i = j;
    }
  }
  return logical.join(' ');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function reverseGraphemes(text: string): string {
  return [...graphemes.segment(text)]
    .map((s) => s.segment)
    .reverse()
    .join('');
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()]!;
    return String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}

/** Text compared as a reader sees it: NFC, no bidi controls, no whitespace (a line break may fall anywhere, and CJK has no spaces). */
export function compact(text: string): string {
  return text.normalize('NFC').replace(BIDI_CONTROLS, '').replace(/\s+/g, '');
}

export interface PdfFont {
  /** The font's name without its subset prefix (`AAAAAA+`), or null for an unnamed (Type 3) font. */
  name: string | null;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

/** The fonts the PDF uses, as pdffonts lists them. */
export function pdfFonts(file: string): PdfFont[] {
  const out = execFileSync(PDFFONTS, [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`Unexpected pdffonts line: ${l}`);
      return { name: m[1] === '[none]' ? null : m[1]!.replace(/^[A-Z]{6}\+/, ''), type: m[2]!, embedded: m[3] === 'yes', unicode: m[5] === 'yes' };
    });
}
