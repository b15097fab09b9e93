import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { countWords, textTokens } from './words';

const tokens = (text: string) => [...textTokens(text)].map((t) => `${t.kind}:${t.text}`);

describe('words', () => {
  it('splits words of spaced scripts whole, and those of unspaced scripts where a reader would', () => {
    expect(tokens("Don't stop, Министр\n\nوزارة")).toEqual(["word:Don't", 'space: ', 'word:stop', 'other:,', 'space: ', 'word:Министр', 'space:\n\n', 'word:وزارة']);
    const japanese = [...textTokens('日本の防衛大臣')].filter((t) => t.kind === 'word').map((t) => t.text);
    expect(japanese.length).toBeGreaterThan(1);
    expect(japanese.join('')).toBe('日本の防衛大臣');
  });

  it('counts words, not spaces or punctuation', () => {
    expect(countWords('Met the minister, twice.')).toBe(4);
    expect(countWords('  — ')).toBe(0);
    expect(countWords('')).toBe(0);
  });

  it('gives the text back, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect([...textTokens(text)].map((t) => t.text).join('')).toBe(text);
      }),
    );
    const long = '日本語の文章'.repeat(200) + '👍'.repeat(300);
    expect([...textTokens(long)].map((t) => t.text).join('')).toBe(long);
  });

  it('hands the segmenter short slices of a long run, never the whole text', () => {
    // V8 copies the input for every segment it hands out: 100,000 characters segmented at once
    // take seconds (the square of the length); by slices, time grows with the length alone.
    const lengths: number[] = [];
    const original = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
      lengths.push(input.length);
      return original.call(this, input);
    });
    const text = '日本の防衛大臣が来た'.repeat(10_000);
    const words = [...textTokens(text)];
    vi.restoreAllMocks();
    expect(words.map((t) => t.text).join('')).toBe(text);
    expect(lengths.length).toBeGreaterThan(100);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(256);
  });
});
