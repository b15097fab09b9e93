import { describe, expect, it } from 'vitest';
import { snapToCodePoints } from './codePoints';

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
