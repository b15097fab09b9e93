import { splitParagraphs } from './normalizeArticleText';

/** Long enough for a headline, short enough for a library row, a citation and a file name. */
export const MAX_TITLE_LENGTH = 80;

export interface TitledText {
  title: string;
  /** True when the first paragraph is a heading line and should be shown as the title only. */
  firstParagraphIsTitle: boolean;
}

/**
 * A plain-text article has a title when its first paragraph is one short line without closing
 * punctuation; otherwise the title is its first sentence, shortened at a word boundary.
 */
export function deriveTitle(text: string, locale = 'en'): TitledText {
  const first = splitParagraphs(text)[0];
  if (!first) return { title: 'Untitled article', firstParagraphIsTitle: false };
  const line = first.text.trim();
  if (!line.includes('\n') && line.length <= MAX_TITLE_LENGTH && !/[.!?。！？:;,]$/.test(line)) {
    return { title: line.replace(/^#+\s*/, ''), firstParagraphIsTitle: true };
  }
  return { title: shorten(firstSentence(first.text, locale), locale), firstParagraphIsTitle: false };
}

function firstSentence(paragraph: string, locale: string): string {
  // Plain-text files often wrap lines inside a sentence; the segmenter breaks at every line feed.
  const flat = paragraph.replace(/\s+/g, ' ').trim();
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  for (const { segment } of segmenter.segment(flat)) {
    const s = segment.trim();
    if (s) return s.replace(/[.!?。！？]+$/, '');
  }
  return flat;
}

/**
 * The sentence cut at the last word boundary that leaves room for "…", so no word is ever split:
 * the last space (a hyphenated word stays whole), or where spaces are few (Chinese, Thai) the
 * segmenter's dictionary words; only a first word longer than the whole title is cut, between
 * two characters (graphemes).
 */
function shorten(sentence: string, locale: string): string {
  if (sentence.length <= MAX_TITLE_LENGTH) return sentence;
  const room = MAX_TITLE_LENGTH - 1;
  const lastSpace = sentence.slice(0, room + 1).lastIndexOf(' ');
  let cut = lastSpace >= room / 2 ? lastSpace : 0;
  if (cut === 0) {
    for (const { index } of new Intl.Segmenter(locale, { granularity: 'word' }).segment(sentence)) {
      if (index > room) break;
      cut = index;
    }
  }
  let base = sentence.slice(0, cut).replace(/[\s,;:–—-]+$/u, '');
  if (!base) {
    for (const { index, segment } of new Intl.Segmenter(locale, { granularity: 'grapheme' }).segment(sentence)) {
      if (index + segment.length > room) break;
      base = sentence.slice(0, index + segment.length);
    }
  }
  return `${base}…`;
}
