import type { Annotation } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';
import type { EvidenceView, RelationView } from '../../common/model/relation';
import type { DateFormatChoice } from '../../common/model/settings';
import type { TimelineEntry } from '../../common/model/timeline';
import { followMerges, type EntitiesFile } from '../entities/entityDocuments';
import type { WorkspaceStore } from '../store/workspaceStore';
import type { BriefEntityRef, BriefEvent, BriefPassage, BriefRelation } from './briefContent';
import { articleDate, excerptCitation } from './briefText';
import { ArticleParagraphs } from './passagePlaces';
import { readMetaWithLanguage } from '../language/articleLanguage';

/** What the appendices need of the relationship and timeline services (or fakes in tests). */
export interface RelationSource {
  list(filter?: { articleId?: string }): Promise<RelationView[]>;
}
export interface TimelineSource {
  list(filter?: { articleId?: string }): Promise<TimelineEntry[]>;
}

/** Which articles the brief covers (null: the whole workspace) and which appendices it wants. */
export interface AppendixScope {
  articleIds: string[] | null;
  relations: boolean;
  timeline: boolean;
}

interface Context {
  store: WorkspaceStore;
  entities: EntitiesFile;
  entityNames: Record<string, string>;
  /** How the passages' article dates read (ISO when not given). */
  dateFormat?: DateFormatChoice;
}

/**
 * The relationships with evidence in the brief's articles, each with only that evidence (a brief
 * shows what its articles say, not passages of articles the analyst left out). Over the whole
 * workspace every relationship counts, including one whose articles are all gone.
 */
export async function relationsAppendix(source: RelationSource, scope: AppendixScope, context: Context): Promise<BriefRelation[]> {
  const views = scope.articleIds === null ? await source.list() : uniqueById((await Promise.all(scope.articleIds.map((articleId) => source.list({ articleId })))).flat());
  const inScope = scope.articleIds === null ? () => true : (e: EvidenceView) => scope.articleIds!.includes(e.articleId);
  const cite = citer(context.store, context.dateFormat);
  const out: BriefRelation[] = [];
  for (const view of views) {
    const evidence: BriefPassage[] = [];
    for (const e of view.evidence.filter(inScope)) evidence.push(await cite.evidence(e));
    out.push({
      id: view.id,
      from: entityRef(view.from.id, view.from.name, context),
      to: entityRef(view.to.id, view.to.name, context),
      label: view.label,
      grading: view.grading,
      start: view.start,
      end: view.end,
      flagged: view.flagged,
      evidence,
    });
  }
  const name = (ref: BriefEntityRef) => ref.name ?? '';
  return out.sort((a, b) => compareText(name(a.from), name(b.from)) || compareText(a.label, b.label) || compareText(name(a.to), name(b.to)) || a.id.localeCompare(b.id));
}

/**
 * The confirmed events of the brief's articles, earliest first; a year sorts before its months
 * and a month before its days, as the timeline view shows them. Events of the same date keep the
 * order of the brief's articles, then of their text.
 */
export async function timelineAppendix(source: TimelineSource, scope: AppendixScope, context: Context): Promise<BriefEvent[]> {
  const { articleIds } = scope;
  const entries = articleIds === null ? await source.list() : (await Promise.all(articleIds.map((articleId) => source.list({ articleId })))).flat();
  if (articleIds !== null) {
    entries.sort((a, b) => a.date.localeCompare(b.date) || articleIds.indexOf(a.articleId) - articleIds.indexOf(b.articleId) || a.evidence.start - b.evidence.start);
  }
  const cite = citer(context.store, context.dateFormat);
  const out: BriefEvent[] = [];
  for (const entry of entries) {
    out.push({
      id: entry.id,
      date: entry.date,
      label: entry.label,
      entities: entry.entities.map((e) => entityRef(e.id, e.name, context)),
      passage: await cite.event(entry),
    });
  }
  return out;
}

/** Citations in the words the brief uses for highlights; each article's files are read once. */
function citer(store: WorkspaceStore, dateFormat?: DateFormatChoice) {
  const articles = new Map<string, Promise<{ meta: ArticleMeta; annotations: Map<string, Annotation>; paragraphs: ArticleParagraphs } | null>>();
  const article = (id: string) => {
    let found = articles.get(id);
    if (!found) {
      found = store.hasArticle(id)
        ? Promise.all([readMetaWithLanguage(store, id), store.readAnnotations(id)]).then(([meta, annotations]) => ({
            meta,
            annotations: new Map(annotations.map((a) => [a.id, a])),
            paragraphs: new ArticleParagraphs(store, id, meta.version),
          }))
        : Promise.resolve(null);
      articles.set(id, found);
    }
    return found;
  };
  return {
    async evidence(e: EvidenceView): Promise<BriefPassage> {
      const found = await article(e.articleId);
      const annotation = found?.annotations.get(e.annotationId);
      if (found && annotation) {
        const place = await found.paragraphs.ofAnnotation(annotation);
        return {
          quote: annotation.target.quote.exact,
          language: found.meta.language,
          ...excerptCitation({ article: found.meta, places: place ? { [annotation.id]: place } : {} }, annotation, dateFormat),
        };
      }
      // The highlight (or its article) is gone: the words kept when it was linked, said to be deleted.
      const title = found?.meta.title ?? e.articleTitle ?? 'An article no longer in the workspace';
      return { quote: e.exact, language: found?.meta.language ?? null, title, where: `${found ? `${articleDate(found.meta, dateFormat)}, ` : ''}passage deleted` };
    },
    async event(entry: TimelineEntry): Promise<BriefPassage> {
      const found = await article(entry.articleId);
      const { start, end, exact } = entry.evidence;
      // An orphan's offsets are in a version the entry does not name: it is placed no closer than that.
      const place = found && entry.status !== 'orphaned' ? await found.paragraphs.inCurrent(start, end) : null;
      const where =
        entry.status === 'orphaned' ? 'an earlier version' : found ? [articleDate(found.meta, dateFormat), place].filter(Boolean).join(', ') : 'article deleted';
      return { quote: exact, language: found?.meta.language ?? null, title: found?.meta.title ?? entry.articleTitle, where };
    },
  };
}

/** The entity as the rest of the brief names it: merged-away ids stand for their survivor. */
function entityRef(id: string, name: string | null, { entities, entityNames }: Context): BriefEntityRef {
  const canonical = followMerges(entities.mergedInto, id);
  return { id: canonical, name: entityNames[canonical] ?? name };
}

function uniqueById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base' });
}
