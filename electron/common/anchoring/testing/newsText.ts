import type { Random } from './random';

/**
 * News-like text for re-anchoring cases: a skewed vocabulary with the function words of English
 * prose, names in several scripts (some outside the BMP, so UTF-16 surrogate pairs occur), numbers,
 * and stock phrases that recur verbatim — the repeats are what make a quote ambiguous.
 */
const FUNCTION_WORDS = 'the of and to in a on for that with by from at as is was will has have said its their it this an'.split(' ');
const CONTENT_WORDS = (
  'government minister ministry officials talks security defence agreement meeting forces border trade ' +
  'statement president cooperation region military policy country leaders week year support sanctions ' +
  'economy election parliament spokesman investment energy exports visit delegation summit strategic ' +
  'maritime troops ceasefire negotiations framework reported announced expected warned agreed signed ' +
  'bilateral regional partnership dialogue supplies logistics technology manufacturing equipment sources ' +
  'analysts crisis funding aid infrastructure ports pipeline tariffs budget inflation protests court'
).split(' ');
const NAMES = [
  'India', 'Japan', 'Australia', 'Indonesia', 'Vietnam', 'France', 'Germany', 'Kenya', 'Brazil', 'Ukraine',
  'Rajnath Singh', 'Gen Nakatani', 'ASEAN', 'New Delhi', 'Tokyo', 'Canberra', 'the Quad', 'the Indo-Pacific',
  'São Paulo', 'Zelenskyy', 'Đà Nẵng', 'Müller', 'Москва', 'Ελλάδα', '北京', '𠮷野家', '𝔸lpha Group', 'Ahmed Ali',
];
export const STOCK_PHRASES = [
  'the ministry said in a statement',
  'according to officials familiar with the talks',
  'on the sidelines of the summit',
  'the two sides agreed to',
  'a spokesman for the government said',
  'in the coming weeks',
];
const LEAD_INS = ['According to officials,', 'On Monday,', 'Earlier this year,', 'In a statement,', 'Meanwhile,'];

/** Early entries far more often than late ones, like word frequencies in real prose. */
const skewed = <T>(random: Random, list: readonly T[]) => list[Math.floor(list.length * random.next() ** 2)]!;

/** A single word, for substitutions. */
export function newsWord(random: Random): string {
  return random.chance(0.3) ? skewed(random, FUNCTION_WORDS) : skewed(random, CONTENT_WORDS);
}

function token(random: Random): string {
  const r = random.next();
  if (r < 0.38) return skewed(random, FUNCTION_WORDS);
  if (r < 0.82) return skewed(random, CONTENT_WORDS);
  if (r < 0.93) return random.pick(NAMES);
  if (r < 0.97) return String(random.int(2, 2030));
  return random.pick(STOCK_PHRASES);
}

export function newsSentence(random: Random): string {
  const parts: string[] = [];
  if (random.chance(0.2)) parts.push(random.pick(LEAD_INS));
  const length = random.int(8, 26);
  for (let i = 0; i < length; i++) parts.push(token(random));
  if (random.chance(0.12)) {
    const at = random.int(1, parts.length - 1);
    parts.splice(at, 0, `\u201C${token(random)} ${token(random)} ${token(random)}\u201D`);
  }
  if (random.chance(0.15)) parts.splice(random.int(1, parts.length - 1), 0, `${random.pick(STOCK_PHRASES)},`);
  const sentence = parts.join(' ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}

export function newsParagraph(random: Random): string {
  return Array.from({ length: random.int(1, 5) }, () => newsSentence(random)).join(' ');
}

export interface Span {
  start: number;
  end: number;
}
export interface Sentence extends Span {
  words: Span[];
}
export interface Paragraph extends Span {
  sentences: Sentence[];
}
export interface NewsText {
  text: string;
  paragraphs: Paragraph[];
}

/** Paragraphs of sentences separated by blank lines, with the offsets of every paragraph, sentence and word. */
export function newsText(random: Random, words: number): NewsText {
  let text = '';
  const paragraphs: Paragraph[] = [];
  let count = 0;
  while (count < words) {
    if (paragraphs.length > 0) text += '\n\n';
    const paragraph: Paragraph = { start: text.length, end: 0, sentences: [] };
    const sentenceCount = random.int(1, 5);
    for (let s = 0; s < sentenceCount; s++) {
      if (s > 0) text += ' ';
      const sentence = newsSentence(random);
      const start = text.length;
      const wordSpans = [...sentence.matchAll(/\S+/g)].map((m) => ({ start: start + m.index, end: start + m.index + m[0].length }));
      text += sentence;
      count += wordSpans.length;
      paragraph.sentences.push({ start, end: text.length, words: wordSpans });
    }
    paragraph.end = text.length;
    paragraphs.push(paragraph);
  }
  return { text, paragraphs };
}
