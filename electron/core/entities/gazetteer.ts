import type { EntityType } from '../../common/model/entityType';
import { AGREEMENTS, EVENTS, OTHER_NAMES } from './gazetteer/agreementsAndEvents';
import { COUNTRIES, OTHER_STATES } from './gazetteer/countries';
import { COUNTRY_NAMES } from './gazetteer/countryNames';
import { AMBIGUOUS_FORMS, OTHER_SCRIPT_DEMONYMS, OTHER_SCRIPT_NAMES, POINTED_FORMS } from './gazetteer/otherScripts';
import { COMPANIES, INTERNATIONAL_ORGANIZATIONS, NATIONAL_BODIES } from './gazetteer/organizations';
import { REGIONS, WATERS } from './gazetteer/places';
import { PhraseIndex, type PhraseMatch } from './phraseIndex';
import { ScriptNameIndex, type ScriptMatch } from './scriptNames';
import type { Token } from './tokenize';

/** One bundled entity: its canonical name, type and every form that refers to it. */
export interface GazetteerEntry {
  name: string;
  type: EntityType;
  aliases: string[];
  demonyms: string[];
}

export interface GazetteerHit {
  name: string;
  type: EntityType;
  /** "Japanese" rather than "Japan": an adjective, so also fine inside titles ("Japanese counterpart"). */
  demonym: boolean;
}

const lines = (block: string): string[][] =>
  block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => l.split('|'));

const list = (field: string | undefined): string[] =>
  (field ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** "Afghan" → "Afghans", "Solomon Islander" → "Solomon Islanders"; "Chinese", "Swiss" have none. */
export function demonymPlural(demonym: string): string | null {
  if (/(?:ese|ish|ch|ss|sh|i|s|x|z)$/u.test(demonym)) return /i$/u.test(demonym) ? `${demonym}s` : null;
  return `${demonym}s`;
}

function parseStates(block: string, entries: GazetteerEntry[]): void {
  for (const [name, aliases, demonyms, cities] of lines(block)) {
    if (!name) continue;
    const forms = list(demonyms);
    const plurals = forms.map(demonymPlural).filter((p): p is string => p !== null);
    entries.push({ name, type: 'place', aliases: list(aliases), demonyms: [...forms, ...plurals] });
    for (const city of list(cities)) entries.push({ name: city, type: 'place', aliases: [], demonyms: [] });
  }
}

function parseNamed(block: string, type: EntityType, entries: GazetteerEntry[]): void {
  for (const [name, aliases] of lines(block)) {
    if (name) entries.push({ name, type, aliases: list(aliases), demonyms: [] });
  }
}

let cachedEntries: GazetteerEntry[] | null = null;
let cachedIndex: PhraseIndex<GazetteerHit> | null = null;
let cachedFolded: PhraseIndex<GazetteerHit> | null = null;

export function gazetteerEntries(): readonly GazetteerEntry[] {
  if (cachedEntries) return cachedEntries;
  const entries: GazetteerEntry[] = [];
  parseStates(COUNTRIES, entries);
  parseStates(OTHER_STATES, entries);
  parseNamed(REGIONS, 'place', entries);
  parseNamed(WATERS, 'place', entries);
  parseNamed(INTERNATIONAL_ORGANIZATIONS, 'organization', entries);
  parseNamed(NATIONAL_BODIES, 'organization', entries);
  parseNamed(COMPANIES, 'organization', entries);
  parseNamed(AGREEMENTS, 'agreement', entries);
  parseNamed(EVENTS, 'event', entries);
  parseNamed(OTHER_NAMES, 'other', entries);
  cachedEntries = entries;
  return entries;
}

function buildIndex(caseSensitive: boolean): PhraseIndex<GazetteerHit> {
  const index = new PhraseIndex<GazetteerHit>();
  for (const e of gazetteerEntries()) {
    index.add(e.name, { name: e.name, type: e.type, demonym: false }, caseSensitive);
    for (const a of e.aliases) index.add(a, { name: e.name, type: e.type, demonym: false }, caseSensitive);
    for (const d of e.demonyms) index.add(d, { name: e.name, type: e.type, demonym: true }, caseSensitive);
  }
  return index;
}

/**
 * Built once per process: about 2,000 phrases, a few milliseconds. Proper names are capitalised,
 * so matching is exact: "US" is never "us", "WHO" never "who".
 */
export function gazetteerIndex(): PhraseIndex<GazetteerHit> {
  cachedIndex ??= buildIndex(true);
  return cachedIndex;
}

/** The same names without case, for all-caps text only. */
function foldedIndex(): PhraseIndex<GazetteerHit> {
  cachedFolded ??= buildIndex(false);
  return cachedFolded;
}

/**
 * The longest bundled name at token `i`. All-caps words are also read without case so that
 * datelines ("ADDIS ABABA — …", "PORT-AU-PRINCE — …") resolve; real acronyms still match exactly.
 */
export function lookupGazetteer(text: string, tokens: readonly Token[], i: number): PhraseMatch<GazetteerHit> | null {
  const exact = gazetteerIndex().matchAt(text, tokens, i);
  const t = tokens[i];
  if (!t || t.text.length < 3 || t.text !== t.text.toUpperCase() || !/\p{Lu}\p{Lu}/u.test(t.text)) return exact;
  const folded = foldedIndex().matchAt(text, tokens, i);
  if (folded && (!exact || folded.to > exact.to)) return folded;
  return exact;
}

/** A bundled name in another script: which gazetteer entry it names, in which language. */
export interface ScriptName {
  name: string;
  language: string;
  form: string;
}

let cachedScriptNames: ScriptName[] | null = null;

/**
 * Country names from CLDR (countryNames.ts) and the hand-kept capitals, seas and everyday forms
 * (otherScripts.ts), each tied to its English entry, so 印度, インド, Индия and الهند are India.
 */
export function scriptNames(): readonly ScriptName[] {
  if (cachedScriptNames) return cachedScriptNames;
  const out: ScriptName[] = [];
  for (const block of [COUNTRY_NAMES, OTHER_SCRIPT_NAMES]) {
    for (const [head, ...fields] of lines(block)) {
      // countryNames.ts lines start with the ISO code: "IN India".
      const name = head!.replace(/^[A-Z]{2} /u, '');
      for (const field of fields) {
        const space = field.indexOf(' ');
        const language = field.slice(0, space);
        for (const form of list(field.slice(space + 1))) if (!AMBIGUOUS_FORMS.has(form)) out.push({ name, language, form });
      }
    }
  }
  cachedScriptNames = out;
  return out;
}

let cachedScriptDemonyms: ScriptName[] | null = null;

/**
 * The demonyms of otherScripts.ts, every form they take in the text: an Arabic nisba adjective
 * with its feminine and the article (هندي هندية الهندي الهندية), a Cyrillic adjective lower case
 * and capitalised (японский, Японский: its endings are read by the index).
 */
export function scriptDemonyms(): readonly ScriptName[] {
  if (cachedScriptDemonyms) return cachedScriptDemonyms;
  const out: ScriptName[] = [];
  for (const [name, ...fields] of lines(OTHER_SCRIPT_DEMONYMS)) {
    for (const field of fields) {
      const space = field.indexOf(' ');
      const language = field.slice(0, space);
      for (const form of list(field.slice(space + 1))) {
        for (const variant of demonymVariants(language, form)) out.push({ name: name!, language, form: variant });
      }
    }
  }
  cachedScriptDemonyms = out;
  return out;
}

function demonymVariants(language: string, form: string): string[] {
  if (language === 'ar' && form.endsWith('\u064A') && !form.startsWith('\u0627\u0644')) {
    return [form, `${form}\u0629`, `\u0627\u0644${form}`, `\u0627\u0644${form}\u0629`];
  }
  if (language === 'ru' || language === 'uk') return [form, form.charAt(0).toUpperCase() + form.slice(1)];
  return [form];
}

let cachedScriptIndex: ScriptNameIndex<GazetteerHit> | null = null;

/** Built once per process, like the English index: about 3,500 forms. */
export function scriptGazetteerIndex(): ScriptNameIndex<GazetteerHit> {
  if (cachedScriptIndex) return cachedScriptIndex;
  const types = new Map(gazetteerEntries().map((e) => [e.name, e.type] as const));
  const index = new ScriptNameIndex<GazetteerHit>();
  for (const { name, form } of scriptNames()) index.add(form, { name, type: types.get(name) ?? 'place', demonym: false }, { pointed: POINTED_FORMS.has(form) });
  for (const { name, form } of scriptDemonyms()) index.add(form, { name, type: types.get(name) ?? 'place', demonym: true });
  cachedScriptIndex = index;
  return index;
}

/** Bundled names written in scripts other than Latin (see ScriptNameIndex for how each script is read). */
export function findScriptGazetteer(text: string, tokens: readonly Token[]): ScriptMatch<GazetteerHit>[] {
  return scriptGazetteerIndex().find(text, tokens);
}
