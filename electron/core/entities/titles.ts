import { isNameParticle, isNameToken, type Analysis } from './analysis';
import { makeCandidate, spanText } from './candidate';
import { HEAD_FINAL } from './patternWords';
import { joinable } from './tokenize';
import { NAME_SUFFIXES, RANKS, TITLE_CONNECTORS, TITLE_HEADS, TITLE_MODIFIERS } from './titleWords';
import type { Candidate } from './types';

/**
 * People named after a title: "Defence Minister Rajnath Singh" → person "Rajnath Singh" with the
 * title kept as context; "Gen Nakatani" → "Gen Nakatani" (a rank with a bare surname is how such
 * people are known; the surname becomes an alias). Each title also yields a blocker candidate so
 * that its words ("Chief of the Defence Force") are not read as an organisation.
 */
const MAX_NAME_WORDS = 5;
const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;

/** Lower case without one final full stop ("Gen." → "gen"); most words have none, so no regex. */
const lower = (s: string): string => {
  const l = s.toLowerCase();
  return l.endsWith('.') ? l.slice(0, -1) : l;
};

export function findTitledPersons(a: Analysis): Candidate[] {
  const out: Candidate[] = [];
  // "Director General Rafael Grossi" is reached from both heads; keep one reading per name.
  const seen = new Set<number>();
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i]!;
    if (t.kind !== 'word' || !TITLE_HEADS.has(lower(t.text))) continue;
    const titleEnd = extendTitle(a, i);
    const titleStart = titleStartOf(a, i);
    // "…ambassador, Dmitry Polyanskiy, said": an appositive name after a comma.
    const comma = a.tokens[titleEnd]?.text === ',';
    const nameStart = comma ? titleEnd + 1 : titleEnd;
    if (!adjacent(a, nameStart - 1, nameStart)) continue;
    const nameEnd = readName(a, nameStart);
    if (nameEnd <= nameStart) continue;
    const words = countNameWords(a, nameStart, nameEnd);
    // A name that starts with a title is found from that title ("counterpart, Gen Nakatani").
    if (TITLE_HEADS.has(lower(a.tokens[nameStart]!.text))) continue;
    if (comma && (words < 2 || !closesAppositive(a, nameEnd))) continue;
    if (seen.has(nameEnd)) continue;
    seen.add(nameEnd);
    const context = spanText(a.text, a.tokens, titleStart, titleEnd);
    const rankOnly = titleStart === i && RANKS.has(lower(t.text)) && !comma;
    if (rankOnly && words === 1) {
      const surname = spanText(a.text, a.tokens, nameStart, nameEnd);
      out.push(makeCandidate(a.text, a.tokens, i, nameEnd, 'person', 'title', { shortForms: [surname], context }));
    } else {
      out.push(makeCandidate(a.text, a.tokens, nameStart, nameEnd, 'person', 'title', { context }));
      out.push({ ...makeCandidate(a.text, a.tokens, titleStart, titleEnd, 'other', 'title'), blocker: true });
    }
  }
  return out;
}

/** The first token after the title (heads, modifiers, "of Naval Staff", a full stop after "Gen"). */
function extendTitle(a: Analysis, head: number): number {
  let k = head + 1;
  // After "of"/"for" the portfolio words end the title themselves: "Secretary of State Marco Rubio".
  let afterOf = false;
  for (;;) {
    const t = a.tokens[k];
    if (!t || !joinable(a.text, a.tokens[k - 1]!, t)) return k;
    if (t.text === '.' && /^\p{Lu}\p{Ll}{0,3}$/u.test(a.tokens[k - 1]!.text) && !a.tokens[k + 1]?.sentenceStart) {
      k++;
      continue;
    }
    if (t.kind !== 'word') return k;
    const w = lower(t.text);
    // Titles keep one case throughout: "Director General", "secretary general", not "minister Grant".
    const sameCase = /^\p{Lu}/u.test(t.text) === /^\p{Lu}/u.test(a.tokens[head]!.text);
    if (TITLE_HEADS.has(w) && sameCase) {
      k++;
      continue;
    }
    if (TITLE_MODIFIERS.has(w) && sameCase && (afterOf || followedByTitleWord(a, k))) {
      k++;
      continue;
    }
    if ((w === 'of' || w === 'for') && followedByTitleWord(a, k)) {
      k += a.tokens[k + 1]?.text === 'the' ? 2 : 1;
      afterOf = true;
      continue;
    }
    return k;
  }
}

function followedByTitleWord(a: Analysis, k: number): boolean {
  let n = k + 1;
  if (a.tokens[n]?.text === 'the') n++;
  const t = a.tokens[n];
  if (!t || t.kind !== 'word') return false;
  const w = lower(t.text);
  return TITLE_MODIFIERS.has(w) || TITLE_HEADS.has(w);
}

function titleStartOf(a: Analysis, head: number): number {
  let s = head;
  for (let j = head - 1; j >= 0; j--) {
    const t = a.tokens[j]!;
    if (t.kind !== 'word' || !joinable(a.text, t, a.tokens[j + 1]!)) break;
    const w = lower(t.text);
    if (TITLE_MODIFIERS.has(w) || TITLE_HEADS.has(w)) s = j;
    else if (!TITLE_CONNECTORS.has(w)) break;
  }
  return s;
}

function adjacent(a: Analysis, i: number, j: number): boolean {
  const x = a.tokens[i];
  const y = a.tokens[j];
  return x !== undefined && y !== undefined && joinable(a.text, x, y);
}

/** Capitalised words, initials ("S."), particles ("bin", "al-Burhan") and a suffix ("Jr."). */
function readName(a: Analysis, from: number): number {
  let end = from;
  let words = 0;
  for (let k = from; words < MAX_NAME_WORDS; ) {
    const t = a.tokens[k];
    if (!t || (k > from && !joinable(a.text, a.tokens[k - 1]!, t))) break;
    if (isNameToken(a, k) && !HEAD_FINAL.has(t.text) && !CALENDAR.test(t.text)) {
      if (k === from && a.gazetteer[k]) break;
      if (k > from && a.gazetteer[k]?.payload.type === 'place' && !NAME_SUFFIXES.has(t.text)) break;
      words++;
      k++;
      if (a.tokens[k]?.text === '.' && (/^\p{Lu}$/u.test(t.text) || NAME_SUFFIXES.has(t.text)) && joinable(a.text, t, a.tokens[k]!)) k++;
      end = k;
    } else if (isNameParticle(a, k) && isNameToken(a, k + 1) && k > from) {
      k++;
    } else {
      break;
    }
  }
  return end;
}

function countNameWords(a: Analysis, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (isNameToken(a, k) && !/^\p{Lu}$/u.test(a.tokens[k]!.text)) n++;
  return n;
}

/** "…ambassador, Dmitry Polyanskiy, said": the name is closed by punctuation or the end. */
function closesAppositive(a: Analysis, end: number): boolean {
  const t = a.tokens[end];
  return t === undefined || (t.kind === 'punct' && /^[,.;:)]$/u.test(t.text));
}
