import type { Annotation, Creator } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';
import { BRIEFS } from '../briefs/briefDocuments';
import { ENTITIES, MENTIONS, type MentionsFile } from '../entities/entityDocuments';
import { noteBody, NOTES_INDEX } from '../notes/noteDocuments';
import { RELATIONS } from '../relations/relationDocuments';
import { ANNOTATIONS } from '../store/articleFiles';
import { findById } from '../store/recordsById';
import type { WorkspaceStore } from '../store/workspaceStore';
import { TIMELINE, type TimelineFile } from '../timeline/timelineDocuments';
import { emptyListBody } from './syncMerge';
import { ORIGINAL_ATTACHMENT, TEXT_ATTACHMENT, withoutRev, type ArticleValue, type DocId, type Provenance, type SyncBody } from './syncDocs';

/** An article's folder as sync reads it: its metadata, and whether the library lists it. */
export interface ArticleState {
  meta: ArticleMeta;
  /** In the library or in the trash (not taken out by an undone import). */
  listed: boolean;
  trashed: boolean;
}

/**
 * Reads the workspace as sync documents. One reader serves one batch: what it reads of an
 * article (its highlights, links, timeline) is read once for all that batch's documents of it,
 * through `peek`, so reading every article of a large workspace keeps none of them in memory.
 */
export class MirrorReader {
  private readonly articles = new Map<string, Promise<ArticleState | null>>();
  private readonly annotations = new Map<string, Promise<Annotation[]>>();
  private readonly mentions = new Map<string, Promise<MentionsFile>>();
  private readonly timelines = new Map<string, Promise<TimelineFile>>();
  /** One moment for the batch: the "changed at" of records that keep no date of their own. */
  private readonly now = new Date().toISOString();

  constructor(
    private readonly store: WorkspaceStore,
    /** Who changed what this workspace holds, as far as it knows: the analyst's display name now. */
    private readonly displayName: () => string,
  ) {}

  async read(doc: DocId): Promise<SyncBody | null> {
    switch (doc.type) {
      case 'workspace': {
        const { name, palette } = this.store.info();
        return this.body('workspace', { name, palette }, this.provenance());
      }
      case 'relation-types':
        return this.body('relation-types', { types: (await this.store.readWorkspaceDoc(RELATIONS)).types }, this.provenance());
      case 'relation-dismissals':
        return this.body('relation-dismissals', { keys: (await this.store.readWorkspaceDoc(RELATIONS)).dismissed }, this.provenance());
      case 'entity-rejections':
        return this.body('entity-rejections', { names: (await this.store.readWorkspaceDoc(ENTITIES)).rejected }, this.provenance());
      case 'entity': {
        const entities = await this.store.readWorkspaceDoc(ENTITIES);
        const entity = entities.entities.find((e) => e.id === doc.id);
        if (entity) return this.body('entity', withoutRev(entity), provenanceOf(entity));
        const into = entities.mergedInto[doc.id];
        return into === undefined ? null : this.body('entity-merged', { into }, this.provenance());
      }
      case 'note': {
        const summary = findById((await this.store.readWorkspaceDoc(NOTES_INDEX)).notes, doc.id);
        if (!summary) return null;
        const { content, text } = await this.store.readWorkspaceDoc(noteBody(doc.id));
        return this.body('note', { ...withoutRev(summary), content, text }, provenanceOf(summary));
      }
      case 'relation': {
        const relation = (await this.store.readWorkspaceDoc(RELATIONS)).relations.find((r) => r.id === doc.id);
        return relation ? this.body('relation', withoutRev(relation), provenanceOf(relation)) : null;
      }
      case 'brief': {
        const brief = (await this.store.readWorkspaceDoc(BRIEFS)).briefs.find((b) => b.id === doc.id);
        return brief ? this.body('brief', withoutRev(brief), provenanceOf(brief)) : null;
      }
      default:
        return this.readOfArticle(doc);
    }
  }

  /**
   * An article's list document with no items (syncMerge.emptyListBody), while the article is in
   * the library or the trash; null when it is not, or the document is no such list.
   */
  async emptyList(doc: DocId): Promise<SyncBody | null> {
    if (doc.type !== 'links' && doc.type !== 'dismissed-dates') return null;
    const state = await this.article(doc.articleId);
    if (!state?.listed) return null;
    const version = doc.type === 'links' ? linksVersion(await this.mentionsOf(doc.articleId), state.meta) : state.meta.version;
    return emptyListBody(doc, version, this.provenance(state.meta.importedAt));
  }

  /** The article's folder and where it is; null when the workspace has no folder of it. */
  article(articleId: string): Promise<ArticleState | null> {
    return cached(this.articles, articleId, async () => {
      const meta = await this.store.readFolderMeta(articleId);
      if (!meta) return null;
      const trashed = this.store.isTrashed(articleId);
      return { meta, trashed, listed: trashed || this.store.hasArticle(articleId) };
    });
  }

  annotationsOf(articleId: string): Promise<Annotation[]> {
    return cached(this.annotations, articleId, async () => (await this.store.peekFolderDoc(articleId, ANNOTATIONS)).annotations);
  }

  mentionsOf(articleId: string): Promise<MentionsFile> {
    return cached(this.mentions, articleId, () => this.store.peekFolderDoc(articleId, MENTIONS));
  }

  timelineOf(articleId: string): Promise<TimelineFile> {
    return cached(this.timelines, articleId, () => this.store.peekFolderDoc(articleId, TIMELINE));
  }

  private async readOfArticle(doc: Extract<DocId, { articleId: string }>): Promise<SyncBody | null> {
    const state = await this.article(doc.articleId);
    if (!state) return null;
    const { meta } = state;
    switch (doc.type) {
      case 'article':
        return this.body('article', articleValue(state), this.provenance(meta.importedAt));
      case 'version': {
        const version = meta.versions.find((v) => v.version === doc.version);
        if (!version) return null;
        const [text, original] = await Promise.all([this.store.readFolderText(doc.articleId, version.version), this.store.readOriginal(doc.articleId, version)]);
        return {
          ...this.body('version', version, { ...this.provenance(version.importedAt, version.importedAt) }),
          attachments: [
            { name: TEXT_ATTACHMENT, contentType: 'text/plain; charset=utf-8', data: new TextEncoder().encode(text) },
            { name: ORIGINAL_ATTACHMENT, contentType: version.mediaType, data: original },
          ],
        };
      }
      case 'annotation': {
        const annotation = (await this.annotationsOf(doc.articleId)).find((a) => a.id === doc.id);
        if (!annotation) return null;
        return this.body('annotation', withoutRev(annotation), provenanceOf({ ...annotation, createdBy: annotation.creator }));
      }
      case 'links': {
        const mentions = await this.mentionsOf(doc.articleId);
        // No links is no document: most articles of a large workspace have none confirmed.
        if (mentions.mentions.length === 0) return null;
        return this.body('links', { version: linksVersion(mentions, meta), mentions: mentions.mentions }, this.provenance(meta.importedAt));
      }
      case 'event': {
        const timeline = await this.timelineOf(doc.articleId);
        const event = timeline.events.find((e) => e.id === doc.id);
        if (!event) return null;
        return this.body('event', { ...withoutRev(event), version: timeline.version || meta.version }, provenanceOf(event));
      }
      case 'dismissed-dates': {
        const { dismissed } = await this.timelineOf(doc.articleId);
        return dismissed.length === 0 ? null : this.body('dismissed-dates', { keys: dismissed }, this.provenance(meta.importedAt));
      }
    }
  }

  private body<K extends SyncBody['kind']>(kind: K, value: Extract<SyncBody, { kind: K }>['value'], provenance: Provenance): SyncBody {
    return { kind, value, provenance } as SyncBody;
  }

  /**
   * Who made and changed what keeps no names of its own (the workspace's settings, an article's
   * details and links): this analyst, as far as this workspace can tell.
   */
  private provenance(createdAt = this.now, changedAt = this.now): Provenance {
    const name = this.displayName();
    return { createdBy: name, createdAt, changedBy: name, changedAt };
  }
}

/** A record's provenance: the names and dates it carries (see syncDocs.ts, `withAuthorship`). */
function provenanceOf(record: { created: string; modified: string; createdBy: Creator; modifiedBy: Creator }): Provenance {
  return { createdBy: record.createdBy.name, createdAt: record.created, changedBy: record.modifiedBy.name, changedAt: record.modified };
}

export function articleValue({ meta, listed }: ArticleState): ArticleValue {
  return {
    title: meta.title,
    source: meta.source,
    url: meta.url,
    outlet: meta.outlet,
    author: meta.author,
    published: meta.published,
    language: meta.language,
    importedAt: meta.importedAt,
    version: meta.version,
    archived: meta.archived ?? false,
    trashedAt: meta.trashedAt ?? null,
    listed,
  };
}

/** The version the links' offsets point into: version 0 means the current text, not reviewed yet. */
export function linksVersion(mentions: MentionsFile, meta: ArticleMeta): number {
  return mentions.version > 0 ? mentions.version : meta.version;
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let found = map.get(key);
  if (!found) {
    found = load();
    map.set(key, found);
  }
  return found;
}
