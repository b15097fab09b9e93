import type { ConflictVersion } from '../../../electron/common/model/sync';

/**
 * How the conflicts view reads a synced record's value (docs/SYNC.md, electron/core/sync/syncDocs.ts):
 * the kind of record in words, a short label of it, the text to compare word by word, and the
 * fields two versions disagree on. Values come from another analyst's machine: every field is
 * read defensively, and nothing here assumes a shape the document table does not promise.
 */

/** The kinds of synced record that have words of their own; any other is "a record". */
export const KNOWN_KINDS = [
  'note',
  'annotation',
  'entity',
  'entity-merged',
  'article',
  'version',
  'links',
  'event',
  'dismissed-dates',
  'relation',
  'brief',
  'workspace',
  'relation-types',
  'relation-dismissals',
  'entity-rejections',
] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

export function kindOf(kind: string): KnownKind | 'other' {
  return (KNOWN_KINDS as readonly string[]).includes(kind) ? (kind as KnownKind) : 'other';
}

/** The article a document belongs to, from its id (`annotation:<articleId>:<id>`, `links:<articleId>` …). */
export function articleIdOf(docId: string): string | null {
  const [type, articleId] = docId.split(':');
  return ['article', 'version', 'annotation', 'links', 'event', 'dismissed-dates'].includes(type ?? '') && articleId ? articleId : null;
}

type Value = Record<string, unknown>;

function record(value: unknown): Value {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Value) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One line, at most `max` characters: a label, never the whole record. */
export function clip(words: string, max = 80): string {
  const line = words.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Names the analyst knows records by, looked up by the view (entity names, article titles). */
export interface Names {
  entity(id: string): string | undefined;
  article(id: string): string | undefined;
}

/**
 * A short label of the record as one version has it: a note's title, a highlight's quote, an
 * entity's name, an article's title … or an empty string when the record has none.
 */
export function recordLabel(kind: string, docId: string, value: unknown, names: Names): string {
  const v = record(value);
  const ofArticle = () => {
    const id = articleIdOf(docId);
    return id ? (names.article(id) ?? '') : '';
  };
  switch (kindOf(kind)) {
    case 'note':
      return clip(text(v.title) || text(v.excerpt) || text(v.text));
    case 'annotation': {
      const quote = text(record(record(v.target).quote).exact);
      return quote ? `“${clip(quote, 70)}”` : ofArticle();
    }
    case 'entity':
      return clip(text(v.name));
    case 'article':
      return clip(text(v.title)) || ofArticle();
    case 'event':
      return clip(text(v.label));
    case 'relation': {
      const from = names.entity(text(v.from)) ?? '';
      const to = names.entity(text(v.to)) ?? '';
      return from || to ? clip(`${from} – ${to}`) : '';
    }
    case 'brief':
      return clip(text(v.title));
    case 'workspace':
      return clip(text(v.name));
    case 'entity-merged':
      return names.entity(docId.split(':')[1] ?? '') ?? '';
    case 'version':
    case 'links':
    case 'dismissed-dates':
      return ofArticle();
    default:
      return '';
  }
}

/** The text compared word by word between versions: a note's text, a highlight's comment; null for other kinds. */
export function comparedText(kind: string, value: unknown): string | null {
  const v = record(value);
  if (kind === 'note') return text(v.text);
  if (kind === 'annotation') return text(v.comment);
  return null;
}

/** Fields every record keeps for itself, never what two analysts disagree about. */
const BOOKKEEPING = new Set(['id', 'rev', 'created', 'modified', 'content', 'text', 'excerpt', 'comment', 'contentRev']);

/**
 * The fields whose values differ between the versions (a renamed title, another colour …), in
 * the order the first version has them; the compared text is shown apart.
 */
export function differingFields(versions: readonly ConflictVersion[]): string[] {
  const keys = new Set<string>();
  for (const version of versions) for (const key of Object.keys(record(version.value))) keys.add(key);
  return [...keys].filter((key) => {
    if (BOOKKEEPING.has(key)) return false;
    const first = JSON.stringify(record(versions[0]?.value)[key] ?? null);
    return versions.some((version) => JSON.stringify(record(version.value)[key] ?? null) !== first);
  });
}

/** A field's value in a few words: text as it is, lists joined, anything else as compact JSON. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return clip(value, 200);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length ? clip(value.join(', '), 200) : '—';
  return clip(JSON.stringify(value), 200);
}

/**
 * Both versions of a note kept, one after the other: the shown version's title, its paragraphs
 * and then the other's (formatting, mentions and citations kept), its references joined. What
 * both texts share appears twice: the analyst edits the merged note afterwards.
 */
export function mergeNotes(shown: unknown, other: unknown): Value {
  const a = record(shown);
  const b = record(other);
  const rootOf = (v: Value) => record(record(v.content).root);
  const childrenOf = (v: Value) => {
    const children = rootOf(v).children;
    return Array.isArray(children) ? (children as unknown[]) : [];
  };
  const union = (key: string) => {
    const seen = new Map<string, unknown>();
    for (const item of [...(Array.isArray(a[key]) ? (a[key] as unknown[]) : []), ...(Array.isArray(b[key]) ? (b[key] as unknown[]) : [])]) {
      seen.set(JSON.stringify(item), item);
    }
    return [...seen.values()];
  };
  const texts = [text(a.text), text(b.text)].filter((t) => t.trim() !== '');
  return {
    ...a,
    content: { ...record(a.content), root: { ...rootOf(a), children: [...childrenOf(a), ...childrenOf(b)] } },
    text: texts.join('\n\n'),
    entityIds: union('entityIds'),
    citations: union('citations'),
    tags: union('tags'),
  };
}
