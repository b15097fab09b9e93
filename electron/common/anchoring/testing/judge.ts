import type { Span } from './newsText';

export type Verdict = 'right' | 'wrong' | 'orphaned';

/**
 * The project's measure ("How we measure" in CONVENTIONS.md): a placement is right when it overlaps
 * the true span by at least 80% of the longer of the two, so neither a sliver inside the quote nor
 * a placement swallowing its neighbours counts. Placing a quote whose words are gone is wrong.
 */
export function judge(truth: Span | null, placed: Span | null): Verdict {
  if (placed === null) return 'orphaned';
  if (truth === null) return 'wrong';
  const shared = Math.min(truth.end, placed.end) - Math.max(truth.start, placed.start);
  const longer = Math.max(truth.end - truth.start, placed.end - placed.start);
  return shared >= 0.8 * longer ? 'right' : 'wrong';
}
