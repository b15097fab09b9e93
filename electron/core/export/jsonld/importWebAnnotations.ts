import path from 'node:path';
import { z } from 'zod';
import { CodePointOffsets } from '../../../common/anchoring/codePoints';
import { reanchor } from '../../../common/anchoring/reanchor';
import { positionSelector, quoteSelectorAt } from '../../../common/anchoring/textQuote';
import type { ImportFailure } from '../../../common/contract';
import { isDossierError } from '../../../common/errors';
import { Annotation, Comment, Tag, type AnchorStatus } from '../../../common/model/annotation';
import type { AnnotationImportReport } from '../../../common/model/annotationImport';
import type { ChangeLog, Operation } from '../../history/changeLog';
import type { ImportSource } from '../../import/importArticles';
import type { WorkspaceStore } from '../../store/workspaceStore';
import { looksLikeWebAnnotations, readWebAnnotations, type ParsedAnnotation } from './readWebAnnotations';
import { idFromUrn, JSONLD_EXTENSION } from './vocabulary';
import { step } from '../../../common/model/phrase';

/** The model, with the limits the contract puts on what a user types, since a file can hold anything. */
const Imported = Annotation.extend({ comment: Comment, tags: z.array(Tag).max(50) });

/** Files for the annotation import rather than the article import: `.jsonld`, and `.json` that is W3C annotations. */
export function isWebAnnotationFile(source: ImportSource): boolean {
  const ext = path.extname(source.name).toLowerCase();
  return ext === JSONLD_EXTENSION || (ext === '.json' && looksLikeWebAnnotations(source.bytes));
}

/** Imports each file on its own: an unreadable file is a failure, the others still go in. */
export async function importWebAnnotationFiles(
  store: WorkspaceStore,
  changes: ChangeLog,
  sources: ImportSource[],
): Promise<{ annotations: AnnotationImportReport[]; failures: ImportFailure[] }> {
  const outcome = { annotations: [] as AnnotationImportReport[], failures: [] as ImportFailure[] };
  for (const source of sources) {
    try {
      outcome.annotations.push(await importWebAnnotations(store, changes, source));
    } catch (error) {
      if (!isDossierError(error)) throw error;
      outcome.failures.push({ file: source.name, message: error.message });
    }
  }
  return outcome;
}

/**
 * Restores the annotations of a W3C Web Annotation file onto this workspace's articles. An
 * annotation goes to the article holding the exact version it was made on (by SHA-256), else to
 * the article holding any version of its source, else to an article of the same id, title or
 * file where its quote is found. Annotations already there (same id) are left as they are; each
 * article's new annotations are one undoable change.
 */
export async function importWebAnnotations(store: WorkspaceStore, changes: ChangeLog, source: ImportSource): Promise<AnnotationImportReport> {
  const parsed = readWebAnnotations(source.bytes, source.name);
  const report: AnnotationImportReport = {
    file: path.basename(source.name),
    total: parsed.annotations.length,
    imported: { anchored: 0, drifted: 0, orphaned: 0 },
    existing: 0,
    replies: 0,
    articles: [],
    unmatched: [...parsed.rejected],
  };
  const texts = new TextCache(store);
  const byArticle = new Map<string, Annotation[]>();
  for (const item of parsed.annotations) {
    const placed = await placeAnnotation(store, texts, item);
    if (typeof placed === 'string') {
      report.unmatched.push({ id: item.iri, quote: item.quote.exact, source: item.source.title ?? item.source.iri ?? '', reason: placed });
      continue;
    }
    const annotation = Imported.safeParse(placed);
    if (!annotation.success) {
      const issue = annotation.error.issues[0];
      const reason = `not a valid Dossier annotation (${issue?.path.join('.') || 'annotation'}: ${issue?.message ?? 'invalid'})`;
      report.unmatched.push({ id: item.iri, quote: item.quote.exact, source: item.source.title ?? '', reason });
      continue;
    }
    byArticle.set(placed.articleId, [...(byArticle.get(placed.articleId) ?? []), annotation.data]);
  }

  for (const [articleId, incoming] of byArticle) {
    const added = await changes.exclusive(articleId, async () => {
      const existing = new Map((await store.readAnnotations(articleId)).map((a) => [a.id, a]));
      const ops: Operation[] = [];
      const now = new Date().toISOString();
      for (const annotation of incoming) {
        const before = existing.get(annotation.id);
        if (!before) {
          ops.push({ kind: 'annotation', articleId, id: annotation.id, before: null, after: annotation });
          existing.set(annotation.id, annotation);
          report.imported[annotation.status] += 1;
          report.replies += annotation.replies.length;
          continue;
        }
        report.existing += 1;
        // Replies written elsewhere since are added; the annotation itself stays as it is here.
        const known = new Set(before.replies.map((r) => r.id));
        const missing = annotation.replies.filter((r) => !known.has(r.id));
        if (missing.length === 0) continue;
        const after: Annotation = { ...structuredClone(before), rev: before.rev + 1, modified: now, modifiedBy: changes.who(), replies: [...before.replies, ...missing] };
        after.replies.sort((a, b) => a.created.localeCompare(b.created));
        ops.push({ kind: 'annotation', articleId, id: annotation.id, before, after });
        existing.set(annotation.id, after);
        report.replies += missing.length;
      }
      if (ops.length > 0) await changes.commit({ label: step('importAnnotations'), articleId, ops });
      return ops.filter((op) => op.kind === 'annotation' && op.before === null).length;
    });
    if (added > 0) report.articles.push({ id: articleId, title: (await store.readMeta(articleId)).title, annotations: added });
  }
  return report;
}

/** The annotation as it lands on its article's current text, or why it found no article. */
async function placeAnnotation(store: WorkspaceStore, texts: TextCache, item: ParsedAnnotation): Promise<Annotation | string> {
  const exact = findByHash(store, item.source.sha256 === null ? [] : [item.source.sha256]);
  if (exact) {
    const version = (await store.readMeta(exact)).versions.find((v) => v.sha256 === item.source.sha256)!.version;
    return annotationOn(exact, item, await placeOnVersion(texts, exact, version, item));
  }
  const sameArticle = findByHash(store, item.source.hashes);
  if (sameArticle) return annotationOn(sameArticle, item, await placeByQuote(texts, sameArticle, item));
  // The last resort guesses the article, so it only counts when the quote is really found there.
  let best: { articleId: string; placement: Placement } | null = null;
  for (const articleId of candidates(store, item)) {
    const placement = await placeByQuote(texts, articleId, item);
    if (placement.status !== 'orphaned' && (!best || rank(placement) < rank(best.placement))) best = { articleId, placement };
  }
  if (best) return annotationOn(best.articleId, item, best.placement);
  return item.source.sha256 || item.source.hashes.length > 0
    ? 'no article in this workspace holds its source (by SHA-256), and its quote was not found in one of the same title or file'
    : 'no article in this workspace has its source’s title or file name with its quote in it';
}

interface Placement {
  target: Annotation['target'];
  status: AnchorStatus;
}

const rank = (p: Placement) => (p.status === 'anchored' ? 0 : 1);

/** On the very text it was made on: its offsets hold; if that text is an earlier version here, it moves as on a replace. */
async function placeOnVersion(texts: TextCache, articleId: string, version: number, item: ParsedAnnotation): Promise<Placement> {
  const { meta } = await texts.current(articleId);
  const text = await texts.version(articleId, version);
  const offsets = texts.offsets(articleId, version, text);
  const span = item.codePoints && { start: offsets.toUtf16(item.codePoints.start), end: offsets.toUtf16(item.codePoints.end) };
  if (!span || text.slice(span.start, span.end) !== item.quote.exact) return placeByQuote(texts, articleId, item);
  if (version === meta.version) {
    // An orphan made on an earlier version lands on its own words when that version is the one here.
    const status = item.status === null || item.status === 'orphaned' ? 'anchored' : item.status;
    return { target: { version, quote: item.quote, position: positionSelector(span.start, span.end) }, status };
  }
  return reanchored(texts, articleId, item, { version, position: positionSelector(span.start, span.end) });
}

/** On a text it was not made on (or not known to be): found by its quote and context, as re-anchoring does. */
async function placeByQuote(texts: TextCache, articleId: string, item: ParsedAnnotation): Promise<Placement> {
  const { meta, text } = await texts.current(articleId);
  const offsets = texts.offsets(articleId, meta.version, text);
  const hint = item.codePoints
    ? positionSelector(offsets.toUtf16(item.codePoints.start), Math.max(offsets.toUtf16(item.codePoints.end), offsets.toUtf16(item.codePoints.start) + 1))
    : positionSelector(0, item.quote.exact.length);
  // Without its own text, an orphan keeps the version number and offsets the file gave it.
  return reanchored(texts, articleId, item, { version: item.source.version ?? meta.version, position: hint });
}

async function reanchored(
  texts: TextCache,
  articleId: string,
  item: ParsedAnnotation,
  orphan: { version: number; position: Annotation['target']['position'] },
): Promise<Placement> {
  const { meta, text } = await texts.current(articleId);
  const result = withoutContext(text, item) ?? reanchor(text, { quote: item.quote, position: orphan.position });
  if (result.status === 'orphaned' || result.start === undefined || result.end === undefined) {
    return { target: { version: orphan.version, quote: item.quote, position: orphan.position }, status: 'orphaned' };
  }
  return {
    target: { version: meta.version, quote: quoteSelectorAt(text, result.start, result.end), position: positionSelector(result.start, result.end) },
    // Drifted stays drifted until the analyst has looked, even where its current words now stand unchanged.
    status: result.status === 'anchored' && item.status === 'drifted' ? 'drifted' : result.status,
  };
}

/**
 * Other tools often quote without prefix and suffix. Re-anchoring leans on context and would
 * orphan such a quote; the selector is fully met when its words occur once in the text.
 */
function withoutContext(text: string, item: ParsedAnnotation): { status: AnchorStatus; start: number; end: number } | null {
  const { exact, prefix, suffix } = item.quote;
  if (prefix || suffix) return null;
  const start = text.indexOf(exact);
  if (start === -1 || text.indexOf(exact, start + 1) !== -1) return null;
  return { status: 'anchored', start, end: start + exact.length };
}

function annotationOn(articleId: string, item: ParsedAnnotation, placement: Placement): Annotation {
  return {
    id: item.id,
    rev: 1,
    articleId,
    motivation: item.motivation ?? (item.comment.trim() ? 'commenting' : 'highlighting'),
    target: placement.target,
    comment: item.comment,
    color: item.color,
    tags: item.tags,
    grading: item.grading,
    replies: item.replies,
    creator: item.creator,
    // The importer is not its changer (the import keeps its dates): who the file says changed it
    // last (Dossier's own term; the W3C model names no one for `modified`), else its creator.
    modifiedBy: item.modifiedBy ?? item.creator,
    status: placement.status,
    created: item.created,
    modified: item.modified,
  };
}

function findByHash(store: WorkspaceStore, hashes: string[]): string | null {
  for (const hash of hashes) {
    const entry = store.findArticleBySha256(hash);
    if (entry) return entry.id;
  }
  return null;
}

/** Articles that may be the annotation's source: the same id, title or original file name. */
function candidates(store: WorkspaceStore, item: ParsedAnnotation): string[] {
  const id = item.source.iri && idFromUrn(item.source.iri, 'article');
  const title = item.source.title?.trim().toLocaleLowerCase();
  const file = item.source.file;
  return store
    .listArticles()
    .filter((a) => a.id === id || (title && a.title.trim().toLocaleLowerCase() === title) || (file && a.source === file))
    .map((a) => a.id);
}

/** Texts read once per import, with their code point tables. */
class TextCache {
  private readonly versions = new Map<string, Promise<string>>();
  private readonly tables = new Map<string, CodePointOffsets>();

  constructor(private readonly store: WorkspaceStore) {}

  current(articleId: string) {
    return this.store.readArticle(articleId);
  }

  version(articleId: string, version: number): Promise<string> {
    const key = `${articleId}@${version}`;
    let text = this.versions.get(key);
    if (!text) {
      text = this.store.readVersionText(articleId, version);
      this.versions.set(key, text);
    }
    return text;
  }

  offsets(articleId: string, version: number, text: string): CodePointOffsets {
    const key = `${articleId}@${version}`;
    let table = this.tables.get(key);
    if (!table) {
      table = new CodePointOffsets(text);
      this.tables.set(key, table);
    }
    return table;
  }
}
