import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './editDistance';

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1));
    row = next;
  }
  return row[b.length]!;
}

describe('boundedEditDistance', () => {
  it('is the Levenshtein distance up to the limit, and limit + 1 beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 14 });
    fc.assert(
      fc.property(word, word, fc.nat(10), (a, b, limit) => {
        const d = levenshtein(a, b);
        expect(boundedEditDistance(a, b, limit)).toBe(Math.min(d, limit + 1));
      }),
    );
  });

  it('handles empty strings', () => {
    expect(boundedEditDistance('', '', 0)).toBe(0);
    expect(boundedEditDistance('abc', '', 5)).toBe(3);
    expect(boundedEditDistance('', 'abc', 2)).toBe(3);
  });
});
