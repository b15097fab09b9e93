import type { Analysis } from './analysis';
import { makeCandidate } from './candidate';
import { scriptAt } from './scripts';
import { joinable, type Token } from './tokenize';
import type { Candidate } from './types';

/**
 * Capitalised runs in Cyrillic, Greek or Armenian text that no dictionary explained: names
 * (Сергей Шойгу, Зеленский). The English rules (lexicons, compromise) cannot read these languages,
 * but the scripts have case and their languages capitalise proper names and little else, so a
 * capital inside a sentence is evidence. Caseless scripts (Arabic, Hebrew, Chinese, Devanagari …)
 * never reach here: a letter without case is neither upper nor lower.
 */
export function findCasedRuns(a: Analysis, occupied: Uint8Array): Candidate[] {
  const { tokens } = a;
  const eligible = (i: number): boolean => {
    const t = tokens[i];
    if (!t || t.kind !== 'word' || occupied[i]) return false;
    const script = scriptAt(t.text, 0);
    if (script !== 'cyrillic' && script !== 'greek' && script !== 'armenian') return false;
    return /^\p{Lu}/u.test(t.text) && !a.lowercase.has(t.text.toLowerCase());
  };
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!eligible(i)) {
      i++;
      continue;
    }
    let to = i + 1;
    while (eligible(to) && joinable(a.text, tokens[to - 1]!, tokens[to]!) && !opensSentence(tokens, to)) to++;
    // A capital at a sentence start proves nothing, unless the next word is capitalised too ("Сергей Шойгу заявил").
    if (opensSentence(tokens, i) && to - i < 2) {
      i = to;
      continue;
    }
    const words = to - i;
    out.push(makeCandidate(a.text, tokens, i, to, words >= 2 && words <= 3 && !isAllCaps(tokens, i, to) ? 'person' : 'other', 'caps'));
    i = to;
  }
  return out;
}

/** A sentence start, or the first word after a dateline ("Нью-Дели — Министр обороны …"). */
function opensSentence(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.sentenceStart) return true;
  const dash = tokens[i - 1];
  if (!dash || dash.kind !== 'punct' || !/^[\u2014\u2013-]$/u.test(dash.text)) return false;
  // Only capitalised words between the line's start and the dash: a place name as a dateline.
  for (let k = i - 2, words = 0; k >= 0; k--, words++) {
    const w = tokens[k]!;
    if (w.kind !== 'word' || !/^\p{Lu}/u.test(w.text) || words > 3) return false;
    if (w.lineBreakBefore) return true;
  }
  return false;
}

function isAllCaps(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.text !== tokens[k]!.text.toUpperCase()) return false;
  return true;
}
