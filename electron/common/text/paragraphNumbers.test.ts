import { describe, expect, it } from 'vitest';
import { splitParagraphs } from './normalizeArticleText';
import { ParagraphNumbers, paragraphLabel, paragraphsOf } from './paragraphNumbers';

const TEXT = ['First paragraph here.', 'Second one,\nwith a line break inside.', 'Third.', 'Fourth and last.'].join('\n\n');
const at = (words: string) => {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`not in the text: ${words}`);
  return [start, start + words.length] as const;
};

describe('ParagraphNumbers', () => {
  const numbers = new ParagraphNumbers(TEXT);

  it('numbers a passage by the paragraph holding it, from 1', () => {
    expect(numbers.label(...at('First paragraph'))).toBe('¶ 1');
    expect(numbers.label(...at('with a line break'))).toBe('¶ 2');
    expect(numbers.label(...at('Fourth and last.'))).toBe('¶ 4');
  });

  it('gives a range for a passage across paragraphs', () => {
    const [start] = at('inside.');
    const [, end] = at('Third.');
    expect(numbers.span(start, end)).toEqual({ first: 2, last: 3 });
    expect(numbers.label(start, end)).toBe('¶ 2–3');
    expect(numbers.label(0, TEXT.length)).toBe('¶ 1–4');
  });

  it('keeps a single newline inside its paragraph, as the reader does', () => {
    const [start, end] = at('one,\nwith');
    expect(numbers.label(start, end)).toBe('¶ 2');
  });

  it('counts a passage ending exactly at a paragraph end in that paragraph, not the next', () => {
    const [start, end] = at('First paragraph here.');
    expect(TEXT.slice(end, end + 2)).toBe('\n\n');
    expect(numbers.label(start, end)).toBe('¶ 1');
  });

  it('puts a start in the blank lines between paragraphs in the paragraph after them', () => {
    const [, endOfFirst] = at('First paragraph here.');
    const [, endOfSecond] = at('Second one');
    expect(numbers.label(endOfFirst + 1, endOfSecond)).toBe('¶ 2');
  });

  it('agrees with the paragraphs the reader renders, for every offset', () => {
    const paragraphs = splitParagraphs(TEXT);
    paragraphs.forEach((p, i) => {
      for (let offset = p.start; offset < p.end; offset++) expect(numbers.span(offset, offset + 1)).toEqual({ first: i + 1, last: i + 1 });
    });
  });

  it('has no number for a passage outside the text, or in an empty text', () => {
    expect(numbers.label(TEXT.length, TEXT.length + 5)).toBeNull();
    expect(numbers.label(-1, 3)).toBeNull();
    expect(new ParagraphNumbers('').label(0, 1)).toBeNull();
  });

  it('treats an empty range as the point it is at', () => {
    const [start] = at('Third.');
    expect(numbers.label(start, start)).toBe('¶ 3');
  });
});

describe('paragraphLabel and paragraphsOf', () => {
  it('writes one paragraph or a range with an en dash', () => {
    expect(paragraphLabel({ first: 4, last: 4 })).toBe('¶ 4');
    expect(paragraphLabel({ first: 4, last: 5 })).toBe('¶ 4–5');
    expect(paragraphsOf(TEXT, ...at('Third.'))).toBe('¶ 3');
  });
});
