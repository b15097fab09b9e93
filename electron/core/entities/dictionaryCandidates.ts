import type { Analysis } from './analysis';
import { makeCandidate, makeSubTokenCandidate, nameKey } from './candidate';
import { findScriptGazetteer, lookupGazetteer } from './gazetteer';
import type { Candidate } from './types';

/**
 * Bundled names found in the text, including inside hyphenated compounds of names ("India-Japan",
 * "US-China" are one token). Endings like "-flagged" are split off by the tokenizer already.
 */
export function gazetteerCandidates(a: Analysis): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    const m = a.gazetteer[i];
    if (m) {
      const hit = m.payload;
      out.push(makeCandidate(a.text, a.tokens, m.from, m.to, hit.type, 'gazetteer', { key: nameKey(hit.name), name: hit.name }));
      continue;
    }
    const t = a.tokens[i]!;
    if (t.kind === 'word' && /[-\u2010\u2011]/u.test(t.text)) out.push(...compoundParts(a, i));
  }
  for (const m of findScriptGazetteer(a.text, a.tokens)) {
    out.push({ start: m.start, end: m.end, from: m.from, to: m.to, type: m.payload.type, source: 'gazetteer', key: nameKey(m.payload.name), name: m.payload.name });
  }
  return out;
}

/**
 * Parts of a compound that name places or bodies, when every other capitalised part is a bundled
 * name too ("India-Japan"). "SSN-AUKUS" and "Virginia-class" are names of their own, not mentions
 * of AUKUS or Virginia.
 */
function compoundParts(a: Analysis, i: number): Candidate[] {
  const t = a.tokens[i]!;
  if (/-(?:class|type)$/u.test(t.text)) return [];
  const out: Candidate[] = [];
  let offset = t.start;
  for (const part of t.text.split(/[-\u2010\u2011]/u)) {
    const hit = /^\p{Lu}/u.test(part) ? lookupPart(part) : null;
    if (hit) out.push(makeSubTokenCandidate(i, offset, offset + part.length, hit.type, 'gazetteer', hit.name));
    else if (/^\p{Lu}/u.test(part)) return [];
    offset += part.length + 1;
  }
  return out;
}

function lookupPart(part: string): { name: string; type: Candidate['type'] } | null {
  const hit = lookupGazetteer(part, [{ start: 0, end: part.length, text: part, kind: 'word', sentenceStart: false, lineBreakBefore: false }], 0);
  return hit && hit.to === 1 ? hit.payload : null;
}
