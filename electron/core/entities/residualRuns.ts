import { isNameParticle, isNameToken, isOrdinaryAt, type Analysis } from './analysis';
import { HEAD_FINAL } from './patternWords';
import { joinable } from './tokenize';
import { TITLE_HEADS, TITLE_MODIFIERS } from './titleWords';

/**
 * Capitalised runs that no dictionary, pattern or title explained: the raw material for
 * coreference, name lexicons and compromise. Runs never include sentence-initial ordinary words
 * ("Analysts", "Meanwhile"), dates ("Monday"), or bare titles ("Defence Ministers").
 */
export interface Run {
  from: number;
  to: number;
}

const CALENDAR = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);
const DETERMINERS = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Its', 'Their', 'Our', 'His', 'Her', 'Both', 'Each', 'Every', 'Some', 'Any', 'No', 'All', 'I', 'We', 'He', 'She', 'They', 'It', 'You']);

const isTitleWord = (w: string): boolean => {
  const l = w.toLowerCase().replace(/\.$/u, '');
  return TITLE_HEADS.has(l) || TITLE_MODIFIERS.has(l) || TITLE_HEADS.has(l.replace(/s$/u, ''));
};

export function findResidualRuns(a: Analysis, occupied: Uint8Array): Run[] {
  const runs: Run[] = [];
  const { tokens } = a;
  let i = 0;
  while (i < tokens.length) {
    if (occupied[i] || !isNameToken(a, i)) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      const next = tokens[end];
      if (!next || occupied[end] || !joinable(a.text, tokens[end - 1]!, next)) break;
      if (isNameToken(a, end)) end++;
      else if (next.text === '.' && /^\p{Lu}$/u.test(tokens[end - 1]!.text) && isNameToken(a, end + 1) && !occupied[end + 1]) end++;
      else if (isNameParticle(a, end) && isNameToken(a, end + 1) && !occupied[end + 1]) end++;
      else break;
    }
    end = withNumber(a, end, occupied);
    for (const piece of splitAtCalendar(a, i, end)) {
      const trimmed = trim(a, piece);
      if (trimmed) runs.push(trimmed);
    }
    i = end;
  }
  return runs;
}

const QUANTITY = new Set(['million', 'billion', 'trillion', 'percent', 'per', 'km', 'kilometres', 'kilometers', 'miles', 'tonnes', 'tons', 'years', 'days', '%']);

/** "Estlink 2", "Boeing 737": a small number right after a name belongs to it (a year or a quantity does not). */
function withNumber(a: Analysis, end: number, occupied: Uint8Array): number {
  const n = a.tokens[end];
  if (!n || occupied[end] || !/^\d{1,4}$/u.test(n.text) || /^(?:19|20)\d\d$/u.test(n.text)) return end;
  if (!joinable(a.text, a.tokens[end - 1]!, n) || QUANTITY.has(a.tokens[end + 1]?.text ?? '')) return end;
  if (a.tokens[end + 1]?.text === '.' && /^\d/u.test(a.tokens[end + 2]?.text ?? '')) return end;
  return end + 1;
}

function splitAtCalendar(a: Analysis, from: number, to: number): Run[] {
  const out: Run[] = [];
  let s = from;
  for (let k = from; k <= to; k++) {
    if (k === to || CALENDAR.has(a.tokens[k]!.text)) {
      if (k > s) out.push({ from: s, to: k });
      s = k + 1;
    }
  }
  return out;
}

function trim(a: Analysis, run: Run): Run | null {
  let { from, to } = run;
  while (from < to && (DETERMINERS.has(a.tokens[from]!.text) || isOrdinaryAt(a, from) || a.tokens[from]!.kind !== 'word' || isNameParticle(a, from))) from++;
  while (to > from && (a.tokens[to - 1]!.kind !== 'word' || isNameParticle(a, to - 1))) to--;
  if (to <= from) return null;
  let allTitle = true;
  let meaningful = false;
  for (let k = from; k < to; k++) {
    const t = a.tokens[k]!;
    if (t.kind !== 'word') continue;
    if (allTitle && !isTitleWord(t.text)) allTitle = false;
    if (!meaningful && /\p{L}{2}|\p{L}\p{N}|\p{N}\p{L}/u.test(t.text)) meaningful = true;
  }
  if (allTitle || !meaningful) return null;
  // "Navies", "Forces", "Ministries": a kind of thing, not a name.
  if (to - from === 1 && isKindWord(a.tokens[from]!.text)) return null;
  return { from, to };
}

/** Bodies a text names by their kind alone: "he told Parliament" means this country's parliament. */
const SINGULAR_BODIES = new Set(['Parliament', 'Cabinet', 'Politburo']);
/** Capitalised for respect, not names: "the Government will", "the Embassy said". */
const GENERIC_NOUNS = new Set(['Government', 'Governments', 'Opposition', 'Embassy', 'Consulate', 'Regime', 'State', 'States', 'Nation', 'Nations', 'Republic', 'Kingdom', 'Capital', 'Headquarters', 'Military', 'Constitution', 'Crown']);

function isKindWord(w: string): boolean {
  if (SINGULAR_BODIES.has(w)) return false;
  if (GENERIC_NOUNS.has(w)) return true;
  return HEAD_FINAL.has(w) || HEAD_FINAL.has(w.replace(/ies$/u, 'y')) || HEAD_FINAL.has(w.replace(/s$/u, ''));
}
