import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from '../model/annotation';
import { snapToCodePoints } from './codePoints';
import { prefixAgreement, suffixAgreement } from './contextAgreement';
import { bridgedCandidates, exactCandidates, fuzzyCandidates, type Candidate } from './quoteCandidates';
import { CONTEXT_LENGTH } from './textQuote';

export interface AnchorSelector {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface AnchorResult {
  status: AnchorStatus;
  /** UTF-16 offsets into the new text; absent when orphaned. */
  start?: number;
  end?: number;
  /** 0..1, how well quote and context match where it was placed (for an orphan: the best rejected place). */
  score: number;
}

/**
 * Thresholds, tuned on generated edits (bench/anchoring/evaluate.ts) for no wrong placements:
 * an orphan costs the analyst a look, a highlight on the wrong words misleads them.
 */
/** Context agreement (see contextAgreement.ts) that still says "same neighbourhood", e.g. one reworded word in 32 characters. */
export const AGREE = 0.6;
/** Context agreement that says "unchanged but for a typo": enough to stand on one side alone. */
export const STRONG = 0.9;
/** Quotes this short match too many places to be found fuzzily; only exact, with context on both sides. */
export const SHORT_QUOTE = 3;
/** A quote found on one side's context alone must be at least this long… */
export const ONE_SIDED_MIN = 5;
/** …or, when it differs from the quote, this long. */
export const ONE_SIDED_FUZZY_MIN = 10;
/** A quote with no context agreeing at all must be this long, and exact and the only occurrence or nearly exact. */
export const ALONE_MIN = 50;
/** How much cheaper (in edits) than the best place elsewhere a weakly supported winner must be. */
export const MARGIN = 4;

export interface Scored extends Candidate {
  prefix: number;
  suffix: number;
  closeness: number;
  /** Edits to the old neighbourhood (quote errors plus disagreeing context characters); ranks candidates. */
  cost: number;
}

export function reanchor(newText: string, selector: AnchorSelector): AnchorResult {
  const quote = selector.quote.exact;
  if (!quote || !newText) return { status: 'orphaned', score: 0 };
  const exact = exactCandidates(newText, quote).map((c) => scored(newText, selector, c));
  const unchanged = exact.filter((c) => c.prefix === 1 && c.suffix === 1).sort(byCost);
  if (unchanged.length > 0) return placed(newText, selector, unchanged[0]!);
  const fuzzy = quote.length <= SHORT_QUOTE ? [] : fuzzyCandidates(newText, selector.quote).map((c) => scored(newText, selector, c));
  const ranked = unique([...exact, ...fuzzy]).sort(byCost);
  const best = ranked[0];
  if (best && confident(newText, best, ranked, quote, exact.length)) return placed(newText, selector, best);
  const bridge = bridgedCandidates(newText, selector.quote).map((c) => scored(newText, selector, c)).sort(byCost)[0];
  if (bridge) return placed(newText, selector, bridge);
  return { status: 'orphaned', score: best ? similarity(best, selector) : 0 };
}

export function scored(text: string, selector: AnchorSelector, c: Candidate): Scored {
  const { start, end } = snapToCodePoints(text, c.start, c.end);
  const prefix = prefixAgreement(text, start, selector.quote.prefix);
  const suffix = suffixAgreement(text, end, selector.quote.suffix);
  const closeness = Math.max(0, 1 - Math.abs(start - selector.position.start) / text.length);
  const quoteErrors = c.kind === 'bridged' ? 0 : c.errors;
  const cost = quoteErrors + CONTEXT_LENGTH * (2 - prefix - suffix);
  return { ...c, start, end, prefix, suffix, closeness, cost };
}

const byCost = (a: Scored, b: Scored) => a.cost - b.cost || b.closeness - a.closeness;

/** The first of candidates with the same span: an exact match found again by the fuzzy search stays exact. */
function unique(candidates: Scored[]): Scored[] {
  const bySpan = new Map<string, Scored>();
  for (const c of candidates) if (!bySpan.has(`${c.start}:${c.end}`)) bySpan.set(`${c.start}:${c.end}`, c);
  return [...bySpan.values()];
}

/**
 * Whether the cheapest candidate is certain enough to place. Two questions: is this the quote's
 * place (evidence from the context on each side, or a long quote that occurs nowhere else), and
 * are the placed edges the quote's edges (an edit at either edge shrinks the surviving words, so a
 * fuzzy span must keep the quote's first and last characters, or have very few edits). A weakly
 * supported winner must also clearly beat the best place elsewhere: a repeated phrase brings its
 * context with it.
 */
function confident(text: string, best: Scored, ranked: Scored[], quote: string, exactCount: number): boolean {
  const n = quote.length;
  const e = best.errors;
  const both = best.prefix >= AGREE && best.suffix >= AGREE;
  const oneStrong = Math.max(best.prefix, best.suffix) >= STRONG;
  let supported: boolean;
  if (n <= SHORT_QUOTE) supported = e === 0 && best.prefix >= STRONG && best.suffix >= STRONG;
  else if (e === 0) supported = both || (oneStrong && n >= ONE_SIDED_MIN) || (n >= ALONE_MIN && exactCount === 1);
  else if (both) supported = e <= Math.floor(n / 5) || (e <= Math.floor(n / 3) && keepsEdge(text, best, quote, 'start', 1) && keepsEdge(text, best, quote, 'end', 1));
  else if (oneStrong) supported = n >= ONE_SIDED_FUZZY_MIN && e <= Math.floor(n / 4) && keepsEdge(text, best, quote, best.prefix >= STRONG ? 'end' : 'start', 2);
  else supported = n >= ALONE_MIN && e <= Math.floor(n / 20) && keepsEdge(text, best, quote, 'start', 2) && keepsEdge(text, best, quote, 'end', 2);
  return supported && clearWinner(best, ranked);
}

/**
 * The placed span begins (or ends) with the quote's own first (last) k characters. An edge that
 * context does not pin down is only as good as the characters there.
 */
function keepsEdge(text: string, c: Scored, quote: string, edge: 'start' | 'end', k: number): boolean {
  return edge === 'start' ? text.slice(c.start, c.start + k) === quote.slice(0, k) : text.slice(c.end - k, c.end) === quote.slice(-k);
}

function clearWinner(best: Scored, ranked: Scored[]): boolean {
  const rival = ranked.find((c) => c !== best && (c.end <= best.start || c.start >= best.end));
  return !rival || rival.cost >= best.cost + MARGIN;
}

function placed(text: string, selector: AnchorSelector, c: Scored): AnchorResult {
  const same = text.slice(c.start, c.end) === selector.quote.exact;
  const status = same && c.prefix >= STRONG && c.suffix >= STRONG ? 'anchored' : 'drifted';
  return { status, start: c.start, end: c.end, score: similarity(c, selector) };
}

/** Hypothesis's weighting: the quote counts most, each side of context less, position only breaks ties. */
function similarity(c: Scored, selector: AnchorSelector): number {
  const n = selector.quote.exact.length;
  const quote = 1 - Math.min(n, c.errors) / Math.max(n, c.end - c.start);
  return (50 * quote + 20 * c.prefix + 20 * c.suffix + 2 * c.closeness) / 92;
}
