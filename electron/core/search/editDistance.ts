/**
 * Whether `a` and `b` are within `max` edits (insert, delete, substitute) of each other, by the
 * classic dynamic programme limited to a diagonal band of width 2·max+1, stopping as soon as no
 * cell of a row is within reach. Typo tolerance runs it over a vocabulary of tens of thousands of
 * terms per query, so it allocates nothing per call.
 */
const row = new Int32Array(64);
const prev = new Int32Array(64);

export function withinEdits(a: string, b: string, max: number): boolean {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return false;
  if (n + 1 > row.length || m + 1 > row.length) return false;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    row[0] = i;
    if (from > 1) row[from - 1] = max + 1;
    let best = i <= max ? i : max + 1;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let v = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      const ins = row[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      row[j] = v;
      if (v < best) best = v;
    }
    if (to < m) row[to + 1] = max + 1;
    if (best > max) return false;
    for (let j = Math.max(0, from - 1); j <= Math.min(m, to + 1); j++) prev[j] = row[j]!;
  }
  return prev[m]! <= max;
}
