import { isCalendarDate } from '../model/isoDate';

/**
 * The one normalisation an article's text gets, at import. The result never changes afterwards:
 * every annotation offset points into it (UTF-16 code units).
 */
export interface NormalizedArticle {
  text: string;
  /** From the sample format's leading `date YYYY-MM-DD` token, when present and a real date. */
  published: string | null;
}

const DATE_LEAD_IN = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/i;

export function normalizeArticleText(raw: string): NormalizedArticle {
  let text = raw.replace(/^\uFEFF/, '').normalize('NFC').replace(/\r\n?/g, '\n');
  let published: string | null = null;
  const lead = DATE_LEAD_IN.exec(text);
  if (lead && isCalendarDate(lead[1]!)) {
    published = lead[1]!;
    text = text.slice(lead[0].length);
  }
  text = text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, published };
}

/** A paragraph of the article with its offset range in the text. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** Paragraphs are separated by blank lines; single newlines stay inside a paragraph. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    if (m.index > start) paragraphs.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length) paragraphs.push({ start, end: text.length, text: text.slice(start) });
  return paragraphs;
}
