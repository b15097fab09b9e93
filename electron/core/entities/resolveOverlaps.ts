import { SOURCE_RANK, type Candidate } from './types';

/**
 * Keeps non-overlapping mentions: the longest span wins ("ASEAN Defence Ministers’ Meeting-Plus"
 * over "ASEAN"), then the more trusted source, then the earlier start, so the result is the same
 * whatever order the stages produced their candidates in. Blockers (titles) win only against
 * pattern-or-weaker mentions lying wholly inside them, and are dropped from the result.
 */
export function resolveOverlaps(candidates: readonly Candidate[], textLength: number): { kept: Candidate[]; blocked: Candidate[] } {
  const real = candidates.filter((c) => !c.blocker && c.end > c.start);
  const blockers = candidates.filter((c) => c.blocker);
  const ordered = [...real].sort(
    (x, y) =>
      y.end - y.start - (x.end - x.start) ||
      SOURCE_RANK[y.source] - SOURCE_RANK[x.source] ||
      x.start - y.start ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  const taken = new Uint8Array(textLength);
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (isTaken(taken, c.start, c.end)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  // blockerEnd[i]: the furthest end of a blocker covering character i (0 when none).
  const blockerEnd = new Int32Array(textLength);
  for (const b of blockers) for (let i = b.start; i < b.end; i++) blockerEnd[i] = Math.max(blockerEnd[i]!, b.end);
  const strong = (c: Candidate): boolean => SOURCE_RANK[c.source] > SOURCE_RANK.pattern;
  const insideBlocker = (c: Candidate): boolean => blockerEnd[c.start]! >= c.end && blockers.some((b) => b.start <= c.start && c.end <= b.end);
  const survivors = kept.filter((c) => strong(c) || c.type === 'person' || !insideBlocker(c));
  const used = new Uint8Array(textLength);
  for (const c of survivors) used.fill(1, c.start, c.end);
  const blocked = blockers.filter((b) => !isTaken(used, b.start, b.end));
  survivors.sort((x, y) => x.start - y.start);
  return { kept: survivors, blocked };
}

function isTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return true;
  return false;
}
