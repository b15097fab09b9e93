import type { DetectedEntity } from '../../common/model/entity';
import { acronymCandidates, findAcronymDefinitions, typeOfLongForm } from './acronyms';
import { analyze, type Analysis } from './analysis';
import { assembleEntities } from './assembleEntities';
import { nameKey } from './candidate';
import { findCasedRuns } from './casedRuns';
import { classifyRuns } from './classifyRuns';
import { mergeShortPeople } from './coreference';
import { findCuePatterns } from './cuePatterns';
import { gazetteerCandidates } from './dictionaryCandidates';
import { linkImplicitAcronyms } from './implicitAcronyms';
import { knownCandidates, rejectedSet } from './learning';
import { findNamePatterns } from './namePatterns';
import { findResidualRuns } from './residualRuns';
import { resolveOverlaps } from './resolveOverlaps';
import { mostlyLatin } from './scripts';
import { findTitledPersons } from './titles';
import type { Token } from './tokenize';
import type { Candidate, KnownEntity } from './types';

export interface DetectOptions {
  /** Entities the analyst confirmed: found in every later text by name and alias. */
  known?: KnownEntity[];
  /** Surface forms the analyst rejected: never suggested again. */
  rejected?: string[];
  /**
   * BCP 47 tag of the text. The rules are written for English; other languages get the
   * dictionaries, and capitalised runs where their script has case. Unstated, a text whose letters
   * are mostly Latin is read as English.
   */
  language?: string;
}

/**
 * Offline entity detection: one entry per distinct entity, mentions merged and non-overlapping,
 * sorted by first mention. Deterministic for a given text and options.
 *
 * Stages, strongest first: the analyst's known entities, the bundled gazetteer, name patterns and
 * cues, titles before names, acronym definitions; overlaps resolve longest-first; what is left
 * (capitalised runs nothing explained) goes to coreference, name lexicons and compromise.
 */
export function detectEntities(text: string, options: DetectOptions = {}): DetectedEntity[] {
  const a = analyze(text);
  const { kept, blocked, english } = strongNames(a, options);
  const occupied = new Uint8Array(a.tokens.length);
  for (const c of [...kept, ...blocked]) occupied.fill(1, c.from, c.to);
  const rest = english ? classifyRuns(a, findResidualRuns(a, occupied), kept) : findCasedRuns(a, occupied);
  const all = rest.length === 0 ? kept : [...kept, ...rest].sort((x, y) => x.start - y.start);
  mergeShortPeople(all, text);
  linkImplicitAcronyms(text, all);
  return applyRejections(assembleEntities(text, all), rejectedSet(options.rejected ?? []));
}

/**
 * The names the dictionaries and rules find, overlaps resolved: what later stages never override,
 * and so where a confirmed entity's mentions are decided (linking them on import reads the same).
 */
export function strongNames(a: Analysis, options: DetectOptions): { kept: Candidate[]; blocked: Candidate[]; english: boolean } {
  const english = options.language === undefined ? mostlyLatin(a.text) : /^en\b/iu.test(options.language);
  const strong: Candidate[] = [...knownCandidates(a, options.known ?? []), ...gazetteerCandidates(a)];
  if (english) strong.push(...findNamePatterns(a), ...findCuePatterns(a), ...findTitledPersons(a));
  const named = strong.filter((c) => !c.blocker && c.source !== 'known');
  const bySpan = new Map(named.map((c) => [`${c.from}:${c.to}`, c]));
  const positions = wordPositions(a.tokens);
  for (const def of findAcronymDefinitions(a, named)) {
    const exact = bySpan.get(`${def.longFrom}:${def.longTo}`);
    const type = def.term ? 'other' : (exact?.type ?? typeOfLongForm(a, def.longFrom, def.longTo));
    strong.push(...acronymCandidates(a, def, type, positions));
  }
  return { ...resolveOverlaps(strong, a.text.length), english };
}

/** Where each word occurs, so an acronym's later uses are found without rescanning the text. */
function wordPositions(tokens: readonly Token[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || !startsUpper(t.text)) return;
    const list = out.get(t.text);
    if (list) list.push(i);
    else out.set(t.text, [i]);
  });
  return out;
}

/** `/^\p{Lu}/u`, with ASCII answered without a regex. */
function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(word);
}

function applyRejections(entities: DetectedEntity[], rejected: Set<string>): DetectedEntity[] {
  if (rejected.size === 0) return entities;
  const out: DetectedEntity[] = [];
  for (const e of entities) {
    if (rejected.has(nameKey(e.name))) continue;
    const mentions = e.mentions.filter((m) => !rejected.has(nameKey(m.text)));
    if (mentions.length === 0) continue;
    out.push({ ...e, aliases: e.aliases.filter((al) => !rejected.has(nameKey(al))), mentions });
  }
  return out;
}
