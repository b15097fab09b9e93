import { describe, expect, it } from 'vitest';
import { revealRow, rowAt, rowOffsets, visibleRows } from './virtualWindow';

const even = rowOffsets(new Array(10_000).fill(60));

describe('the virtual window', () => {
  it('adds heights into row offsets', () => {
    expect(rowOffsets([30, 60, 60])).toEqual([0, 30, 90, 150]);
    expect(rowOffsets([])).toEqual([0]);
    expect(even.at(-1)).toBe(600_000);
  });

  it('finds the row under a position', () => {
    const offsets = rowOffsets([30, 60, 60]);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 29)).toBe(0);
    expect(rowAt(offsets, 30)).toBe(1);
    expect(rowAt(offsets, 149)).toBe(2);
    expect(rowAt(offsets, 150)).toBe(3);
  });

  it('renders the rows in view plus the overscan, and no more', () => {
    expect(visibleRows(even, 0, 600, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRows(even, 6_000, 600, 5)).toEqual({ start: 95, end: 115 });
    // Half a row showing at each edge.
    expect(visibleRows(even, 6_030, 600, 0)).toEqual({ start: 100, end: 111 });
    const { start, end } = visibleRows(even, 300_000, 900, 8);
    expect(end - start).toBeLessThan(40);
  });

  it('stays inside the list at its ends', () => {
    expect(visibleRows(even, 599_400, 600, 5)).toEqual({ start: 9_985, end: 10_000 });
    expect(visibleRows(even, 10_000_000, 600, 5)).toEqual({ start: 9_994, end: 10_000 });
    expect(visibleRows(even, -50, 600, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRows(rowOffsets([]), 0, 600, 5)).toEqual({ start: 0, end: 0 });
    expect(visibleRows(rowOffsets([40, 40]), 0, 600, 5)).toEqual({ start: 0, end: 2 });
  });

  it('handles rows of different heights (group headings between results)', () => {
    const offsets = rowOffsets([32, 80, 80, 32, 80]);
    expect(visibleRows(offsets, 100, 60, 0)).toEqual({ start: 1, end: 3 });
    expect(visibleRows(offsets, 192, 10, 0)).toEqual({ start: 3, end: 4 });
  });

  it('scrolls as little as needed to show a row', () => {
    expect(revealRow(even, 0, 0, 600)).toBe(0);
    expect(revealRow(even, 12, 0, 600)).toBe(180);
    expect(revealRow(even, 3, 600, 600)).toBe(180);
    expect(revealRow(even, 12, 400, 600)).toBe(400);
    expect(revealRow(even, 99_999, 0, 600)).toBe(0);
  });
});
