import { describe, expect, it } from 'vitest';
import { sentenceSpans, spanAt } from './sentences';

const sentences = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('splits at full stops and line breaks, not after titles and initials', () => {
    expect(sentences('Gen. Nakatani met Mr. Singh in the U.S. on Monday. He left.\n\nA heading\nJ. R. Smith spoke.')).toEqual([
      'Gen. Nakatani met Mr. Singh in the U.S. on Monday.',
      'He left.',
      'A heading',
      'J. R. Smith spoke.',
    ]);
  });

  it('finds the sentence holding an offset, and none between sentences', () => {
    const text = 'One two.  Three four.';
    const spans = sentenceSpans(text);
    expect(spanAt(spans, text.indexOf('four'))).toEqual({ start: 10, end: 21 });
    expect(spanAt(spans, 0)).toEqual({ start: 0, end: 8 });
    expect(spanAt(spans, 9)).toBeNull();
  });
});
