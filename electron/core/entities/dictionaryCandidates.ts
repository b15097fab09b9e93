import type { Analysis } from './analysis';
import { makeCandidate, makeSubTokenCandidate, nameKey } from './candidate';
import { lookupGazetteer } from './gazetteer';
import type { Candidate } from './types';

/**
 * Bundled names found in the text, including inside hyphenated compounds: "Panama-flagged",
 * "US-made", "India-Japan" name places even though the compound is one token.
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
  return out;
}

function compoundParts(a: Analysis, i: number): Candidate[] {
  const t = a.tokens[i]!;
  const out: Candidate[] = [];
  let offset = t.start;
  for (const part of t.text.split(/[-\u2010\u2011]/u)) {
    if (/^\p{Lu}/u.test(part)) {
      const hit = lookupGazetteer(part, [{ start: 0, end: part.length, text: part, kind: 'word', sentenceStart: false, lineBreakBefore: false }], 0);
      if (hit && hit.to === 1) out.push(makeSubTokenCandidate(i, offset, offset + part.length, hit.payload.type, 'gazetteer', hit.payload.name));
    }
    offset += part.length + 1;
  }
  return out;
}
