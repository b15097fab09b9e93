/** A span of a text in UTF-16 code units, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Abbreviations a sentence does not end at. Intl.Segmenter as Node ships it splits after every
 * full stop ("Gen. | Nakatani met Mr. | Singh"); titles and initials are the common cases in news.
 */
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Gov|Sen|Rep|Prof|Rev|St|Jr|Sr|No|Nos|vs|etc|approx|e\.g|i\.e|U\.S|U\.K|U\.N|a\.m|p\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.\s*$/;

/**
 * The text's sentences, in order, without the whitespace around them. A line break always ends
 * one (headings and list items carry no full stop).
 */
export function sentenceSpans(text: string, locale = 'en'): Span[] {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  }
  const raw: Span[] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    const last = raw[raw.length - 1];
    if (last && last.end === index && ABBREVIATION.test(text.slice(last.start, index)) && !/\n/.test(text.slice(last.start, index))) {
      last.end = index + segment.length;
    } else {
      raw.push({ start: index, end: index + segment.length });
    }
  }
  const spans: Span[] = [];
  for (const span of raw) {
    const slice = text.slice(span.start, span.end);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    if (span.end - trail > span.start + lead) spans.push({ start: span.start + lead, end: span.end - trail });
  }
  return spans;
}

/** The span holding `offset` (spans in order, not overlapping), or null when it falls between them. */
export function spanAt(spans: readonly Span[], offset: number): Span | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return span;
  }
  return null;
}
