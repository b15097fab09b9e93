import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DossierError, phrase } from '../../../common/errors';
import {
  AnchorStatus,
  Creator,
  Grading,
  Motivation,
  Reply,
  Tag,
  type TextQuoteSelector,
} from '../../../common/model/annotation';
import type { UnmatchedAnnotation } from '../../../common/model/annotationImport';
import { ANNO_CONTEXT, idFromUrn } from './vocabulary';

/** What a W3C annotation says about the article it was made on. */
export interface ParsedSource {
  /** The article (not the version) the annotation was made on. */
  iri: string | null;
  title: string | null;
  /** The file name (or URL) the article was imported from. */
  file: string | null;
  /** The version the selectors point into, and its SHA-256, when the file says so. */
  version: number | null;
  sha256: string | null;
  /** Every version's SHA-256, from the collection's provenance. */
  hashes: string[];
}

/** One annotation read from the file, before it is matched to an article. */
export interface ParsedAnnotation {
  iri: string;
  id: string;
  motivation: Motivation | null;
  quote: TextQuoteSelector;
  /** TextPositionSelector offsets, in code points as the W3C model counts them. */
  codePoints: { start: number; end: number } | null;
  comment: string;
  tags: string[];
  color: string | null;
  grading: Grading | null;
  creator: Creator;
  /** Who changed it last, when the file says (Dossier's `dossier:modifiedBy`). */
  modifiedBy: Creator | null;
  created: string;
  modified: string;
  status: AnchorStatus | null;
  source: ParsedSource;
  replies: Reply[];
}

export interface ParsedFile {
  annotations: ParsedAnnotation[];
  /** Items that are not usable annotations (no quote, a reply without its annotation …). */
  rejected: UnmatchedAnnotation[];
}

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const Types = oneOrMany(z.string());

const Document = z.looseObject({
  '@context': oneOrMany(z.unknown()),
  type: Types,
});

const Page = z.looseObject({ type: Types.optional(), items: z.array(z.unknown()).optional(), next: z.unknown().optional() });

const Body = z.union([
  z.string(),
  z.looseObject({
    type: Types.optional(),
    value: z.string().optional(),
    purpose: Types.optional(),
    'dossier:color': z.string().optional(),
    'dossier:reliability': z.unknown().optional(),
    'dossier:credibility': z.unknown().optional(),
  }),
]);

const SourceObject = z.looseObject({
  id: z.string().optional(),
  'dcterms:isVersionOf': z.string().optional(),
  'dcterms:title': z.string().optional(),
  title: z.string().optional(),
  'dossier:source': z.string().optional(),
  'dossier:version': z.number().int().positive().optional(),
  'dossier:sha256': z.string().optional(),
  'dossier:versions': z.array(z.looseObject({ 'dossier:sha256': z.string() })).optional(),
});

const Target = z.union([
  z.string(),
  z.looseObject({
    id: z.string().optional(),
    source: z.union([z.string(), SourceObject]).optional(),
    selector: oneOrMany(z.looseObject({ type: z.string() })).optional(),
  }),
]);

const Agent = z.union([z.string(), z.looseObject({ name: oneOrMany(z.string()).optional(), nickname: z.string().optional() })]);

const Item = z.looseObject({
  id: z.string().min(1),
  type: Types,
  motivation: oneOrMany(z.string()).optional(),
  creator: oneOrMany(Agent).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: oneOrMany(Body).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(Target),
  'dossier:status': z.string().optional(),
  'dossier:modifiedBy': oneOrMany(Agent).optional(),
});
type Item = z.output<typeof Item>;

/**
 * Reads a W3C Web Annotation document: an AnnotationCollection with embedded pages, an
 * AnnotationPage, or one Annotation. A file that is none of these is refused as a whole; an item
 * that cannot be used is reported and the others are read.
 */
export function readWebAnnotations(bytes: Uint8Array, name: string): ParsedFile {
  const fail = (why: string) => new DossierError('import-failed', phrase('import.notWebAnnotations', { file: name, why }), name);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw fail(`it is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
  }
  const doc = Document.safeParse(json);
  if (!doc.success) throw fail('it has no @context and type');
  if (!doc.data['@context'].includes(ANNO_CONTEXT)) throw fail(`its @context does not name ${ANNO_CONTEXT}`);
  const record = json as Record<string, unknown>;
  const sources = provenanceOf(record['dossier:sources']);
  const items = itemsOf(record, doc.data.type, fail);

  const rejected: UnmatchedAnnotation[] = [];
  const annotations: ParsedAnnotation[] = [];
  const replies: { parent: string; reply: Reply; item: Item }[] = [];
  for (const raw of items) {
    const parsed = Item.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : '(no id)';
      rejected.push({ id, quote: '', source: '', reason: `not a valid annotation (${issue?.path.join('.') || 'item'}: ${issue?.message ?? 'invalid'})` });
      continue;
    }
    const item = parsed.data;
    const parent = replyParent(item);
    if (parent !== null) {
      const reply = toReply(item);
      if (reply) replies.push({ parent, reply, item });
      else rejected.push({ id: item.id, quote: '', source: parent, reason: 'a reply without text' });
      continue;
    }
    const annotation = toAnnotation(item, sources);
    if (typeof annotation === 'string') rejected.push({ id: item.id, quote: '', source: sourceLabel(item), reason: annotation });
    else annotations.push(annotation);
  }

  const byIri = new Map(annotations.map((a) => [a.iri, a]));
  for (const { parent, reply, item } of replies) {
    const to = byIri.get(parent);
    if (to) to.replies.push(reply);
    else rejected.push({ id: item.id, quote: '', source: parent, reason: 'a reply to an annotation that is not in the file' });
  }
  return { annotations, rejected };
}

/** Whether these bytes look like a W3C annotation document (for `.json` files, which may be anything). */
export function looksLikeWebAnnotations(bytes: Uint8Array): boolean {
  try {
    const doc = Document.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return doc.success && doc.data['@context'].includes(ANNO_CONTEXT) && doc.data.type.some((t) => /^Annotation(Collection|Page)?$/.test(t));
  } catch {
    return false;
  }
}

function itemsOf(doc: Record<string, unknown>, types: string[], fail: (why: string) => DossierError): unknown[] {
  if (types.includes('Annotation')) return [doc];
  if (types.includes('AnnotationPage')) return pageItems(doc, fail);
  if (!types.includes('AnnotationCollection')) throw fail(`its type is ${types.join(', ') || 'missing'}, not AnnotationCollection, AnnotationPage or Annotation`);
  const first = Array.isArray(doc.first) ? doc.first[0] : doc.first;
  if (first === undefined) return [];
  if (typeof first === 'string') throw fail('its pages are not in the file (only linked); save the collection with its pages embedded');
  return pageItems(first, fail);
}

/** The items of a page and of the pages embedded after it through `next`. */
function pageItems(start: unknown, fail: (why: string) => DossierError): unknown[] {
  const items: unknown[] = [];
  const seen = new Set<unknown>();
  for (let page: unknown = start; page !== undefined && page !== null && !seen.has(page); ) {
    seen.add(page);
    const parsed = Page.safeParse(page);
    if (!parsed.success) throw fail('one of its pages is not an AnnotationPage');
    items.push(...(parsed.data.items ?? []));
    page = typeof parsed.data.next === 'string' ? undefined : parsed.data.next;
  }
  return items;
}

function provenanceOf(value: unknown): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  const list = z.array(SourceObject).safeParse(value);
  if (!list.success) return sources;
  for (const s of list.data) {
    if (s.id) sources.set(s.id, (s['dossier:versions'] ?? []).map((v) => v['dossier:sha256']));
  }
  return sources;
}

/** The annotation a reply answers, or null when the item is not a reply. */
function replyParent(item: Item): string | null {
  if (!item.motivation?.includes('replying')) return null;
  const target = item.target[0];
  if (typeof target === 'string') return target;
  if (target?.id) return target.id;
  return typeof target?.source === 'string' ? target.source : null;
}

function toReply(item: Item): Reply | null {
  const text = textOf(item, ['replying', 'commenting']);
  if (!text.trim()) return null;
  const created = item.created ?? new Date().toISOString();
  const reply = Reply.safeParse({
    id: idFromUrn(item.id, 'annotation') ?? derivedId('rep', item.id),
    body: text,
    creator: creatorOf(item),
    created,
    modified: item.modified ?? created,
  });
  return reply.success ? reply.data : null;
}

function toAnnotation(item: Item, sources: Map<string, string[]>): ParsedAnnotation | string {
  const target = item.target.find((t) => typeof t !== 'string' && t.selector?.some((s) => s.type === 'TextQuoteSelector'));
  if (!target || typeof target === 'string') return 'it has no TextQuoteSelector, and Dossier places annotations by their quoted words';
  const selectors = target.selector ?? [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const exact = typeof quote?.exact === 'string' ? quote.exact.normalize('NFC') : '';
  if (!exact) return 'its TextQuoteSelector quotes no words';
  const text = (key: string) => (typeof quote?.[key] === 'string' ? (quote[key] as string).normalize('NFC') : '');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const start = position?.start;
  const end = position?.end;
  const codePoints =
    Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (end as number) > (start as number)
      ? { start: start as number, end: end as number }
      : null;
  const source = typeof target.source === 'object' ? target.source : undefined;
  const iri = typeof target.source === 'string' ? target.source : (source?.['dcterms:isVersionOf'] ?? source?.id ?? null);
  const body = (item.body ?? []).filter((b) => typeof b !== 'string');
  const classifying = body.find((b) => b.purpose?.includes('classifying') && b['dossier:color'] !== undefined);
  const assessing = body
    .filter((b) => b.purpose?.includes('assessing'))
    .map((b) => Grading.safeParse({ reliability: b['dossier:reliability'], credibility: b['dossier:credibility'] }))
    .find((g) => g.success);
  const motivation = Motivation.safeParse(item.motivation?.[0]);
  const status = AnchorStatus.safeParse(item['dossier:status']);
  const created = item.created ?? new Date().toISOString();
  return {
    iri: item.id,
    id: idFromUrn(item.id, 'annotation') ?? derivedId('ann', item.id),
    motivation: motivation.success ? motivation.data : null,
    quote: { type: 'TextQuoteSelector', exact, prefix: text('prefix'), suffix: text('suffix') },
    codePoints,
    comment: textOf(item, ['commenting']),
    tags: body.filter((b) => b.purpose?.includes('tagging') && b.value !== undefined).flatMap((b) => {
      const tag = Tag.safeParse(b.value);
      return tag.success ? [tag.data] : [];
    }),
    color: classifying?.['dossier:color'] ?? null,
    grading: assessing?.data ?? null,
    creator: creatorOf(item),
    modifiedBy: item['dossier:modifiedBy'] ? agentOf(item['dossier:modifiedBy'][0]) : null,
    created,
    modified: item.modified ?? created,
    status: status.success ? status.data : null,
    source: {
      iri,
      title: source?.['dcterms:title'] ?? source?.title ?? null,
      file: source?.['dossier:source'] ?? null,
      version: source?.['dossier:version'] ?? null,
      sha256: source?.['dossier:sha256'] ?? null,
      hashes: (iri && sources.get(iri)) || [],
    },
    replies: [],
  };
}

/** The text of the bodies with one of `purposes` (or with none, as plain comments have), or bodyValue. */
function textOf(item: Item, purposes: string[]): string {
  if (item.bodyValue !== undefined) return item.bodyValue;
  const texts = (item.body ?? []).flatMap((b) => {
    if (typeof b === 'string' || b.value === undefined) return [];
    const plain = !b.purpose || b.purpose.length === 0;
    return plain || b.purpose!.some((p) => purposes.includes(p)) ? [b.value] : [];
  });
  return texts.join('\n\n');
}

function creatorOf(item: Item): Creator {
  return agentOf(item.creator?.[0]);
}

function agentOf(agent: NonNullable<Item['creator']>[number] | undefined): Creator {
  const name = typeof agent === 'string' ? agent : (agent?.name?.[0] ?? agent?.nickname);
  const trimmed = name?.trim().slice(0, 200);
  return { name: trimmed || 'Unknown' };
}

function sourceLabel(item: Item): string {
  const target = item.target[0];
  if (typeof target === 'string') return target;
  const source = target?.source;
  if (typeof source === 'string') return source;
  return source?.['dcterms:title'] ?? source?.['dcterms:isVersionOf'] ?? source?.id ?? '';
}

/**
 * A Dossier id for an annotation made elsewhere, derived from its IRI: importing the same file
 * twice then finds it already there instead of adding it again.
 */
function derivedId(prefix: string, iri: string): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  const digest = createHash('sha256').update(iri).digest();
  let id = '';
  for (let i = 0; i < 26; i++) id += alphabet[digest[i]! % 32];
  return `${prefix}_${id}`;
}
