import { tokenize, type Token } from './tokenize';

export interface Snippet {
  /** A passage with the matched words between <mark> and </mark>; everything else is escaped. */
  text: string;
  /** Where the first match stands in the field named by `offsetsOf` (UTF-16), else null. */
  start: number | null;
  end: number | null;
}

const BEFORE = 60;
const AFTER = 140;

/**
 * The passage around the first matched word of the first field that has one (a phrase, when the
 * query has one, must stand there in order, or there is no snippet: the document does not match).
 * `offsetsOf` names the field whose offsets are reported (an article's text).
 */
export function snippetOf(fields: string[], matched: ReadonlySet<string>, phrases: string[][], offsetsOf: number | null): Snippet | null {
  const tokenized = fields.map((f) => tokenize(f));
  if (phrases.length > 0) {
    const found = phrases.every((phrase) => tokenized.some((tokens) => phraseAt(tokens, phrase) !== -1));
    if (!found) return null;
  }
  const order = offsetsOf === null ? fields.map((_, i) => i) : [offsetsOf, ...fields.map((_, i) => i).filter((i) => i !== offsetsOf)];
  for (const i of order) {
    const tokens = tokenized[i]!;
    let first = -1;
    for (const phrase of phrases) {
      const at = phraseAt(tokens, phrase);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    }
    if (first === -1) first = tokens.findIndex((t) => matched.has(t.term));
    if (first === -1) continue;
    const text = fields[i]!;
    const hit = tokens[first]!;
    const from = boundaryBefore(text, Math.max(0, hit.start - BEFORE));
    const to = boundaryAfter(text, Math.min(text.length, hit.end + AFTER));
    const marks = tokens.filter((t) => t.start >= from && t.end <= to && (matched.has(t.term) || inPhrase(t, tokens, phrases)));
    return {
      text: `${from > 0 ? '…' : ''}${marked(text, from, to, marks)}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' '),
      start: i === offsetsOf ? hit.start : null,
      end: i === offsetsOf ? hit.end : null,
    };
  }
  if (phrases.length > 0) return null;
  const text = fields.find((f) => f.trim()) ?? '';
  return { text: escape(text.slice(0, BEFORE + AFTER)).replace(/\s+/g, ' '), start: null, end: null };
}

function phraseAt(tokens: Token[], phrase: string[]): number {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j]!.term !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

function inPhrase(token: Token, tokens: Token[], phrases: string[][]): boolean {
  return phrases.some((p) => p.includes(token.term)) && tokens.length > 0;
}

function marked(text: string, from: number, to: number, marks: Token[]): string {
  let out = '';
  let at = from;
  for (const m of marks) {
    if (m.start < at) continue;
    out += `${escape(text.slice(at, m.start))}<mark>${escape(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + escape(text.slice(at, to));
}

function boundaryBefore(text: string, at: number): number {
  if (at === 0) return 0;
  const space = text.lastIndexOf(' ', at);
  return space === -1 || at - space > 20 ? at : space + 1;
}

function boundaryAfter(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.indexOf(' ', at);
  return space === -1 || space - at > 20 ? at : space;
}

/** Snippets are text with marks: the text itself must never become markup. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
