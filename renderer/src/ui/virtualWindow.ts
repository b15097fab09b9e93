/**
 * The maths of a virtual list: rows of known heights, of which only those in (or near) the
 * viewport are in the DOM. Pure functions, so the window is tested without a browser.
 */

/** Where each row starts, and (last) the height of them all: `offsets[i + 1] - offsets[i]` is row i's height. */
export function rowOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The first row whose bottom is below `y` (rows.length when none is). */
export function rowAt(offsets: readonly number[], y: number): number {
  const count = offsets.length - 1;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid + 1]! > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

/** The rows to render for a viewport at `scrollTop`, with `overscan` more rows on each side. */
export function visibleRows(offsets: readonly number[], scrollTop: number, viewport: number, overscan: number): RowWindow {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(rowAt(offsets, top), count - 1);
  let last = first;
  while (last < count && offsets[last]! < top + Math.max(viewport, 0)) last++;
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(last, first + 1) + overscan) };
}

/** The scroll position that brings row `index` fully into view while moving as little as possible. */
export function revealRow(offsets: readonly number[], index: number, scrollTop: number, viewport: number): number {
  const top = offsets[index];
  const bottom = offsets[index + 1];
  if (top === undefined || bottom === undefined) return scrollTop;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return scrollTop;
}
