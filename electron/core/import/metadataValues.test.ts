import { describe, expect, it } from 'vitest';
import { cleanText, firstOf, toHttpUrl, toIsoDate, toLanguageTag } from './metadataValues';

describe('metadata values', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['  2025-03-14T07:30:00+01:00 ', '2025-03-14'],
    ['2025-03-14T23:30-05:00', '2025-03-14'],
    ['2025-03-14T07:30:00.123Z', '2025-03-14'],
    ['2025-03-14 07:30', '2025-03-14'],
    ['2024-02-29', '2024-02-29'],
    ['2025-02-29', undefined],
    ['2025-13-01', undefined],
    ['14 March 2025', undefined],
    ['2025-03-14 and more', undefined],
    [20250314, undefined],
    [null, undefined],
  ])('toIsoDate(%j) = %j', (value, date) => {
    expect(toIsoDate(value)).toBe(date);
  });

  it('canonicalises language tags and refuses what is not one', () => {
    expect(toLanguageTag('en_gb')).toBe('en-GB');
    expect(toLanguageTag(' ZH-hant-tw ')).toBe('zh-Hant-TW');
    expect(toLanguageTag('ar')).toBe('ar');
    expect(toLanguageTag('not a language')).toBeUndefined();
    expect(toLanguageTag('')).toBeUndefined();
  });

  it('keeps only absolute http(s) URLs', () => {
    expect(toHttpUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(toHttpUrl('/relative/path')).toBeUndefined();
    expect(toHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(toHttpUrl('file:///etc/passwd')).toBeUndefined();
  });

  it('collapses whitespace and takes the first usable value', () => {
    expect(cleanText('  The\n  Ledger ')).toBe('The Ledger');
    expect(cleanText(1984)).toBe('1984');
    expect(cleanText({ name: 'x' })).toBeUndefined();
    expect(firstOf(['', 'bad date', '2025-01-02T00:00Z', '2024-01-01'], toIsoDate)).toBe('2025-01-02');
  });
});
