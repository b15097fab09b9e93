import nlp from 'compromise';
import type { Analysis } from './analysis';
import type { Run } from './residualRuns';

/**
 * Whether asking compromise about a run can change anything, for the commonest run of all: one
 * capitalised word opening a sentence. compromise gives a word at a sentence start no credit for its
 * capital (checkCase skips the first term), so a word its lexicon does not know can only be read as
 * a name from its ending ("Shevchenko", "Evesham"), a name-like regex ("McNeil") or the word after
 * it ("Foo bank", "Foo province", "Foo Jr."). When none of those is there, its reading is empty, the
 * run's verdict is the same without it, and the tagger (the dearest stage by far) is spared.
 *
 * Read from compromise's own tables (preTagger/model), so an upgrade that adds clues is followed.
 * taggerClues.test.ts compares the answer with compromise's actual reading on the dev set.
 */

const NAME_TAG = /Person|Name|Place|Country|City|Region|Organization|SportsTeam|Demonym|ProperNoun|Honorific|Acronym/u;
const PLAIN_WORD = /^\p{Lu}\p{Ll}+$/u;
/** Quotes and brackets: compromise joins sentences around them (see taggerInput.ts), so the word may not open one. */
const JOINERS = /["'()[\]{}\u00AB\u00BB\u2018-\u201F\u2032-\u2037\u2039\u203A\u2E42\u300C-\u300F\u301D-\u301F\uFF02\uFF08\uFF09]/u;
const SENTENCE_END = new Set(['.', '!', '?']);
const LETTER = /\p{L}/u;
/** tagRuns' context: the same window compromise would be shown. */
const WINDOW = 4;

interface Tables {
  lexicon: Record<string, unknown>;
  /** First words of compromise's multi-word entries, which it matches before tagging. */
  phraseStarts: Set<string>;
  abbreviations: Record<string, unknown>;
  suffixes: (Record<string, string> | null)[];
  endsWith: Record<string, [RegExp, string][]>;
  regexes: [RegExp, string][];
  /** Next words that make compromise read the word before as a name. */
  nameAfter: Set<string>;
}

let tables: Tables | null = null;

function load(): Tables {
  if (tables) return tables;
  const model = nlp.model() as unknown as {
    one: { lexicon: Record<string, unknown>; _multiCache?: Record<string, unknown>; frozenLex?: Record<string, unknown>; abbreviations: Record<string, unknown> };
    two: {
      suffixPatterns: (Record<string, string> | null)[];
      endsWith: Record<string, [RegExp, string][]>;
      regexNormal: [RegExp, string][];
      regexText: [RegExp, string][];
      orgWords: Record<string, unknown>;
      placeWords: Record<string, unknown>;
      neighbours: { rightWords: [string, string][] };
    };
  };
  const phraseStarts = new Set<string>(Object.keys(model.one._multiCache ?? {}));
  for (const phrase of Object.keys(model.one.frozenLex ?? {})) phraseStarts.add(phrase.split(' ')[0]!);
  const nameAfter = new Set([...Object.keys(model.two.orgWords), ...Object.keys(model.two.placeWords)]);
  for (const [word, tag] of model.two.neighbours.rightWords) if (NAME_TAG.test(tag)) nameAfter.add(word);
  // Only the patterns that give a name tag matter here; the others are dropped once.
  const endsWith: Tables['endsWith'] = {};
  for (const [last, list] of Object.entries(model.two.endsWith)) {
    const named = list.filter(([, tag]) => NAME_TAG.test(tag));
    if (named.length > 0) endsWith[last] = named;
  }
  tables = {
    lexicon: model.one.lexicon,
    phraseStarts,
    abbreviations: model.one.abbreviations,
    suffixes: model.two.suffixPatterns,
    endsWith,
    regexes: [...model.two.regexText, ...model.two.regexNormal].filter(([, tag]) => NAME_TAG.test(tag)),
    nameAfter,
  };
  return tables;
}

/** compromise's suffixLoop (preTagger 2nd-pass/02-suffix.js): the tag of the longest known ending. */
function suffixTag(word: string, suffixes: Tables['suffixes']): string | null {
  const max = word.length <= 7 ? word.length - 1 : 7;
  for (let i = max; i > 1; i--) {
    const table = suffixes[i];
    const ending = word.slice(word.length - i);
    if (table && Object.prototype.hasOwnProperty.call(table, ending)) return table[ending]!;
  }
  return null;
}

/** The word's own clues: an ending or a pattern compromise reads as part of a name. */
function wordHasClue(text: string, t: Tables): boolean {
  const word = text.toLowerCase();
  const suffix = suffixTag(word, t.suffixes);
  if (suffix !== null && NAME_TAG.test(suffix)) return true;
  for (const [re] of t.endsWith[word.charAt(word.length - 1)] ?? []) if (re.test(word)) return true;
  for (const [re] of t.regexes) if (re.test(text) || re.test(word)) return true;
  return false;
}

/**
 * compromise starts a sentence at the run too: after ". " ending a word of letters that is not an
 * abbreviation, an initial or an ellipsis (its isSentence: a chunk without letters, "2025. ",
 * joins the next one).
 */
function opensItsSentence(a: Analysis, run: Run, t: Tables): boolean {
  if (run.from === 0) return true;
  const stop = a.tokens[run.from - 1]!;
  if (!SENTENCE_END.has(stop.text) || stop.end === a.tokens[run.from]!.start) return false;
  const before = a.tokens[run.from - 2];
  if (!before || before.kind !== 'word' || before.end !== stop.start || SENTENCE_END.has(a.tokens[run.from - 3]?.text ?? '')) return false;
  if (before.text.length < 2 || !LETTER.test(before.text)) return false;
  return !Object.prototype.hasOwnProperty.call(t.abbreviations, before.text.toLowerCase());
}

/**
 * True when compromise could read a name into this run, or it is not the kind of run this test
 * knows (then compromise is asked, as before).
 */
export function taggerMayReadName(a: Analysis, run: Run): boolean {
  if (run.to - run.from !== 1) return true;
  const token = a.tokens[run.from]!;
  if (!token.sentenceStart || !PLAIN_WORD.test(token.text)) return true;
  const t = load();
  const lower = token.text.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(t.lexicon, lower) || t.phraseStarts.has(lower)) return true;
  if (!opensItsSentence(a, run, t)) return true;
  const from = a.tokens[Math.max(0, run.from - WINDOW)]!.start;
  const to = a.tokens[Math.min(a.tokens.length, run.to + WINDOW) - 1]!.end;
  if (JOINERS.test(a.text.slice(from, to))) return true;
  if (wordHasClue(token.text, t)) return true;
  const next = a.tokens[run.to];
  return next !== undefined && next.kind === 'word' && t.nameAfter.has(next.text.toLowerCase());
}
