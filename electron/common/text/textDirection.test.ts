import { describe, expect, it } from 'vitest';
import { textDirection } from './textDirection';

describe('textDirection', () => {
  it('reads the direction from the first letter, past digits and punctuation', () => {
    expect(textDirection('الأمنَ البحريَّ')).toBe('rtl');
    expect(textDirection('«٢٠٢٥» الأمن and more')).toBe('rtl');
    expect(textDirection('2025 — שלום')).toBe('rtl');
    expect(textDirection('گفت‌وگو')).toBe('rtl');
    expect(textDirection('Tokyo «التعاون»')).toBe('ltr');
    expect(textDirection('防卫大臣')).toBe('ltr');
    expect(textDirection('123 …')).toBe('ltr');
  });
});
