import { STOCK_PHRASES, newsParagraph, newsSentence, newsText, newsWord, type NewsText, type Span } from './newsText';
import type { Random } from './random';
import { TrackedText } from './trackedText';

/**
 * One re-anchoring case: an article, a quoted span in it, an edit script of one category applied
 * to it, and the true answer — where the surviving characters of the quote are in the new text.
 */
export const CATEGORIES = ['insert', 'delete', 'reword', 'move', 'typo', 'remove', 'mixed'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface EditCase {
  category: Category;
  /** Which edit of the category, for reading failures. */
  variant: string;
  oldText: string;
  quote: Span;
  newText: string;
  /** From the first to the last surviving quote character in the new text; null if none survived. */
  truth: Span | null;
}

interface Quote extends Span {
  paragraph: number;
  firstSentence: number;
  lastSentence: number;
  words: Span[];
}

const TRAILING_PUNCTUATION = /[.,;:!?\u201D]+$/u;
const STOCK_PHRASE = new RegExp(STOCK_PHRASES.join('|'), 'g');

export function editCase(random: Random, category: Category): EditCase {
  const words = category === 'move' || category === 'mixed' ? random.int(300, 1500) : random.int(120, 1500);
  const doc = newsText(random, words);
  const quote = chooseQuote(random, doc, category === 'reword' ? 8 : 2);
  const t = new TrackedText(doc.text);
  const variant = EDITS[category](random, doc, quote, t);
  if (category !== 'mixed' && random.chance(0.5)) editElsewhere(random, doc, quote, t);
  const edited = t.render();
  let first = -1;
  let last = -1;
  edited.origin.forEach((o, i) => {
    if (o < quote.start || o >= quote.end) return;
    if (first === -1) first = i;
    last = i;
  });
  const truth = first === -1 ? null : { start: first, end: last + 1 };
  return { category, variant, oldText: doc.text, quote: { start: quote.start, end: quote.end }, newText: edited.text, truth };
}

type Edit = (random: Random, doc: NewsText, quote: Quote, t: TrackedText) => string;

const EDITS: Record<Category, Edit> = {
  insert(random, doc, quote, t) {
    const paragraphs = doc.paragraphs;
    const sentences = paragraphs[quote.paragraph]!.sentences;
    const variants = ['lead', 'paragraph-before', 'paragraph-after', 'sentence-before', 'sentence-after'];
    if (quote.lastSentence > quote.firstSentence) variants.push('inside', 'inside');
    const variant = random.pick(variants);
    if (variant === 'lead') t.insert(0, `${newsParagraph(random)}\n\n`);
    if (variant === 'paragraph-before') t.insert(paragraphs[random.int(0, quote.paragraph)]!.start, `${newsParagraph(random)}\n\n`);
    if (variant === 'paragraph-after') t.insert(paragraphs[random.int(quote.paragraph, paragraphs.length - 1)]!.end, `\n\n${newsParagraph(random)}`);
    if (variant === 'sentence-before') t.insert(sentences[quote.firstSentence]!.start, `${newsSentence(random)} `);
    if (variant === 'sentence-after') t.insert(sentences[quote.lastSentence]!.end, ` ${newsSentence(random)}`);
    if (variant === 'inside') t.insert(sentences[quote.firstSentence]!.end, ` ${newsSentence(random)}`);
    return variant;
  },

  delete(random, doc, quote, t) {
    const sentences = doc.paragraphs[quote.paragraph]!.sentences;
    const variants = ['paragraph-elsewhere', 'sentences-elsewhere', 'words-adjacent'];
    if (quote.firstSentence > 0 || quote.lastSentence < sentences.length - 1) variants.push('sentence-adjacent');
    const variant = doc.paragraphs.length > 1 ? random.pick(variants) : 'words-adjacent';
    if (variant === 'paragraph-elsewhere') deleteParagraph(doc, otherParagraph(random, doc, quote.paragraph), t);
    if (variant === 'sentences-elsewhere') {
      for (let n = random.int(1, 3); n > 0; n--) {
        const p = otherParagraph(random, doc, quote.paragraph);
        deleteSentences(doc, p, random.int(0, doc.paragraphs[p]!.sentences.length - 1), t);
      }
    }
    if (variant === 'sentence-adjacent') {
      const before = quote.firstSentence > 0 && (quote.lastSentence === sentences.length - 1 || random.chance(0.5));
      deleteSentences(doc, quote.paragraph, before ? quote.firstSentence - 1 : quote.lastSentence + 1, t);
    }
    if (variant === 'words-adjacent') deleteAdjacentWords(random, doc, quote, t);
    return variant;
  },

  reword(random, doc, quote, t) {
    // Inside the quote: a new first or last word would move the quote's true edges, not reword it.
    const inner = quote.words.slice(1, -1);
    const inQuote = shuffled(random, inner).slice(0, Math.max(1, Math.floor(quote.words.length / 8)));
    const sentenceWords = sentencesOf(doc, quote).flatMap((s) => s.words);
    const outside = sentenceWords.filter((w) => w.end <= quote.start || w.start >= quote.end);
    const inContext = random.chance(0.5) ? shuffled(random, outside).slice(0, random.int(1, 2)) : [];
    for (const word of [...inQuote, ...inContext]) substituteWord(random, doc.text, word, t);
    return inContext.length > 0 ? 'quote+context' : 'quote';
  },

  move(random, doc, quote, t) {
    moveParagraph(random, doc, quote.paragraph, t);
    return 'paragraph';
  },

  typo(random, doc, quote, t) {
    const count = random.int(1, 2);
    const kinds = typos(random, doc.text, quote, count, t);
    return kinds.join('+');
  },

  remove(random, doc, quote, t) {
    const variant = random.pick(['sentences', 'paragraph', 'words', 'rewrite']);
    const sentences = doc.paragraphs[quote.paragraph]!.sentences;
    if (variant === 'sentences') deleteSentences(doc, quote.paragraph, quote.firstSentence, t, quote.lastSentence);
    if (variant === 'paragraph') deleteParagraph(doc, quote.paragraph, t);
    if (variant === 'words') {
      const spaceBefore = doc.text[quote.start - 1] === ' ' ? 1 : 0;
      t.delete(quote.start - spaceBefore, quote.end);
    }
    if (variant === 'rewrite') {
      const rewritten = Array.from({ length: quote.lastSentence - quote.firstSentence + 1 }, () => newsSentence(random)).join(' ');
      t.replace(sentences[quote.firstSentence]!.start, sentences[quote.lastSentence]!.end, rewritten);
    }
    return variant;
  },

  mixed(random, doc, quote, t) {
    const sentences = doc.paragraphs[quote.paragraph]!.sentences;
    const moved = doc.paragraphs.length > 1 && random.chance(0.7);
    if (moved) moveParagraph(random, doc, quote.paragraph, t);
    const kinds = typos(random, doc.text, quote, 1, t);
    if (random.chance(0.5)) t.insert(sentences[quote.firstSentence]!.start, `${newsSentence(random)} `);
    else t.insert(sentences[quote.lastSentence]!.end, ` ${newsSentence(random)}`);
    const far = otherParagraph(random, doc, quote.paragraph, 2);
    if (far !== -1) deleteSentences(doc, far, 0, t);
    return [...(moved ? ['move'] : []), ...kinds.map((kind) => `typo ${kind}`), 'sentence'].join('+');
  },
};

/**
 * What an analyst highlights: a few words (2–6), a phrase (7–15), a sentence, a passage across
 * two sentences, and now and then one of the stock phrases, which recur elsewhere in the text.
 * Quotes end on a word, with or without its trailing punctuation.
 */
function chooseQuote(random: Random, doc: NewsText, minWords: number): Quote {
  const stock = [...doc.text.matchAll(STOCK_PHRASE)];
  if (stock.length > 0 && random.chance(0.12)) {
    const m = random.pick(stock);
    const start = m.index;
    const end = start + m[0].length;
    const paragraph = doc.paragraphs.findIndex((p) => p.end >= end);
    const sentence = doc.paragraphs[paragraph]!.sentences.findIndex((s) => s.end >= end);
    const words = doc.paragraphs[paragraph]!.sentences[sentence]!.words.filter((w) => w.start >= start && w.start < end);
    if (words.length >= minWords) return { start, end, paragraph, firstSentence: sentence, lastSentence: sentence, words };
  }
  for (;;) {
    const paragraph = random.int(0, doc.paragraphs.length - 1);
    const sentences = doc.paragraphs[paragraph]!.sentences;
    const kind = random.pick(['words', 'words', 'words', 'phrase', 'phrase', 'sentence', 'two-sentences']);
    const two = kind === 'two-sentences' && sentences.length > 1;
    const firstSentence = random.int(0, sentences.length - (two ? 2 : 1));
    const lastSentence = firstSentence + (two ? 1 : 0);
    const all = sentences.slice(firstSentence, lastSentence + 1).flatMap((s) => s.words);
    let from = 0;
    let to = all.length;
    if (two) {
      from = random.int(0, sentences[firstSentence]!.words.length - 1);
      to = sentences[firstSentence]!.words.length + random.int(1, sentences[lastSentence]!.words.length);
    } else if (kind !== 'sentence') {
      const length = kind === 'words' ? random.int(2, 6) : random.int(7, 15);
      from = random.int(0, Math.max(0, all.length - length));
      to = Math.min(all.length, from + length);
    }
    const words = all.slice(from, to);
    if (words.length < minWords) continue;
    const start = words[0]!.start;
    let end = words.at(-1)!.end;
    const trailing = TRAILING_PUNCTUATION.exec(doc.text.slice(start, end));
    if (trailing && random.chance(0.5) && end - trailing[0].length > start) end -= trailing[0].length;
    return { start, end, paragraph, firstSentence, lastSentence, words };
  }
}

function sentencesOf(doc: NewsText, quote: Quote) {
  return doc.paragraphs[quote.paragraph]!.sentences.slice(quote.firstSentence, quote.lastSentence + 1);
}

/**
 * A paragraph at least `distance` away from paragraph `not`, or -1 if there is none. Edits kept
 * apart from each other's ranges keep the tracked offsets meaningful.
 */
function otherParagraph(random: Random, doc: NewsText, not: number, distance = 1): number {
  const far = doc.paragraphs.map((_, i) => i).filter((i) => Math.abs(i - not) >= distance);
  return far.length > 0 ? random.pick(far) : -1;
}

/** Deletes a paragraph with one of the blank lines around it, so the rest stays well formed. */
function deleteParagraph(doc: NewsText, p: number, t: TrackedText): void {
  const paragraphs = doc.paragraphs;
  if (p < paragraphs.length - 1) t.delete(paragraphs[p]!.start, paragraphs[p + 1]!.start);
  else if (p > 0) t.delete(paragraphs[p - 1]!.end, paragraphs[p]!.end);
  else t.delete(0, doc.text.length);
}

/** Deletes sentences first..last of a paragraph with one adjacent space (the paragraph if that is all of it). */
function deleteSentences(doc: NewsText, p: number, first: number, t: TrackedText, last = first): void {
  const sentences = doc.paragraphs[p]!.sentences;
  if (first === 0 && last === sentences.length - 1) deleteParagraph(doc, p, t);
  else if (last < sentences.length - 1) t.delete(sentences[first]!.start, sentences[last + 1]!.start);
  else t.delete(sentences[first - 1]!.end, sentences[last]!.end);
}

function deleteAdjacentWords(random: Random, doc: NewsText, quote: Quote, t: TrackedText): void {
  const words = sentencesOf(doc, quote).flatMap((s) => s.words);
  const before = words.filter((w) => w.end <= quote.start);
  const after = words.filter((w) => w.start >= quote.end);
  const n = random.int(1, 3);
  if (before.length > 0 && (after.length === 0 || random.chance(0.5))) {
    const gone = before.slice(-n);
    t.delete(gone[0]!.start, gone.at(-1)!.end + 1);
  } else if (after.length > 0) {
    const gone = after.slice(0, n);
    t.delete(gone[0]!.start - 1, gone.at(-1)!.end);
  }
}

function substituteWord(random: Random, text: string, word: Span, t: TrackedText): void {
  const original = text.slice(word.start, word.end);
  const core = original.replace(TRAILING_PUNCTUATION, '');
  if (core.length === 0) return;
  let replacement = core;
  while (replacement === core) replacement = newsWord(random);
  t.replace(word.start, word.start + core.length, replacement);
}

/** Moves a paragraph before or after another one, re-creating the blank line between paragraphs. */
function moveParagraph(random: Random, doc: NewsText, p: number, t: TrackedText): void {
  const paragraphs = doc.paragraphs;
  const target = otherParagraph(random, doc, p);
  const para = paragraphs[p]!;
  if (target < p) {
    t.move(para.start, para.end, paragraphs[target]!.start);
    t.insert(paragraphs[target]!.start, '\n\n');
    t.delete(paragraphs[p - 1]!.end, para.start);
  } else {
    t.move(para.start, para.end, paragraphs[target]!.end);
    t.insert(para.start, '\n\n');
    t.delete(para.end, paragraphs[p + 1]!.start);
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One to two character edits at letters or digits of the quote (never half of a surrogate pair),
 * two or more characters apart. An inserted letter differs from both neighbours: doubling a letter
 * would leave no way, not even for the test, to tell the original from the copy.
 */
function typos(random: Random, text: string, quote: Span, count: number, t: TrackedText): string[] {
  const candidates: number[] = [];
  for (let i = quote.start; i < quote.end; i++) if (/[\p{L}\p{N}]/u.test(text[i]!)) candidates.push(i);
  const at: number[] = [];
  for (const i of shuffled(random, candidates)) if (at.length < count && at.every((j) => Math.abs(i - j) >= 2)) at.push(i);
  return at.map((i) => {
    const kind = random.pick(['substitute', 'insert', 'delete']);
    let letter = text[i]!;
    while (letter === text[i] || letter === text[i - 1]) letter = random.pick([...LETTERS]);
    if (kind === 'substitute') t.replace(i, i + 1, letter);
    if (kind === 'insert') t.insert(i, letter);
    if (kind === 'delete') t.delete(i, i + 1);
    return kind;
  });
}

/** Unrelated edits in other paragraphs, as any re-import brings. */
function editElsewhere(random: Random, doc: NewsText, quote: Quote, t: TrackedText): void {
  const p = otherParagraph(random, doc, quote.paragraph, 2);
  if (p === -1) return;
  const s = random.int(0, doc.paragraphs[p]!.sentences.length - 1);
  if (random.chance(0.5)) t.insert(doc.paragraphs[p]!.sentences[s]!.start, `${newsSentence(random)} `);
  else deleteSentences(doc, p, s, t);
}

function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
