import { describe, expect, it } from 'vitest';
import { judge } from './judge';

describe('judge', () => {
  it('calls a placement right when it overlaps the truth by 80% of the longer span', () => {
    expect(judge({ start: 10, end: 20 }, { start: 10, end: 20 })).toBe('right');
    expect(judge({ start: 10, end: 20 }, { start: 12, end: 20 })).toBe('right');
    expect(judge({ start: 10, end: 20 }, { start: 13, end: 20 })).toBe('wrong');
    expect(judge({ start: 10, end: 20 }, { start: 10, end: 23 })).toBe('wrong');
  });

  it('calls any placement of a removed quote wrong, and an orphan neither', () => {
    expect(judge(null, { start: 0, end: 5 })).toBe('wrong');
    expect(judge(null, null)).toBe('orphaned');
    expect(judge({ start: 0, end: 5 }, null)).toBe('orphaned');
  });
});
