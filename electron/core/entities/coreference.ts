import { nameKey, normalizeName } from './candidate';
import { isFamilyNameFirst } from './lexicon';
import type { Candidate } from './types';

/**
 * Short references to people already named in the same article: "Singh" → Rajnath Singh,
 * "Lai" → Lai Ching-te, "Ferdinand Marcos" → Ferdinand Marcos Jr. Only capitalised proper forms
 * are resolved ("the minister" is never a mention), and a form two people share stays unresolved.
 */
const SUFFIXES = /^(?:Jr|Sr|II|III|IV)\.?$/u;
const RANKS = /^(?:Gen|General|Adm|Admiral|Col|Colonel|Lt|Maj|Capt|Cmdr|Brig|Commodore|Marshal)\.?$/u;

/** The words of a person's name that carry identity (no initials, suffixes or rank). */
export function nameWords(name: string): string[] {
  return normalizeName(name)
    .split(' ')
    .filter((w) => w.length > 0 && !SUFFIXES.test(w) && !/^\p{Lu}\.?$/u.test(w));
}

/** How an article may later refer to a person: the family name, and without particles. */
export function shortFormsOf(name: string): string[] {
  const words = nameWords(name).filter((w) => !RANKS.test(w));
  if (words.length < 2) return words.length === 1 && nameWords(name).length > 1 ? words : [];
  const first = words[0]!;
  const last = words[words.length - 1]!;
  // "Lai Ching-te", "Wang Yi": family name first; a hyphenated lowercase given name gives it away.
  const familyFirst = isFamilyNameFirst(first) || /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(last);
  const forms = familyFirst ? [first] : [last];
  const bare = /^(?:al|el)-(.+)$/u.exec(forms[0]!);
  if (bare?.[1]) forms.push(bare[1]);
  return forms;
}

export class PersonIndex {
  /** Lower-cased form → keys of people it may mean. */
  private readonly forms = new Map<string, Set<string>>();
  /** Where each person is first named. */
  private readonly firstSeen = new Map<string, number>();

  constructor(people: readonly Candidate[], text: string) {
    // A person is mentioned many times the same way; each way needs indexing once.
    const indexed = new Set<string>();
    for (const p of people) {
      if (p.type !== 'person') continue;
      this.firstSeen.set(p.key, Math.min(this.firstSeen.get(p.key) ?? Infinity, p.start));
      const surface = text.slice(p.start, p.end);
      const id = `${p.key}\u0000${surface}\u0000${(p.shortForms ?? []).join('\u0000')}`;
      if (indexed.has(id)) continue;
      indexed.add(id);
      const words = nameWords(surface).filter((w) => !RANKS.test(w));
      this.add(surface, p.key);
      for (const f of [...shortFormsOf(surface), ...(p.shortForms ?? [])]) this.add(f, p.key);
      // Any contiguous part that includes the family name: "Ferdinand Marcos" of "Ferdinand Marcos Jr."
      for (let s = 0; s < words.length; s++) {
        for (let e = s + 2; e <= words.length; e++) this.add(words.slice(s, e).join(' '), p.key);
      }
    }
  }

  private add(form: string, key: string): void {
    const k = nameKey(form);
    const set = this.forms.get(k) ?? new Set<string>();
    set.add(key);
    this.forms.set(k, set);
  }

  /**
   * The one person this form refers to, or null when none or several. A form two people share
   * ("Kim's sister, Kim Yo Jong") goes to the only one named before `at`, if there is exactly one.
   */
  resolve(form: string, at = Infinity): string | null {
    const keys = this.forms.get(nameKey(form));
    if (!keys) return null;
    if (keys.size === 1) return [...keys][0]!;
    const before = [...keys].filter((k) => (this.firstSeen.get(k) ?? Infinity) < at);
    return before.length === 1 ? before[0]! : null;
  }
}

/**
 * People first met by a bare surname ("President Macron") and later in full ("Emmanuel Macron")
 * are one person: rewrite the short key to the full one when exactly one full name fits.
 */
export function mergeShortPeople(candidates: Candidate[], text: string): void {
  const people = candidates.filter((c) => c.type === 'person');
  const wordsBySurface = new Map<string, string[]>();
  const wordsOf = (p: Candidate): string[] => {
    const surface = text.slice(p.start, p.end);
    let words = wordsBySurface.get(surface);
    if (!words) wordsBySurface.set(surface, (words = nameWords(surface).filter((w) => !RANKS.test(w))));
    return words;
  };
  const full = new PersonIndex(
    people.filter((p) => wordsOf(p).length > 1),
    text,
  );
  const rewrite = new Map<string, string>();
  for (const p of people) {
    const words = wordsOf(p);
    if (words.length !== 1) continue;
    const target = full.resolve(words[0]!);
    if (target && target !== p.key) rewrite.set(p.key, target);
  }
  for (const c of candidates) {
    const to = rewrite.get(c.key);
    if (to) c.key = to;
  }
}
