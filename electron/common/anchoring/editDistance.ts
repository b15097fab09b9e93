/**
 * Levenshtein distance between a and b if it is at most `limit`, else limit + 1. Only a band of
 * 2·limit + 1 diagonals can hold such an alignment (Ukkonen), so a long quote costs
 * O(length · limit), not O(length²).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  let previous = new Int32Array(b.length + 2);
  let current = new Int32Array(b.length + 2);
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 ? Math.min(i, over) : over;
    let best = current[from - 1]!;
    for (let j = from; j <= to; j++) {
      const diagonal = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(diagonal, previous[j]! + 1, current[j - 1]! + 1, over);
      if (current[j]! < best) best = current[j]!;
    }
    // The next row reads one cell past this row's band; it must look unreachable.
    current[to + 1] = over;
    if (best > limit) return over;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
