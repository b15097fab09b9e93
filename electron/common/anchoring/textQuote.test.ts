import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, findQuote, positionSelector, quoteSelectorAt } from './textQuote';

/** A paragraph of the bundled sample, as normalisation leaves it (typographic apostrophe included). */
const SAMPLE =
  'India and Japan are strategic partners in the Quad, along with the United States and Australia. ' +
  'This will be the second meeting between the two Defence Ministers in six months, following their first ' +
  'interaction in November 2024 on the sidelines of the ASEAN Defence Ministers\u2019 Meeting-Plus in Laos.';

describe('quoteSelectorAt', () => {
  it('takes the exact text and 32 characters of context either side', () => {
    const start = SAMPLE.indexOf('second meeting');
    const end = start + 'second meeting'.length;
    const q = quoteSelectorAt(SAMPLE, start, end);
    expect(CONTEXT_LENGTH).toBe(32);
    expect(q).toEqual({
      type: 'TextQuoteSelector',
      exact: 'second meeting',
      prefix: SAMPLE.slice(start - 32, start),
      suffix: SAMPLE.slice(end, end + 32),
    });
    expect(q.prefix).toHaveLength(32);
    expect(q.suffix).toHaveLength(32);
    expect(q.prefix.endsWith('This will be the ')).toBe(true);
    expect(q.suffix.startsWith(' between the two')).toBe(true);
  });

  it('shortens the context at the ends of the text', () => {
    expect(quoteSelectorAt(SAMPLE, 0, 5)).toMatchObject({ exact: 'India', prefix: '' });
    const tail = quoteSelectorAt(SAMPLE, SAMPLE.length - 5, SAMPLE.length);
    expect(tail).toMatchObject({ exact: 'Laos.', suffix: '' });
    expect(tail.prefix).toBe(SAMPLE.slice(SAMPLE.length - 37, SAMPLE.length - 5));
    const short = quoteSelectorAt('abc def', 4, 7);
    expect(short).toEqual({ type: 'TextQuoteSelector', exact: 'def', prefix: 'abc ', suffix: '' });
  });
});

describe('positionSelector', () => {
  it('is a W3C TextPositionSelector', () => {
    expect(positionSelector(3, 9)).toEqual({ type: 'TextPositionSelector', start: 3, end: 9 });
  });
});

describe('findQuote', () => {
  it('finds an exact quote once', () => {
    const matches = findQuote(SAMPLE, 'strategic partners');
    expect(matches).toEqual([{ start: SAMPLE.indexOf('strategic partners'), end: SAMPLE.indexOf('strategic partners') + 18 }]);
  });

  it('finds every occurrence, in text order', () => {
    const matches = findQuote(SAMPLE, 'Defence Ministers');
    expect(matches).toHaveLength(2);
    expect(matches[0]!.start).toBeLessThan(matches[1]!.start);
    for (const m of matches) expect(SAMPLE.slice(m.start, m.end)).toBe('Defence Ministers');
    expect(matches[1]!.start).toBe(SAMPLE.lastIndexOf('Defence Ministers'));
  });

  it('finds a typed straight apostrophe where the text has a typographic one, returning the original span', () => {
    const matches = findQuote(SAMPLE, "Ministers' Meeting-Plus");
    expect(matches).toHaveLength(1);
    const { start, end } = matches[0]!;
    expect(SAMPLE.slice(start, end)).toBe('Ministers\u2019 Meeting-Plus');
  });

  it('folds typographic double quotes, dashes and runs of whitespace both ways', () => {
    const text = 'He said \u201CMake in India\u201D \u2014 twice.\nThe India\u2013Japan  ties\n grew. It\'s "plain".';
    const cases: [string, string][] = [
      ['"Make in India"', '\u201CMake in India\u201D'],
      ['India-Japan ties grew', 'India\u2013Japan  ties\n grew'],
      ['India\u2010Japan ties', 'India\u2013Japan  ties'],
      ['said "Make in India" - twice', 'said \u201CMake in India\u201D \u2014 twice'],
      ['It\u2019s \u201Cplain\u201D', 'It\'s "plain"'],
    ];
    for (const [quote, original] of cases) {
      const matches = findQuote(text, quote);
      expect(matches, quote).toHaveLength(1);
      expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe(original);
    }
  });

  it('ignores whitespace around a folded quote and still returns the words only', () => {
    const text = 'in New\nDelhi on Monday';
    const [match, ...rest] = findQuote(text, '  New Delhi\t');
    expect(rest).toEqual([]);
    expect(text.slice(match!.start, match!.end)).toBe('New\nDelhi');
  });

  it('prefers exact matches over folded ones', () => {
    const text = "it\u2019s here and it's there";
    const matches = findQuote(text, "it's");
    expect(matches).toEqual([{ start: text.indexOf("it's"), end: text.indexOf("it's") + 4 }]);
  });

  it('compares in NFC, so a decomposed accent finds the composed text', () => {
    const text = 'Un caf\u00e9 \u00e0 Paris';
    const matches = findQuote(text, 'cafe\u0301');
    expect(matches).toHaveLength(1);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe('caf\u00e9');
  });

  it('finds quotes in any script, with UTF-16 offsets', () => {
    const text = '𝔸 Министр обороны Индии. 印度与日本。';
    const ru = findQuote(text, 'обороны Индии');
    expect(text.slice(ru[0]!.start, ru[0]!.end)).toBe('обороны Индии');
    const zh = findQuote(text, '日本');
    expect(zh).toEqual([{ start: text.indexOf('日本'), end: text.indexOf('日本') + 2 }]);
  });

  it('returns nothing when the quote is absent, empty or only whitespace', () => {
    expect(findQuote(SAMPLE, 'Tokyo summit')).toEqual([]);
    expect(findQuote(SAMPLE, 'Ministers Meeting')).toEqual([]);
    expect(findQuote(SAMPLE, '')).toEqual([]);
    expect(findQuote(SAMPLE, ' \n\t ')).toEqual([]);
  });
});
