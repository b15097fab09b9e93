import nlp from 'compromise';
import type { Analysis } from './analysis';
import { makeCandidate, spanText } from './candidate';
import { PersonIndex } from './coreference';
import { isCommonWord, isFamilyName, isFamilyNameFirst, isGivenName, lexiconTags } from './lexicon';
import { APPOSITIVE_NOUNS } from './patternWords';
import type { Run } from './residualRuns';
import { isAllCaps } from './tokenize';
import type { Candidate, EntityType } from './types';

/**
 * Types the capitalised runs nothing else explained, cheapest evidence first: name lexicons, the
 * words around the run, then compromise's tagger on a small window (once per distinct run text,
 * which keeps a 20,000-word article fast). A second pass resolves short references to people
 * named anywhere in the article ("Lai" → Lai Ching-te), whichever comes first.
 */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'at', 'from', 'to', 'across', 'off', 'into', 'toward', 'towards', 'via', 'outside', 'inside', 'around', 'through', 'visit', 'visited', 'visiting']);
const PLACE_NOUNS_BEFORE_OF = new Set(['town', 'city', 'village', 'province', 'region', 'state', 'district', 'island', 'port', 'county', 'capital']);
const SPEECH = new Set(['said', 'says', 'told', 'added', 'stated', 'warned', 'wrote', 'argued', 'noted', 'insisted']);
/** All-caps words that are not names of anything. */
const GENERIC_CAPS = new Set(['GDP', 'CEO', 'AI', 'IT', 'TV', 'UTC', 'GMT', 'AM', 'PM', 'OK', 'PDF', 'URL', 'DNA', 'HIV', 'COVID', 'LNG', 'GPS', 'VIP', 'FAQ']);
/** Adjective endings: such words describe ("Legislative Yuan"), they are not personal names. */
const ADJECTIVE_ENDING = /(?:ive|ary|ical|ous|ern|ese|ial|ic|al)$/u;
const WINDOW = 4;
const SEPARATOR = '\n\n';
/** Beyond this many distinct unexplained runs (a pathological text), the rest go without compromise. */
const MAX_TAGGED_RUNS = 3000;
/** People at an institution: "analysts at Bernstein" names an organisation, not a place. */
const MEMBERS = new Set(['analysts', 'analyst', 'researchers', 'researcher', 'economists', 'economist', 'experts', 'expert', 'scholars', 'fellow', 'strategist', 'strategists', 'officials', 'official', 'executives', 'engineers', 'staff', 'spokesperson', 'spokesman']);
/** Compass words and their adjectives name directions, not entities ("the North", "Western partners"). */
const COMPASS = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|Southeast|Southwest)$/u;

type Reading = EntityType | 'demonym' | null;

export function classifyRuns(a: Analysis, runs: readonly Run[], known: readonly Candidate[]): Candidate[] {
  const cache = tagRuns(a, runs.filter((r) => needsTagger(a, r)));
  const out: Candidate[] = [];
  // Type of the mention ending at each token, for "Depsang and Demchok": coordinated names share a type.
  const endingAt = new Map<number, EntityType>();
  for (const c of known) endingAt.set(c.to - 1, c.type);
  for (const run of runs) {
    const surface = spanText(a.text, a.tokens, run.from, run.to);
    const type = coordinatedType(a, run, endingAt) ?? classify(a, run, surface, cache);
    if (!type) continue;
    endingAt.set(run.to - 1, type);
    out.push(makeCandidate(a.text, a.tokens, run.from, run.to, type, type === 'person' ? 'lexicon' : 'compromise'));
  }
  const people = new PersonIndex([...known, ...out.filter((c) => c.type === 'person')], a.text);
  const byStart = new Map(out.map((c) => [c.from, c]));
  const resolved: Candidate[] = [];
  for (const run of runs) {
    const existing = byStart.get(run.from);
    const person = people.resolve(spanText(a.text, a.tokens, run.from, run.to), a.tokens[run.from]!.start);
    if (person && existing?.key !== person) resolved.push(makeCandidate(a.text, a.tokens, run.from, run.to, 'person', 'coref', { key: person }));
    else if (existing) resolved.push(existing);
  }
  return resolved;
}

/** Runs the cheap evidence (datelines, appositives, name lexicons) cannot settle. */
function needsTagger(a: Analysis, run: Run): boolean {
  const words = a.tokens.slice(run.from, run.to).filter((t) => t.kind === 'word').map((t) => t.text);
  if (isDateline(a, run) || appositiveType(a, run)) return false;
  if (words.length === 1 && (GENERIC_CAPS.has(words[0]!) || COMPASS.test(words[0]!))) return false;
  if (words.length === 1 && lexiconTags(words[0]!).includes('Demonym')) return false;
  return !lexiconPerson(words);
}

function lexiconPerson(words: readonly string[]): boolean {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const nameWord = (w: string): boolean => isGivenName(w) || isFamilyName(w) || (!isCommonWord(w) && !ADJECTIVE_ENDING.test(w));
  if (words.length < 2 || words.length > 4 || !words.every(nameWord)) return false;
  return isGivenName(first) || isFamilyName(last) || (isFamilyNameFirst(first) && words.length === 2);
}

function coordinatedType(a: Analysis, run: Run, endingAt: Map<number, EntityType>): EntityType | null {
  const conj = a.tokens[run.from - 1]?.text;
  if (conj !== 'and' && conj !== 'or') return null;
  const type = endingAt.get(run.from - 2);
  return type === 'place' || type === 'organization' ? type : null;
}

function classify(a: Analysis, run: Run, surface: string, cache: Map<string, Reading>): EntityType | null {
  const words = a.tokens.slice(run.from, run.to).filter((t) => t.kind === 'word').map((t) => t.text);
  const first = words[0]!;
  const single = words.length === 1;

  if (isDateline(a, run)) return 'place';
  if (single && (GENERIC_CAPS.has(first) || COMPASS.test(first))) return null;
  const appositive = appositiveType(a, run);
  if (appositive) return appositive;
  if (lexiconPerson(words)) return 'person';
  if (single && lexiconTags(first).includes('Demonym')) return null;

  const reading = cache.get(surface) ?? null;
  if (reading === 'demonym') return null;
  const before = a.tokens[run.from - 1]?.text.toLowerCase() ?? '';
  const before2 = a.tokens[run.from - 2]?.text.toLowerCase() ?? '';
  if (before === 'at' && MEMBERS.has(before2)) return 'organization';
  // Acronyms are rarely places, whatever the preposition ("attributed to JNIM").
  if (PLACE_PREPOSITIONS.has(before) && !(before === 'to' && before2 === 'according') && !(single && isAllCaps(first))) {
    return reading === 'organization' || (reading === 'person' && !single) ? reading : 'place';
  }
  if (before === 'of' && PLACE_NOUNS_BEFORE_OF.has(before2)) return 'place';
  if (reading) return reading;

  // A lone capitalised word at a sentence start with no support anywhere is an ordinary word.
  if (single && a.tokens[run.from]!.sentenceStart && !a.capitalisedInside.has(first)) return null;
  if (single && isCommonWord(first) && !a.capitalisedInside.has(first)) return null;
  const after = a.tokens[run.to]?.text.toLowerCase() ?? '';
  if (SPEECH.has(after) || SPEECH.has(before)) return single ? 'organization' : 'person';
  if (single && isAllCaps(first)) return 'organization';
  return single ? 'other' : 'organization';
}

/** "Freedom Edge, a trilateral exercise …", "APT40, a hacking group": the appositive says what it is. */
function appositiveType(a: Analysis, run: Run): EntityType | null {
  if (a.tokens[run.to]?.text !== ',') return null;
  const det = a.tokens[run.to + 1]?.text;
  if (det !== 'a' && det !== 'an' && det !== 'the') return null;
  for (let k = run.to + 2; k < run.to + 6; k++) {
    const t = a.tokens[k];
    if (!t || t.kind !== 'word' || !/^[\p{Ll}-]+$/u.test(t.text)) return null;
    const type = APPOSITIVE_NOUNS.get(t.text);
    if (type) return type;
  }
  return null;
}

/** "KANANASKIS, Alberta —" or "KYIV —": an all-caps place name opening a paragraph. */
function isDateline(a: Analysis, run: Run): boolean {
  const first = a.tokens[run.from]!;
  if (!first.lineBreakBefore && run.from !== 0) return false;
  const next = a.tokens[run.to];
  return isAllCaps(first.text) && next !== undefined && (next.text === '\u2014' || next.text === '\u2013' || next.text === ',');
}

/**
 * compromise's reading of each distinct run, from its first occurrence with a few words of
 * context. All windows go through compromise in one call, separated by blank lines: a call costs
 * about 0.3 ms of fixed overhead, so one call per run would dominate a long article.
 */
export function tagRuns(a: Analysis, runs: readonly Run[]): Map<string, Reading> {
  const readings = new Map<string, Reading>();
  const spans: { surface: string; start: number; end: number }[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const run of runs) {
    const surface = spanText(a.text, a.tokens, run.from, run.to);
    if (readings.has(surface) || spans.length >= MAX_TAGGED_RUNS) continue;
    readings.set(surface, null);
    const from = Math.max(0, run.from - WINDOW);
    const to = Math.min(a.tokens.length, run.to + WINDOW);
    const offset = a.tokens[from]!.start;
    const window = a.text.slice(offset, a.tokens[to - 1]!.end).replace(/\n/gu, ' ');
    spans.push({ surface, start: length + a.tokens[run.from]!.start - offset, end: length + a.tokens[run.to - 1]!.end - offset });
    parts.push(window);
    length += window.length + SEPARATOR.length;
  }
  if (spans.length === 0) return readings;
  const doc = nlp(parts.join(SEPARATOR)).json({ offset: true, terms: { offset: true } }) as { terms: { offset: { start: number }; tags: string[] }[] }[];
  const terms = doc.flatMap((sentence) => sentence.terms).sort((x, y) => x.offset.start - y.offset.start);
  let k = 0;
  for (const span of spans) {
    while (k < terms.length && terms[k]!.offset.start < span.start) k++;
    const tags = new Set<string>();
    for (let j = k; j < terms.length && terms[j]!.offset.start < span.end; j++) for (const t of terms[j]!.tags) tags.add(t);
    readings.set(span.surface, readingOf(tags));
  }
  return readings;
}

function readingOf(tags: Set<string>): Reading {
  if (tags.has('Demonym')) return 'demonym';
  if (tags.has('Person') && !tags.has('Place') && !tags.has('Organization')) return 'person';
  if (tags.has('Place') || tags.has('Country') || tags.has('City') || tags.has('Region')) return 'place';
  if (tags.has('Organization') || tags.has('SportsTeam')) return 'organization';
  return null;
}
