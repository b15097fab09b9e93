import type { Analysis } from './analysis';
import { makeCandidate, nameKey, normalizeName } from './candidate';
import { PhraseIndex } from './phraseIndex';
import { ScriptNameIndex } from './scriptNames';
import type { Candidate, KnownEntity } from './types';

/**
 * The analyst's corrections, applied to every later article: confirmed entities are found by name
 * and alias (whole words; short or all-caps forms only in the exact case, so a confirmed "Quad"
 * never matches "quad"), and rejected surface forms are never suggested again. Names and aliases
 * in other scripts (印度, インド, Индия, الهند) are also found as those scripts write them: inside
 * unspaced Chinese and Japanese, after Arabic and Hebrew clitics, inflected in Russian.
 */
export function knownIndex(known: readonly KnownEntity[]): KnownIndexes {
  const phrases = new PhraseIndex<KnownForm>();
  const scripts = new ScriptNameIndex<KnownForm>();
  for (const k of known) {
    // Normalised once here rather than at every mention.
    const entity: KnownForm = { entity: k, key: nameKey(k.name), name: normalizeName(k.name) };
    for (const form of [k.name, ...k.aliases]) {
      const f = normalizeName(form);
      if (f.length === 0) continue;
      if (ScriptNameIndex.accepts(f)) scripts.add(f, entity);
      // Cyrillic forms stay in the phrase index too: the exact form with its case rules.
      if (!ScriptNameIndex.accepts(f) || /^\p{Script=Cyrillic}/u.test(f)) phrases.add(f, entity, isShortOrAcronym(f));
    }
  }
  return { phrases, scripts };
}

interface KnownIndexes {
  phrases: PhraseIndex<KnownForm>;
  scripts: ScriptNameIndex<KnownForm>;
}

/** A known entity with its grouping key and stored name. */
interface KnownForm {
  entity: KnownEntity;
  key: string;
  name: string;
}

export function isShortOrAcronym(form: string): boolean {
  return form.length <= 5 || (/\p{Lu}/u.test(form) && form === form.toUpperCase());
}

/**
 * The index of the last list of known entities. The core reads the workspace's list afresh for
 * every detection (a new array each time, possibly through a worker message), but it rarely
 * changes between two articles; comparing 5,000 names is far cheaper than indexing them again.
 */
let lastKnown: KnownEntity[] = [];
let lastIndex: KnownIndexes | null = null;

function sameKnown(a: readonly KnownEntity[], b: readonly KnownEntity[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.name !== y.name || x.type !== y.type || x.aliases.length !== y.aliases.length) return false;
    for (let j = 0; j < x.aliases.length; j++) if (x.aliases[j] !== y.aliases[j]) return false;
  }
  return true;
}

function cachedKnownIndex(known: readonly KnownEntity[]): KnownIndexes {
  if (lastIndex && sameKnown(known, lastKnown)) return lastIndex;
  // A copy, so a caller that later edits its objects in place cannot make the cache stale.
  lastKnown = known.map((k) => ({ name: k.name, type: k.type, aliases: [...k.aliases] }));
  lastIndex = knownIndex(lastKnown);
  return lastIndex;
}

export function knownCandidates(a: Analysis, known: readonly KnownEntity[]): Candidate[] {
  if (known.length === 0) return [];
  const { phrases, scripts } = cachedKnownIndex(known);
  const out: Candidate[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    if (a.tokens[i]!.kind !== 'word') continue;
    const m = phrases.matchAt(a.text, a.tokens, i);
    if (!m) continue;
    const { entity, key, name } = m.payload;
    out.push(makeCandidate(a.text, a.tokens, m.from, m.to, entity.type, 'known', { key, name, aliases: entity.aliases }));
  }
  for (const m of scripts.find(a.text, a.tokens)) {
    const { entity, key, name } = m.payload;
    out.push({ start: m.start, end: m.end, from: m.from, to: m.to, type: entity.type, source: 'known', key, name, aliases: entity.aliases });
  }
  return out;
}

/** Rejected forms compare like names: case-insensitive, straight apostrophes. */
export function rejectedSet(rejected: readonly string[]): Set<string> {
  return new Set(rejected.map(nameKey).filter((k) => k.length > 0));
}
