import { describe, expect, it } from 'vitest';
import { DEFAULT_PALETTE, Palette, PaletteEntry } from './palette';

describe('DEFAULT_PALETTE', () => {
  it('is a valid palette of distinct keys, each colour with a label (colour is never the only carrier of meaning)', () => {
    expect(Palette.parse(DEFAULT_PALETTE)).toEqual(DEFAULT_PALETTE);
    expect(new Set(DEFAULT_PALETTE.map((p) => p.key)).size).toBe(DEFAULT_PALETTE.length);
    for (const entry of DEFAULT_PALETTE) expect(entry.label.trim()).not.toBe('');
    expect(DEFAULT_PALETTE.map((p) => p.key)).toEqual(['yellow', 'green', 'blue', 'red', 'purple']);
  });
});

describe('PaletteEntry', () => {
  const entry = { key: 'yellow', label: 'Claim', color: '#f2c230' };

  it('trims a renamed label and accepts upper-case hex', () => {
    expect(PaletteEntry.parse({ ...entry, label: '  Disputed claim ' }).label).toBe('Disputed claim');
    expect(PaletteEntry.safeParse({ ...entry, color: '#F2C230' }).success).toBe(true);
  });

  it.each([
    ['an empty label', { label: '  ' }],
    ['a label over 40 characters', { label: 'x'.repeat(41) }],
    ['a key with capitals', { key: 'Yellow' }],
    ['a key starting with a digit', { key: '1st' }],
    ['a key with spaces', { key: 'light blue' }],
    ['a named CSS colour', { color: 'yellow' }],
    ['a short hex colour', { color: '#fc0' }],
    ['a CSS expression', { color: 'url(javascript:x)' }],
  ])('refuses %s', (_label, change) => {
    expect(PaletteEntry.safeParse({ ...entry, ...change }).success).toBe(false);
  });
});

describe('Palette', () => {
  it('holds 1 to 12 colours', () => {
    expect(Palette.safeParse([]).success).toBe(false);
    const many = Array.from({ length: 13 }, (_, i) => ({ key: `c${i}`, label: `C${i}`, color: '#000000' }));
    expect(Palette.safeParse(many.slice(0, 12)).success).toBe(true);
    expect(Palette.safeParse(many).success).toBe(false);
  });
});
