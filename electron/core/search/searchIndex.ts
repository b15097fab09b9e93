import { withinEdits } from './editDistance';
import type { ParsedQuery, QueryTerm } from './parseQuery';
import { terms as termsOf } from './tokenize';

export type SearchKind = 'article' | 'annotation' | 'note' | 'entity' | 'relation';
export const SEARCH_KINDS: readonly SearchKind[] = ['article', 'annotation', 'note', 'entity', 'relation'];

/** One searchable record, as the index sees it. */
export interface SearchDoc {
  kind: SearchKind;
  id: string;
  /** The article an article or annotation belongs to; a relationship's first evidence article. */
  articleId: string | null;
  title: string;
  /** Text of each field with its weight (a title counts more than body text). */
  fields: { text: string; weight: number }[];
  /** YYYY-MM-DD (published, created or modified), or null. */
  date: string | null;
  tags: string[];
  entityIds: string[];
  color: string | null;
  /** Admiralty grading, e.g. "B2". */
  grading: string | null;
}

/** What the index keeps of a document besides its words: enough to filter and to show a result. */
export interface DocMeta {
  kind: SearchKind;
  id: string;
  articleId: string | null;
  title: string;
  date: string | null;
  tags: string[];
  entityIds: string[];
  color: string | null;
  grading: string | null;
  /** Weighted number of words: the length normalisation of BM25. */
  length: number;
}

export interface SearchFilters {
  kinds?: readonly SearchKind[];
  entityIds?: readonly string[];
  tag?: string;
  color?: string;
  /** Minimum Admiralty grading: "B2" keeps A1–B2 (reliability A–B and credibility 1–2). */
  minGrading?: string;
  from?: string;
  to?: string;
  articleId?: string;
}

export interface Hit {
  doc: number;
  score: number;
  meta: DocMeta;
}

/** Which vocabulary terms a query term matched, for snippets and phrase checks. */
export type MatchedTerms = Set<string>;

const K1 = 1.2;
const B = 0.75;
/** How much a term found by prefix or by a typo counts against one matched exactly. */
const PREFIX_FACTOR = 0.7;
const TYPO_FACTOR = [1, 0.6, 0.4];
/** A prefix shorter than this expands to its most frequent completions only. */
const SHORT_PREFIX = 3;
const MAX_SHORT_EXPANSIONS = 32;
const MAX_EXPANSIONS = 128;

interface Postings {
  docs: Uint32Array;
  weights: Uint16Array;
  size: number;
}

/**
 * An inverted index over every kind of record: per term, the documents that hold it with a
 * field-weighted term frequency. Documents are appended; a changed document gets a new number
 * and its old one is dropped (skipped by queries, reclaimed by `compact`), so an update costs
 * only the new document's words.
 */
export class SearchIndex {
  private readonly termIds = new Map<string, number>();
  private vocabulary: string[] = [];
  private postings: Postings[] = [];
  private docs: (DocMeta | null)[] = [];
  /** Each document's length, or -1 once dropped: what the scoring loop reads, without touching `docs`. */
  private lengths = new Float32Array(1024);
  private readonly byKey = new Map<string, number>();
  /** Article id → ids of its annotations in the index. */
  private readonly annotationsByArticle = new Map<string, Set<string>>();
  private liveCount = 0;
  private totalLength = 0;
  private sorted: string[] | null = null;
  private byLength: number[][] | null = null;
  private signatures: Int32Array | null = null;
  // Scratch space reused by every query: one slot per document.
  private scratch = new Float32Array(0);
  private best = new Float32Array(0);

  get size(): number {
    return this.liveCount;
  }

  /** Documents including dropped ones not yet compacted away. */
  get slots(): number {
    return this.docs.length;
  }

  has(kind: SearchKind, id: string): boolean {
    return this.byKey.has(keyOf(kind, id));
  }

  meta(kind: SearchKind, id: string): DocMeta | null {
    const at = this.byKey.get(keyOf(kind, id));
    return at === undefined ? null : this.docs[at]!;
  }

  /** Adds a document, replacing the one of the same kind and id. */
  put(doc: SearchDoc): void {
    this.remove(doc.kind, doc.id);
    const number = this.docs.length;
    const counts = new Map<string, number>();
    let length = 0;
    for (const field of doc.fields) {
      for (const term of termsOf(field.text)) {
        counts.set(term, (counts.get(term) ?? 0) + field.weight);
        length += field.weight;
      }
    }
    for (const [term, weight] of counts) this.append(term, number, Math.min(weight, 0xffff));
    const { fields: _fields, ...rest } = doc;
    this.docs.push({ ...rest, length });
    this.setLength(number, length);
    this.byKey.set(keyOf(doc.kind, doc.id), number);
    this.track(doc.kind, doc.id, doc.articleId, true);
    this.liveCount += 1;
    this.totalLength += length;
  }

  remove(kind: SearchKind, id: string): void {
    const key = keyOf(kind, id);
    const at = this.byKey.get(key);
    if (at === undefined) return;
    const meta = this.docs[at]!;
    this.totalLength -= meta.length;
    this.track(kind, id, meta.articleId, false);
    this.docs[at] = null;
    this.lengths[at] = -1;
    this.byKey.delete(key);
    this.liveCount -= 1;
  }

  /** Removes every document that belongs to an article (the article and its annotations). */
  removeArticle(articleId: string): void {
    for (const id of this.annotationsOf(articleId)) this.remove('annotation', id);
    this.remove('article', articleId);
  }

  /** The ids of an article's annotations in the index. */
  annotationsOf(articleId: string): string[] {
    return [...(this.annotationsByArticle.get(articleId) ?? [])];
  }

  private track(kind: SearchKind, id: string, articleId: string | null, present: boolean): void {
    if (kind !== 'annotation' || !articleId) return;
    let ids = this.annotationsByArticle.get(articleId);
    if (present) {
      if (!ids) this.annotationsByArticle.set(articleId, (ids = new Set()));
      ids.add(id);
    } else if (ids) {
      ids.delete(id);
      if (ids.size === 0) this.annotationsByArticle.delete(articleId);
    }
  }

  /**
   * Ranks the documents that hold every query term (exactly, by prefix for the last one, or
   * within a typo) and pass the filters, best first. Phrases are only required word by word
   * here; the caller checks their order against the text.
   */
  search(query: ParsedQuery, filters: SearchFilters = {}, want = Infinity): { hits: Hit[]; total: number; matched: MatchedTerms } {
    const matched: MatchedTerms = new Set();
    const pass = filterOf(filters);
    const unfiltered = isEmpty(filters);
    if (query.terms.length === 0) {
      const hits: Hit[] = [];
      this.docs.forEach((meta, doc) => {
        if (meta && pass(meta)) hits.push({ doc, score: 0, meta });
      });
      hits.sort((a, b) => (b.meta.date ?? '').localeCompare(a.meta.date ?? ''));
      return { hits: hits.slice(0, want), total: hits.length, matched };
    }
    this.ensureScratch();
    const expanded = query.terms.map((t) => this.expand(t));
    for (const list of expanded) for (const e of list) matched.add(this.vocabulary[e.term]!);
    // Rarest first: the first term's documents are the candidates the others can only narrow.
    const order = expanded.map((list, i) => ({ list, i, cost: list.reduce((n, e) => n + this.postings[e.term]!.size, 0) })).sort((a, b) => a.cost - b.cost);
    if (order[0]!.list.length === 0) return { hits: [], total: 0, matched };

    const avg = this.liveCount > 0 ? this.totalLength / this.liveCount : 1;
    let candidates: number[] = [];
    const total = this.scratch;
    for (const [step, { list }] of order.entries()) {
      if (list.length === 0) return { hits: [], total: 0, matched };
      const touched = this.scoreTerm(list, avg, step === 0 ? null : candidates);
      if (step === 0) {
        candidates = unfiltered ? touched : touched.filter((doc) => pass(this.docs[doc]!));
        for (const doc of candidates) total[doc] = this.best[doc]!;
      } else {
        const next: number[] = [];
        for (const doc of candidates) {
          const s = this.best[doc]!;
          if (s > 0) {
            total[doc]! += s;
            next.push(doc);
          } else total[doc] = 0;
        }
        candidates = next;
      }
      for (const doc of touched) this.best[doc] = 0;
      if (candidates.length === 0) break;
    }
    // Only the best `want` are ranked: sorting every candidate of a common word is what costs.
    const top = topByScore(candidates, total, want);
    const hits = top.map((doc) => ({ doc, score: total[doc]!, meta: this.docs[doc]! }));
    for (const doc of candidates) total[doc] = 0;
    return { hits, total: candidates.length, matched };
  }

  /**
   * Puts each document's best score for one query term into `best` (the best of its expansions).
   * With few candidates left, probes the candidates' documents in each posting list instead of
   * walking lists much longer than them.
   */
  private scoreTerm(list: Expansion[], avg: number, candidates: number[] | null): number[] {
    const touched: number[] = [];
    // Counted as the postings are: a replaced document's old number stays in them until `compact`,
    // so the live count against them would give a word every version of a document holds a
    // negative weight, and a document matching every word of the query none at all.
    const n = Math.max(1, this.docs.length);
    for (const { term, factor } of list) {
      const p = this.postings[term]!;
      const idf = Math.log(1 + (n - p.size + 0.5) / (p.size + 0.5));
      const lengthFactor = (K1 * B) / avg;
      const base = K1 * (1 - B);
      const probe = candidates !== null && candidates.length * 16 < p.size;
      const count = probe ? candidates.length : p.size;
      // One loop for both ways, inlined: this is the hot path of every query.
      for (let k = 0; k < count; k++) {
        let at = k;
        if (probe) {
          at = lowerBound(p.docs, p.size, candidates[k]!);
          if (at >= p.size || p.docs[at] !== candidates[k]) continue;
        }
        const doc = p.docs[at]!;
        const length = this.lengths[doc]!;
        if (length < 0) continue;
        const norm = p.weights[at]! / 2;
        const s = (factor * idf * norm * (K1 + 1)) / (norm + base + lengthFactor * length);
        const old = this.best[doc]!;
        if (old === 0) touched.push(doc);
        if (s > old) this.best[doc] = s;
      }
    }
    return touched;
  }

  private expand(query: QueryTerm): Expansion[] {
    const out = new Map<number, number>();
    const add = (term: string, factor: number) => {
      const id = this.termIds.get(term);
      if (id === undefined || this.postings[id]!.size === 0) return;
      if ((out.get(id) ?? 0) < factor) out.set(id, factor);
    };
    add(query.text, 1);
    // A word the index holds as typed is not a typo: looking for its neighbours would only add noise and time.
    const exact = out.size > 0;
    if (query.prefix) {
      const completions = this.completions(query.text);
      for (const term of completions) add(term, PREFIX_FACTOR);
    }
    if (query.typos > 0 && !exact) {
      const lengths = this.lengthBuckets();
      const signatures = this.signatures!;
      const mine = signature(query.text);
      // Each edit changes at most two bits of a word's letter set: most words fail this at once.
      const maxBits = 2 * query.typos;
      for (let len = query.text.length - query.typos; len <= query.text.length + query.typos; len++) {
        const bucket = lengths[len];
        if (!bucket) continue;
        for (let i = 0; i < bucket.length; i++) {
          const id = bucket[i]!;
          if (popcount(signatures[id]! ^ mine) > maxBits) continue;
          const term = this.vocabulary[id]!;
          if (term !== query.text && withinEdits(query.text, term, query.typos)) {
            add(term, withinEdits(query.text, term, 1) ? TYPO_FACTOR[1]! : TYPO_FACTOR[2]!);
          }
        }
      }
    }
    return [...out].map(([term, factor]) => ({ term, factor }));
  }

  /** Vocabulary terms that start with `prefix`; for short prefixes, only the most frequent ones. */
  private completions(prefix: string): string[] {
    const sorted = this.sortedVocabulary();
    let lo = lowerBoundString(sorted, prefix);
    const found: string[] = [];
    for (; lo < sorted.length && sorted[lo]!.startsWith(prefix); lo++) {
      if (sorted[lo] !== prefix) found.push(sorted[lo]!);
      if (found.length >= MAX_EXPANSIONS * 8) break;
    }
    const cap = prefix.length < SHORT_PREFIX ? MAX_SHORT_EXPANSIONS : MAX_EXPANSIONS;
    if (found.length <= cap) return found;
    const df = (t: string) => this.postings[this.termIds.get(t)!]!.size;
    return found.sort((a, b) => df(b) - df(a)).slice(0, cap);
  }

  private sortedVocabulary(): string[] {
    return (this.sorted ??= [...this.vocabulary].sort());
  }

  /** Term ids by length, with each term's letter-set signature: built on the first typo query. */
  private lengthBuckets(): number[][] {
    if (!this.byLength) {
      const lists: number[][] = [];
      const signatures = new Int32Array(Math.max(1024, this.vocabulary.length * 2));
      this.vocabulary.forEach((term, id) => {
        (lists[term.length] ??= []).push(id);
        signatures[id] = signature(term);
      });
      this.byLength = lists;
      this.signatures = signatures;
    }
    return this.byLength;
  }

  /** Keeps the lookups built for prefixes and typos current as a saved document brings new words. */
  private learn(term: string, id: number): void {
    if (this.sorted) this.sorted.splice(lowerBoundString(this.sorted, term), 0, term);
    if (this.byLength && this.signatures) {
      (this.byLength[term.length] ??= []).push(id);
      if (id >= this.signatures.length) {
        const grown = new Int32Array(this.signatures.length * 2);
        grown.set(this.signatures);
        this.signatures = grown;
      }
      this.signatures[id] = signature(term);
    }
  }

  private append(term: string, doc: number, weight: number): void {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.vocabulary.length;
      this.termIds.set(term, id);
      this.vocabulary.push(term);
      this.postings.push({ docs: new Uint32Array(4), weights: new Uint16Array(4), size: 0 });
      this.learn(term, id);
    }
    const p = this.postings[id]!;
    if (p.size === p.docs.length) {
      const docs = new Uint32Array(p.docs.length * 2);
      docs.set(p.docs);
      const weights = new Uint16Array(p.weights.length * 2);
      weights.set(p.weights);
      p.docs = docs;
      p.weights = weights;
    }
    p.docs[p.size] = doc;
    p.weights[p.size] = weight;
    p.size += 1;
  }

  private setLength(doc: number, length: number): void {
    if (doc >= this.lengths.length) {
      const grown = new Float32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[doc] = length;
  }

  private ensureScratch(): void {
    if (this.scratch.length < this.docs.length) {
      const size = Math.max(1024, this.docs.length * 2);
      this.scratch = new Float32Array(size);
      this.best = new Float32Array(size);
    }
  }

  /**
   * Renumbers the live documents densely and drops postings of dropped ones; the vocabulary
   * keeps only terms still used. Run after a rebuild and before saving.
   */
  compact(): void {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: DocMeta[] = [];
    this.docs.forEach((meta, i) => {
      if (meta) {
        renumber[i] = docs.length;
        docs.push(meta);
      }
    });
    const vocabulary: string[] = [];
    const postings: Postings[] = [];
    this.termIds.clear();
    this.postings.forEach((p, id) => {
      let size = 0;
      for (let i = 0; i < p.size; i++) if (renumber[p.docs[i]!]! >= 0) size++;
      if (size === 0) return;
      const next: Postings = { docs: new Uint32Array(size), weights: new Uint16Array(size), size };
      let at = 0;
      for (let i = 0; i < p.size; i++) {
        const to = renumber[p.docs[i]!]!;
        if (to >= 0) {
          next.docs[at] = to;
          next.weights[at] = p.weights[i]!;
          at++;
        }
      }
      this.termIds.set(this.vocabulary[id]!, vocabulary.length);
      vocabulary.push(this.vocabulary[id]!);
      postings.push(next);
    });
    this.vocabulary = vocabulary;
    this.postings = postings;
    this.docs = docs;
    this.lengths = new Float32Array(Math.max(1024, docs.length * 2));
    docs.forEach((meta, i) => (this.lengths[i] = meta.length));
    this.byKey.clear();
    docs.forEach((meta, i) => this.byKey.set(keyOf(meta.kind, meta.id), i));
    this.sorted = null;
    this.byLength = null;
  }

  /** The index as plain arrays, for the index file (after `compact`, so numbers are dense). */
  toSnapshot(): IndexSnapshot {
    this.compact();
    const offsets = new Uint32Array(this.postings.length + 1);
    let total = 0;
    this.postings.forEach((p, i) => {
      offsets[i] = total;
      total += p.size;
    });
    offsets[this.postings.length] = total;
    const docs = new Uint32Array(total);
    const weights = new Uint16Array(total);
    this.postings.forEach((p, i) => {
      docs.set(p.docs.subarray(0, p.size), offsets[i]!);
      weights.set(p.weights.subarray(0, p.size), offsets[i]!);
    });
    // Copies of the lists (not of the records, which are never changed in place): the snapshot is
    // written while the index goes on taking changes.
    return { vocabulary: [...this.vocabulary], documents: [...(this.docs as DocMeta[])], offsets, docs, weights };
  }

  static fromSnapshot(snapshot: IndexSnapshot): SearchIndex {
    const index = new SearchIndex();
    index.vocabulary = snapshot.vocabulary;
    snapshot.vocabulary.forEach((term, id) => index.termIds.set(term, id));
    index.postings = snapshot.vocabulary.map((_, id) => {
      const from = snapshot.offsets[id]!;
      const to = snapshot.offsets[id + 1]!;
      // Views into the loaded buffers; the first document appended to a term copies it out.
      return { docs: snapshot.docs.subarray(from, to), weights: snapshot.weights.subarray(from, to), size: to - from };
    });
    index.docs = snapshot.documents;
    index.lengths = new Float32Array(Math.max(1024, snapshot.documents.length * 2));
    snapshot.documents.forEach((meta, i) => {
      index.byKey.set(keyOf(meta.kind, meta.id), i);
      index.track(meta.kind, meta.id, meta.articleId, true);
      index.totalLength += meta.length;
      index.lengths[i] = meta.length;
    });
    index.liveCount = snapshot.documents.length;
    return index;
  }
}

export interface IndexSnapshot {
  vocabulary: string[];
  documents: DocMeta[];
  offsets: Uint32Array;
  docs: Uint32Array;
  weights: Uint16Array;
}

interface Expansion {
  term: number;
  factor: number;
}

/** Which of 32 letter classes a word holds: one bit per class (the code unit modulo 32). */
function signature(term: string): number {
  let bits = 0;
  for (let i = 0; i < term.length; i++) bits |= 1 << (term.charCodeAt(i) & 31);
  return bits;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The `want` documents with the highest scores, best first (a bounded min-heap: O(n log want)). */
function topByScore(docs: number[], score: Float32Array, want: number): number[] {
  if (docs.length <= want) return [...docs].sort((a, b) => score[b]! - score[a]!);
  const heap: number[] = [];
  const less = (i: number, j: number) => score[heap[i]!]! < score[heap[j]!]!;
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  for (const doc of docs) {
    if (heap.length < want) {
      heap.push(doc);
      for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (score[doc]! > score[heap[0]!]!) {
      heap[0] = doc;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort((a, b) => score[b]! - score[a]!);
}

function keyOf(kind: SearchKind, id: string): string {
  return `${kind}:${id}`;
}

function lowerBound(array: Uint32Array, size: number, value: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (array[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundString(array: string[], value: string): number {
  let lo = 0;
  let hi = array.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (array[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Admiralty grading as two ranks (A=1…F=6, 1…6); null when it does not parse. */
function gradingRanks(grading: string | null): [number, number] | null {
  const m = grading?.toUpperCase().match(/^([A-F])([1-6])$/);
  return m ? [m[1]!.charCodeAt(0) - 64, Number(m[2])] : null;
}

function isEmpty(filters: SearchFilters): boolean {
  const { kinds, entityIds, tag, color, minGrading, from, to, articleId } = filters;
  return !kinds?.length && !entityIds?.length && !tag && !color && !minGrading && !from && !to && !articleId;
}

function filterOf(filters: SearchFilters): (meta: DocMeta) => boolean {
  const kinds = filters.kinds && filters.kinds.length > 0 ? new Set(filters.kinds) : null;
  const entities = filters.entityIds && filters.entityIds.length > 0 ? new Set(filters.entityIds) : null;
  const tag = filters.tag?.replace(/^#/, '').toLocaleLowerCase();
  const min = filters.minGrading ? gradingRanks(filters.minGrading) : null;
  return (meta) => {
    if (kinds && !kinds.has(meta.kind)) return false;
    if (filters.articleId && meta.articleId !== filters.articleId) return false;
    if (entities && !meta.entityIds.some((e) => entities.has(e))) return false;
    if (tag && !meta.tags.some((t) => t.toLocaleLowerCase() === tag)) return false;
    if (filters.color && meta.color !== filters.color) return false;
    if (min) {
      const ranks = gradingRanks(meta.grading);
      if (!ranks || ranks[0] > min[0] || ranks[1] > min[1]) return false;
    }
    if (filters.from && (!meta.date || meta.date.slice(0, 10) < filters.from)) return false;
    if (filters.to && (!meta.date || meta.date.slice(0, 10) > filters.to)) return false;
    return true;
  };
}
