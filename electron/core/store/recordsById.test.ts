import { describe, expect, it } from 'vitest';
import { findById, indexById, withRecordById } from './recordsById';

describe('records by id', () => {
  it('puts, adds and removes one record without changing the list it came from', () => {
    const first = [{ id: 'a', v: 1 }, { id: 'b', v: 1 }];
    const second = withRecordById(first, 'b', { id: 'b', v: 2 });
    const third = withRecordById(second, 'c', { id: 'c', v: 1 });
    const fourth = withRecordById(third, 'a', null);
    expect(first).toEqual([{ id: 'a', v: 1 }, { id: 'b', v: 1 }]);
    expect(second).toEqual([{ id: 'a', v: 1 }, { id: 'b', v: 2 }]);
    expect(third.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(fourth.map((r) => r.id)).toEqual(['b', 'c']);
    expect(withRecordById(fourth, 'zzz', null)).toBe(fourth);
  });

  it('answers for each version of a list only what that version holds, where it holds it', () => {
    const base = [{ id: 'a' }, { id: 'b' }];
    const withC = withRecordById(base, 'c', { id: 'c' });
    const withD = withRecordById(base, 'd', { id: 'd' });
    expect(indexById(base, 'c')).toBe(-1);
    expect(indexById(withC, 'c')).toBe(2);
    expect(indexById(withD, 'c')).toBe(-1);
    expect(indexById(withD, 'd')).toBe(2);
    // A second branch adding the same id keeps both right.
    const otherC = withRecordById(withD, 'c', { id: 'c' });
    expect(indexById(otherC, 'c')).toBe(3);
    expect(indexById(withC, 'c')).toBe(2);
    const removed = withRecordById(otherC, 'a', null);
    expect(findById(removed, 'c')).toEqual({ id: 'c' });
    expect(indexById(removed, 'c')).toBe(2);
  });
});
