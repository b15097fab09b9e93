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

  it('keeps the first payload of a repeated phrase, and the first added among equally long ones', () => {
    const repeated = new PhraseIndex<string>();
    repeated.add('Port Lake', 'first', true);
    repeated.add('Port Moresby', 'other', true);
    repeated.add('Port  Lake', 'second', true);
    repeated.add('Port', 'short', true);
    const text = 'to Port Lake and Port Moresby and Port Said';
    const tokens = tokenize(text);
    expect(repeated.matchAt(text, tokens, 1)?.payload).toBe('first');
    expect(repeated.matchAt(text, tokens, 4)?.payload).toBe('other');
    expect(repeated.matchAt(text, tokens, 7)?.payload).toBe('short');
  });

  it('prefers a longer folded phrase over a shorter exact one', () => {
    const both = new PhraseIndex<string>();
    both.add('Addis', 'exact', true);
    both.add('addis ababa', 'folded', false);
    expect(both.matchAt('ADDIS ABABA', tokenize('ADDIS ABABA'), 0)?.payload).toBe('folded');
    expect(both.matchAt('Addis Ababa', tokenize('Addis Ababa'), 0)?.payload).toBe('folded');
    expect(both.matchAt('Addis Ab', tokenize('Addis Ab'), 0)?.payload).toBe('exact');
  });
});
