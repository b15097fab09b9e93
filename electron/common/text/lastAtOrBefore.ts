/**
 * The index of the last value of `sorted` (ascending) that is at most `value`; 0 when none is (the
 * first paragraph holds an offset before every start). Binary search: a long article has
 * thousands of paragraphs.
 */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
