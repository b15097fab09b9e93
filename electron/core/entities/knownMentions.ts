import { analyze } from './analysis';
import { nameKey } from './candidate';
import { strongNames, type DetectOptions } from './detectEntities';
import { rejectedSet } from './learning';
import type { KnownEntity } from './types';

/** Where a text names a confirmed entity; `entity` indexes the `known` list it was found with. */
export interface KnownMention {
  start: number;
  end: number;
  text: string;
  entity: number;
}

/**
 * The mentions of confirmed entities that detection would report in `text`, without its slow
 * stages: names and aliases by the same rules (case, whole words), a longer name around a form
 * winning over it ("Philippine Marine Corps" is not the US Marine Corps' "Marine Corps"), and
 * rejected forms left out. Those stages only label what these leave over, so the answer is the same.
 */
export function findKnownMentions(text: string, options: DetectOptions & { known: KnownEntity[] }): KnownMention[] {
  if (options.known.length === 0) return [];
  const { kept } = strongNames(analyze(text), options);
  const rejected = rejectedSet(options.rejected ?? []);
  const byKey = keysOf(options.known);
  const out: KnownMention[] = [];
  for (const c of kept) {
    // A bundled name counts when it is the entity's name or alias ("India" in "India-Japan", or
    // "U.S." for a confirmed "United States"): detection would offer it as that entity too.
    if (c.source !== 'known' && c.source !== 'gazetteer') continue;
    const entity = byKey.get(c.key);
    const surface = text.slice(c.start, c.end);
    if (entity === undefined || rejected.has(c.key) || rejected.has(nameKey(surface))) continue;
    out.push({ start: c.start, end: c.end, text: surface, entity });
  }
  return out;
}

/** Texts to find confirmed entities in, with what the workspace knows: one call (one worker message) for many texts. */
export interface KnownSearch {
  texts: { text: string; language?: string }[];
  known: KnownEntity[];
  rejected: string[];
}

export function findKnownInTexts({ texts, known, rejected }: KnownSearch): KnownMention[][] {
  return texts.map(({ text, language }) => findKnownMentions(text, { known, rejected, language }));
}

let lastKnown: readonly KnownEntity[] | null = null;
let lastKeys = new Map<string, number>();

/**
 * Each entity's names and aliases as grouping keys (what candidates carry) → its index. Names
 * come before aliases, and the first entity of a name wins, as in the phrase index.
 */
function keysOf(known: readonly KnownEntity[]): Map<string, number> {
  if (known === lastKnown) return lastKeys;
  const keys = new Map<string, number>();
  const add = (form: string, i: number) => {
    const key = nameKey(form);
    if (!keys.has(key)) keys.set(key, i);
  };
  known.forEach((k, i) => add(k.name, i));
  known.forEach((k, i) => k.aliases.forEach((alias) => add(alias, i)));
  lastKnown = known;
  lastKeys = keys;
  return keys;
}
