import { describe, expect, it } from 'vitest';
import { splitsJoinedLetters } from './joining';

describe('splitsJoinedLetters', () => {
  const word = 'يبحثان';

  it('is true between two letters of one Arabic word, and false at its edges', () => {
    for (let at = 1; at < word.length; at++) expect(splitsJoinedLetters(`في ${word} اليوم`, 3 + at), String(at)).toBe(true);
    expect(splitsJoinedLetters(`في ${word} اليوم`, 3)).toBe(false);
    expect(splitsJoinedLetters(`في ${word} اليوم`, 3 + word.length)).toBe(false);
  });

  it('looks past tashkeel to the letter it sits on', () => {
    const marked = 'الأمنَ البحريَّ';
    // Between ي + shadda + fatha and the space: the word's end.
    expect(splitsJoinedLetters(marked, marked.length)).toBe(false);
    // After نَ, before the space; after مـ, before نَ.
    expect(splitsJoinedLetters(marked, marked.indexOf(' '))).toBe(false);
    expect(splitsJoinedLetters(marked, marked.indexOf('ن'))).toBe(true);
    // Between ر and يَّ: ر joins only the letter before it, yet a ZWJ there harms nothing.
    expect(splitsJoinedLetters(marked, marked.lastIndexOf('ي'))).toBe(true);
  });

  it('is false where the writer put a non-joiner, and in scripts that do not join', () => {
    expect(splitsJoinedLetters('هفته\u200cهای', 4)).toBe(false);
    expect(splitsJoinedLetters('هفته\u200cهای', 5)).toBe(false);
    expect(splitsJoinedLetters('ministers', 4)).toBe(false);
    expect(splitsJoinedLetters('הביטחון', 3)).toBe(false);
    expect(splitsJoinedLetters('印度洋', 1)).toBe(false);
    // Syriac and N'Ko join too.
    expect(splitsJoinedLetters('ܫܠܡܐ', 2)).toBe(true);
    expect(splitsJoinedLetters('ߒߞߏ', 1)).toBe(true);
  });
});
