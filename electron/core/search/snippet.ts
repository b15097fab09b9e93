import { splitsJoinedLetters, ZWJ } from '../../common/text/joining';
import { graphemeBoundary } from '../../common/text/searchFold';
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
/** How far a cut may move to land after a space or a sentence mark rather than inside a word. */
const EDGE_SLACK = 20;

interface Span {
  start: number;
  end: number;
}

/**
 * The passage around the first match of the first field that has one (a phrase, when the query
 * has one, must stand there in order, or there is no snippet: the document does not match).
 * Phrases are marked where they stand whole, other matched words wherever they stand; marks
 * and the reported offsets cover exactly the matched characters, in any script. `offsetsOf`
 * names the field whose offsets are reported (an article's text). Where a cut or a mark's edge
 * falls inside an Arabic (or other cursive) word, a ZWJ on each side keeps the letters joined.
 */
export function snippetOf(fields: string[], matched: ReadonlySet<string>, phrases: string[][], offsetsOf: number | null): Snippet | null {
  // A run's last character alone (`tail`) only serves one-character queries; phrases skip it.
  const tokenized = fields.map((f) => tokenize(f));
  const sequences = tokenized.map((tokens) => tokens.filter((t) => t.kind !== 'tail'));
  if (phrases.length > 0) {
    const found = phrases.every((phrase) => sequences.some((tokens) => phraseAt(tokens, phrase, 0) !== -1));
    if (!found) return null;
  }
  const inPhrase = new Set(phrases.flat());
  const loose = (t: Token) => matched.has(t.term) && !inPhrase.has(t.term);
  const order = offsetsOf === null ? fields.map((_, i) => i) : [offsetsOf, ...fields.map((_, i) => i).filter((i) => i !== offsetsOf)];
  for (const i of order) {
    const spans = matchSpans(tokenized[i]!, sequences[i]!, phrases, loose);
    const hit = spans[0];
    if (!hit) continue;
    const text = fields[i]!;
    const from = boundaryBefore(text, Math.max(0, hit.start - BEFORE));
    const to = boundaryAfter(text, Math.min(text.length, hit.end + AFTER));
    const marks = spans.filter((s) => s.start >= from && s.end <= to);
    return {
      text: `${from > 0 ? `…${joinAfter(text, from)}` : ''}${marked(text, from, to, marks)}${to < text.length ? `${joinAfter(text, to)}…` : ''}`.replace(/\s+/g, ' '),
      start: i === offsetsOf ? hit.start : null,
      end: i === offsetsOf ? hit.end : null,
    };
  }
  if (phrases.length > 0) return null;
  const text = fields.find((f) => f.trim()) ?? '';
  const to = graphemeBoundary(text, Math.min(text.length, BEFORE + AFTER), 'before');
  return { text: `${escape(text.slice(0, to))}${joinAfter(text, to)}`.replace(/\s+/g, ' '), start: null, end: null };
}

/**
 * Every matched place in a field, in order, overlapping ones merged: each phrase where it stands
 * whole, and each token matched by a word outside the phrases.
 */
function matchSpans(tokens: Token[], sequence: Token[], phrases: string[][], loose: (t: Token) => boolean): Span[] {
  const spans: Span[] = [];
  for (const phrase of phrases) {
    for (let at = phraseAt(sequence, phrase, 0); at !== -1; at = phraseAt(sequence, phrase, at + 1)) {
      spans.push({ start: sequence[at]!.start, end: Math.max(...sequence.slice(at, at + phrase.length).map((t) => t.end)) });
    }
  }
  for (const t of tokens) if (loose(t)) spans.push({ start: t.start, end: t.end });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

function phraseAt(tokens: Token[], phrase: string[], from: number): number {
  outer: for (let i = from; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j]!.term !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

function marked(text: string, from: number, to: number, marks: Span[]): string {
  let out = '';
  let at = from;
  for (const m of marks) {
    // A <mark> is shaped apart from its neighbours (its padding ends the run): joiners on both
    // sides of an edge inside a word keep the letters there in their joined forms.
    const open = joinAfter(text, m.start);
    const close = joinAfter(text, m.end);
    out += `${escape(text.slice(at, m.start))}${open}<mark>${open}${escape(text.slice(m.start, m.end))}${close}</mark>${close}`;
    at = m.end;
  }
  return out + escape(text.slice(at, to));
}

/** A ZWJ where text cut at `at` would tear a cursive word's letters apart, else nothing. */
function joinAfter(text: string, at: number): string {
  return splitsJoinedLetters(text, at) ? ZWJ : '';
}

/** After a space or a sentence mark (。，、 ، too) near the cut, else at a grapheme boundary: never inside a character. */
const EDGE = /[\s。，、；：！？،؛.,;:!?]/u;

function boundaryBefore(text: string, at: number): number {
  if (at === 0) return 0;
  for (let k = at - 1; k >= Math.max(0, at - EDGE_SLACK); k--) if (EDGE.test(text[k]!)) return k + 1;
  return graphemeBoundary(text, at, 'before');
}

function boundaryAfter(text: string, at: number): number {
  if (at >= text.length) return text.length;
  for (let k = at; k < Math.min(text.length, at + EDGE_SLACK); k++) if (EDGE.test(text[k]!)) return /\s/u.test(text[k]!) ? k : k + 1;
  return graphemeBoundary(text, at, 'after');
}

/** Snippets are text with marks: the text itself must never become markup. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
