import { DossierError, isDossierError, phrase } from '../../common/errors';
import type { Brief, AnnotationFilter, ExportSource } from '../../common/model/brief';
import type { Note, NoteFilter, NoteSummary } from '../../common/model/note';
import { byDocumentOrder } from '../annotations/annotationService';
import { ENTITIES, followMerges, type EntitiesFile } from '../entities/entityDocuments';
import type { WorkspaceStore } from '../store/workspaceStore';
import type { DateFormatChoice } from '../../common/model/settings';
import { matchesFilter } from './annotationFilter';
import { relationsAppendix, timelineAppendix, type AppendixScope, type RelationSource, type TimelineSource } from './briefAppendices';
import type { BriefContent, BriefContentSection, BriefEntityRow, BriefSource, CitedArticle } from './briefContent';
import { citationKey } from './briefText';
import { ArticleParagraphs } from './passagePlaces';
import { readMetaWithLanguage } from '../language/articleLanguage';

/** What assembly needs of the notes: listing and reading (the note service, or a fake in tests). */
export interface NoteSource {
  list(filter?: NoteFilter): Promise<NoteSummary[]>;
  get(id: string): Promise<Note>;
}

export interface AssembleOptions {
  store: WorkspaceStore;
  notes: NoteSource;
  /** Who prepared the brief, for one-article and whole-workspace exports (a saved brief has its own). */
  author: string;
  /** How dates are printed for people (the app's setting). */
  dateFormat?: DateFormatChoice;
  /** The saved brief, for `{ briefId }`. */
  brief?: (id: string) => Promise<Brief>;
  now?: Date;
  /** Relationships and timeline events for the appendices; without them a brief has none. */
  relations?: RelationSource;
  timeline?: TimelineSource;
  /** Called after each article is gathered; big workspaces show "n of N articles". */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Gathers everything an exported brief shows, once, for every format: a saved brief's chosen
 * sections, one article with all its annotations and notes, or the whole workspace.
 */
export async function assembleBrief(source: ExportSource, options: AssembleOptions): Promise<BriefContent> {
  const { store } = options;
  const generated = (options.now ?? new Date()).toISOString();
  const base = { author: options.author, handling: '', generated, summary: null, palette: store.info().palette, ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}) };

  if ('briefId' in source) {
    if (!options.brief) throw new DossierError('unavailable', phrase('brief.notExportableHere'));
    const brief = await options.brief(source.briefId);
    const sections: BriefContentSection[] = [];
    const articleSections = brief.sections.filter((s) => s.kind === 'article');
    let done = 0;
    for (const section of brief.sections) {
      if (section.kind === 'article') {
        sections.push({ kind: 'article', source: await articleSource(store, section.articleId, section.filter) });
        options.onProgress?.(++done, articleSections.length);
      } else if (section.kind === 'note') {
        const note = await readNote(options.notes, section.noteId);
        if (note) sections.push(noteSection(store, note));
      }
    }
    const indexSections = brief.sections.filter((s) => s.kind === 'entities');
    const entityIds = indexSections.some((s) => s.entityIds === null) ? null : [...new Set(indexSections.flatMap((s) => s.entityIds ?? []))];
    const articleIds = [...new Set(articleSections.map((s) => s.articleId))];
    const appendices = { articleIds, relations: brief.appendices?.relations !== false, timeline: brief.appendices?.timeline !== false };
    return finish(options, { ...base, title: brief.title, author: brief.author, handling: brief.handling, summary: brief.summary }, sections, {
      index: indexSections.length > 0,
      entityIds,
    }, appendices);
  }

  if ('articleId' in source) {
    const article = await articleSource(store, source.articleId, {});
    options.onProgress?.(1, 1);
    const summaries = await options.notes.list({ articleId: source.articleId });
    const notes = await readNotes(options.notes, summaries);
    const sections: BriefContentSection[] = [{ kind: 'article', source: article }, ...notes.map((n) => noteSection(store, n))];
    return finish(options, { ...base, title: article.article.title }, sections, { index: true, entityIds: null }, everyAppendix([source.articleId]));
  }

  // The whole workspace: each article followed by the notes written on it, then free-standing notes.
  const entries = store.listArticles();
  const notes = await readNotes(options.notes, await options.notes.list());
  const sections: BriefContentSection[] = [];
  for (const [i, entry] of entries.entries()) {
    sections.push({ kind: 'article', source: await articleSource(store, entry.id, {}) });
    for (const note of notes.filter((n) => n.articleId === entry.id)) sections.push(noteSection(store, note));
    options.onProgress?.(i + 1, entries.length);
  }
  const known = new Set(entries.map((e) => e.id));
  for (const note of notes.filter((n) => n.articleId === null || !known.has(n.articleId))) sections.push(noteSection(store, note));
  return finish(options, { ...base, title: `All articles in ${store.info().name}` }, sections, { index: true, entityIds: null }, everyAppendix(null));
}

async function articleSource(store: WorkspaceStore, articleId: string, filter: AnnotationFilter): Promise<BriefSource> {
  if (!store.hasArticle(articleId)) {
    throw new DossierError('not-found', phrase('common.noArticle', { id: articleId.slice(0, 60) }));
  }
  // Its language marks its passages (lang, direction, fonts) in every format.
  const article = await readMetaWithLanguage(store, articleId);
  const chosen = (await store.readAnnotations(articleId)).filter((a) => matchesFilter(a, filter)).sort(byDocumentOrder);
  // The text is read only for an article with highlights to place.
  const places = chosen.length > 0 ? await new ArticleParagraphs(store, articleId, article.version).places(chosen) : {};
  return { article, excerpts: chosen.filter((a) => a.status !== 'orphaned'), orphans: chosen.filter((a) => a.status === 'orphaned'), places };
}

function noteSection(store: WorkspaceStore, note: Note): BriefContentSection {
  const entry = note.articleId ? store.listArticles().find((a) => a.id === note.articleId) : undefined;
  return { kind: 'note', note, article: entry ? { id: entry.id, title: entry.title } : null };
}

/** A note deleted since it was put into a brief is left out rather than failing the whole export. */
async function readNote(notes: NoteSource, id: string): Promise<Note | null> {
  try {
    return await notes.get(id);
  } catch (error) {
    if (isDossierError(error) && error.code === 'not-found') return null;
    throw error;
  }
}

async function readNotes(notes: NoteSource, summaries: NoteSummary[]): Promise<Note[]> {
  const ordered = [...summaries].sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.created.localeCompare(b.created));
  const read = await Promise.all(ordered.map((s) => readNote(notes, s.id)));
  return read.filter((n): n is Note => n !== null);
}

type Header = Pick<BriefContent, 'title' | 'author' | 'handling' | 'generated' | 'summary' | 'palette'>;

function everyAppendix(articleIds: string[] | null): AppendixScope {
  return { articleIds, relations: true, timeline: true };
}

async function finish(
  options: AssembleOptions,
  header: Header,
  sections: BriefContentSection[],
  index: { index: boolean; entityIds: string[] | null },
  appendices: AppendixScope,
): Promise<BriefContent> {
  const { store } = options;
  const entitiesDoc = await store.readWorkspaceDoc(ENTITIES);
  const entityNames: Record<string, string> = Object.fromEntries(entitiesDoc.entities.map((e) => [e.id, e.name]));
  // A note written before a merge names the merged-away entity: it is linked by the name it has now.
  for (const id of Object.keys(entitiesDoc.mergedInto)) {
    const name = entityNames[followMerges(entitiesDoc.mergedInto, id)];
    if (name !== undefined) entityNames[id] = name;
  }
  const content: BriefContent = { ...header, sections, entityIndex: null, entityNames };
  if (index.index) content.entityIndex = entityIndex(entitiesDoc, sections, index.entityIds);
  const cited = await citedArticles(store, sections);
  if (Object.keys(cited).length > 0) content.citedArticles = cited;
  const context = { store, entities: entitiesDoc, entityNames, ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}) };
  if (appendices.relations && options.relations) {
    const relations = await relationsAppendix(options.relations, appendices, context);
    if (relations.length > 0) content.relations = relations;
  }
  if (appendices.timeline && options.timeline) {
    const timeline = await timelineAppendix(options.timeline, appendices, context);
    if (timeline.length > 0) content.timeline = timeline;
  }
  return content;
}

function entityIndex(
  doc: EntitiesFile,
  sections: BriefContentSection[],
  only: string[] | null,
): BriefEntityRow[] {
  const articles = sections.flatMap((s) => (s.kind === 'article' ? [{ id: s.source.article.id, title: s.source.article.title }] : []));
  const notes = sections.flatMap((s) => (s.kind === 'note' ? [s.note] : []));
  const rows: BriefEntityRow[] = [];
  for (const entity of doc.entities) {
    if (only && !only.includes(entity.id)) continue;
    const where = doc.presence[entity.id] ?? {};
    const inArticles = articles.filter((a) => (where[a.id] ?? 0) > 0);
    const inNotes = notes.filter((n) => n.entityIds.some((id) => followMerges(doc.mergedInto, id) === entity.id));
    if (!only && inArticles.length === 0 && inNotes.length === 0) continue;
    rows.push({
      id: entity.id,
      name: entity.name,
      type: entity.type,
      // Mentions in the brief's articles, plus one for each of its notes that @mentions the entity.
      mentionCount: inArticles.reduce((sum, a) => sum + where[a.id]!, 0) + inNotes.length,
      mentionedIn: [
        ...inArticles.map((a) => ({ kind: 'article' as const, id: a.id, title: a.title })),
        ...inNotes.map((n) => ({ kind: 'note' as const, id: n.id, title: n.title || 'Untitled note' })),
      ],
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id));
}

async function citedArticles(store: WorkspaceStore, sections: BriefContentSection[]): Promise<Record<string, CitedArticle>> {
  const cited: Record<string, CitedArticle> = {};
  const paragraphs = new Map<string, ArticleParagraphs>();
  for (const section of sections) {
    if (section.kind !== 'note') continue;
    for (const citation of section.note.citations) {
      if (!store.hasArticle(citation.articleId)) continue;
      let entry = cited[citation.articleId];
      if (!entry) {
        const meta = await store.readMeta(citation.articleId);
        entry = cited[citation.articleId] = { title: meta.title, published: meta.published, deletedAnnotations: [], places: {} };
        paragraphs.set(citation.articleId, new ArticleParagraphs(store, citation.articleId, meta.version));
      }
      const annotations = citation.annotationId ? await store.readAnnotations(citation.articleId) : [];
      const annotation = annotations.find((a) => a.id === citation.annotationId);
      if (citation.annotationId && !annotation && !entry.deletedAnnotations.includes(citation.annotationId)) entry.deletedAnnotations.push(citation.annotationId);
      // A highlight that still exists is cited where it is now (it moves with new versions); otherwise where it was cited.
      const numbers = paragraphs.get(citation.articleId)!;
      const place = annotation ? await numbers.ofAnnotation(annotation) : await numbers.inCurrent(citation.start, citation.end);
      if (place) entry.places![citationKey(citation)] = place;
    }
  }
  return cited;
}
