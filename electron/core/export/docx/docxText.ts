import { Tab, TextRun, type IRunOptions } from 'docx';

/**
 * Code points XML 1.0 cannot carry. The docx package drops most C0 controls itself but lets
 * U+FFFE/U+FFFF and lone surrogates through, and Word refuses a file that has any of them.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as it can be written into any part of the package: XML-legal, `\n` line endings. */
export function xmlSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML, '');
}

/** Run formatting without the text; every run of analyst or article text goes through `textRuns`. */
export type RunFormat = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/**
 * Runs for plain text: a line break for each `\n` and a real tab for each `\t`, because Word
 * shows a raw newline inside `w:t` as a space and LibreOffice and Word disagree about raw tabs.
 */
export function textRuns(text: string, format: RunFormat = {}, { keepBidiOpen = false } = {}): TextRun[] {
  const runs: TextRun[] = [];
  const safe = xmlSafe(text);
  (keepBidiOpen ? safe : safe + bidiClosers(safe))
    .split('\n')
    .forEach((line, i) => {
      const children: (string | Tab)[] = [];
      line.split('\t').forEach((part, j) => {
        if (j > 0) children.push(new Tab());
        if (part) children.push(part);
      });
      if (children.length === 0 && i === 0) return;
      runs.push(new TextRun({ ...format, ...(i > 0 ? { break: 1 } : {}), children }));
    });
  return runs;
}

const PDF = '\u202C';
const PDI = '\u2069';

/**
 * Closes the bidi embeddings, overrides and isolates a piece of text opens (U+202A–U+202E,
 * U+2066–U+2068), as HTML's <bdi> would: Word applies them to the end of the paragraph, so an
 * override in a title would otherwise reverse the brief's own words after it, e.g. a citation's
 * character offsets.
 */
export function closeBidi(text: string): string {
  return text + bidiClosers(text);
}

/** The characters that close what `text` leaves open, innermost first ('' for most text). */
export function bidiClosers(text: string): string {
  const open: string[] = [];
  for (const char of text) {
    if (char >= '\u202A' && char <= '\u202E' && char !== PDF) open.push(PDF);
    else if (char >= '\u2066' && char <= '\u2068') open.push(PDI);
    else if (char === PDF && open.at(-1) === PDF) open.pop();
    else if (char === PDI && open.includes(PDI)) open.splice(open.lastIndexOf(PDI));
  }
  return open.reverse().join('');
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
export const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const STRONG_LETTER = /\p{L}/u;

/** Whether the first strongly directional letter is right-to-left (the Unicode "first strong" rule). */
export function isRtl(text: string): boolean {
  for (const char of text) {
    if (RTL_LETTER.test(char)) return true;
    if (STRONG_LETTER.test(char)) return false;
  }
  return false;
}

/** `2025-06-02T12:00:00Z` → `2025-06-02`; anything that is not an ISO date is shown as given. */
export function isoDay(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : xmlSafe(iso);
}

/** A Date for a comment's `w:date`, or undefined so a bad timestamp cannot break the file. */
export function commentDate(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Initials Word shows beside a comment: the first letter of up to three words of the name. */
export function initialsOf(name: string): string {
  const letters = xmlSafe(name)
    .split(/[\s.\-_]+/u)
    .map((word) => Array.from(word).find((c) => /[\p{L}\p{N}]/u.test(c)) ?? '')
    .filter(Boolean);
  return letters.slice(0, 3).join('').toLocaleUpperCase() || '?';
}

/**
 * A link target Word can follow: only web and mail addresses, normalised by the URL parser so a
 * space or angle bracket is percent-encoded rather than making the relationship invalid.
 */
export function safeLink(url: string): string | null {
  try {
    const parsed = new URL(xmlSafe(url).trim());
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
