import { describe, expect, it } from 'vitest';
import { PhraseIndex, normalizeKey } from './phraseIndex';
import { tokenize } from './tokenize';

describe('PhraseIndex', () => {
  const index = new PhraseIndex<string>();
  index.add('South China Sea', 'scs', true);
  index.add('South', 'south', true);
  index.add("ASEAN Defence Ministers' Meeting-Plus", 'admm', true);
  index.add('Quad', 'quad', true);
  index.add('indo-pacific region', 'ip', false);

  const at = (text: string, i: number): string | undefined => index.matchAt(text, tokenize(text), i)?.payload;

  it('returns the longest phrase at a position', () => {
    expect(at('the South China Sea dispute', 1)).toBe('scs');
    expect(at('the South wind', 1)).toBe('south');
  });

  it('matches typographic apostrophes against straight ones', () => {
    expect(at('the ASEAN Defence Ministers’ Meeting-Plus in Laos', 1)).toBe('admm');
  });

  it('respects case for case-sensitive phrases and folds the others', () => {
    expect(at('a quad bike', 1)).toBeUndefined();
    expect(at('the Quad met', 1)).toBe('quad');
    expect(at('the Indo-Pacific Region', 1)).toBe('ip');
  });

  it('does not match across line breaks', () => {
    expect(at('South China\nSea', 0)).toBe('south');
  });

  it('normalises keys', () => {
    expect(normalizeKey('Ministers’')).toBe("Ministers'");
  });
});
