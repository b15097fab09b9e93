/** A mention in the words around it, cut to a sentence (or less): what a review row shows. */
export interface MentionSnippet {
  before: string;
  mention: string;
  after: string;
}

const sentences = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'sentence' }) : null;

/**
 * The sentence holding text[start, end), at most `max` characters: longer sentences are cut at
 * word boundaries around the mention, with an ellipsis where words were left out. Any script:
 * sentences come from Intl.Segmenter, and a paragraph break always ends one.
 */
export function mentionSnippet(text: string, start: number, end: number, max = 160): MentionSnippet {
  let from = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  let to = text.indexOf('\n', end);
  if (to === -1) to = text.length;
  if (sentences) {
    for (const s of sentences.segment(text.slice(from, to))) {
      const sFrom = from + s.index;
      const sTo = sFrom + s.segment.length;
      if (sTo <= start) continue;
      from = Math.min(sFrom, start);
      // A mention may run over a sentence break ("U.S. forces"): the snippet ends after it.
      let last = sTo;
      for (const t of sentences.segment(text.slice(sTo, to))) {
        if (last >= end) break;
        last += t.segment.length;
      }
      to = Math.max(last, end);
      break;
    }
  }
  const room = Math.max(0, max - (end - start));
  let left = text.slice(from, start);
  let right = text.slice(end, to).trimEnd();
  let cutLeft = false;
  let cutRight = false;
  if (left.length + right.length > room) {
    const half = Math.floor(room / 2);
    const keepLeft = Math.min(left.length, Math.max(half, room - right.length));
    const keepRight = Math.min(right.length, room - keepLeft);
    if (keepLeft < left.length) {
      left = fromWord(left.slice(left.length - keepLeft));
      cutLeft = true;
    }
    if (keepRight < right.length) {
      right = toWord(right.slice(0, keepRight));
      cutRight = true;
    }
  }
  return {
    before: `${cutLeft ? '…' : ''}${left.trimStart()}`.replace(/\s+/g, ' '),
    mention: text.slice(start, end).replace(/\s+/g, ' '),
    after: `${right}${cutRight ? '…' : ''}`.replace(/\s+/g, ' '),
  };
}

/** Drops a partial first word. */
function fromWord(s: string): string {
  const space = s.search(/\s/);
  return space === -1 ? s : s.slice(space + 1);
}

/** Drops a partial last word. */
function toWord(s: string): string {
  const space = s.search(/\s\S*$/);
  return space === -1 ? s : s.slice(0, space);
}
