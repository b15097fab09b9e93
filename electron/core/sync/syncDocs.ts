import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { DossierError } from '../../common/errors';
import { ID_SHAPE } from '../../common/ids';
import { Annotation, Creator, UNKNOWN_CREATOR } from '../../common/model/annotation';
import { ArticleVersion } from '../../common/model/article';
import { Brief } from '../../common/model/brief';
import { Entity, Mention } from '../../common/model/entity';
import { NoteContent, NoteSummary } from '../../common/model/note';
import { Palette } from '../../common/model/palette';
import { Relation, RelationType } from '../../common/model/relation';
import { TimelineEvent } from '../../common/model/timeline';

/**
 * The documents a workspace syncs through (CouchDB, by way of PouchDB's replicator): one per
 * record an analyst changes on their own, so two analysts annotating the same article at the
 * same time never conflict; only two edits of the same record do. Every document is a
 * `SyncBody`: `{ kind, value, provenance, attachments? }` (plain values: no PouchDB here).
 *
 * Ids carry no content: only Dossier's own ids (`art_…`, `ann_…`), never a title or a name.
 *
 * | id                             | kind                | value                                                              |
 * |--------------------------------|---------------------|--------------------------------------------------------------------|
 * | `workspace`                    | workspace           | `{ name, palette }` (the colours and what they mean)                |
 * | `relation-types`               | relation-types      | `{ types }`: the vocabulary of relationship types                   |
 * | `relation-dismissals`          | relation-dismissals | `{ keys }`: suggested relationships dismissed                       |
 * | `entity-rejections`            | entity-rejections   | `{ names }`: surface forms rejected, never suggested again          |
 * | `entity:<entityId>`            | entity              | the entity (name, type, aliases, description, external id, dates)  |
 * |                                | entity-merged       | `{ into }`: the entity was merged into another (notes follow it)   |
 * | `article:<articleId>`          | article             | editable metadata, `importedAt`, current `version`, `archived`,     |
 * |                                |                     | `trashedAt`, `listed` (false: out of the library, its import undone)|
 * | `version:<articleId>:<n>`      | version             | the version's record; attachments `text.txt` (the normalised text,  |
 * |                                |                     | UTF-8) and `original` (the imported bytes). Never changes.          |
 * | `annotation:<articleId>:<id>`  | annotation          | the highlight with its comment, colour, tags, grading, replies      |
 * | `links:<articleId>`            | links               | `{ version, mentions }`: the confirmed entity mentions and the text |
 * |                                |                     | version their offsets point into (suggestions stay local)           |
 * | `event:<articleId>:<eventId>`  | event               | the timeline event, with the text `version` its evidence points into|
 * | `dismissed-dates:<articleId>`  | dismissed-dates     | `{ keys }`: detected dates the analyst dismissed                    |
 * | `note:<noteId>`                | note                | the note's entry (title, pin, article, references) with its Lexical |
 * |                                |                     | `content` and plain `text`                                          |
 * | `relation:<relationId>`        | relation            | the relationship (entity ids, type, dates, grading, evidence)       |
 * | `brief:<briefId>`              | brief               | the brief (title, author, handling, summary, sections, appendices)  |
 *
 * The documents holding lists (`relation-types`, `relation-dismissals`, `entity-rejections`,
 * `dismissed-dates:`, `links:`) merge on their own when two sides changed one apart (syncMerge.ts);
 * an article's list, once a document, stays one with an empty list rather than being deleted.
 *
 * Records are synced without their `rev`: a revision number is this workspace's own (editors
 * compare it to refuse stale saves), so a record synced in gets the next one here.
 *
 * A deleted record is a tombstone (`null` body). An article whose trash was emptied is one too;
 * its other documents (ids `<type>:<articleId>…`) may be tombstoned with it (see
 * `articleDocPrefixes`) or left: no workspace applies them while it does not hold the article.
 * The relation-type vocabulary and the dismissals live in relations.json here, and rejections in
 * entities.json, but are documents of their own there: they change apart from the records.
 *
 * Not synced: the link chart's pinned positions (graph.json: a personal layout), a note's earlier
 * versions, the articles' history.jsonl, the search index, backups, and the app's settings.
 *
 * `provenance` says who created the record and who last changed it (display names from
 * Settings) and when. Highlights, notes, entities, relationships, briefs and events carry these
 * names themselves (`createdBy` — a highlight's `creator` — and `modifiedBy`, schema 4), and their
 * provenance is read from them, so a record keeps the names its writer gave it wherever it goes;
 * for the rest (settings, an article's details and links), the display name of the workspace that
 * reads a changed record is its changer. A workspace applying a synced change writes the changer's
 * name into the article's history (`remote: { by, at }`).
 *
 * A Dossier before schema 4 sends those records without the names: they are taken from the
 * document's provenance, which that Dossier filled in (see `withAuthorship`).
 */

export const Provenance = z.object({
  createdBy: z.string(),
  createdAt: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
});
export type Provenance = z.infer<typeof Provenance>;

export const SyncAttachment = z.object({
  name: z.string().min(1).max(100),
  contentType: z.string().max(200),
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Expected bytes'),
});
export type SyncAttachment = z.infer<typeof SyncAttachment>;

/** The attachments of a version document. */
export const TEXT_ATTACHMENT = 'text.txt';
export const ORIGINAL_ATTACHMENT = 'original';

const Keys = z.object({ keys: z.array(z.string()) });

export const ArticleValue = z.object({
  title: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string().nullable(),
  importedAt: z.string(),
  /** The version shown and annotated now: its `version:` document comes with or before this one. */
  version: z.number().int().positive(),
  archived: z.boolean(),
  trashedAt: z.string().nullable(),
  /** False once the article's import was undone: its folder stays, out of the library. */
  listed: z.boolean(),
});
export type ArticleValue = z.infer<typeof ArticleValue>;

export const NoteValue = NoteSummary.omit({ rev: true }).extend({ content: NoteContent, text: z.string() });
export type NoteValue = z.infer<typeof NoteValue>;

export const EventValue = TimelineEvent.omit({ rev: true }).extend({ version: z.number().int().positive() });
export type EventValue = z.infer<typeof EventValue>;

export const LinksValue = z.object({ version: z.number().int().positive(), mentions: z.array(Mention) });
export type LinksValue = z.infer<typeof LinksValue>;

const body = <K extends string, V extends z.ZodType>(kind: K, value: V) =>
  z.object({ kind: z.literal(kind), value, provenance: Provenance, attachments: z.array(SyncAttachment).optional() });

export const SyncBody = z.discriminatedUnion('kind', [
  body('workspace', z.object({ name: z.string().min(1).max(200), palette: Palette })),
  body('relation-types', z.object({ types: z.array(RelationType) })),
  body('relation-dismissals', Keys),
  body('entity-rejections', z.object({ names: z.array(z.string()) })),
  body('entity', Entity.omit({ rev: true })),
  body('entity-merged', z.object({ into: z.string().regex(ID_SHAPE) })),
  body('article', ArticleValue),
  body('version', ArticleVersion),
  body('annotation', Annotation.omit({ rev: true })),
  body('links', LinksValue),
  body('event', EventValue),
  body('dismissed-dates', Keys),
  body('note', NoteValue),
  body('relation', Relation.omit({ rev: true })),
  body('brief', Brief.omit({ rev: true })),
]);
export type SyncBody = z.infer<typeof SyncBody>;
export type SyncKind = SyncBody['kind'];
export type BodyOf<K extends SyncKind> = Extract<SyncBody, { kind: K }>;
export type ValueOf<K extends SyncKind> = BodyOf<K>['value'];

/** A document id taken apart. */
export type DocId =
  | { type: 'workspace' | 'relation-types' | 'relation-dismissals' | 'entity-rejections' }
  | { type: 'entity' | 'note' | 'relation' | 'brief'; id: string }
  | { type: 'article' | 'links' | 'dismissed-dates'; articleId: string }
  | { type: 'version'; articleId: string; version: number }
  | { type: 'annotation' | 'event'; articleId: string; id: string };

const SINGLETONS = new Set(['workspace', 'relation-types', 'relation-dismissals', 'entity-rejections']);
const RECORDS = new Set(['entity', 'note', 'relation', 'brief']);
const OF_ARTICLE = new Set(['article', 'links', 'dismissed-dates']);
const IN_ARTICLE = new Set(['annotation', 'event']);

/** The kinds a document of each id type may hold. */
const KINDS: Record<DocId['type'], readonly SyncKind[]> = {
  workspace: ['workspace'],
  'relation-types': ['relation-types'],
  'relation-dismissals': ['relation-dismissals'],
  'entity-rejections': ['entity-rejections'],
  entity: ['entity', 'entity-merged'],
  note: ['note'],
  relation: ['relation'],
  brief: ['brief'],
  article: ['article'],
  links: ['links'],
  'dismissed-dates': ['dismissed-dates'],
  version: ['version'],
  annotation: ['annotation'],
  event: ['event'],
};

/**
 * Takes a document id apart; null for one that is not a Dossier document. Ids become folder and
 * file names here, so every part must have the shape of a Dossier id.
 */
export function parseDocId(docId: string): DocId | null {
  const parts = docId.split(':');
  const [type, a, b] = parts;
  const shaped = (s: string | undefined): s is string => s !== undefined && ID_SHAPE.test(s);
  if (parts.length === 1 && SINGLETONS.has(type!)) return { type: type as 'workspace' };
  if (parts.length === 2 && RECORDS.has(type!) && shaped(a)) return { type: type as 'entity', id: a };
  if (parts.length === 2 && OF_ARTICLE.has(type!) && shaped(a)) return { type: type as 'article', articleId: a };
  if (parts.length === 3 && type === 'version' && shaped(a) && /^[1-9][0-9]{0,5}$/.test(b ?? '')) return { type, articleId: a, version: Number(b) };
  if (parts.length === 3 && IN_ARTICLE.has(type!) && shaped(a) && shaped(b)) return { type: type as 'annotation', articleId: a, id: b };
  return null;
}

export function formatDocId(doc: DocId): string {
  if ('version' in doc) return `version:${doc.articleId}:${doc.version}`;
  if ('articleId' in doc) return 'id' in doc ? `${doc.type}:${doc.articleId}:${doc.id}` : `${doc.type}:${doc.articleId}`;
  if ('id' in doc) return `${doc.type}:${doc.id}`;
  return doc.type;
}

/** The article a document belongs to, or null for a workspace-level one. */
export function articleOfDoc(doc: DocId): string | null {
  return 'articleId' in doc ? doc.articleId : null;
}

/** The id prefixes of an article's documents besides `article:<id>` itself, for tombstoning them with it. */
export function articleDocPrefixes(articleId: string): string[] {
  return [`version:${articleId}:`, `annotation:${articleId}:`, `links:${articleId}`, `event:${articleId}:`, `dismissed-dates:${articleId}`];
}

/**
 * A document as it arrives, checked: a body of a kind its id may hold, whose record is the one
 * its id names. Throws a 'bad-input' error naming the document otherwise.
 */
export function checkDoc(docId: string, raw: unknown): { doc: DocId; body: SyncBody | null } {
  const doc = parseDocId(docId);
  if (!doc) throw new DossierError('bad-input', `Not a Dossier sync document: ${docId.slice(0, 120)}`);
  if (raw === null) return { doc, body: null };
  const parsed = SyncBody.safeParse(withAuthorship(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DossierError('bad-input', `The sync document ${docId} is not valid (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}).`);
  }
  const body = parsed.data;
  if (!KINDS[doc.type].includes(body.kind)) throw new DossierError('bad-input', `The sync document ${docId} holds a ${body.kind}.`);
  const value = body.value as { id?: unknown; articleId?: unknown; version?: unknown };
  const names =
    (doc.type === 'entity' && body.kind === 'entity-merged') ||
    (!('id' in doc) && !('version' in doc)) ||
    (('id' in doc ? value.id === doc.id : true) && ('version' in doc ? value.version === doc.version : true) && (doc.type === 'annotation' ? value.articleId === doc.articleId : true));
  if (!names) throw new DossierError('bad-input', `The sync document ${docId} holds another record than its id names.`);
  if (body.kind === 'version') {
    // The original's path becomes a file name here: only the shape an import gives it.
    if (!new RegExp(`^v${body.value.version}/original\\.[.a-z0-9]{0,9}$`).test(body.value.original)) {
      throw new DossierError('bad-input', `The sync document ${docId} names its original oddly: ${body.value.original.slice(0, 60)}`);
    }
    const names = new Set((body.attachments ?? []).map((a) => a.name));
    if (!names.has(TEXT_ATTACHMENT) || !names.has(ORIGINAL_ATTACHMENT)) throw new DossierError('bad-input', `The sync document ${docId} lacks the version's text or original.`);
  }
  return { doc, body };
}

/**
 * Whether two bodies hold the same content, provenance aside: what keeps a change that was just
 * synced in from being sent back as a new one. Attachments compare by their bytes.
 */
export function sameBody(a: SyncBody | null, b: SyncBody | null): boolean {
  // An article's emptied list is kept as a document (syncMerge.emptyListBody) where the
  // workspace reads none: the same content.
  [a, b] = [emptyList(a) ? null : a, emptyList(b) ? null : b];
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind || !isDeepStrictEqual(plain(named(a).value), plain(named(b).value))) return false;
  const [x, y] = [attachmentsOf(a), attachmentsOf(b)];
  if (x.length !== y.length) return false;
  return x.every((p, i) => {
    const q = y[i]!;
    return p.name === q.name && p.contentType === q.contentType && Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength).equals(q.data);
  });
}

function emptyList(body: SyncBody | null): boolean {
  // Read unchecked too (a replica holds whatever a server sent): only a real empty array counts.
  const list = body?.kind === 'dismissed-dates' ? (body.value as { keys?: unknown }).keys : body?.kind === 'links' ? (body.value as { mentions?: unknown }).mentions : null;
  return Array.isArray(list) && list.length === 0;
}

/** The kinds whose records carry who created and last changed them. */
const NAMED_KINDS = new Set<string>(['entity', 'note', 'relation', 'brief', 'event', 'annotation']);

/**
 * A body with its record's names filled in where the sender left them out (a Dossier before
 * schema 4): `createdBy` and `modifiedBy` (an annotation's `modifiedBy`; its `creator` was always
 * there) from the document's provenance — the changer's display name as that Dossier knew it, the
 * highlight's creator — or, where that names nobody, the unknown creator. Anything that is not
 * such a body is answered as it is, for the schema to judge.
 */
export function withAuthorship(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object') return raw;
  const body = raw as { kind?: unknown; value?: unknown; provenance?: unknown };
  if (typeof body.kind !== 'string' || !NAMED_KINDS.has(body.kind) || body.value === null || typeof body.value !== 'object') return raw;
  const value = body.value as Record<string, unknown>;
  const wantsCreator = body.kind !== 'annotation' && value.createdBy === undefined;
  if (!wantsCreator && value.modifiedBy !== undefined) return raw;
  const provenance = (body.provenance ?? {}) as { createdBy?: unknown; changedBy?: unknown };
  const named = (name: unknown): Creator => (typeof name === 'string' && Creator.safeParse({ name }).success ? { name } : { ...UNKNOWN_CREATOR });
  return {
    ...body,
    value: {
      ...value,
      ...(wantsCreator ? { createdBy: named(provenance.createdBy) } : {}),
      ...(value.modifiedBy === undefined ? { modifiedBy: named(provenance.changedBy) } : {}),
    },
  };
}

function named(body: SyncBody): SyncBody {
  return withAuthorship(body) as SyncBody;
}

function attachmentsOf(body: SyncBody): SyncAttachment[] {
  return [...(body.attachments ?? [])].sort((p, q) => p.name.localeCompare(q.name));
}

/** A value as JSON carries it: fields set to undefined are absent, as after a round trip. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}

/** The record without its revision number (this workspace's own). */
export function withoutRev<T extends { rev: number }>(record: T): Omit<T, 'rev'> {
  const { rev: _rev, ...rest } = record;
  return rest;
}
