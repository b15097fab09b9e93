/**
 * Where the seam between `before` and `after` falls in text[from, to), when before + after is
 * aligned to that stretch with the fewest edits (free to start and end anywhere in it).
 *
 * A fuzzy match's edges are where the quote's weakest evidence is: approx-string-match picks, among
 * equally cheap starts, the longest match, which can swallow a word of context or drop a reworded
 * first word. Aligning the stored context together with the quote's first (or last) characters puts
 * the edge where both agree. Text inserted exactly at the seam goes to the `outside` side, which is
 * the context: it was never part of the quote.
 */
export function alignSeam(text: string, from: number, to: number, before: string, after: string, outside: 'before' | 'after'): number {
  const pattern = before + after;
  const m = pattern.length;
  const n = to - from;
  const width = n + 1;
  const cost = new Int32Array((m + 1) * width);
  for (let i = 1; i <= m; i++) {
    cost[i * width] = i;
    for (let j = 1; j <= n; j++) {
      const diagonal = cost[(i - 1) * width + j - 1]! + (pattern.charCodeAt(i - 1) === text.charCodeAt(from + j - 1) ? 0 : 1);
      cost[i * width + j] = Math.min(diagonal, cost[(i - 1) * width + j]! + 1, cost[i * width + j - 1]! + 1);
    }
  }
  let j = 0;
  for (let k = 1; k <= n; k++) if (cost[m * width + k]! < cost[m * width + j]!) j = k;
  // Walk the cheapest path back, noting the columns where it crosses the seam row: the first one
  // seen is the seam's right end, the last one its left end.
  const seam = before.length;
  let right = -1;
  let left = -1;
  for (let i = m; ; ) {
    if (i === seam) {
      if (right === -1) right = j;
      left = j;
    }
    if (i === 0) break;
    const here = cost[i * width + j]!;
    if (j > 0 && here === cost[(i - 1) * width + j - 1]! + (pattern.charCodeAt(i - 1) === text.charCodeAt(from + j - 1) ? 0 : 1)) {
      i--;
      j--;
    } else if (here === cost[(i - 1) * width + j]! + 1) {
      i--;
    } else {
      j--;
    }
  }
  return from + (outside === 'before' ? right : left);
}
