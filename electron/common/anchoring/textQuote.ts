import type { TextPositionSelector, TextQuoteSelector } from '../model/annotation';

export const CONTEXT_LENGTH = 32;

export function quoteSelectorAt(text: string, start: number, end: number): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

export function positionSelector(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}

/**
 * Characters a person typing a quote cannot be expected to get right: typographic quotes and
 * dashes, and runs of whitespace. Folding them lets `--quote "Ministers' Meeting"` find
 * "Ministers’ Meeting".
 */
function foldChar(c: string): string {
  if (/[\u2018\u2019\u201A\u201B\u2032]/.test(c)) return "'";
  if (/[\u201C\u201D\u201E\u201F\u2033]/.test(c)) return '"';
  if (/[\u2010-\u2015\u2212]/.test(c)) return '-';
  if (/\s/.test(c)) return ' ';
  return c;
}

interface Folded {
  folded: string;
  /** map[i] = offset in the original text of folded[i]; map[folded.length] = original length. */
  map: number[];
}

function fold(text: string): Folded {
  let folded = '';
  const map: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = foldChar(text[i]!);
    if (c === ' ') {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
    folded += c;
    map.push(i);
  }
  map.push(text.length);
  return { folded, map };
}

export interface QuoteMatch {
  start: number;
  end: number;
}

/**
 * Every place the quote occurs: exact matches when there are any, else matches that differ only in
 * typographic quotes, dashes or whitespace.
 */
export function findQuote(text: string, quote: string): QuoteMatch[] {
  const q = quote.normalize('NFC');
  if (!q.trim()) return [];
  const exact = allIndexes(text, q).map((start) => ({ start, end: start + q.length }));
  if (exact.length > 0) return exact;
  const t = fold(text);
  const fq = fold(q.trim()).folded;
  return allIndexes(t.folded, fq).map((i) => ({ start: t.map[i]!, end: t.map[i + fq.length - 1]! + 1 }));
}

function allIndexes(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}
