import { describe, expect, it } from 'vitest';
import { CodePointOffsets, snapToCodePoints } from './codePoints';

describe('snapToCodePoints', () => {
  const text = 'a𝔸b𠮷c';

  it('widens an edge that falls inside a surrogate pair', () => {
    expect(snapToCodePoints(text, 2, 5)).toEqual({ start: 1, end: 6 });
  });

  it('leaves edges between code points alone', () => {
    expect(snapToCodePoints(text, 1, 3)).toEqual({ start: 1, end: 3 });
    expect(snapToCodePoints(text, 0, text.length)).toEqual({ start: 0, end: text.length });
  });
});

describe('CodePointOffsets', () => {
  it('counts an astral character (emoji, CJK extension B) as one code point', () => {
    const text = 'a😀b𠮷c';
    const offsets = new CodePointOffsets(text);
    expect([0, 1, 3, 4, 6, 7].map((u) => offsets.toCodePoints(u))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map((c) => offsets.toUtf16(c))).toEqual([0, 1, 3, 4, 6, 7]);
  });

  it('agrees with Array.from on every boundary of a mixed text', () => {
    const text = '𝔸😀x\u00e9𠮷𠮷 مرحبا 😀\n';
    const offsets = new CodePointOffsets(text);
    const points = Array.from(text);
    let utf16 = 0;
    for (let cp = 0; cp <= points.length; cp++) {
      expect(offsets.toCodePoints(utf16)).toBe(cp);
      expect(offsets.toUtf16(cp)).toBe(utf16);
      utf16 += points[cp]?.length ?? 0;
    }
  });

  it('is the identity on text without surrogate pairs, and clamps past the end', () => {
    const offsets = new CodePointOffsets('plain text');
    expect(offsets.toCodePoints(4)).toBe(4);
    expect(offsets.toUtf16(4)).toBe(4);
    expect(offsets.toUtf16(99)).toBe(10);
  });
});
