import { isNameToken, isOrdinaryAt, type Analysis } from './analysis';
import { makeCandidate, nameKey, normalizeName, spanText } from './candidate';
import { COMPANY_PREFIXES, GEOGRAPHIC_NOUNS, HEAD_FINAL, LOWERCASE_CUES, SHIP_PREFIXES, VESSEL_NOUNS, WEAPON_ACRONYMS } from './patternWords';
import { isCommonWord, isFamilyName, isGivenName } from './lexicon';
import { TITLE_HEADS, TITLE_MODIFIERS } from './titleWords';
import { isAllCaps, joinable } from './tokenize';
import type { Candidate } from './types';

/**
 * Names whose type shows in a neighbouring word or in their own shape: "Zambales province",
 * "Malabar exercise", "Rafale fighter jets", "INS Delhi", "the Panama-flagged Ocean Falcon",
 * "F-16s", "Virginia-class", "APT31", "Resolution 2779", "Nordic Response 2025", "PT PAL",
 * "Tokyo Electron".
 */
const MODEL = /^(?:\p{Lu}[\p{L}]{0,3}-\d+[\p{Lu}\p{Ll}]{0,4}|Type-?\d{2,3}[A-Z]?)$/u;
const THREAT_ACTOR = /^(?:APT|UNC|TA|FIN|DEV)\d+$/u;
const NUMBER = /^\d+$/u;

export function findCuePatterns(a: Analysis): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i]!;
    if (t.kind !== 'word') continue;
    if (SHIP_PREFIXES.has(t.text)) push(out, shipName(a, i));
    if (COMPANY_PREFIXES.has(t.text)) push(out, companyName(a, i));
    // The shape patterns need a hyphen ("F-16", "-class", "-flagged") or a "Type", or end in a digit.
    const hyphen = t.text.includes('-');
    if ((hyphen || t.text.startsWith('Type')) && MODEL.test(t.text)) out.push(model(a, i));
    else if (hyphen && /^\p{Lu}[\p{L}\p{N}]*-class$/u.test(t.text)) out.push(makeCandidate(a.text, a.tokens, i, i + 1, 'other', 'pattern'));
    if (endsInDigit(t.text) && THREAT_ACTOR.test(t.text)) out.push(makeCandidate(a.text, a.tokens, i, i + 1, 'organization', 'pattern'));
    if ((t.text === 'code-named' || t.text === 'codenamed') && adjacent(a, i, i + 1)) push(out, codeName(a, i + 1));
    if (t.text === 'Resolution' && NUMBER.test(a.tokens[i + 1]?.text ?? '') && adjacent(a, i, i + 1)) {
      out.push(makeCandidate(a.text, a.tokens, i, i + 2, 'other', 'pattern'));
    }
    if (VESSEL_NOUNS.has(t.text) || (hyphen && /-flagged$/u.test(t.text))) push(out, vesselAfter(a, i));
    if (t.text.length === 4 && endsInDigit(t.text) && /^(?:19|20)\d\d$/u.test(t.text)) push(out, editionBefore(a, i));
    const g = a.gazetteer[i];
    if (g && g.payload.type === 'place' && !g.payload.demonym) push(out, placeNamedCompany(a, i, g.to));
    const cue = LOWERCASE_CUES.get(t.text) ?? (GEOGRAPHIC_NOUNS.has(t.text) ? 'place' : WEAPON_ACRONYMS.has(t.text) ? 'other' : undefined);
    if (cue) push(out, nameBeforeCue(a, i, cue));
  }
  // A model before a weapon noun is found twice ("Su-30 jets"); one candidate per span is enough.
  const seen = new Set<string>();
  return out.filter((c) => {
    const id = `${c.start}:${c.end}:${c.type}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

function endsInDigit(word: string): boolean {
  const code = word.charCodeAt(word.length - 1);
  return code >= 48 && code <= 57;
}

function push(out: Candidate[], c: Candidate | Candidate[] | null): void {
  if (Array.isArray(c)) out.push(...c);
  else if (c) out.push(c);
}

const adjacent = (a: Analysis, i: number, j: number): boolean => {
  const x = a.tokens[i];
  const y = a.tokens[j];
  return x !== undefined && y !== undefined && joinable(a.text, x, y);
};

const SHIP_NAME_CONNECTORS = new Set(['of', 'de', 'van', 'der', 'la', 'le', 'del', 'da', 'von']);

/**
 * Capitalised tokens from `from` onwards (at most `max` words): ship names may be any words
 * ("Ocean Falcon") and keep their particles ("HMS Prince of Wales", "HNLMS Johan de Witt").
 */
function runAfter(a: Analysis, from: number, max: number): number {
  let end = from;
  let k = from;
  let words = 0;
  while (words < max && k < a.tokens.length) {
    if (k > from && !adjacent(a, k - 1, k)) break;
    if (isNameToken(a, k)) {
      words++;
      k++;
      end = k;
    } else if (k > from && SHIP_NAME_CONNECTORS.has(a.tokens[k]!.text) && isNameToken(a, k + 1) && adjacent(a, k, k + 1)) {
      k++;
    } else break;
  }
  return end;
}

function shipName(a: Analysis, i: number): Candidate | null {
  if (!adjacent(a, i, i + 1)) return null;
  const end = runAfter(a, i + 1, 4);
  return end > i + 1 ? makeCandidate(a.text, a.tokens, i, end, 'other', 'pattern') : null;
}

/** "a flight code-named Mission Divyastra": the name of an operation. */
function codeName(a: Analysis, from: number): Candidate | null {
  let end = from;
  while (end - from < 4 && isNameToken(a, end) && (end === from || adjacent(a, end - 1, end))) end++;
  return end > from ? makeCandidate(a.text, a.tokens, from, end, 'event', 'pattern') : null;
}

/** "PT Dirgantara Indonesia", "PJSC Gazprom Neft": legal forms that open a company name. */
function companyName(a: Analysis, i: number): Candidate | null {
  if (!adjacent(a, i, i + 1)) return null;
  let end = i + 1;
  while (end - i <= 4 && isNameToken(a, end) && adjacent(a, end - 1, end)) end++;
  return end > i + 1 ? makeCandidate(a.text, a.tokens, i, end, 'organization', 'pattern') : null;
}

function vesselAfter(a: Analysis, i: number): Candidate | null {
  if (!adjacent(a, i, i + 1) || SHIP_PREFIXES.has(a.tokens[i + 1]?.text ?? '') || a.gazetteer[i + 1]) return null;
  const end = runAfter(a, i + 1, 4);
  return end > i + 1 ? makeCandidate(a.text, a.tokens, i + 1, end, 'other', 'pattern') : null;
}

/** "AH-64E Apache", "F-16s": the plural s is not part of the designation. */
function model(a: Analysis, i: number): Candidate {
  let end = i + 1;
  while (end - i < 3 && isNameToken(a, end) && adjacent(a, end - 1, end) && !a.gazetteer[end] && !HEAD_FINAL.has(a.tokens[end]!.text) && !isAllCaps(a.tokens[end]!.text)) end++;
  const surface = spanText(a.text, a.tokens, i, end);
  const name = end === i + 1 ? surface.replace(/(?<=[\d\p{Lu}])s$/u, '') : surface;
  return makeCandidate(a.text, a.tokens, i, end, 'other', 'pattern', { key: nameKey(name), name: normalizeName(name) });
}

/**
 * The capitalised run right before a lowercase cue word, and any run coordinated with it
 * ("Hellfire and JAGM missiles"). Runs the gazetteer already explains are left to it.
 */
const FUNCTION_WORDS = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'was', 'are', 'were', 'its', 'their', 'his', 'her']);

function nameBeforeCue(a: Analysis, cue: number, type: Candidate['type']): Candidate[] {
  const runs: [number, number][] = [];
  // One descriptive word may sit between the name and the cue: "Setermoen training area".
  const gap = a.tokens[cue - 1];
  const describes = gap?.kind === 'word' && /^-?\p{Ll}+$/u.test(gap.text) && !FUNCTION_WORDS.has(gap.text) && !LOWERCASE_CUES.has(gap.text);
  const skip = describes && (type !== 'agreement' || gap.text.startsWith('-')) ? 1 : 0;
  let end = cue - skip;
  for (;;) {
    // "Estlink 2 power cable": a name may end in a number.
    const numbered = /^\d{1,3}$/u.test(a.tokens[end - 1]?.text ?? '') && isNameToken(a, end - 2) && adjacent(a, end - 2, end - 1);
    if (!adjacent(a, end - 1, end) || (!isNameToken(a, end - 1) && !numbered)) break;
    let s = numbered ? end - 2 : end - 1;
    while (s - 1 >= 0 && isNameToken(a, s - 1) && adjacent(a, s - 1, s) && end - s < 4) s--;
    runs.push([s, end]);
    const conj = a.tokens[s - 1];
    if (type !== 'other' || !conj || (conj.text !== 'and' && conj.text !== 'or') || !adjacent(a, s - 1, s)) break;
    end = s - 1;
  }
  const out: Candidate[] = [];
  for (const [first, e] of runs) {
    // "The Hague summit": a bundled name may start with "The"; look it up before trimming.
    if (a.gazetteer[first] && a.gazetteer[first]!.to >= e) continue;
    // "Russian Su-30 … jets": the demonym in front is its own entity.
    let s = first;
    while (s < e - 1 && (DETERMINERS.has(a.tokens[s]!.text) || isOrdinaryAt(a, s))) s++;
    while (s < e && a.gazetteer[s] && a.gazetteer[s]!.to < e) s = a.gazetteer[s]!.to;
    if (a.gazetteer[s] && a.gazetteer[s]!.to >= e) continue;
    if (e - s === 1 && (isOrdinaryAt(a, s) || DETERMINERS.has(a.tokens[s]!.text))) continue;
    const closing = e === cue - skip;
    if (closing && (type === 'event' || GEOGRAPHIC_NOUNS.has(a.tokens[cue]!.text))) {
      // "the Malabar exercise" is Malabar; "the Scandinavian peninsula" is the whole phrase.
      const full = spanText(a.text, a.tokens, s, cue + 1);
      const name = type === 'event' ? spanText(a.text, a.tokens, s, e) : full;
      out.push(makeCandidate(a.text, a.tokens, s, cue + 1, type, 'pattern', { key: nameKey(name), name: normalizeName(name) }));
    } else {
      out.push(makeCandidate(a.text, a.tokens, s, e, type, 'pattern'));
    }
  }
  return out;
}

/**
 * "Nordic Response 2025", "RIMPAC 2024": a name followed by a year is an edition of a recurring
 * event. Its name is the part without the year; a country or city with a year is just a place.
 */
function editionBefore(a: Analysis, year: number): Candidate | null {
  if (!adjacent(a, year - 1, year) || !isNameToken(a, year - 1)) return null;
  let s = year - 1;
  while (s - 1 >= 0 && year - s < 4 && isNameToken(a, s - 1) && adjacent(a, s - 1, s)) s--;
  while (s < year && (isOrdinaryAt(a, s) || /^(?:The|In|On|By|Since|Until|From)$/u.test(a.tokens[s]!.text))) s++;
  // "Q3 2026", "FY 2025" are periods, not events.
  if (s >= year || /^(?:[QH]\d|FY)$/u.test(a.tokens[s]!.text)) return null;
  const g = a.gazetteer[s];
  if (g && g.to === year && g.payload.type !== 'event') return null;
  if (/^\p{Lu}\p{Ll}+$/u.test(a.tokens[year - 1]!.text) && /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/u.test(a.tokens[year - 1]!.text)) return null;
  const name = spanText(a.text, a.tokens, s, year);
  return makeCandidate(a.text, a.tokens, s, year + 1, 'event', 'pattern', { key: nameKey(g?.to === year ? g.payload.name : name), name: normalizeName(g?.to === year ? g.payload.name : name) });
}

/**
 * "Tokyo Electron", "China Telecom": a place followed by a capitalised word that is neither a
 * name, a title, a date nor an ordinary word names a company.
 */
function placeNamedCompany(a: Analysis, from: number, to: number): Candidate | null {
  let end = to;
  while (end - to < 2 && isNameToken(a, end) && adjacent(a, end - 1, end)) {
    const w = a.tokens[end]!.text;
    if (a.gazetteer[end] || HEAD_FINAL.has(w) || isCommonWord(w) || isGivenName(w) || isFamilyName(w) || TITLE_HEADS.has(w.toLowerCase()) || TITLE_MODIFIERS.has(w.toLowerCase()) || CALENDAR.test(w)) return null;
    end++;
  }
  if (end === to || isNameToken(a, end)) return null;
  return makeCandidate(a.text, a.tokens, from, end, 'organization', 'pattern');
}

const DETERMINERS = new Set(['The', 'A', 'An', 'This', 'That', 'Its', 'Their']);
const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;
