import { tokenize, type Token } from './tokenize';

export interface QueryTerm {
  /** The folded term. */
  text: string;
  /** The last word being typed also matches longer words that start with it. */
  prefix: boolean;
  /** Edits allowed: 1 for terms of 5+ characters, 2 for 9+, none inside quotes. */
  typos: 0 | 1 | 2;
}

export interface ParsedQuery {
  /** Every word must match (AND). */
  terms: QueryTerm[];
  /** Words in double quotes, which must also stand in this order in the text. */
  phrases: string[][];
}

export function typosFor(term: string): 0 | 1 | 2 {
  const length = [...term].length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * `nakatani "logistics agreement" navi` → three words, the phrase's two exact and in order, the
 * last word a prefix. A query that ends with a space has no word being typed, so no prefix.
 */
export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const phrases: string[][] = [];
  const quoted = /"([^"]*)"?/g;
  let rest = '';
  let last = 0;
  for (const match of input.matchAll(quoted)) {
    rest += `${input.slice(last, match.index)} `;
    last = match.index! + match[0].length;
    const words = queryTokens(match[1]!).map((t) => t.term);
    if (words.length > 1) phrases.push(words);
    for (const text of words) terms.push({ text, prefix: false, typos: 0 });
  }
  const tail = input.slice(last);
  rest += tail;
  const words = queryTokens(rest);
  const typing = words.length > 0 && tail.length > 0 && !/\s$/.test(tail) && words[words.length - 1]!.end === rest.trimEnd().length;
  for (const chain of chains(words)) {
    // Characters written without spaces are looked for as pairs that must stand in order, exactly.
    if (chain.length > 1) phrases.push(chain.map((t) => t.term));
  }
  words.forEach((t, i) => {
    if (t.kind === 'pair') {
      // One character alone also finds the pairs it starts, whether or not it is being typed.
      terms.push({ text: t.term, prefix: [...t.term].length === 1, typos: 0 });
    } else terms.push({ text: t.term, prefix: typing && i === words.length - 1, typos: typosFor(t.term) });
  });
  return { terms: dedupe(terms), phrases };
}

/** A query's tokens: a run's last character alone is for the index only (it would ask for it to end a run). */
function queryTokens(text: string): Token[] {
  return tokenize(text).filter((t) => t.kind !== 'tail');
}

/** Runs of overlapping pairs: the pairs of one unspaced word. */
function chains(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    const previous = current[current.length - 1];
    if (t.kind === 'pair' && previous && t.start < previous.end) current.push(t);
    else {
      if (current.length > 0) out.push(current);
      current = t.kind === 'pair' ? [t] : [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

function dedupe(terms: QueryTerm[]): QueryTerm[] {
  const seen = new Map<string, QueryTerm>();
  for (const t of terms) {
    const had = seen.get(t.text);
    seen.set(t.text, had ? { text: t.text, prefix: had.prefix || t.prefix, typos: Math.min(had.typos, t.typos) as 0 | 1 | 2 } : t);
  }
  return [...seen.values()];
}
