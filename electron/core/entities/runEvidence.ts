import type { EntityType } from '../../common/model/entityType';
import type { Analysis } from './analysis';
import { isCommonWord, isFamilyName, isFamilyNameFirst, isGivenName, lexiconTags } from './lexicon';
import { APPOSITIVE_NOUNS, ORGANIZATION_NOUNS_BEFORE, WEAPON_ACRONYMS } from './patternWords';
import type { Run } from './residualRuns';
import type { Reading } from './tagRuns';
import { TITLE_HEADS } from './titleWords';
import { isAllCaps } from './tokenize';

/**
 * What one occurrence of an unexplained run says about its type, and how sure it is. The words
 * around a run (an appositive, "in", "analysts at") beat name lexicons, which beat compromise's
 * tagger, which beats the fallback; classifyRuns keeps the surest verdict per distinct run.
 */
export interface Verdict {
  type: EntityType | null;
  strength: number;
}

export const CUE = 3;
export const LEXICON = 2;
export const TAGGER = 1;
export const FALLBACK = 0;
/** "Families" opening a sentence: dropped, unless another occurrence proves it is a name. */
const WEAK_DROP = -1;

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'at', 'from', 'to', 'across', 'off', 'into', 'toward', 'towards', 'via', 'outside', 'inside', 'around', 'through', 'visit', 'visited', 'visiting']);
/** Prepositions that put what follows on a map; "to", "from", "at" may also take people. */
const STRONG_PLACE_PREPOSITIONS = new Set(['in', 'near', 'across', 'inside', 'outside', 'around', 'via', 'into', 'off']);
const PLACE_NOUNS_BEFORE_OF = new Set(['town', 'city', 'village', 'province', 'region', 'state', 'district', 'island', 'port', 'county', 'capital']);
const SPEECH = new Set(['said', 'says', 'told', 'added', 'stated', 'warned', 'wrote', 'argued', 'noted', 'insisted']);
/** All-caps words that are not names of anything. */
const GENERIC_CAPS = new Set(['GDP', 'CEO', 'AI', 'IT', 'TV', 'UTC', 'GMT', 'AM', 'PM', 'OK', 'PDF', 'URL', 'DNA', 'HIV', 'COVID', 'LNG', 'GPS', 'VIP', 'FAQ', ...WEAPON_ACRONYMS]);
/** People at an institution: "analysts at Bernstein" names an organisation, not a place. */
const MEMBERS = new Set(['analysts', 'analyst', 'researchers', 'researcher', 'economists', 'economist', 'experts', 'expert', 'scholars', 'fellow', 'strategist', 'strategists', 'officials', 'official', 'executives', 'engineers', 'staff', 'spokesperson', 'spokesman']);
/** Compass words and their adjectives name directions, not entities ("the North", "Western partners"). */
const COMPASS = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|Southeast|Southwest)$/u;
const NAME_PARTICLES = new Set(['de', 'De', 'van', 'Van', 'von', 'Von', 'der', 'bin', 'ibn', 'al', 'Al', 'el', 'El', 'da', 'Da', 'dos', 'del', 'la', 'La', 'le', 'Le', 'du', 'Du']);
/** Adjective endings: such words describe ("Legislative Yuan"), they are not personal names. */
const ADJECTIVE_ENDING = /(?:ive|ary|ical|ous|ern|ese|ial|ic|al)$/u;
/** compromise lexicon tags of words that never sit inside a proper name. */
const FUNCTION_TAGS = ['Copula', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Modal', 'Auxiliary', 'QuestionWord', 'Adverb', 'PastTense', 'PresentTense', 'Gerund'];
/** Words that end an appositive before it said what the name is. */
const CLAUSE_WORDS = new Set('while and but or which that where when as after before since because if said says told is was were are has had have will would could can may in on at to from with for by into than'.split(' '));

function isFunctionWord(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.length > 0 && FUNCTION_TAGS.some((t) => tags.includes(t));
}

export const runWords = (a: Analysis, run: Run): string[] => a.tokens.slice(run.from, run.to).filter((t) => t.kind === 'word').map((t) => t.text);

/** The evidence that needs no tagger; null when compromise should be asked. */
export function cheapVerdict(a: Analysis, run: Run): Verdict | null {
  const words = runWords(a, run);
  const first = words[0]!;
  const single = words.length === 1;
  if (isDateline(a, run)) return { type: 'place', strength: CUE };
  // Names do not contain verbs or function words: "We Are Ready" is a quoted slogan.
  if (words.some((w) => isFunctionWord(w) && !NAME_PARTICLES.has(w) && !isGivenName(w) && !isFamilyName(w))) return { type: null, strength: WEAK_DROP };
  if (single && (GENERIC_CAPS.has(first) || COMPASS.test(first) || lexiconTags(first).includes('Demonym'))) return { type: null, strength: CUE };
  const appositive = appositiveType(a, run);
  if (appositive) return { type: appositive, strength: CUE };
  const before = a.tokens[run.from - 1]?.text.toLowerCase() ?? '';
  // "a police training centre in Dera Ismail Khan": after "in", even name-like words are a place.
  if (STRONG_PLACE_PREPOSITIONS.has(before) && !(single && isAllCaps(first)) && a.tokens[run.to]?.kind !== 'poss') return { type: 'place', strength: CUE };
  if (before === 'at' && MEMBERS.has(a.tokens[run.from - 2]?.text.toLowerCase() ?? '')) return { type: 'organization', strength: CUE };
  if (lexiconPerson(words)) return { type: 'person', strength: LEXICON };
  return null;
}

/** `cheap` is cheapVerdict's answer for this run, when the caller has it already. */
export function verdict(a: Analysis, run: Run, reading: Reading, cheap: Verdict | null = cheapVerdict(a, run)): Verdict {
  if (cheap) return cheap;
  const words = runWords(a, run);
  const first = words[0]!;
  const single = words.length === 1;
  if (reading === 'demonym') return { type: null, strength: CUE };
  const before = a.tokens[run.from - 1]?.text.toLowerCase() ?? '';
  const before2 = a.tokens[run.from - 2]?.text.toLowerCase() ?? '';
  // Acronyms are rarely places, whatever the preposition ("attributed to JNIM").
  if (PLACE_PREPOSITIONS.has(before) && !(before === 'to' && before2 === 'according') && !(single && isAllCaps(first))) {
    return { type: reading === 'organization' || (reading === 'person' && !single) ? reading : 'place', strength: LEXICON };
  }
  if (before === 'of' && PLACE_NOUNS_BEFORE_OF.has(before2)) return { type: 'place', strength: LEXICON };
  if (reading) return { type: reading, strength: TAGGER };

  // A lone capitalised word at a sentence start with no support anywhere is an ordinary word; so is
  // an ordinary word capitalised once for emphasis ("Despite this, Markets rallied").
  const inside = a.capitalisedInside.get(first) ?? 0;
  if (single && a.tokens[run.from]!.sentenceStart && (isCommonWord(first) || inside === 0)) return { type: null, strength: WEAK_DROP };
  if (single && isCommonWord(first) && inside < 2) return { type: null, strength: WEAK_DROP };

  const after = a.tokens[run.to]?.text.toLowerCase() ?? '';
  if (SPEECH.has(after) || SPEECH.has(before)) return { type: single ? 'organization' : 'person', strength: FALLBACK };
  if (single && isAllCaps(first)) return { type: 'organization', strength: FALLBACK };
  return { type: single ? 'other' : 'organization', strength: FALLBACK };
}

function nameWord(w: string): boolean {
  return NAME_PARTICLES.has(w) || isGivenName(w) || isFamilyName(w) || (!isCommonWord(w) && !ADJECTIVE_ENDING.test(w));
}

export function lexiconPerson(words: readonly string[]): boolean {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (words.length < 2 || words.length > 4 || !words.every(nameWord)) return false;
  return isGivenName(first) || isFamilyName(last) || (isFamilyNameFirst(first) && words.length === 2);
}

/**
 * "Freedom Edge, a trilateral exercise", "Khawaja Asif, the defence minister,", "the cybersecurity
 * firm Mandiant", "a group calling itself Black Lantern": the noun phrase next to it says what it is.
 */
export function appositiveType(a: Analysis, run: Run): EntityType | null {
  const before = a.tokens[run.from - 1]?.text;
  if (before && ORGANIZATION_NOUNS_BEFORE.has(before)) return 'organization';
  if (a.tokens[run.to]?.text !== ',') return null;
  const multiWord = run.to - run.from >= 2;
  for (let k = run.to + 1; k < run.to + 8; k++) {
    const t = a.tokens[k];
    if (!t || (t.kind === 'punct' && k > run.to + 1)) return null;
    if (t.kind !== 'word') continue;
    const w = t.text.toLowerCase();
    if (w === 'who') return multiWord ? 'person' : null;
    if (CLAUSE_WORDS.has(w)) return null;
    // "the agency's executive director": the owner is not the head of the phrase.
    if (a.tokens[k + 1]?.kind === 'poss') continue;
    if (TITLE_HEADS.has(w) && !/^\p{Lu}/u.test(t.text)) return multiWord ? 'person' : null;
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
