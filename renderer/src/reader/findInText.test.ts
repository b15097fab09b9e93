import { describe, expect, it } from 'vitest';
import { findMatches, firstMatchFrom, foldForFind, matchStatus, stepMatch } from './findInText';

const slices = (text: string, query: string) => findMatches(foldForFind(text), query).map((m) => text.slice(m.start, m.end));

describe('findMatches', () => {
  it('finds every occurrence, ignoring case', () => {
    const text = 'India and Japan. INDIA signed; india-japan ties.';
    expect(slices(text, 'india')).toEqual(['India', 'INDIA', 'india']);
    expect(findMatches(foldForFind(text), 'India').map((m) => m.start)).toEqual([0, 17, 31]);
  });

  it('ignores accents both ways, and gives back the original characters', () => {
    const text = 'Talks in Genève; later in Geneve, then GENÈVE.';
    expect(slices(text, 'geneve')).toEqual(['Genève', 'Geneve', 'GENÈVE']);
    expect(slices(text, 'Genève')).toEqual(['Genève', 'Geneve', 'GENÈVE']);
    // Decomposed input (e + combining grave) maps back to both its units.
    const decomposed = 'Gene\u0300ve';
    expect(slices(decomposed, 'genève')).toEqual(['Gene\u0300ve']);
  });

  it('keeps offsets right around characters outside the BMP and other scripts', () => {
    const text = '😀 Москва и МОСКВА; كَتَبَ كتب';
    expect(slices(text, 'москва')).toEqual(['Москва', 'МОСКВА']);
    expect(slices(text, 'كتب')).toEqual(['كَتَبَ', 'كتب']);
  });

  it('finds words in every script on exactly their characters', () => {
    // Arabic: with or without tashkeel, any alef, alef maksura or yeh, Eastern Arabic digits.
    const ar = 'أن «الأمنَ البحريَّ مسؤوليةٌ» إلى يوم ٣ يونيو ٢٠٢٥';
    expect(slices(ar, 'الامن البحري')).toEqual(['الأمنَ البحريَّ']);
    expect(slices(ar, 'الي')).toEqual(['إلى']);
    expect(slices(ar, '2025')).toEqual(['٢٠٢٥']);
    // Chinese and Japanese inside running text, with a character outside the BMP and half-width kana.
    expect(slices('加强在印度洋的海上安全合作', '印度洋')).toEqual(['印度洋']);
    expect(slices('会場の近くにある𠮷野家では', '𠮷野')).toEqual(['𠮷野']);
    expect(slices('ｲﾝﾄﾞの国防大臣とインド', 'インド')).toEqual(['ｲﾝﾄﾞ', 'インド']);
    expect(slices('ＡＢＣ１２３', 'abc123')).toEqual(['ＡＢＣ１２３']);
    // A voiced kana is another letter: か does not find が.
    expect(slices('がか', 'か')).toEqual(['か']);
    // Devanagari: the vowel signs are letters (मि is not found by मी), and a match ends after the marks of its last letter.
    expect(slices('रक्षा मंत्री में', 'मी')).toEqual([]);
    expect(slices('रक्षा मंत्री में', 'मे')).toEqual(['में']);
    // A match never ends between a consonant and its vowel sign: the glyph is marked whole.
    expect(slices('रक्षा मंत्री', 'मंत्र')).toEqual(['मंत्री']);
    // Emoji and Cyrillic ё.
    expect(slices('dispatch 🚢 Ёлка', '🚢 елка')).toEqual(['🚢 Ёлка']);
  });

  it('never splits a character: a query of part of one maps to all of it', () => {
    const text = 'x𠮷y';
    const [m] = findMatches(foldForFind(text), '𠮷');
    expect(m).toEqual({ start: 1, end: 3 });
    expect(slices('ﬁnal ﬁ', 'i')).toEqual(['ﬁ', 'ﬁ']);
  });

  it('matches across a line break as a space, and finds nothing for an empty query', () => {
    expect(slices('end of one\nstart of two', 'one start')).toEqual(['one\nstart']);
    expect(slices('abc', '   ')).toEqual([]);
    expect(slices('abc', 'x')).toEqual([]);
  });

  it('does not overlap, and stops at the limit', () => {
    expect(slices('aaaa', 'aa')).toEqual(['aa', 'aa']);
    expect(findMatches(foldForFind('a'.repeat(50)), 'a', 10)).toHaveLength(10);
  });

  it('is quick on a 20,000-word article', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => (i % 97 === 0 ? 'Rajnath' : `word${i % 13}`)).join(' ');
    const folded = foldForFind(text);
    expect(findMatches(folded, 'rajnath')).toHaveLength(Math.ceil(20_000 / 97));
  });
});

describe('stepping through matches', () => {
  it('goes round from the last to the first and back', () => {
    expect(stepMatch(0, 3, 1)).toBe(1);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });

  it('starts at the first match from where the reader is', () => {
    const matches = [{ start: 5, end: 8 }, { start: 20, end: 23 }, { start: 40, end: 43 }];
    expect(firstMatchFrom(matches, 0)).toBe(0);
    expect(firstMatchFrom(matches, 5)).toBe(0);
    expect(firstMatchFrom(matches, 6)).toBe(1);
    expect(firstMatchFrom(matches, 40)).toBe(2);
    expect(firstMatchFrom(matches, 41)).toBe(0);
    expect(firstMatchFrom([], 3)).toBe(-1);
  });

  it('says where it is', () => {
    expect(matchStatus(2, 12, false)).toBe('3 of 12');
    expect(matchStatus(-1, 0, false)).toBe('No matches');
    expect(matchStatus(0, 10_000, true, String)).toBe('1 of 10000+');
  });
});
