import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrackedText } from './trackedText';

/** The ground truth of the generated re-anchoring tests rests on this bookkeeping. */
describe('TrackedText', () => {
  it('applies edits given in original offsets, whatever came before', () => {
    const t = new TrackedText('abcdefghij');
    t.insert(3, 'XY');
    t.delete(5, 7);
    t.replace(8, 9, 'Z');
    t.move(0, 2, 10);
    const { text, origin } = t.render();
    expect(text).toBe('cXYdehZjab');
    expect([...origin]).toEqual([2, -1, -1, 3, 4, 7, -1, 9, 0, 1]);
  });

  it('inserts before the next surviving character when the target was deleted', () => {
    const t = new TrackedText('abcdef');
    t.delete(2, 4);
    t.insert(3, '+');
    expect(t.render().text).toBe('ab+ef');
  });

  it('keeps every surviving character traceable to where it came from', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(3)), { maxLength: 6 }), (original, edits) => {
        const t = new TrackedText(original);
        for (const [a, b, kind] of edits) {
          const start = a % original.length;
          const end = start + (b % (original.length - start + 1));
          if (kind === 0) t.insert(start, 'ins');
          if (kind === 1) t.delete(start, end);
          if (kind === 2) t.replace(start, end, 'rep');
        }
        const { text, origin } = t.render();
        const kept = [...origin].filter((o) => o >= 0);
        origin.forEach((o, i) => {
          if (o >= 0) expect(text[i]).toBe(original[o]);
        });
        expect(kept).toEqual([...kept].sort((x, y) => x - y));
        expect(new Set(kept).size).toBe(kept.length);
      }),
    );
  });
});
