/**
 * Fuzzy matching for the command palette: the letters typed must appear in order in the name
 * ("olc" finds "Open the link chart"). Among the ways they can line up, the best one is scored:
 * a match at the start of the name or of a word, and letters that follow each other, count most,
 * so typing the first letters of words or the start of a word ranks those names first.
 *
 * Names are short (a command title), so the alignment is found exactly (dynamic programming over
 * query × name), not greedily: "chart" in "Open the link chart" lines up with "chart", not with
 * the c of "chart"'s scattered letters elsewhere.
 */

export interface FuzzyMatch {
  score: number;
  /** Indexes into the name (UTF-16) of the letters matched, for marking them. */
  positions: number[];
}

const START_OF_NAME = 10;
const START_OF_WORD = 8;
const CONSECUTIVE = 6;
const LETTER = 1;
/** Per letter skipped between two matched letters. */
const GAP = 0.2;
/** A name that starts with the whole query, as typed. */
const PREFIX = 20;

/** One character, folded: lower case, without accents (one UTF-16 unit in, one out, so positions hold). */
function foldChar(c: string): string {
  const base = c.normalize('NFD')[0] ?? c;
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower : c;
}

function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordStart(name: string, i: number): boolean {
  if (i === 0) return true;
  const prev = name[i - 1]!;
  const here = name[i]!;
  if (!WORD_CHAR.test(prev)) return WORD_CHAR.test(here);
  // camelCase and "PDF2Word" boundaries
  return prev === prev.toLowerCase() && here !== here.toLowerCase();
}

/**
 * How well `query` matches `name`, or null when its letters are not all there in order. Spaces in
 * the query are ignored (they only separate what the user thinks of as words).
 */
export function fuzzyMatch(query: string, name: string): FuzzyMatch | null {
  const q = fold(query.replace(/\s+/g, ''));
  if (q.length === 0) return { score: 0, positions: [] };
  const t = fold(name);
  const m = q.length;
  const n = t.length;
  if (m > n) return null;

  // best[i][j]: the best score with query letter i matched at name position j (−∞ when impossible).
  const NONE = Number.NEGATIVE_INFINITY;
  const best: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let i = 0; i < m; i++) {
    const row = new Float64Array(n).fill(NONE);
    const back = new Int32Array(n).fill(-1);
    // Running best of best[i-1][k] + GAP * k over k < j - 1, for a gap before j.
    let gapBest = NONE;
    let gapFrom = -1;
    for (let j = i; j < n; j++) {
      if (i > 0 && j >= 2) {
        const k = j - 2;
        const candidate = best[i - 1]![k]! + GAP * k;
        if (candidate > gapBest) {
          gapBest = candidate;
          gapFrom = k;
        }
      }
      if (t[j] !== q[i]) continue;
      const own = LETTER + (j === 0 ? START_OF_NAME : isWordStart(name, j) ? START_OF_WORD : 0);
      if (i === 0) {
        // Letters skipped before the first match cost a little too: earlier is better.
        row[j] = own - GAP * j;
        continue;
      }
      const next = best[i - 1]![j - 1]!;
      const adjacent = next === NONE ? NONE : next + CONSECUTIVE;
      const gapped = gapBest === NONE ? NONE : gapBest - GAP * (j - 1);
      if (adjacent === NONE && gapped === NONE) continue;
      if (adjacent >= gapped) {
        row[j] = own + adjacent;
        back[j] = j - 1;
      } else {
        row[j] = own + gapped;
        back[j] = gapFrom;
      }
    }
    best.push(row);
    from.push(back);
  }

  const last = best[m - 1]!;
  let end = -1;
  for (let j = 0; j < n; j++) if (last[j]! > NONE && (end === -1 || last[j]! > last[end]!)) end = j;
  if (end === -1) return null;

  const positions: number[] = new Array<number>(m);
  for (let i = m - 1, j = end; i >= 0; i--) {
    positions[i] = j;
    j = from[i]![j]!;
  }
  let score = last[end]!;
  if (t.startsWith(fold(query.trim()))) score += PREFIX;
  // Of two equal matches, the shorter name is the closer one.
  score -= n / 100;
  return { score, positions };
}

export interface Ranked<T> {
  item: T;
  score: number;
  /** Where the letters matched in the name shown (the first of `names`), or none when only another name matched. */
  positions: number[];
}

/**
 * The items matching `query`, best first. Each item may answer to several names (a title, a
 * menu label, its id): the best-scoring one counts, and the first is the one shown.
 * Ties keep the items' given order.
 */
export function rankByFuzzy<T>(items: readonly T[], query: string, names: (item: T) => readonly string[]): Ranked<T>[] {
  const ranked: (Ranked<T> & { order: number })[] = [];
  for (const [order, item] of items.entries()) {
    let score: number | null = null;
    let positions: number[] = [];
    for (const [k, name] of names(item).entries()) {
      const match = fuzzyMatch(query, name);
      if (!match) continue;
      if (k === 0) positions = match.positions;
      if (score === null || match.score > score) score = match.score;
    }
    if (score !== null) ranked.push({ item, score, positions, order });
  }
  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  return ranked.map(({ item, score, positions }) => ({ item, score, positions }));
}
