import { splitParagraphs } from './normalizeArticleText';

export const MAX_TITLE_LENGTH = 120;

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
  return { title: shorten(firstSentence(first.text, locale)), firstParagraphIsTitle: false };
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

function shorten(sentence: string): string {
  if (sentence.length <= MAX_TITLE_LENGTH) return sentence;
  // Room for the "…", and never half of a surrogate pair (text without spaces is cut anywhere).
  let cut = sentence.slice(0, MAX_TITLE_LENGTH - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const lastSpace = cut.lastIndexOf(' ');
  const base = lastSpace > MAX_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut;
  return `${base.replace(/[\s,;:–—-]+$/, '')}…`;
}
