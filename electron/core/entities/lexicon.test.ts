import { describe, expect, it } from 'vitest';
import { isCommonWord, isFamilyName, isFamilyNameFirst, isGivenName } from './lexicon';

describe('lexicon', () => {
  it('knows given and family names from compromise and from our lists', () => {
    expect(isGivenName('John')).toBe(true);
    expect(isGivenName('Volodymyr')).toBe(true);
    expect(isFamilyName('Singh')).toBe(true);
    expect(isFamilyName('Nakamura')).toBe(true);
    expect(isFamilyNameFirst('Wang')).toBe(true);
    expect(isFamilyNameFirst('Singh')).toBe(false);
  });

  it('tells ordinary words from names', () => {
    expect(isCommonWord('Analysts')).toBe(true);
    expect(isCommonWord('Meanwhile')).toBe(true);
    expect(isCommonWord('Separately')).toBe(true);
    expect(isCommonWord('Marcos')).toBe(false);
    expect(isCommonWord('Kananaskis')).toBe(false);
  });
});
