import { diffArrays } from 'diff';
import { countWords, textTokens } from '../text/words';

/** A run of text that both texts share, or that only the earlier ('removed') or the later ('added') one has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface WordDiff {
  parts: DiffPart[];
  /** Words only the later text has, and words only the earlier one has. */
  added: number;
  removed: number;
  /** The texts were too far apart to compare in time: one removal of everything, one addition of everything. */
  tooDifferent: boolean;
}

/**
 * Beyond this many tokens added or removed, or this long, a comparison would hold up the window
 * (the work grows with the length of the texts times the edits): the answer says the texts are
 * too different to compare and shows the one wholly removed, the other wholly added.
 */
const MAX_EDITS = 2000;
const TIMEOUT_MS = 500;

/** A word or another character with the whitespace after it; compared without that whitespace. */
interface Token {
  key: string;
  text: string;
}

/**
 * What changed from `before` to `after`, word by word in any script (see text/words.ts), with
 * jsdiff's Myers diff over the words. A change of spacing alone is no change. Read without the
 * removed parts, the parts give `after` exactly; without the added ones, `before` as far as its
 * words go (its spacing may be `after`'s).
 */
export function wordDiff(before: string, after: string, { maxEdits = MAX_EDITS }: { maxEdits?: number } = {}): WordDiff {
  if (before === after) return { parts: before ? [{ kind: 'same', text: before }] : [], added: 0, removed: 0, tooDifferent: false };
  const changes = diffArrays(tokensOf(before), tokensOf(after), {
    comparator: (a, b) => a.key === b.key,
    maxEditLength: maxEdits,
    timeout: TIMEOUT_MS,
  });
  if (!changes) {
    const parts: DiffPart[] = [];
    if (before) parts.push({ kind: 'removed', text: before });
    if (after) parts.push({ kind: 'added', text: after });
    return { parts, added: countWords(after), removed: countWords(before), tooDifferent: true };
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    const text = change.value.map((t) => t.text).join('');
    if (change.added) {
      added += countWords(text);
      // The space after the last added word is shared with what follows, not part of the insertion.
      const words = text.trimEnd();
      push('added', words);
      push('same', text.slice(words.length));
    } else if (change.removed) {
      removed += countWords(text);
      push('removed', text.trimEnd());
    } else {
      push('same', text);
    }
  }
  return { parts, added, removed, tooDifferent: false };
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const token of textTokens(text)) {
    const last = tokens.at(-1);
    if (token.kind === 'space' && last) last.text += token.text;
    else tokens.push({ key: token.kind === 'space' ? '' : token.text, text: token.text });
  }
  return tokens;
}
