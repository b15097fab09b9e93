import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinEdits } from './editDistance';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

describe('withinEdits', () => {
  it('tells one and two edits apart', () => {
    expect(withinEdits('nakatani', 'nakatani', 0)).toBe(true);
    expect(withinEdits('nakatani', 'nakatami', 1)).toBe(true);
    expect(withinEdits('nakatani', 'nakatan', 1)).toBe(true);
    expect(withinEdits('nakatani', 'nakatanii', 1)).toBe(true);
    expect(withinEdits('nakatani', 'nkatami', 1)).toBe(false);
    expect(withinEdits('nakatani', 'nkatami', 2)).toBe(true);
    expect(withinEdits('logistics', 'logsitics', 2)).toBe(true);
    expect(withinEdits('india', 'japan', 2)).toBe(false);
  });

  it('agrees with the full Levenshtein distance on random words', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (a, b, k) => {
        expect(withinEdits(a, b, k)).toBe(levenshtein(a, b) <= k);
      }),
      { numRuns: 3000 },
    );
  });
});
