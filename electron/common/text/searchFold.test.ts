import { describe, expect, it } from 'vitest';
import { clusterEnd, foldText, foldWithOffsets, graphemeBoundary } from './searchFold';

describe('foldText', () => {
  it('drops case and decorating marks in Latin, Cyrillic, Hebrew and Arabic', () => {
    expect(foldText('Genève')).toBe('geneve');
    expect(foldText('Gene\u0300ve')).toBe('geneve');
    expect(foldText('Ёлка ещё')).toBe('елка еще');
    expect(foldText('שָׁלוֹם')).toBe('שלום');
    expect(foldText('كَتَبَ')).toBe('كتب');
    // Tatweel stretches a word; it is not a letter.
    expect(foldText('كـــتب')).toBe('كتب');
  });

  it('makes the Arabic and Persian spellings of one letter one', () => {
    expect(foldText('أحمد إبراهيم آمن ٱلله')).toBe('احمد ابراهيم امن الله');
    expect(foldText('على')).toBe('علي');
    expect(foldText('علی')).toBe('علي');
    expect(foldText('کتاب')).toBe('كتاب');
    expect(foldText('مدرسة')).toBe('مدرسه');
    expect(foldText('الأمنَ البحريَّ')).toBe('الامن البحري');
  });

  it('reads Eastern Arabic, Persian and Devanagari digits as 0–9', () => {
    expect(foldText('٢٠٢٥')).toBe('2025');
    expect(foldText('۱۴۰۴')).toBe('1404');
    expect(foldText('२०२५')).toBe('2025');
  });

  it('folds widths, and keeps marks that make another letter', () => {
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
    expect(foldText('ｲﾝﾄﾞ')).toBe('インド');
    expect(foldText('ｶﾞ')).toBe('ガ');
    expect(foldText('が')).not.toBe(foldText('か'));
    // Devanagari vowel signs are letters of the word: कि is not क.
    expect(foldText('कि')).not.toBe(foldText('क'));
    expect(foldText('हिंद')).toBe('हिंद');
    expect(foldText('ﬁnal')).toBe('final');
  });

  it('drops invisible characters', () => {
    expect(foldText('infor\u00admation')).toBe('information');
    expect(foldText('گفت\u200cوگو')).toBe('گفتوگو');
    expect(foldText('\u2764\ufe0f')).toBe('\u2764');
  });
});

describe('foldWithOffsets', () => {
  const back = (text: string) => {
    const f = foldWithOffsets(text);
    return [...f.folded].map((_, i) => text.slice(f.starts[i]!, f.ends[i]!));
  };

  it('maps every folded unit back to a whole character of the original', () => {
    expect(foldWithOffsets('Gene\u0300ve').folded).toBe('geneve');
    expect(back('Gene\u0300ve')).toEqual(['G', 'e', 'n', 'e\u0300', 'v', 'e']);
    // A character outside the BMP is two units, kept together; an emoji too.
    const f = foldWithOffsets('𠮷野家😀');
    expect(f.folded).toBe('𠮷野家😀');
    expect([...f.starts]).toEqual([0, 0, 2, 3, 4, 4]);
    expect([...f.ends]).toEqual([2, 2, 3, 4, 6, 6]);
    // Half-width kana and its voicing mark are one character, folded to one.
    expect(back('ｲﾝﾄﾞ')).toEqual(['ｲ', 'ﾝ', 'ﾄﾞ']);
    // Tashkeel belongs to its letter; whitespace of any kind is a space.
    expect(back('كَتَبَ\u00a0x')).toEqual(['كَ', 'تَ', 'بَ', '\u00a0', 'x']);
    expect(foldWithOffsets('a\u3000b').folded).toBe('a b');
  });

  it('keeps a Devanagari vowel sign with its consonant', () => {
    expect(clusterEnd('हिंद', 0)).toBe(3);
    expect(back('हिंद')).toEqual(['हिं', 'हिं', 'हिं', 'द']);
  });
});

describe('graphemeBoundary', () => {
  it('never cuts inside a surrogate pair, a letter with its marks, or an emoji sequence', () => {
    const text = 'ab𠮷cd';
    expect(graphemeBoundary(text, 3, 'before')).toBe(2);
    expect(graphemeBoundary(text, 3, 'after')).toBe(4);
    expect(graphemeBoundary('हिंदी', 1, 'before')).toBe(0);
    expect(graphemeBoundary('हिंदी', 2, 'after')).toBe(3);
    const family = 'x👩‍👩‍👧y';
    expect(graphemeBoundary(family, 4, 'before')).toBe(1);
    expect(graphemeBoundary(family, 4, 'after')).toBe(family.length - 1);
    expect(graphemeBoundary(text, 0, 'before')).toBe(0);
    expect(graphemeBoundary(text, 99, 'after')).toBe(text.length);
  });
});
