import { describe, expect, it } from 'vitest';
import { isAllCaps, tokenize } from './tokenize';

const words = (text: string): string[] => tokenize(text).map((t) => `${t.text}${t.kind === 'word' ? '' : `[${t.kind}]`}`);

describe('tokenize', () => {
  it('keeps hyphenated words, initialisms and inner apostrophes whole', () => {
    expect(words("U.S. Indo-Pacific Nuku'alofa Meeting-Plus")).toEqual(['U.S.', 'Indo-Pacific', "Nuku'alofa", 'Meeting-Plus']);
  });

  it('splits possessives, typographic ones included', () => {
    expect(words('Tehran’s Ministers’ People\'s')).toEqual(['Tehran', '’s[poss]', 'Ministers', '’[poss]', 'People', "'s[poss]"]);
  });

  it('offsets slice back to the token text', () => {
    const text = 'Gen. Nakatani met 🇯🇵 officials —\n“We” said.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('marks sentence starts but not after abbreviations or initials', () => {
    const tokens = tokenize('Gen. Nakatani met S. Jaishankar. Then they left.\nNew line');
    const starts = tokens.filter((t) => t.sentenceStart).map((t) => t.text);
    expect(starts).toEqual(['Gen', 'Then', 'New']);
  });

  it('treats an opening quote and an all-caps dateline dash as clause starts', () => {
    const tokens = tokenize('MANILA — The coast guard said "Beijing lied" and India — not Japan — agreed.');
    const starts = tokens.filter((t) => t.sentenceStart).map((t) => t.text);
    expect(starts).toEqual(['MANILA', 'The', 'Beijing']);
  });

  it('records line breaks so names never run across lines', () => {
    const tokens = tokenize('New\nDelhi');
    expect(tokens[1]!.lineBreakBefore).toBe(true);
  });

  it('knows all-caps words', () => {
    expect(isAllCaps('NATO')).toBe(true);
    expect(isAllCaps('APT31')).toBe(true);
    expect(isAllCaps('ADMM-Plus')).toBe(false);
    expect(isAllCaps('2025')).toBe(false);
  });
});
