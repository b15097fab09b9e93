import type { EntityType } from '../../common/model/entityType';
import { isNameToken, type Analysis } from './analysis';
import { makeCandidate, nameKey, spanText } from './candidate';
import { HEAD_FINAL } from './patternWords';
import { joinable } from './tokenize';
import type { Candidate } from './types';

/**
 * Acronyms the text defines: "Quadrilateral Security Dialogue (Quad)", "… Agreement (RPSSA)", and
 * the reverse "RPSSA (Reciprocal Provision …)". Both forms become one entity, and every later (or
 * earlier) standalone use of the acronym is a mention of it.
 */
export interface AcronymDefinition {
  /** Token range of the long form. */
  longFrom: number;
  longTo: number;
  /** Token index of the acronym. */
  acronym: number;
  /** A lowercase long form ("multiple independently targetable re-entry vehicles (MIRVs)") names a thing, not a body. */
  term?: boolean;
}

const ACRONYM = /^(?:\p{Lu}[\p{Lu}\p{N}&+]*(?:-\p{L}+)?|\p{Lu}\p{Ll}{1,4}|\p{Lu}{2,}s)$/u;
const LONG_CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', '&', 'de', 'to', 'in']);
const MAX_LONG_TOKENS = 12;
const GENERIC_KINDS = new Set(['agency', 'project', 'programme', 'program', 'group', 'initiative', 'force', 'network', 'movement', 'coalition', 'alliance', 'forum', 'party', 'mission']);

/** Letters of `short` appear in order in `long`, starting with its first letter. */
export function fitsAcronym(short: string, long: string): boolean {
  const s = short.toLowerCase().replace(/-plus$/u, '').replace(/[^\p{L}\p{N}]/gu, '');
  const l = long.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (s.length < 2 || l.length <= s.length || s[0] !== l[0]) return false;
  let k = 0;
  for (const ch of l) if (ch === s[k]) k++;
  return k === s.length;
}

/**
 * `names` are spans already recognised (patterns, gazetteer): an all-caps acronym right after one
 * is its acronym even when the letters do not fit, as with translated names ("Security Service of
 * Ukraine (SBU)", "National Council for the Safeguard of the Homeland (CNSP)").
 */
export function findAcronymDefinitions(a: Analysis, names: readonly { from: number; to: number }[] = []): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const { tokens } = a;
  const nameEndingAt = new Map<number, number>();
  for (const n of names) if (n.to - n.from >= 2 && (nameEndingAt.get(n.to) ?? n.to) > n.from) nameEndingAt.set(n.to, n.from);
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')') continue;
    const inner = tokens[i + 1]!;
    if (inner.kind !== 'word' || !ACRONYM.test(inner.text)) continue;
    const long = longFormBefore(a, i, inner.text);
    const named = nameEndingAt.get(i);
    const term = long || named !== undefined ? null : lowercaseLongForm(a, i, inner.text);
    if (long) out.push({ longFrom: long[0], longTo: long[1], acronym: i + 1 });
    else if (named !== undefined && /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(inner.text)) out.push({ longFrom: named, longTo: i, acronym: i + 1 });
    else if (term) out.push({ longFrom: term[0], longTo: term[1], acronym: i + 1, term: true });
  }
  for (let i = 1; i + 3 < tokens.length; i++) {
    const acr = tokens[i - 1]!;
    if (tokens[i]!.text !== '(' || acr.kind !== 'word' || !/^\p{Lu}[\p{Lu}\p{N}]+$/u.test(acr.text)) continue;
    let end = i + 1;
    while (end < tokens.length && tokens[end]!.text !== ')' && end - i <= MAX_LONG_TOKENS) end++;
    if (tokens[end]?.text !== ')' || !isNameToken(a, i + 1)) continue;
    if (fitsAcronym(acr.text, spanText(a.text, tokens, i + 1, end))) out.push({ longFrom: i + 1, longTo: end, acronym: i - 1 });
  }
  return out;
}

/**
 * The shortest run of capitalised words (with inner "of", "and", …) ending before "(" whose letters
 * spell the acronym: "Hou Yu-ih of the Kuomintang (KMT)" → "Kuomintang".
 */
function longFormBefore(a: Analysis, paren: number, acronym: string): [number, number] | null {
  // "… Operations agency (UKMTO)", "… Event Data project (ACLED)": the kind word is not in the name.
  const end = GENERIC_KINDS.has(a.tokens[paren - 1]?.text ?? '') ? paren - 1 : paren;
  let j = end - 1;
  const starts: number[] = [];
  while (j >= 0 && end - j <= MAX_LONG_TOKENS) {
    const t = a.tokens[j]!;
    if (j < end - 1 && !joinable(a.text, t, a.tokens[j + 1]!) && a.tokens[j + 1]!.text !== ',') break;
    if (isNameToken(a, j)) starts.push(j);
    else if (t.kind === 'poss' || (t.kind === 'word' && LONG_CONNECTORS.has(t.text))) {
      /* inside a name */
    } else if (t.text === ',' && isNameToken(a, j - 1) && isNameToken(a, j + 1)) {
      /* "Ministry of Economy, Trade and Industry" */
    } else break;
    j--;
  }
  for (const s of starts) {
    if (fitsAcronym(acronym, spanText(a.text, a.tokens, s, end))) return [s, end];
  }
  return null;
}

/**
 * A technical term defined in lower case: the words before "(" whose first and last initials are
 * the acronym's and whose letters spell it ("multiple independently targetable re-entry vehicles").
 */
function lowercaseLongForm(a: Analysis, paren: number, acronym: string): [number, number] | null {
  const letters = acronym.replace(/s$/u, '').toLowerCase();
  if (!/^\p{Lu}{2,}s?$/u.test(acronym) || letters.length < 3) return null;
  const last = a.tokens[paren - 1];
  if (!last || last.kind !== 'word' || !/^\p{Ll}/u.test(last.text) || last.text[0] !== letters[letters.length - 1]) return null;
  for (let s = paren - 1; s >= 0 && paren - s <= letters.length + 3; s--) {
    const t = a.tokens[s]!;
    if (t.kind !== 'word' || !/^\p{Ll}[\p{Ll}-]*$/u.test(t.text)) return null;
    if (t.text[0] === letters[0] && fitsAcronym(letters, spanText(a.text, a.tokens, s, paren))) return [s, paren];
  }
  return null;
}

/** Type of a long form nobody else typed: its head word says, else organisations are likeliest. */
export function typeOfLongForm(a: Analysis, from: number, to: number): EntityType {
  for (let k = to - 1; k >= from; k--) {
    const head = HEAD_FINAL.get(a.tokens[k]!.text);
    if (head) return head;
  }
  return 'organization';
}

/**
 * Candidates for a definition: the long form, the acronym in brackets, and every other whole-word,
 * same-case use of the acronym. They share the long form's key.
 */
export function acronymCandidates(a: Analysis, def: AcronymDefinition, type: EntityType, positions: ReadonlyMap<string, readonly number[]>): Candidate[] {
  const longText = spanText(a.text, a.tokens, def.longFrom, def.longTo);
  const key = nameKey(longText);
  const acronym = a.tokens[def.acronym]!.text;
  // "(MIRVs)" defines MIRV too: later text says "MIRV technology".
  const singular = /^\p{Lu}{2,}s$/u.test(acronym) ? acronym.slice(0, -1) : acronym;
  const out: Candidate[] = [makeCandidate(a.text, a.tokens, def.longFrom, def.longTo, type, 'acronym', { key, aliases: [singular] })];
  for (const form of new Set([acronym, singular])) {
    for (const k of positions.get(form) ?? []) out.push(makeCandidate(a.text, a.tokens, k, k + 1, type, 'acronym', { key, aliases: [longText] }));
  }
  return out;
}
