import search from 'approx-string-match';
import type { TextQuoteSelector } from '../model/annotation';
import { alignSeam } from './boundaryAlignment';
import { snapToCodePoints } from './codePoints';
import { agreementAfter, agreementBefore, sentenceStartsAt } from './contextAgreement';
import { boundedEditDistance } from './editDistance';

/**
 * A place in the new text where the quote may now be. `errors` is the edit distance between the
 * quote and the text there; for a bridged candidate it is the length of the text inserted inside.
 */
export interface Candidate {
  kind: 'exact' | 'fuzzy' | 'bridged';
  start: number;
  end: number;
  errors: number;
}

/**
 * The searches of one text, remembered by quote. Many annotations can share a quote (every
 * highlighted mention of a name), and one scan of the text serves them all — in particular the
 * approximate one, when the name's spelling changed in the new version.
 */
export class TextSearches {
  private readonly exactByQuote = new Map<string, Candidate[]>();
  private readonly approximateByQuote = new Map<string, Match[]>();

  constructor(readonly text: string) {}

  exact(quote: string): Candidate[] {
    let found = this.exactByQuote.get(quote);
    if (!found) {
      found = indexesOf(this.text, quote).map((start) => ({ kind: 'exact', start, end: start + quote.length, errors: 0 }));
      this.exactByQuote.set(quote, found);
    }
    return found;
  }

  approximate(quote: string): Match[] {
    let found = this.approximateByQuote.get(quote);
    if (!found) {
      found = search(this.text, quote, maxQuoteErrors(quote));
      this.approximateByQuote.set(quote, found);
    }
    return found;
  }
}

type Match = ReturnType<typeof search>[number];

/** As Hypothesis allows: half the quote, capped so long quotes stay fast. */
const maxQuoteErrors = (quote: string) => Math.min(256, Math.floor(quote.length / 2));

/** How much of the quote's edge, with its context, is aligned to settle where a fuzzy match begins or ends. */
const EDGE = 32;

/**
 * Approximate matches of the quote. approx-string-match reports only the cheapest matches in the
 * whole text, so the quote alone can lose its true place to a lookalike one edit closer (a typo
 * fixed here, the same phrase intact there). Searching the quote together with its prefix, and
 * with its suffix, finds the neighbourhood it came from even when one side of it was rewritten;
 * the quote is then looked for inside each region found.
 */
export function fuzzyCandidates(searches: TextSearches, selector: TextQuoteSelector): Candidate[] {
  const { text } = searches;
  const { exact: quote, prefix, suffix } = selector;
  const maxErrors = maxQuoteErrors(quote);
  if (maxErrors === 0) return [];
  const found = [...searches.approximate(quote)];
  for (const withContext of [prefix && prefix + quote, suffix && quote + suffix]) {
    if (!withContext) continue;
    for (const region of merged(search(text, withContext, Math.min(256, Math.floor(withContext.length / 2))))) {
      for (const m of search(text.slice(region.start, region.end), quote, maxErrors)) {
        found.push({ start: region.start + m.start, end: region.start + m.end, errors: m.errors });
      }
    }
  }
  const refined = new Map<string, Candidate>();
  for (const m of found) {
    const c = refine(text, selector, m, maxErrors);
    if (c) refined.set(`${c.start}:${c.end}`, c);
  }
  return [...refined.values()];
}

/**
 * Re-draws a match's edges by aligning the quote's first and last characters together with the
 * stored context (see alignSeam), then counts the quote's edits over the whole re-drawn span.
 */
function refine(text: string, q: TextQuoteSelector, m: { start: number; end: number; errors: number }, maxErrors: number): Candidate | null {
  const slack = m.errors + 8;
  const head = q.exact.slice(0, EDGE);
  const tail = q.exact.slice(-EDGE);
  const start = alignSeam(text, Math.max(0, m.start - q.prefix.length - slack), Math.min(text.length, m.start + head.length + slack), q.prefix, head, 'before');
  const end = alignSeam(text, Math.max(0, m.end - tail.length - slack), Math.min(text.length, m.end + q.suffix.length + slack), tail, q.suffix, 'after');
  const span = snapToCodePoints(text, start, end);
  if (span.end <= span.start) return null;
  const errors = boundedEditDistance(q.exact, text.slice(span.start, span.end), maxErrors);
  return errors > maxErrors ? null : { kind: 'fuzzy', ...span, errors };
}

/**
 * The quote with new text inserted inside it (a sentence added in the middle of a highlighted
 * passage): the old prefix and suffix still stand, the quote's opening runs on from the prefix and
 * its close runs into the suffix. Fuzzy search cannot see this once the insertion outgrows the
 * error budget; exact context on both sides makes it safe to bridge, within limits: the insertion
 * is a few sentences (or up to twice the quote) and stays inside its paragraph unless the quote
 * crossed one, or a prefix left behind by a moved paragraph would be bridged to its new place.
 */
export function bridgedCandidates(text: string, selector: TextQuoteSelector): Candidate[] {
  const { exact: quote, prefix, suffix } = selector;
  if (!prefix || !suffix) return [];
  const out: Candidate[] = [];
  for (const p of indexesOf(text, prefix)) {
    const start = p + prefix.length;
    let run = 0;
    while (run < quote.length && text[start + run] === quote[run]) run++;
    for (const { head, sentences } of splitPoints(quote, run)) {
      const close = text.indexOf(quote.slice(head) + suffix, start + head);
      if (close === -1 || close - (start + head) > Math.max(2 * quote.length, MAX_INSERTION)) continue;
      if (text.slice(start + head, close).includes(PARAGRAPH_BREAK) && !quote.includes(PARAGRAPH_BREAK)) continue;
      if (sentences && !sentenceStartsAt(text, close, true)) continue;
      // The opening found again right before the close (or the close right after the opening), if
      // only roughly: the whole quote stands there, typed or reworded, and only the text beside it
      // began or ended the same way — a sentence added before or after the quote, not inside it.
      if (agreementBefore(text, close, quote.slice(0, head)) >= SAME_WORDS || agreementAfter(text, start + head, quote.slice(head)) >= SAME_WORDS) continue;
      const end = close + quote.length - head;
      out.push({ kind: 'bridged', start, end, errors: end - start - quote.length });
      break;
    }
  }
  return out;
}

/**
 * Where an insertion may have split the quote, given that its first `run` characters stand after
 * the prefix: where that run ends, if BRIDGE_EDGE characters of the quote stand on each side; and
 * at the quote's sentence boundaries within the run, latest first. Whole sentences inserted at a
 * boundary need no characters of the quote to vouch for them, if they end where a sentence starts.
 */
function splitPoints(quote: string, run: number): { head: number; sentences: boolean }[] {
  const out: { head: number; sentences: boolean }[] = [];
  if (run >= BRIDGE_EDGE && quote.length - run >= BRIDGE_EDGE) out.push({ head: run, sentences: false });
  for (let h = Math.min(run, quote.length - 1); h > 0; h--) if (sentenceStartsAt(quote, h, false)) out.push({ head: h, sentences: true });
  return out;
}

const PARAGRAPH_BREAK = '\n\n';
/** Agreement above which two stretches of text are the same words with edits, not different words. */
const SAME_WORDS = 0.6;
export const MAX_INSERTION = 400;
/** Characters of the quote that must stand on each side of the insertion; fewer can be chance (a shared first letter). */
export const BRIDGE_EDGE = 8;

function indexesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Equally cheap matches come in runs of overlapping spans; one search per run is enough. */
function merged(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
