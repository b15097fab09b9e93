import nlp from 'compromise';
import { FAMILY_NAME_FIRST, FAMILY_NAMES, GIVEN_NAMES } from './gazetteer/personNames';

/**
 * Word knowledge from compromise's lexicon (≈15,000 English words with tags) plus our name lists.
 * Lookups are map reads, so every token can afford one; compromise's full tagger is reserved for
 * the few runs nothing else explains (see classifyRuns.ts).
 */
type Lexicon = Record<string, string | string[] | undefined>;

const NAME_TAGS = new Set([
  'MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'Place', 'Country', 'City', 'Region',
  'Organization', 'SportsTeam', 'ProperNoun', 'Demonym', 'Honorific', 'Acronym', 'Abbreviation',
]);

let lexicon: Lexicon | null = null;
function compromiseLexicon(): Lexicon {
  if (!lexicon) {
    const model = nlp.model() as { one?: { lexicon?: Lexicon } };
    lexicon = model.one?.lexicon ?? {};
  }
  return lexicon;
}

const wordSet = (block: string): Set<string> => new Set(block.split(/\s+/u).filter((w) => w.length > 0));
const givenNames = wordSet(GIVEN_NAMES);
const familyNames = wordSet(`${FAMILY_NAMES} ${FAMILY_NAME_FIRST}`);
const familyNameFirst = wordSet(FAMILY_NAME_FIRST);

export function lexiconTags(word: string): string[] {
  const tags = compromiseLexicon()[word.toLowerCase()];
  if (tags === undefined) return [];
  return Array.isArray(tags) ? tags : [tags];
}

export function isGivenName(word: string): boolean {
  if (givenNames.has(word)) return true;
  return lexiconTags(word).some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName');
}

export function isFamilyName(word: string): boolean {
  return familyNames.has(word) || lexiconTags(word).includes('LastName');
}

/** "Wang Yi" is Mr Wang: the short form of such names is the first word. */
export function isFamilyNameFirst(word: string): boolean {
  return familyNameFirst.has(word);
}

/** A word compromise knows only as an ordinary word ("Analysts", "Meanwhile", "Both"). */
export function isCommonWord(word: string): boolean {
  const tags = lexiconTags(word);
  if (tags.length > 0) return !tags.some((t) => NAME_TAGS.has(t));
  // Unknown to the lexicon: plural of a known common noun, or a plain adverb.
  const singular = word.replace(/(?:ies)$/u, 'y').replace(/(?<!s)s$/u, '');
  if (singular !== word) {
    const s = lexiconTags(singular);
    if (s.length > 0 && !s.some((t) => NAME_TAGS.has(t))) return true;
  }
  return /^\p{Lu}\p{Ll}{3,}ly$/u.test(word);
}
