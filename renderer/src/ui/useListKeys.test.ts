import { describe, expect, it } from 'vitest';
import { keyMove } from './useListKeys';

describe('keyboard movement in a list', () => {
  it('moves one row, a page, or to either end, and stops at the ends', () => {
    expect(keyMove('ArrowDown', 3, 10)).toBe(4);
    expect(keyMove('ArrowUp', 0, 10)).toBe(0);
    expect(keyMove('PageDown', 5, 10)).toBe(9);
    expect(keyMove('PageUp', 5, 10)).toBe(0);
    expect(keyMove('Home', 5, 10)).toBe(0);
    expect(keyMove('End', 5, 10)).toBe(9);
  });

  it('ignores other keys, and any key in an empty list', () => {
    expect(keyMove('Enter', 3, 10)).toBeNull();
    expect(keyMove('a', 3, 10)).toBeNull();
    expect(keyMove('ArrowDown', 0, 0)).toBeNull();
  });
});
