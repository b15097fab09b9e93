import { normalizeName } from './candidate';
import type { Candidate } from './types';

/**
 * Acronyms a text uses without defining them: "the paramilitary Rapid Support Forces … the RSF".
 * An all-caps mention that no stronger stage explained joins the one multi-word name in the same
 * text whose initials spell it; with two such names it stays as it is.
 */
const SKIPPED = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', '&', 'to']);
const WEAK = new Set<Candidate['source']>(['compromise', 'lexicon']);

export function initialsOf(name: string): string {
  return normalizeName(name)
    .replace(/'s\b|'/gu, '')
    .split(/[\s-]+/u)
    .filter((w) => w.length > 0 && !SKIPPED.has(w.toLowerCase()))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

export function linkImplicitAcronyms(text: string, candidates: Candidate[]): void {
  const byInitials = new Map<string, Set<string>>();
  const typeOf = new Map<string, Candidate['type']>();
  for (const c of candidates) {
    const surface = text.slice(c.start, c.end);
    if (!/\s/u.test(surface) || c.type === 'person') continue;
    const initials = initialsOf(surface);
    if (initials.length < 2) continue;
    const keys = byInitials.get(initials) ?? new Set<string>();
    keys.add(c.key);
    byInitials.set(initials, keys);
    typeOf.set(c.key, c.type);
  }
  for (const c of candidates) {
    const surface = text.slice(c.start, c.end);
    if (!WEAK.has(c.source) || !/^\p{Lu}{2,6}$/u.test(surface)) continue;
    const keys = byInitials.get(surface);
    if (keys?.size !== 1) continue;
    const key = [...keys][0]!;
    c.key = key;
    c.type = typeOf.get(key)!;
    c.source = 'acronym';
  }
}
