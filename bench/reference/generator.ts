import { quoteSelectorAt } from '../../electron/common/anchoring/textQuote';
import type { Annotation } from '../../electron/common/model/annotation';
import type { Entity, EntityType } from '../../electron/common/model/entity';
import { noteContentOf, serializedParagraph, type NoteContent } from '../../electron/common/model/note';
import { normalizeArticleText } from '../../electron/common/text/normalizeArticleText';
import { mulberry32 } from '../corpus';

/**
 * The reference corpus of issue 11, generated from fixed seeds so every run (and every peer)
 * sees the same words: articles of 600–800 words drawn from a Zipf distribution over 20,000
 * generated words, with generated person, place and organisation names; annotations with
 * comments, tags, colours, gradings and a few replies; notes in Lexical's JSON; entities.
 *
 * Bump GENERATOR_VERSION whenever the output changes: the cached workspaces are rebuilt.
 */
export const GENERATOR_VERSION = 1;

export interface Scale {
  name: string;
  articles: number;
  annotations: number;
  notes: number;
  entities: number;
}

export const REFERENCE: Scale = { name: 'reference-10k', articles: 10_000, annotations: 100_000, notes: 20_000, entities: 5_000 };
/** 1% of everything. */
export const SMALL: Scale = { name: 'reference-100', articles: 100, annotations: 1_000, notes: 200, entities: 50 };

export const VOCABULARY_SIZE = 20_000;
const ZIPF_S = 1.0;
/** Zipf–Mandelbrot shift: keeps the top ranks from being absurdly dominant, as in real text. */
const ZIPF_Q = 2.7;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const EPOCH = Date.UTC(2025, 0, 1);

type Random = () => number;

const ONSETS = 'b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr st sk sl sp ch sh th pl kl'.split(' ');
const VOWELS = 'a e i o u a e i o ai ei ou ea io'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 't', 'm', 'nd', 'rk', 'st'];

function syllable(random: Random): string {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  return pick(ONSETS) + pick(VOWELS) + pick(CODAS);
}

/** `count` distinct pronounceable words; earlier (more frequent) words tend to be shorter. */
function words(random: Random, count: number, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const syllables = 1 + Math.floor(random() * (out.length < 200 ? 2 : out.length < 3000 ? 3 : 4));
    let word = '';
    for (let i = 0; i < syllables; i++) word += syllable(random);
    if (word.length < 2 || word.length > 16 || taken.has(word)) continue;
    taken.add(word);
    out.push(word);
  }
  return out;
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

export interface GeneratedEntity {
  name: string;
  type: EntityType;
}

export interface Lexicon {
  /** Rank order: vocabulary[0] is the most frequent word. */
  vocabulary: string[];
  entities: GeneratedEntity[];
  tags: string[];
}

/** The vocabulary and the names, the same for every scale. */
export function lexicon(): Lexicon {
  const random = mulberry32(1101);
  const taken = new Set<string>();
  const vocabulary = words(random, VOCABULARY_SIZE, taken);
  const nameParts = words(random, 6_000, taken);
  const entities: GeneratedEntity[] = [];
  const names = new Set<string>();
  const ORG_WORDS = ['Institute', 'Corporation', 'Council', 'Agency', 'Ministry', 'Bank', 'Alliance', 'Group', 'Foundation', 'Authority'];
  const PLACE_WORDS = ['Port', 'Lake', 'Mount', 'North', 'South', 'New'];
  let part = 0;
  const nextPart = () => cap(nameParts[part++ % nameParts.length]!);
  for (let i = 0; entities.length < REFERENCE.entities; i++) {
    const type: EntityType = i % 5 < 2 ? 'person' : i % 5 < 4 ? 'place' : 'organization';
    let name: string;
    if (type === 'person') name = `${nextPart()} ${nextPart()}`;
    else if (type === 'place') name = random() < 0.3 ? `${PLACE_WORDS[Math.floor(random() * PLACE_WORDS.length)]} ${nextPart()}` : nextPart();
    else name = random() < 0.5 ? `${nextPart()} ${ORG_WORDS[Math.floor(random() * ORG_WORDS.length)]}` : `${ORG_WORDS[Math.floor(random() * ORG_WORDS.length)]} of ${nextPart()}`;
    if (names.has(name)) continue;
    names.add(name);
    entities.push({ name, type });
  }
  const tags = vocabulary.slice(300, 340);
  return { vocabulary, entities, tags };
}

/** Draws ranks 0…n-1 with probability ∝ 1 / (rank + q)^s. */
export function zipf(n: number, random: Random): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += 1 / (r + 1 + ZIPF_Q) ** ZIPF_S;
    cdf[r] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Ids shaped like `newId`'s, but from a seeded generator, so two builds give the same ids. */
export function seededId(prefix: string, random: Random, at: number): string {
  let time = '';
  let t = at;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rest = '';
  for (let i = 0; i < 16; i++) rest += ALPHABET[Math.floor(random() * 32)];
  return `${prefix}_${time}${rest}`;
}

export interface GeneratedArticle {
  name: string;
  /** The file as imported (a `date` lead-in, then the paragraphs). */
  raw: string;
  /** The text as the store keeps it: what offsets point into. */
  text: string;
  published: string | null;
  words: number;
  /** Index into the lexicon's entities → mentions in this article. */
  cast: Map<number, number>;
}

export interface GeneratedNote {
  id: string;
  title: string;
  content: NoteContent;
  created: string;
}

/**
 * One scale of the corpus. Articles are produced one at a time (the 10,000 texts need not be
 * in memory together); annotations and notes are produced per article / per note on request.
 */
export class Corpus {
  readonly lex: Lexicon;
  private readonly wordRank: () => number;
  private readonly entityRank: () => number;
  private readonly entityCount: number;
  /** How many annotations each article carries (multinomial over the articles, exact total). */
  readonly annotationsPerArticle: Uint16Array;
  readonly entityIds: string[];

  constructor(
    readonly scale: Scale,
    lex: Lexicon = lexicon(),
  ) {
    this.lex = lex;
    this.wordRank = zipf(lex.vocabulary.length, mulberry32(2202));
    this.entityCount = scale.entities;
    this.entityRank = zipf(this.entityCount, mulberry32(3303));
    const spread = mulberry32(4404);
    this.annotationsPerArticle = new Uint16Array(scale.articles);
    for (let i = 0; i < scale.annotations; i++) this.annotationsPerArticle[Math.floor(spread() * scale.articles)]! += 1;
    const ids = mulberry32(5505);
    this.entityIds = Array.from({ length: this.entityCount }, (_, i) => seededId('ent', ids, EPOCH + i));
  }

  /** Article `i`; articles must be asked for in order 0, 1, 2 … (one shared generator). */
  *articles(): Generator<GeneratedArticle> {
    const random = mulberry32(6606);
    for (let i = 0; i < this.scale.articles; i++) yield this.article(random, i);
  }

  private article(random: Random, index: number): GeneratedArticle {
    const target = 600 + Math.floor(random() * 201);
    // Each article names a handful of entities, the famous ones more often.
    const castSize = 3 + Math.floor(random() * 6);
    const cast: number[] = [];
    for (let i = 0; i < castSize; i++) cast.push(this.entityRank());
    const counts = new Map<number, number>();
    const paragraphs: string[] = [];
    let count = 0;
    while (count < target) {
      const sentences: string[] = [];
      const inParagraph = 3 + Math.floor(random() * 3);
      for (let s = 0; s < inParagraph && count < target; s++) {
        const length = Math.min(target - count, 10 + Math.floor(random() * 16));
        const parts: string[] = [];
        for (let w = 0; w < length; w++) {
          if (random() < 0.04) {
            const e = cast[Math.floor(random() * cast.length)]!;
            counts.set(e, (counts.get(e) ?? 0) + 1);
            parts.push(this.lex.entities[e]!.name);
          } else parts.push(this.lex.vocabulary[this.wordRank()]!);
        }
        count += length;
        const sentence = parts.join(' ');
        sentences.push(`${cap(sentence)}.`);
      }
      paragraphs.push(sentences.join(' '));
    }
    const month = String(1 + (index % 12)).padStart(2, '0');
    const day = String(1 + (index % 28)).padStart(2, '0');
    const raw = `date 2025-${month}-${day} ${paragraphs.join('\n\n')}\n`;
    const { text, published } = normalizeArticleText(raw);
    return { name: `article-${index}.txt`, raw, text, published, words: count, cast: counts };
  }

  /** Some words drawn from the corpus's distribution. */
  phrase(random: Random, min: number, max: number): string {
    const n = min + Math.floor(random() * (max - min + 1));
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(this.lex.vocabulary[this.wordRank()]!);
    return cap(parts.join(' '));
  }

  /** The annotations of article `index` (whose stored text is `text`), spread over its words. */
  annotationsOf(index: number, articleId: string, text: string): Annotation[] {
    const random = mulberry32(7707 + index * 31);
    const out: Annotation[] = [];
    const n = this.annotationsPerArticle[index]!;
    for (let k = 0; k < n; k++) {
      let start = Math.floor(random() * (text.length - 200));
      while (start > 0 && text[start - 1] !== ' ') start--;
      let end = start;
      const length = 3 + Math.floor(random() * 22);
      for (let w = 0; w < length && end < text.length; w++) {
        end = text.indexOf(' ', end + 1);
        if (end === -1) end = text.length;
      }
      end = Math.min(end, text.length);
      if (/[\s.]$/.test(text.slice(start, end))) end -= 1;
      const created = new Date(EPOCH + index * 3_600_000 + k * 60_000).toISOString();
      const replies = random() < 0.03 ? 1 + Math.floor(random() * 2) : 0;
      const tags = random() < 0.2 ? [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => this.lex.tags[Math.floor(random() * this.lex.tags.length)]!))] : [];
      const colors = ['yellow', 'green', 'blue', 'red', 'purple'];
      out.push({
        id: seededId('ann', random, EPOCH + index * 1000 + k),
        rev: 1,
        articleId,
        motivation: 'commenting',
        target: { version: 1, quote: quoteSelectorAt(text, start, end), position: { type: 'TextPositionSelector', start, end } },
        comment: this.phrase(random, 5, 30),
        color: random() < 0.4 ? colors[Math.floor(random() * colors.length)]! : null,
        tags,
        grading: random() < 0.15 ? { reliability: 'ABCDEF'[Math.floor(random() * 6)] as 'A', credibility: (1 + Math.floor(random() * 6)) as 1 } : null,
        replies: Array.from({ length: replies }, (_, r) => ({
          id: seededId('rep', random, EPOCH + index * 1000 + k),
          body: this.phrase(random, 5, 15),
          creator: { name: r % 2 ? 'Reviewer' : 'Analyst' },
          created,
          modified: created,
        })),
        creator: { name: 'Analyst' },
        modifiedBy: { name: 'Analyst' },
        status: 'anchored',
        created,
        modified: created,
      });
    }
    return out;
  }

  *notes(): Generator<GeneratedNote> {
    const random = mulberry32(8808);
    for (let i = 0; i < this.scale.notes; i++) {
      const paragraphs = 1 + Math.floor(random() * 4);
      const blocks: unknown[] = [];
      for (let p = 0; p < paragraphs; p++) {
        const children: unknown[] = [textNode(`${this.phrase(random, 15, 70)}. `)];
        if (random() < 0.25) {
          const e = this.entityRank();
          const { name, type } = this.lex.entities[e]!;
          children.push({ type: 'entity-mention', version: 1, text: name, entityId: this.entityIds[e]!, entityType: type });
          children.push(textNode(` ${this.phrase(random, 3, 12).toLowerCase()}.`));
        }
        blocks.push(serializedParagraph(children));
      }
      const created = new Date(EPOCH + i * 600_000).toISOString();
      yield { id: seededId('note', random, EPOCH + i), title: this.phrase(random, 2, 6), content: noteContentOf(blocks), created };
    }
  }

  /** The workspace's entities (the first `scale.entities` names), as entities.json holds them. */
  entities(): Entity[] {
    const created = new Date(EPOCH).toISOString();
    return this.entityIds.map((id, i) => {
      const { name, type } = this.lex.entities[i]!;
      return { id, rev: 1, name, type, aliases: [], description: '', externalId: null, created, modified: created, createdBy: ANALYST, modifiedBy: ANALYST };
    });
  }
}

export function textNode(text: string): Record<string, unknown> {
  return { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 };
}

/** Who the generated records are attributed to. */
const ANALYST = { name: 'Analyst' };
