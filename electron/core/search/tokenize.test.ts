import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery';
import { terms, tokenize } from './tokenize';

/** Each token as `term@start-end` (with `:pair` / `:tail`), checking that the offsets hold the word. */
function cut(text: string): string[] {
  return tokenize(text).map((t) => `${t.term}@${t.start}-${t.end}${t.kind ? `:${t.kind}` : ''}`);
}

describe('tokenize', () => {
  it('cuts spaced scripts into folded words at their offsets', () => {
    expect(cut('Défense ÉTATS-unis')).toEqual(['defense@0-7', 'etats@8-13', 'unis@14-18', 'etatsunis@8-18']);
    expect(cut('Ёлка на МОСКВЕ')).toEqual(['елка@0-4', 'на@5-7', 'москве@8-14']);
    expect(cut('שָׁלוֹם עולם')).toEqual(['שלום@0-7', 'עולם@8-12']);
  });

  it('folds Arabic tashkeel and letter variants, keeping the offsets of the written word', () => {
    const text = 'وأضاف أن «الأمنَ البحريَّ مسؤوليةٌ» يوم ٣ يونيو ٢٠٢٥';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.term)).toEqual(['واضاف', 'ان', 'الامن', 'البحري', 'مسووليه', 'يوم', '3', 'يونيو', '2025']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['وأضاف', 'أن', 'الأمنَ', 'البحريَّ', 'مسؤوليةٌ', 'يوم', '٣', 'يونيو', '٢٠٢٥']);
    // Without tashkeel, and with another alef, the word is the same term.
    expect(terms('الامن')).toEqual(terms('الأمنَ'));
    expect(terms('إلى')).toEqual(terms('الي'));
  });

  it('reads Persian words joined by a zero-width non-joiner as their parts and as a whole', () => {
    const text = 'گفت‌وگوی کشتیرانی ۱۴۰۴';
    expect(cut(text)).toEqual(['گفت@0-3', 'وگوي@4-8', 'گفتوگوي@0-8', 'كشتيراني@9-17', '1404@18-22']);
  });

  it('cuts Chinese into overlapping pairs, so a word is found inside running text', () => {
    expect(cut('在印度洋的')).toEqual(['在印@0-2:pair', '印度@1-3:pair', '度洋@2-4:pair', '洋的@3-5:pair', '的@4-5:tail']);
    // Digits beside the characters are words of their own.
    expect(cut('2025年6月3日')).toEqual(['2025@0-4', '年@4-5:pair', '6@5-6', '月@6-7:pair', '3@7-8', '日@8-9:pair']);
  });

  it('cuts Japanese kanji and kana alike, folding widths, with characters outside the BMP whole', () => {
    const text = '近くの𠮷野家で';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['近く', 'くの', 'の𠮷', '𠮷野', '野家', '家で', 'で']);
    // Half-width katakana with its voicing mark is the same word as full-width; so is full-width Latin.
    expect(terms('ｲﾝﾄﾞ')).toEqual(terms('インド'));
    expect(cut('ｲﾝﾄﾞ')).toEqual(['イン@0-2:pair', 'ンド@1-4:pair', 'ド@2-4:tail']);
    expect(cut('ＡＢＣ１２３と')).toEqual(['abc123@0-6', 'と@6-7:pair']);
  });

  it('cuts Korean into pairs, and Thai with its dictionary', () => {
    expect(tokenize('인도양에서').map((t) => t.term)).toEqual(['인도', '도양', '양에', '에서', '서']);
    expect(tokenize('ภาษาไทยง่าย').map((t) => t.term)).toEqual(['ภาษา', 'ไทย', 'ง่าย']);
  });

  it('keeps Devanagari vowel signs in the word', () => {
    const text = 'हिंद महासागर में';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['हिंद', 'महासागर', 'में']);
    expect(terms('मे')).not.toEqual(terms('में'));
  });
});

describe('parseQuery in unspaced scripts', () => {
  it('asks for a word of several characters as its pairs in order', () => {
    expect(parseQuery('印度洋')).toEqual({
      terms: [
        { text: '印度', prefix: false, typos: 0 },
        { text: '度洋', prefix: false, typos: 0 },
      ],
      phrases: [['印度', '度洋']],
    });
    expect(parseQuery('インド').phrases).toEqual([['イン', 'ンド']]);
    // Two characters are one pair: no phrase needed.
    expect(parseQuery('防衛')).toEqual({ terms: [{ text: '防衛', prefix: false, typos: 0 }], phrases: [] });
  });

  it('lets one character find the pairs it starts', () => {
    expect(parseQuery('秋 report').terms).toEqual([
      { text: '秋', prefix: true, typos: 0 },
      { text: 'report', prefix: true, typos: 1 },
    ]);
  });
});
