import nlp from 'compromise';

/** A character range [start, end) of the text compromise is given. */
export interface Span {
  start: number;
  end: number;
}

interface Tokenizer {
  methods: { one: { tokenize: { splitSentences(text: string, world: unknown): string[] } } };
}

/**
 * compromise joins a sentence holding one opening quote or bracket with the next one or two
 * sentences that close it, even across lines (src/1-one/tokenize/methods/01-sentences, 04 and 05).
 * After such a sentence, a dropped neighbour is replaced by two one-word lines that close nothing,
 * so the sentence joins nothing it did not join in the whole text.
 */
const OPENERS = /[("\uFF08\uFF02\u201C\u201F\u201E\u2E42\u201A\u00AB\u2039\u2035\u2036\u2037\u301D\u301F\u300C\u300E]/u;
const GUARD = '\nx\nx\n';

/** The last two sentences kept so far could reach past the gap. */
function guarded(parts: readonly string[]): boolean {
  return OPENERS.test(parts[parts.length - 1]!) || (parts.length > 1 && OPENERS.test(parts[parts.length - 2]!));
}

/**
 * Only the sentences of `text` that hold part of a span, as compromise itself splits them, and
 * where each span lands in that shorter text.
 *
 * Why: compromise tags each sentence on its own (its pre- and post-tagger never look past a
 * sentence, or past a comma), so dropping sentences no span touches cannot change a span's tags.
 * A run that opens a sentence, the most common kind, carries the end of the previous sentence
 * as context; dropping it saves about a third of the words and half the sentences compromise
 * has to tag. Sentences are cut with compromise's own splitter so the boundaries are its own;
 * kept sentences that were not neighbours are put on separate lines, which it always splits at.
 */
export function sentencesAround(text: string, spans: readonly Span[]): { text: string; spans: Span[] } {
  const world = nlp.world() as unknown as Tokenizer;
  const sentences = world.methods.one.tokenize.splitSentences(text, world);
  // The splitter keeps every character; should a version not, fall back to the whole text.
  if (sentences.join('') !== text) return { text, spans: [...spans] };
  const starts: number[] = [];
  let at = 0;
  for (const s of sentences) {
    starts.push(at);
    at += s.length;
  }
  const keep = new Uint8Array(sentences.length);
  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const span of spans) {
    const last = sentenceAt(Math.max(span.start, span.end - 1));
    for (let k = sentenceAt(span.start); k <= last; k++) keep[k] = 1;
  }
  // Where each kept sentence starts in the shorter text.
  const moved = new Array<number>(sentences.length).fill(-1);
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; k < sentences.length; k++) {
    if (!keep[k]) continue;
    if (parts.length > 0 && !keep[k - 1]) {
      const gap = guarded(parts) ? GUARD : '\n';
      parts.push(gap);
      length += gap.length;
    }
    moved[k] = length;
    parts.push(sentences[k]!);
    length += sentences[k]!.length;
  }
  const place = (offset: number, k: number): number => moved[k]! + offset - starts[k]!;
  return {
    text: parts.join(''),
    spans: spans.map((s) => ({ start: place(s.start, sentenceAt(s.start)), end: place(s.end, sentenceAt(Math.max(s.start, s.end - 1))) })),
  };
}
