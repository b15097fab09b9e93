/**
 * Counts in words ("1 mention", "3 mentions", "0 notes"): one helper, so no screen or export
 * says "1 mentions". The plural category comes from Intl.PluralRules rather than `n === 1`, so
 * the choice is made the way the language makes it (English: only exactly 1 is singular; 1.5 and
 * 0 are plural). This is for what Dossier writes in English whatever the UI language (exports,
 * the CLI); the window's own counts go through the message catalogs' plural forms
 * (renderer/src/i18n: `countOf`), so Arabic gets its six.
 */
const rules = new Intl.PluralRules('en');

/** An English noun's two forms; regular nouns give only the singular ("note" → "notes"). */
export function nounFor(n: number, singular: string, plural = `${singular}s`): string {
  return rules.select(n) === 'one' ? singular : plural;
}

/** "1 mention", "2 mentions", "1 reply", "2 replies" (irregular plurals given explicitly). */
export function countOf(n: number, singular: string, plural?: string): string {
  return `${n} ${nounFor(n, singular, plural)}`;
}
