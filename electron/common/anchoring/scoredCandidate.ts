import type { TextPositionSelector, TextQuoteSelector } from '../model/annotation';
import { snapToCodePoints } from './codePoints';
import { prefixAgreement, suffixAgreement } from './contextAgreement';
import type { Candidate } from './quoteCandidates';
import { CONTEXT_LENGTH } from './textQuote';

export interface AnchorSelector {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface ScoredCandidate extends Candidate {
  /** Agreement of the stored prefix and suffix with the text beside the candidate (contextAgreement.ts). */
  prefix: number;
  suffix: number;
  /** 1 at the old start offset, 0 a whole text away. */
  closeness: number;
  /** Edits separating the old neighbourhood from this one: quote errors plus disagreeing context characters. */
  cost: number;
}

export function scoreCandidate(text: string, selector: AnchorSelector, c: Candidate): ScoredCandidate {
  const { start, end } = snapToCodePoints(text, c.start, c.end);
  const prefix = prefixAgreement(text, start, selector.quote.prefix);
  const suffix = suffixAgreement(text, end, selector.quote.suffix);
  const closeness = Math.max(0, 1 - Math.abs(start - selector.position.start) / text.length);
  // Text inserted inside a bridged quote is one edit, not one per character: the neighbourhood held.
  const quoteErrors = c.kind === 'bridged' ? 0 : c.errors;
  const cost = quoteErrors + CONTEXT_LENGTH * (2 - prefix - suffix);
  return { ...c, start, end, prefix, suffix, closeness, cost };
}

/** Cheapest first; position only breaks ties, since the text around may have grown or shrunk. */
export const byCost = (a: ScoredCandidate, b: ScoredCandidate) => a.cost - b.cost || b.closeness - a.closeness;

/** Hypothesis's weighting, as a 0..1 score to report: the quote counts most, each side of context less, position least. */
export function similarity(c: ScoredCandidate, quote: string): number {
  const n = quote.length;
  const quoteSimilarity = 1 - Math.min(n, c.errors) / Math.max(n, c.end - c.start);
  return (50 * quoteSimilarity + 20 * c.prefix + 20 * c.suffix + 2 * c.closeness) / 92;
}
