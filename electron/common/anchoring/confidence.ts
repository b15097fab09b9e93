import search from 'approx-string-match';
import type { TextQuoteSelector } from '../model/annotation';
import { agreementAfter, agreementBefore, contextEdits, keptAcrossCut, sentenceKeptAfter, sentenceKeptBefore, sentenceStartsAt } from './contextAgreement';
import { BRIDGE_EDGE, MAX_INSERTION } from './quoteCandidates';
import type { ScoredCandidate } from './scoredCandidate';

/**
 * When the cheapest candidate is certain enough to place. Thresholds are tuned on generated edits
 * (bench/anchoring/evaluate.ts) for no wrong placements: an orphan costs the analyst a look, a
 * highlight on the wrong words misleads them. Agreements are those of contextAgreement.ts (1 =
 * exactly as stored), edits are characters.
 */

/** Context agreement that still says "same neighbourhood", e.g. one reworded word in 32 characters. */
const AGREE = 0.6;
/** Context found again elsewhere with this agreement still counts as surviving… */
const SURVIVES = 0.75;
/** …as does its far half within this many characters of the quote. */
const NEAR = 64;
/** Context agreement that says "unchanged but for a typo": enough to stand on one side alone, and what a quote under 10 characters needs on both. */
export const STRONG = 0.9;
/** The other side of a strong one, partly kept (a reworded word next to the quote). */
const PARTIAL = 0.45;
/** Quotes this short match too many places to be found fuzzily: exact, and at most one edit of context. */
export const SHORT_QUOTE = 3;
/** Shortest quote placed on one side's context: exact… */
const ONE_SIDED_MIN = 5;
/** …or differing from the quote. */
const ONE_SIDED_FUZZY_MIN = 10;
/**
 * From this length a quote carries evidence of its own: it may be reworded (see reworded), and on
 * one side's context, if it occurs nowhere else, needs no further sign that its other side moved
 * rather than went (see oneSided).
 */
const LONG_QUOTE = 20;
/** Shortest quote placed with no context agreeing: the only exact occurrence, or nearly exact. */
const ALONE_MIN = 50;
/** Characters of the quote checked at an edge no context pins. */
const EDGE_CHECK = 8;
/** How much better than every rival place a side's context must agree to count. */
const DISTINCT = 0.25;
/** Characters of context and of quote on either side of the place they meet, checked for being a stock phrase. */
const JUNCTION_CONTEXT = 16;
const JUNCTION_QUOTE = 8;
/** …found again with at most this many edits: a copy with a typo is still the same phrase. */
const JUNCTION_SLACK = 1;
/** Longest quote checked for having been cut out where it was (longer ones are their own evidence)… */
const CLOSED_UP_MAX = 64;
/** …and the edits allowed where prefix and suffix now meet (a space dropped with the quote, say). */
const CLOSED_UP_SLACK = 2;
/** How much cheaper (in edits) than the best place elsewhere the winner must be. */
const MARGIN = 8;

export interface Competition {
  text: string;
  quote: TextQuoteSelector;
  /** Every candidate, cheapest first. */
  ranked: ScoredCandidate[];
  /** How often the quote occurs verbatim in the new text. */
  exactCount: number;
}

/** What a placement rests on: context on both sides, on one, or a long quote alone; null if not enough. */
export type Support = 'both sides' | 'one side' | 'alone' | null;

/**
 * Two questions: is this the quote's place, and are the placed edges the quote's edges. The place
 * needs evidence from the context on both sides, or on one side together with a distinct quote, or
 * a long quote found nowhere else. An edge that no context pins is only as good as the quote's own
 * characters there: a fuzzy match happily ends inside a neighbouring sentence that shares the
 * quote's last word.
 */
export function support(best: ScoredCandidate, k: Competition): Support {
  const n = k.quote.exact.length;
  const e = best.errors;
  const rivals = k.ranked.filter((c) => c.end <= best.start || c.start >= best.end);
  const p = discriminating(best.prefix, rivals.map((c) => c.prefix));
  const s = discriminating(best.suffix, rivals.map((c) => c.suffix));
  if (!clearWinner(best, k.ranked)) return null;
  if (n <= SHORT_QUOTE) return e === 0 && contextEdits(best.prefix, k.quote.prefix) + contextEdits(best.suffix, k.quote.suffix) <= 1 ? 'both sides' : null;
  if (Math.min(p, s) >= (n < 10 ? STRONG : AGREE)) return bothSides(best, k) ? 'both sides' : null;
  if (Math.max(p, s) >= STRONG) return oneSided(best, k, p >= s, Math.min(p, s)) && !closedUp(k.text, k.quote) ? 'one side' : null;
  // A paragraph that moved whole also leaves its old neighbours closed up, so that test is not for here.
  return alone(best, k) || sameSentences(best, k) ? 'alone' : null;
}

/**
 * Context agreeing on both sides. The quote may have changed by typos or a reworded word, its
 * edges where the context agrees only partly not sliding into a neighbouring word. A short quote
 * that neither side agrees with strongly needs each side's agreement to run out from the quote,
 * to where its sentence ends or across a few cut words: a stock phrase a few words off agrees
 * about as well next to any copy of the quote.
 */
function bothSides(best: ScoredCandidate, k: Competition): boolean {
  const n = k.quote.exact.length;
  if (best.errors > Math.floor(n / 5) && !pinnedTypos(best, k) && !reworded(best, k)) return false;
  if (!pinnedEdges(best, k)) return false;
  if (n < LONG_QUOTE && Math.max(best.prefix, best.suffix) < STRONG && !(sideKept(best, k, 'prefix') && sideKept(best, k, 'suffix'))) return false;
  return !closedUp(k.text, k.quote);
}

/**
 * An edge whose context agrees only partly is not pinned by it, and a changed quote's edge may have
 * slid into a lookalike word of the text beside it: it must not cut into a word where the quote did not.
 */
function pinnedEdges(best: ScoredCandidate, k: Competition): boolean {
  if (best.errors === 0) return true;
  return (best.prefix >= STRONG || keepsWords(best, k, 'start')) && (best.suffix >= STRONG || keepsWords(best, k, 'end'));
}

/**
 * A quote with a few typos held in place by context on both sides: unchanged but for a typo, if
 * the quote is short, or exactly as stored, if not. The span is what lies between, so it is right
 * unless the edits ate its edges.
 */
function pinnedTypos(best: ScoredCandidate, k: Competition): boolean {
  const exactContext = best.prefix === 1 && best.suffix === 1;
  if (!exactContext && (k.quote.exact.length >= LONG_QUOTE || best.prefix < STRONG || best.suffix < STRONG)) return false;
  return keepsEnds(best, k);
}

/**
 * A quote under ONE_SIDED_FUZZY_MIN characters with a typo, one side unchanged and the other
 * standing as stored up to where the quote's sentence ends (a sentence beside it came or went):
 * pinned at both edges as in pinnedTypos, which is all that lets so short a changed quote be placed.
 */
function shortPinned(best: ScoredCandidate, k: Competition, prefixSide: boolean): boolean {
  const { exact: quote, prefix, suffix } = k.quote;
  if ((prefixSide ? best.prefix : best.suffix) < STRONG) return false;
  const kept = prefixSide ? sentenceKeptAfter(k.text, best.end, quote, suffix) : sentenceKeptBefore(k.text, best.start, prefix);
  return kept !== null && keepsEnds(best, k);
}

/**
 * Up to a third of the quote edited, and the span still opens with the quote's first or second
 * character (a deleted first letter is fine) and closes likewise.
 */
function keepsEnds(best: ScoredCandidate, k: Competition): boolean {
  const quote = k.quote.exact;
  if (best.errors > Math.floor(quote.length / 3)) return false;
  const first = k.text[best.start];
  const last = k.text[best.end - 1];
  return (first === quote[0] || first === quote[1]) && (last === quote.at(-1) || last === quote.at(-2));
}

/**
 * A longer quote with a word or two reworded inside, both ends intact: up to a quarter edited, or
 * a third (a short word replaced by a long one) when the context on both sides is exactly as it was.
 */
function reworded(best: ScoredCandidate, k: Competition): boolean {
  const quote = k.quote.exact;
  const exactContext = best.prefix === 1 && best.suffix === 1;
  if (quote.length < LONG_QUOTE || best.errors > Math.floor(quote.length / (exactContext ? 3 : 4))) return false;
  return keepsEdge(k.text, best, quote, 'start', EDGE_CHECK) && keepsEdge(k.text, best, quote, 'end', EDGE_CHECK);
}

/**
 * Context on one side only (the other rewritten, or the quote moved to a paragraph's edge). That
 * side must not point elsewhere too: not to another match of the quote (sidesDisagree), nor to a
 * passage inserted inside the quote (splitReading), nor as a stock phrase that brings its
 * neighbour words with it (junctionRecurs). A quote that occurs elsewhere needs that side intact,
 * since stock neighbours nearly match anywhere. A short, changed or recurring quote needs one more
 * sign, unless its other side partly agrees: the context there still stands beside it as far as
 * it was left alone (sideKept), or still exists somewhere (the quote moved away from it). Context
 * deleted along with the quote means the passage went, and a phrase that happens to stand next to
 * the same words elsewhere proves nothing. The edge away from the agreeing side must not cut into
 * a word.
 */
function oneSided(best: ScoredCandidate, k: Competition, prefixSide: boolean, weak: number): boolean {
  const quote = k.quote.exact;
  const n = quote.length;
  const e = best.errors;
  if (sidesDisagree(best, k, prefixSide) || splitReading(best, k, prefixSide) || junctionRecurs(best, k, prefixSide)) return false;
  if (k.exactCount > (e === 0 ? 1 : 0) && Math.max(best.prefix, best.suffix) < 1) return false;
  const lostSide = prefixSide ? 'suffix' : 'prefix';
  if ((e > 0 || n < LONG_QUOTE || k.exactCount > 1) && weak < PARTIAL && !sideKept(best, k, lostSide) && !lostSideSurvives(best, k, lostSide)) return false;
  const looseEdge = prefixSide ? 'end' : 'start';
  if (!keepsWords(best, k, looseEdge)) return false;
  if (e === 0) return n >= ONE_SIDED_MIN;
  if (n < ONE_SIDED_FUZZY_MIN) return n >= ONE_SIDED_MIN && shortPinned(best, k, prefixSide);
  const allowed = weak >= PARTIAL ? Math.floor(n / 4) : Math.max(1, Math.floor(n / 10));
  return e <= allowed && keepsEdge(k.text, best, quote, looseEdge, EDGE_CHECK);
}

/**
 * Each side of the context votes for a place. When the other side stands intact next to another
 * plausible match of the quote, the votes split: the quote may have moved there (with a typo) and
 * this is a lookalike that kept the old neighbour.
 */
function sidesDisagree(best: ScoredCandidate, k: Competition, prefixSide: boolean): boolean {
  const plausible = Math.floor(k.quote.exact.length / 4);
  return k.ranked.some((c) => (c.end <= best.start || c.start >= best.end) && c.errors <= plausible && (prefixSide ? c.suffix : c.prefix) >= STRONG);
}

/**
 * The other side's context stands whole a little further on, beyond a run of whole sentences that
 * ends (starts) with the quote's own words from one of its sentence boundaries on (up to it): the
 * same text reads as those sentences inserted inside the quote, the quote running on past them to
 * that context. Which of the two happened is a guess ("…government. Earlier| this year, …
 * inflation. Earlier this year, cooperation…").
 */
function splitReading(best: ScoredCandidate, k: Competition, prefixSide: boolean): boolean {
  const { text } = k;
  const { exact: quote, prefix, suffix } = k.quote;
  const reach = Math.max(2 * quote.length, MAX_INSERTION);
  if ((prefixSide ? suffix : prefix).length < BRIDGE_EDGE) return false;
  for (let h = 1; h < quote.length; h++) {
    if (!sentenceStartsAt(quote, h, false)) continue;
    if (prefixSide) {
      const from = best.start + h;
      const at = text.indexOf(quote.slice(h) + suffix, from + 1);
      if (at !== -1 && at - from <= reach && sentenceStartsAt(text, at, true)) return true;
    } else {
      const to = best.start + h;
      const needle = prefix + quote.slice(0, h);
      const at = text.lastIndexOf(needle, to - needle.length - 1);
      if (at !== -1 && to - (at + needle.length) <= reach && sentenceStartsAt(text, to, true)) return true;
    }
  }
  return false;
}

/**
 * Where the quote meets its agreeing context ("…rding to| officials famil…"), the words may be a
 * stock phrase that recurs in the text, if only with a typo; then that context says little about
 * this place. An exact quote whose whole self and context recur is simply ambiguous; a changed
 * quote is then believed only if long enough to be evidence on its own. Context cut short by the
 * text's edge is distinct.
 */
function junctionRecurs(best: ScoredCandidate, k: Competition, prefixSide: boolean): boolean {
  const { exact: quote, prefix, suffix } = k.quote;
  const context = prefixSide ? prefix : suffix;
  if (context.length < JUNCTION_CONTEXT || (best.errors > 0 && quote.length >= LONG_QUOTE)) return false;
  const inQuote = best.errors === 0 ? quote.length : JUNCTION_QUOTE;
  const junction = prefixSide ? prefix.slice(-JUNCTION_CONTEXT) + quote.slice(0, inQuote) : quote.slice(-inQuote) + suffix.slice(0, JUNCTION_CONTEXT);
  const own = prefixSide ? best.start - JUNCTION_CONTEXT : best.end - Math.min(inQuote, quote.length);
  for (let i = k.text.indexOf(junction); i !== -1; i = k.text.indexOf(junction, i + 1)) if (i !== own) return true;
  // The search reports only the cheapest matches, so the text is searched on either side of this one.
  return search(k.text.slice(0, Math.max(0, own)), junction, JUNCTION_SLACK).length > 0 || search(k.text.slice(own + junction.length), junction, JUNCTION_SLACK).length > 0;
}

/** No context agrees (a whole paragraph moved): the quote must be long, and the only one of its kind. */
function alone(best: ScoredCandidate, k: Competition): boolean {
  const quote = k.quote.exact;
  const n = quote.length;
  if (n < ALONE_MIN || best.errors > Math.floor(n / 20) || k.exactCount !== (best.errors === 0 ? 1 : 0)) return false;
  return keepsEdge(k.text, best, quote, 'start', EDGE_CHECK) && keepsEdge(k.text, best, quote, 'end', EDGE_CHECK) && keepsWords(best, k, 'start') && keepsWords(best, k, 'end');
}

/**
 * No context agrees beyond the quote's own sentences (its paragraph moved, a sentence beside it
 * came or went), but on both sides they stand as they were up to where they end, and end there: the
 * quote, found nowhere else and changed by no more than typos, in the same sentences. What so
 * matches must be long enough to be distinctive, as a short sentence may recur word for word.
 */
function sameSentences(best: ScoredCandidate, k: Competition): boolean {
  const { exact: quote, prefix, suffix } = k.quote;
  const e = best.errors;
  if (k.exactCount !== (e === 0 ? 1 : 0) || e > Math.floor(quote.length / 10)) return false;
  const before = sentenceKeptBefore(k.text, best.start, prefix);
  const after = sentenceKeptAfter(k.text, best.end, quote, suffix);
  if (before === null || after === null || before + quote.length + after < LONG_QUOTE) return false;
  return keepsEdge(k.text, best, quote, 'start', EDGE_CHECK) && keepsEdge(k.text, best, quote, 'end', EDGE_CHECK);
}

/**
 * A quote that began (ended) at a word boundary must not be placed cutting into a word: "…with the
 * talks for" is not found in "…with the talks forces".
 */
function keepsWords(best: ScoredCandidate, k: Competition, edge: 'start' | 'end'): boolean {
  const { exact: quote, prefix, suffix } = k.quote;
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  if (edge === 'start') return !wordChar(quote[0]) || wordChar(prefix.at(-1)) || !wordChar(k.text[best.start - 1]);
  return !wordChar(quote.at(-1)) || wordChar(suffix[0]) || !wordChar(k.text[best.end]);
}

/** The placed span opens (or closes) with the quote's first (last) k characters, give or take one edit when k > 1. */
function keepsEdge(text: string, c: ScoredCandidate, quote: string, edge: 'start' | 'end', k: number): boolean {
  const expected = edge === 'start' ? quote.slice(0, k) : quote.slice(-k);
  const agreement = edge === 'start' ? agreementAfter(text, c.start, expected) : agreementBefore(text, c.end, expected);
  return agreement >= 1 - (k > 1 ? 1 : 0) / expected.length;
}

/** Ahead of the best place that does not overlap it by MARGIN edits; equal places are a coin toss, not a placement. */
function clearWinner(best: ScoredCandidate, ranked: ScoredCandidate[]): boolean {
  const rival = ranked.find((c) => c !== best && (c.end <= best.start || c.start >= best.end));
  return !rival || rival.cost >= best.cost + MARGIN;
}

/**
 * The old prefix is now followed directly by the old suffix: the quote was cut out right there,
 * and a copy of it elsewhere, or the same words doubled beside the cut ("government government"),
 * is some other passage. Searched as one pattern, because a stock prefix alone matches in many
 * places; and the quote must not fit there just as well, since a quote can open like its suffix
 * ("according to officials" twice in a row).
 */
function closedUp(text: string, q: TextQuoteSelector): boolean {
  const n = q.exact.length;
  if (n > CLOSED_UP_MAX || q.prefix.length < EDGE_CHECK || q.suffix.length < EDGE_CHECK) return false;
  return search(text, q.prefix + q.suffix, CLOSED_UP_SLACK).some((m) => {
    const seam = m.end - q.suffix.length;
    return editsAfter(text, seam, q.exact + q.suffix) >= editsAfter(text, seam, q.suffix) + n / 2;
  });
}

const editsAfter = (text: string, at: number, expected: string) => Math.round((1 - agreementAfter(text, at, expected)) * expected.length);

/**
 * A side's agreement counts only if the other places the quote could be agree clearly less there:
 * around a stock phrase ("according to officials familiar with the talks") every copy agrees, and
 * that is no evidence for this one.
 */
function discriminating(agreement: number, rivals: number[]): number {
  return agreement - Math.max(0, ...rivals) >= DISTINCT ? agreement : 0;
}

/**
 * A side's context stands beside the candidate where it was not edited: up to where the quote's
 * sentence ends (starts), the next one being new, gone or moved away; or but for a few words cut
 * next to the quote. Agreement so explained is about this place; partial agreement that is not
 * may come from a stock phrase a few words off.
 */
function sideKept(best: ScoredCandidate, k: Competition, side: 'prefix' | 'suffix'): boolean {
  const { exact: quote, prefix, suffix } = k.quote;
  if (side === 'suffix') return sentenceKeptAfter(k.text, best.end, quote, suffix) !== null || keptAcrossCut(k.text, best.end, suffix, 'suffix', EDGE_CHECK);
  return sentenceKeptBefore(k.text, best.start, prefix) !== null || keptAcrossCut(k.text, best.start, prefix, 'prefix', EDGE_CHECK);
}

/**
 * The context on the side that no longer agrees is still in the text: whole, in one place (the
 * quote moved away from it, or a sentence came between), or its far half just beyond the candidate
 * (the words next to the quote were cut). Found in several places, it is a stock phrase, whose
 * surviving says nothing.
 */
function lostSideSurvives(best: ScoredCandidate, k: Competition, side: 'prefix' | 'suffix'): boolean {
  const context = side === 'suffix' ? k.quote.suffix : k.quote.prefix;
  if (context.length < EDGE_CHECK) return false;
  const found = search(k.text, context, Math.floor(context.length * (1 - SURVIVES)));
  if (found.length > 0 && found.every((m) => Math.abs(m.start - found[0]!.start) < context.length)) return true;
  const farHalf = side === 'suffix' ? context.slice(context.length / 2) : context.slice(0, context.length / 2);
  const beyond = side === 'suffix' ? k.text.slice(best.end, best.end + NEAR) : k.text.slice(Math.max(0, best.start - NEAR), best.start);
  return search(beyond, farHalf, 1).length > 0;
}
