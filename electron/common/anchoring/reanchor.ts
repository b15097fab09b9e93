import type { AnchorStatus } from '../model/annotation';
import { SHORT_QUOTE, STRONG, support } from './confidence';
import { contextUnchanged } from './contextAgreement';
import { bridgedCandidates, fuzzyCandidates, TextSearches, type Candidate } from './quoteCandidates';
import { byCost, scoreCandidate, similarity, type AnchorSelector, type ScoredCandidate } from './scoredCandidate';

export type { AnchorSelector } from './scoredCandidate';

export interface AnchorResult {
  status: AnchorStatus;
  /** UTF-16 offsets into the new text; absent when orphaned. */
  start?: number;
  end?: number;
  /** 0..1, how well quote and context match where it was placed (for an orphan: the best place rejected). */
  score: number;
}

export interface ReanchorOptions {
  /** Searches already run on this same text, to share between calls (as reanchorAll does). */
  searches?: TextSearches;
}

/**
 * Finds an annotation's quote in a new version of its article (the approach of Hypothesis's
 * match-quote: exact first, then approximate, scored by quote, context and position), placing it
 * only when certain.
 *
 * Status: `anchored` when the placed text is the quote and the context on both sides is unchanged
 * but for a typo, wherever that now is (a paragraph added above moves every highlight; nothing for
 * the analyst to check). `drifted` when it is placed with confidence but its words or its
 * surroundings changed: worth a look. `orphaned` when no place is certain; the annotation keeps its
 * old selectors.
 */
export function reanchor(newText: string, selector: AnchorSelector, options: ReanchorOptions = {}): AnchorResult {
  const quote = selector.quote.exact;
  if (!quote || !newText) return { status: 'orphaned', score: 0 };
  const searches = options.searches?.text === newText ? options.searches : new TextSearches(newText);
  const score = (c: Candidate) => scoreCandidate(newText, selector, c);
  const { prefix, suffix } = selector.quote;
  const found = searches.exact(quote);
  const unchanged = found.filter((c) => contextUnchanged(newText, c.start, c.end, prefix, suffix)).map(score).sort(byCost)[0];
  if (unchanged) return placed(newText, selector, unchanged);
  const exact = found.map(score);
  const fuzzy = quote.length <= SHORT_QUOTE ? [] : fuzzyCandidates(searches, selector.quote).map(score);
  const ranked = firstPerSpan([...exact, ...fuzzy]).sort(byCost);
  const best = ranked[0];
  const supported = best ? support(best, { text: newText, quote: selector.quote, ranked, exactCount: exact.length }) : null;
  if (best && (supported === 'both sides' || (supported && best.errors === 0))) return placed(newText, selector, best);
  // Both contexts standing exactly, with the quote's opening and close beside them, outweigh a
  // changed quote held by one side only: that is often its tail after a sentence inserted inside
  // (and all there is when the insertion outgrew the fuzzy search's budget).
  const bridged = bridgedCandidates(newText, selector.quote).map(score).sort(byCost)[0];
  if (bridged) return placed(newText, selector, bridged);
  if (best && supported) return placed(newText, selector, best);
  return { status: 'orphaned', score: best ? similarity(best, quote) : 0 };
}

/** An exact match found again by the fuzzy search stays exact. */
function firstPerSpan(candidates: ScoredCandidate[]): ScoredCandidate[] {
  const bySpan = new Map<string, ScoredCandidate>();
  for (const c of candidates) if (!bySpan.has(`${c.start}:${c.end}`)) bySpan.set(`${c.start}:${c.end}`, c);
  return [...bySpan.values()];
}

function placed(text: string, selector: AnchorSelector, c: ScoredCandidate): AnchorResult {
  const same = text.slice(c.start, c.end) === selector.quote.exact;
  const status = same && c.prefix >= STRONG && c.suffix >= STRONG ? 'anchored' : 'drifted';
  return { status, start: c.start, end: c.end, score: similarity(c, selector.quote.exact) };
}

/**
 * Re-anchors every annotation of an article onto its new text, in order. The annotations share one
 * set of searches of the text, so a quote highlighted many times (a name) is looked for once, and
 * identical selectors are placed once. Most annotations of a re-imported article take the exact
 * path; only quotes whose words or context changed pay for approximate search.
 */
export function reanchorAll(newText: string, selectors: readonly AnchorSelector[]): AnchorResult[] {
  const searches = new TextSearches(newText);
  const done = new Map<string, AnchorResult>();
  return selectors.map((selector) => {
    const { exact, prefix, suffix } = selector.quote;
    const key = JSON.stringify([exact, prefix, suffix, selector.position.start]);
    const result = done.get(key) ?? reanchor(newText, selector, { searches });
    done.set(key, result);
    return { ...result };
  });
}
