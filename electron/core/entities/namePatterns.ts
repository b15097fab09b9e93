import { analyze, isNameToken, isOrdinaryAt, type Analysis } from './analysis';
import { makeCandidate, nameKey, spanText } from './candidate';
import { CONNECTORS, HEAD_FINAL, HEAD_INITIAL, NAME_PREFIX } from './patternWords';
import { joinable } from './tokenize';
import { TITLE_HEADS } from './titleWords';
import type { Candidate } from './types';

/**
 * Multi-word proper names recognised by their form: "Reciprocal Provision of Supplies and Services
 * Agreement", "ASEAN Defence Ministers’ Meeting-Plus", "Ministry of Defence", "Exercise Malabar".
 * The head word gives the type; the capitalised words around it give the extent.
 */
const MAX_NAME_TOKENS = 14;
const DETERMINERS = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Its', 'Their', 'Our', 'His', 'Her', 'Both', 'Each', 'Every']);
const CALENDAR = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(' '),
);
/** A portfolio before a title ("Armed Forces Minister") is part of the title, not an organisation. */
const TITLE_AFTER = new Set(['Minister', 'Ministers', 'Secretary', 'Secretaries']);

export function findNamePatterns(a: Analysis): Candidate[] {
  const out: Candidate[] = [];
  for (let h = 0; h < a.tokens.length; h++) {
    const t = a.tokens[h]!;
    if (t.kind !== 'word') continue;
    const final = HEAD_FINAL.get(t.text);
    if (final) pushDefined(out, headFinal(a, h, final));
    const initial = HEAD_INITIAL.get(t.text);
    if (initial) pushDefined(out, headInitial(a, h, initial));
    const prefix = NAME_PREFIX.get(t.text);
    if (prefix) pushDefined(out, namePrefix(a, h, prefix));
  }
  return out;
}

function pushDefined(out: Candidate[], c: Candidate | null): void {
  if (c) out.push(c);
}

const word = (a: Analysis, i: number): string | undefined => {
  const t = a.tokens[i];
  return t?.kind === 'word' ? t.text : undefined;
};

const adjacent = (a: Analysis, i: number, j: number): boolean => {
  const x = a.tokens[i];
  const y = a.tokens[j];
  return x !== undefined && y !== undefined && joinable(a.text, x, y);
};

/** A gazetteer name covering exactly tokens [from, to): "Japan" in "Japan and Korea …". */
const isWholeGazetteerName = (a: Analysis, from: number, to: number): boolean => a.gazetteer[from]?.to === to;

function headFinal(a: Analysis, h: number, type: Candidate['type']): Candidate | null {
  // "Panama-flagged Ocean Falcon": a head followed by more name words is not the end of a name
  // (a title may follow: "ECOWAS Commission President …").
  if (isNameToken(a, h + 1) && adjacent(a, h, h + 1) && !isTitleWord(a.tokens[h + 1]!.text)) return null;
  let s = h;
  let j = h - 1;
  while (j >= 0 && h - j < MAX_NAME_TOKENS && adjacent(a, j, j + 1)) {
    const t = a.tokens[j]!;
    if (isNameToken(a, j)) {
      s = j;
      j--;
    } else if (t.kind === 'poss' && isNameToken(a, j - 1) && adjacent(a, j - 1, j) && !a.gazetteer[j - 1] && !HEAD_FINAL.has(a.tokens[j - 1]!.text)) {
      // "People's Liberation Army", "Ministers’ Meeting"; never "China's Ministry …" or
      // "Commerce Department's Bureau …", whose owner is a name of its own.
      s = j - 1;
      j -= 2;
    } else if (t.kind === 'word' && (t.text === 'of' || t.text === 'for' || t.text === 'on') && isNameToken(a, j - 1)) {
      j--;
    } else if (t.kind === 'word' && (t.text === 'and' || t.text === '&') && isNameToken(a, j - 1) && !endsGazetteerName(a, j - 1)) {
      j--;
    } else {
      break;
    }
  }
  s = trimLeft(a, s, h);
  if (s >= h) return null;
  if (TITLE_AFTER.has(word(a, h + 1) ?? '') && a.gazetteer[s]?.to !== h + 1) return null;
  let end = extendRight(a, h + 1, true);
  // "Air Base 201": a place may carry a number.
  if (type === 'place' && end === h + 1 && /^\d{1,3}$/u.test(a.tokens[h + 1]?.text ?? '') && adjacent(a, h, h + 1)) end++;
  return makeCandidate(a.text, a.tokens, s, end, typeWithModifiers(a, s, h, type), 'pattern', knownSuffix(a, s, end));
}

/** "Islamic State Sahel Province" is a branch of an organisation, not a province. */
function typeWithModifiers(a: Analysis, s: number, h: number, type: Candidate['type']): Candidate['type'] {
  if (type !== 'place') return type;
  for (let k = s; k < h; k++) if (a.gazetteer[k]?.payload.type === 'organization') return 'organization';
  return type;
}

const isTitleWord = (w: string): boolean => TITLE_HEADS.has(w.toLowerCase().replace(/\.$/u, ''));

/**
 * "US Treasury Department" is the bundled "Treasury Department" with its country in front: the
 * same entity, so it takes the bundled name (and merges with "Treasury" elsewhere).
 */
function knownSuffix(a: Analysis, s: number, end: number): Partial<Candidate> {
  const country = a.gazetteer[s];
  for (let k = s + 1; k < end; k++) {
    const g = a.gazetteer[k];
    if (g?.to === end && g.payload.type !== 'place' && country?.payload.type === 'place') {
      // "Philippine Marine Corps" is not the US Marine Corps that "Marine Corps" alone names: a
      // body whose own name carries another country is another body.
      const own = countryOf(g.payload.name);
      if (own !== null && own !== country.payload.name) return {};
      return { key: nameKey(g.payload.name), name: g.payload.name };
    }
  }
  return {};
}

const countries = new Map<string, string | null>();

/** The place a bundled name opens with ("US Marine Corps" → United States), or null. */
function countryOf(name: string): string | null {
  let place = countries.get(name);
  if (place === undefined) {
    // The longest opening words that are a place on their own ("US", "South Korean", "United States").
    const words = name.split(' ');
    place = null;
    for (let n = Math.min(3, words.length - 1); n >= 1 && place === null; n--) {
      const opening = analyze(words.slice(0, n).join(' '));
      const g = opening.gazetteer[0];
      if (g && g.payload.type === 'place' && g.to === opening.tokens.length) place = g.payload.name;
    }
    countries.set(name, place);
  }
  return place;
}

/** True when token i is the last token of a complete gazetteer name ("Japan", "South Korea"). */
function endsGazetteerName(a: Analysis, i: number): boolean {
  for (let k = i; k >= 0 && i - k < 6; k--) {
    if (a.gazetteer[k]?.to === i + 1) return true;
  }
  return false;
}

/** Drop what cannot open a name: connectors, "The", an ordinary sentence-initial word. */
function trimLeft(a: Analysis, s: number, h: number): number {
  let k = s;
  while (k < h) {
    const t = a.tokens[k]!;
    // "Leaders of the Group …" loses "Leaders"; "Foreign Ministry" keeps "Foreign".
    const ordinary = isOrdinaryAt(a, k) && !isNameToken(a, k + 1);
    if (t.kind !== 'word' || CONNECTORS.has(t.text) || DETERMINERS.has(t.text) || ordinary || CALENDAR.has(t.text)) {
      k++;
      continue;
    }
    break;
  }
  return k;
}

/**
 * Continue a name through "of/for/on (the) Capitalised …": "Intergovernmental Authority on
 * Development", "Asian Network for Free Elections". Dates ("… on Monday") end the name.
 */
function extendRight(a: Analysis, from: number, allowGazetteer: boolean): number {
  let end = from;
  let k = from;
  for (let hops = 0; hops < 3; hops++) {
    const c = word(a, k);
    // "… Office in Haiti (BINUH)": a place belongs to the name only right before its acronym.
    if (c === 'in' && hops === 0 && placeBeforeAcronym(a, k + 1)) return placeBeforeAcronym(a, k + 1)!;
    if (c !== 'of' && c !== 'for' && c !== 'on' && !(c === 'and' && hops > 0)) break;
    if (!adjacent(a, k - 1, k)) break;
    let n = k + 1;
    if (word(a, n) === 'the' && adjacent(a, k, n) && c !== 'and') n++;
    if (!isNameToken(a, n) || !adjacent(a, n - 1, n) || CALENDAR.has(word(a, n) ?? '')) break;
    if (!allowGazetteer && a.gazetteer[n]) break;
    if (c === 'and' && a.gazetteer[n]) break;
    let m = n;
    while (isNameToken(a, m + 1) && adjacent(a, m, m + 1) && !CALENDAR.has(word(a, m + 1) ?? '')) m++;
    end = m + 1;
    k = m + 1;
    allowGazetteer = false;
  }
  return end;
}

function placeBeforeAcronym(a: Analysis, at: number): number | null {
  const g = a.gazetteer[at];
  if (!g || g.payload.type !== 'place' || g.payload.demonym) return null;
  const open = a.tokens[g.to];
  const close = a.tokens[g.to + 2];
  return open?.text === '(' && close?.text === ')' && /^\p{Lu}{2,}$/u.test(a.tokens[g.to + 1]?.text ?? '') ? g.to : null;
}

function headInitial(a: Analysis, h: number, type: Candidate['type']): Candidate | null {
  const c = word(a, h + 1);
  if (c !== 'of' && c !== 'for' && c !== 'on') return null;
  const end = extendRight(a, h + 1, true);
  if (end <= h + 2) return null;
  return makeCandidate(a.text, a.tokens, h, end, type, 'pattern');
}

/**
 * "Exercise Malabar", "Operation Sindoor", "Port Blair". An exercise is known by its bare name
 * ("Malabar"), so the key drops the prefix and the full form becomes an alias.
 */
function namePrefix(a: Analysis, h: number, type: Candidate['type']): Candidate | null {
  let m = h;
  while (m - h < 3 && isNameToken(a, m + 1) && adjacent(a, m, m + 1) && !HEAD_FINAL.has(word(a, m + 1) ?? '') && !CALENDAR.has(word(a, m + 1) ?? '')) m++;
  if (m === h) return null;
  if (isWholeGazetteerName(a, h + 1, m + 1) && a.gazetteer[h + 1]?.payload.type === 'place' && type !== 'place') return null;
  if (a.tokens[h]!.text !== 'Exercise') return makeCandidate(a.text, a.tokens, h, m + 1, type, 'pattern');
  const bare = spanText(a.text, a.tokens, h + 1, m + 1);
  return makeCandidate(a.text, a.tokens, h, m + 1, type, 'pattern', { key: nameKey(bare), name: bare });
}
