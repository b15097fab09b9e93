import { isNameToken, type Analysis } from './analysis';
import { makeCandidate, nameKey, normalizeName, spanText } from './candidate';
import { HEAD_FINAL, LOWERCASE_CUES, SHIP_PREFIXES, VESSEL_NOUNS } from './patternWords';
import { isAllCaps, joinable } from './tokenize';
import type { Candidate } from './types';

/**
 * Names whose type shows in a neighbouring word or in their own shape: "Zambales province",
 * "Malabar exercise", "Rafale fighter jets", "INS Delhi", "the Panama-flagged Ocean Falcon",
 * "F-16s", "APT31", "Resolution 2779".
 */
const MODEL = /^(?:\p{Lu}[\p{L}]{0,3}-\d+[\p{Lu}\p{Ll}]{0,4}|Type-?\d{2,3}[A-Z]?)$/u;
const THREAT_ACTOR = /^(?:APT|UNC|TA|FIN|DEV)\d+$/u;
const NUMBER = /^\d+$/u;

export function findCuePatterns(a: Analysis): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i]!;
    if (t.kind !== 'word') continue;
    if (SHIP_PREFIXES.has(t.text)) push(out, shipName(a, i));
    if (MODEL.test(t.text)) out.push(model(a, i));
    else if (THREAT_ACTOR.test(t.text)) out.push(makeCandidate(a.text, a.tokens, i, i + 1, 'organization', 'pattern'));
    if (t.text === 'Resolution' && NUMBER.test(a.tokens[i + 1]?.text ?? '') && adjacent(a, i, i + 1)) {
      out.push(makeCandidate(a.text, a.tokens, i, i + 2, 'other', 'pattern'));
    }
    if (VESSEL_NOUNS.has(t.text) || /-flagged$/u.test(t.text)) push(out, vesselAfter(a, i));
    const cue = LOWERCASE_CUES.get(t.text);
    if (cue) push(out, nameBeforeCue(a, i, cue));
  }
  return out;
}

function push(out: Candidate[], c: Candidate | Candidate[] | null): void {
  if (Array.isArray(c)) out.push(...c);
  else if (c) out.push(c);
}

const adjacent = (a: Analysis, i: number, j: number): boolean => {
  const x = a.tokens[i];
  const y = a.tokens[j];
  return x !== undefined && y !== undefined && joinable(a.text, x, y);
};

/** Capitalised tokens from `from` onwards (at most `max`), as an exclusive end index. */
function runAfter(a: Analysis, from: number, max: number): number {
  let end = from;
  while (end - from < max && isNameToken(a, end) && (end === from || adjacent(a, end - 1, end)) && !HEAD_FINAL.has(a.tokens[end]!.text)) end++;
  return end;
}

function shipName(a: Analysis, i: number): Candidate | null {
  if (!adjacent(a, i, i + 1)) return null;
  const end = runAfter(a, i + 1, 4);
  return end > i + 1 ? makeCandidate(a.text, a.tokens, i, end, 'other', 'pattern') : null;
}

function vesselAfter(a: Analysis, i: number): Candidate | null {
  if (!adjacent(a, i, i + 1) || SHIP_PREFIXES.has(a.tokens[i + 1]?.text ?? '') || a.gazetteer[i + 1]) return null;
  const end = runAfter(a, i + 1, 4);
  return end > i + 1 ? makeCandidate(a.text, a.tokens, i + 1, end, 'other', 'pattern') : null;
}

/** "AH-64E Apache", "F-16s": the plural s is not part of the designation. */
function model(a: Analysis, i: number): Candidate {
  let end = i + 1;
  while (end - i < 3 && isNameToken(a, end) && adjacent(a, end - 1, end) && !a.gazetteer[end] && !HEAD_FINAL.has(a.tokens[end]!.text) && !isAllCaps(a.tokens[end]!.text)) end++;
  const surface = spanText(a.text, a.tokens, i, end);
  const name = end === i + 1 ? surface.replace(/(?<=[\d\p{Lu}])s$/u, '') : surface;
  return makeCandidate(a.text, a.tokens, i, end, 'other', 'pattern', { key: nameKey(name), name: normalizeName(name) });
}

/**
 * The capitalised run right before a lowercase cue word, and any run coordinated with it
 * ("Hellfire and JAGM missiles"). Runs the gazetteer already explains are left to it.
 */
function nameBeforeCue(a: Analysis, cue: number, type: Candidate['type']): Candidate[] {
  const runs: [number, number][] = [];
  let end = cue;
  for (;;) {
    if (!adjacent(a, end - 1, end) || !isNameToken(a, end - 1)) break;
    let s = end - 1;
    while (s - 1 >= 0 && isNameToken(a, s - 1) && adjacent(a, s - 1, s) && end - s < 4) s--;
    runs.push([s, end]);
    const conj = a.tokens[s - 1];
    if (type !== 'other' || !conj || (conj.text !== 'and' && conj.text !== 'or') || !adjacent(a, s - 1, s)) break;
    end = s - 1;
  }
  const out: Candidate[] = [];
  for (const [s, e] of runs) {
    const first = a.tokens[s]!;
    if (a.gazetteer[s] && a.gazetteer[s]!.to >= e) continue;
    if (first.sentenceStart && e - s === 1 && /^\p{Lu}\p{Ll}+$/u.test(first.text) && type !== 'other') continue;
    if (type === 'event' && e === cue) {
      const bare = spanText(a.text, a.tokens, s, e);
      out.push(makeCandidate(a.text, a.tokens, s, cue + 1, type, 'pattern', { key: nameKey(bare), name: normalizeName(bare) }));
    } else {
      out.push(makeCandidate(a.text, a.tokens, s, e, type, 'pattern'));
    }
  }
  return out;
}
