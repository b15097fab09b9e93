import type { RecordChange } from '../../common/contract';
import { ENTITY_REJECTIONS_RECORD } from '../../common/model/entity';
import { parseSuggestionKey } from '../relations/suggestRelations';
import { BRIEFS } from '../briefs/briefDocuments';
import { ENTITIES } from '../entities/entityDocuments';
import { NOTES_INDEX } from '../notes/noteDocuments';
import { RELATIONS } from '../relations/relationDocuments';
import type { ChangeLog } from '../history/changeLog';
import type { NoteRevisions } from '../notes/noteRevisions';
import type { WorkspaceStore } from '../store/workspaceStore';
import { MirrorReader } from './mirrorReader';
import { MirrorWriter, type Incoming } from './mirrorWriter';
import { isListDoc, mergeVersions } from './syncMerge';
import { checkDoc, formatDocId, parseDocId, sameBody, type DocId, type SyncBody } from './syncDocs';

export interface MirrorOptions {
  store: WorkspaceStore;
  changes: ChangeLog;
  /** The analyst's display name now (Settings): the changer of what this workspace changed. */
  displayName: () => string;
  /** Where a note's text replaced by a synced one is kept, as an earlier version. */
  revisions: NoteRevisions;
}

/** A change-feed record's id that names a suggestion's key rather than a record (a dismissal). */
const RECORD_ID = /^[a-z]+_[0-9a-z]+$/;

/**
 * The workspace as sync documents (see syncDocs.ts for the model), both ways: which documents a
 * change touched, what they hold now, every one of them, and documents from elsewhere written
 * into the workspace as changes of their own (cause 'sync', never an undo step of this analyst).
 * No network and no database here: plain values, which the sync service carries.
 */
export class WorkspaceMirror {
  /** Documents that arrived before what they belong to (a highlight before its article), by id. */
  private readonly waiting = new Map<string, Incoming>();
  private readonly writer: MirrorWriter;

  constructor(private readonly options: MirrorOptions) {
    this.writer = new MirrorWriter(options.store, options.changes, options.revisions, () => this.reader());
  }

  /** Whether two bodies hold the same content, provenance aside (see syncDocs.sameBody). */
  sameBody(a: SyncBody | null, b: SyncBody | null): boolean {
    return sameBody(a, b);
  }

  /**
   * The documents a change-feed event touched. An article back in the library (restored, its
   * import redone) names its versions as well; its other documents were never tombstoned.
   */
  idsOf(changes: readonly RecordChange[]): string[] {
    const ids = new Set<string>();
    const add = (doc: DocId) => ids.add(formatDocId(doc));
    for (const c of changes) {
      switch (c.subject) {
        case 'annotation':
          if (c.articleId) add({ type: 'annotation', articleId: c.articleId, id: c.id });
          break;
        case 'article': {
          add({ type: 'article', articleId: c.id });
          // A new version is the article's latest; an article coming (back) in brings all of them.
          const count = this.versionCount(c.id);
          for (let v = c.kind === 'created' ? 1 : count; v >= 1 && v <= count; v++) add({ type: 'version', articleId: c.id, version: v });
          // The review's suggestions changed: a rejection, which entities.json keeps.
          if (c.kind === 'updated') add({ type: 'entity-rejections' });
          break;
        }
        case 'entity':
          // An entity's mentions in an article changed (its links), or the entity itself.
          add(c.articleId ? { type: 'links', articleId: c.articleId } : { type: 'entity', id: c.id });
          break;
        case 'note':
          add({ type: 'note', id: c.id });
          break;
        case 'brief':
          add({ type: 'brief', id: c.id });
          break;
        case 'relation':
          add(RECORD_ID.test(c.id) && !parseSuggestionKey(c.id) ? { type: 'relation', id: c.id } : { type: 'relation-dismissals' });
          break;
        case 'event':
          if (!c.articleId) break;
          add(RECORD_ID.test(c.id) ? { type: 'event', articleId: c.articleId, id: c.id } : { type: 'dismissed-dates', articleId: c.articleId });
          break;
        case 'workspace':
          if (c.id === 'palette' || c.id === 'name') add({ type: 'workspace' });
          else if (c.id === 'relation-types') add({ type: 'relation-types' });
          else if (c.id === ENTITY_REJECTIONS_RECORD) add({ type: 'entity-rejections' });
          // graph-positions: a personal layout, not synced.
          break;
      }
    }
    return [...ids].filter((id) => parseDocId(id) !== null);
  }

  /**
   * What each document holds now; null for one the workspace no longer holds (a tombstone).
   * Ids that are not Dossier documents are left out of the answer.
   */
  async read(ids: readonly string[]): Promise<Map<string, SyncBody | null>> {
    const reader = this.reader();
    const out = new Map<string, SyncBody | null>();
    for (const id of ids) {
      const doc = parseDocId(id);
      if (doc) out.set(id, await reader.read(doc));
    }
    return out;
  }

  /**
   * Every document of the workspace, in an order a workspace can apply them in (settings,
   * entities, each article with its versions and records, notes, relationships, briefs). Read as
   * it goes: one version's text and original at a time, one article's records at a time.
   */
  async *allDocs(): AsyncIterable<{ id: string; body: SyncBody }> {
    const { store } = this.options;
    const reader = () => this.reader();
    async function* of(docs: DocId[], r = reader()): AsyncIterable<{ id: string; body: SyncBody }> {
      for (const doc of docs) {
        const body = await r.read(doc);
        if (body) yield { id: formatDocId(doc), body };
      }
    }
    yield* of([{ type: 'workspace' }, { type: 'relation-types' }, { type: 'relation-dismissals' }, { type: 'entity-rejections' }]);
    const entities = await store.readWorkspaceDoc(ENTITIES);
    yield* of([...entities.entities.map((e) => e.id), ...Object.keys(entities.mergedInto)].map((id) => ({ type: 'entity', id })));
    for (const articleId of [...store.listArticles(), ...store.listTrash()].map((a) => a.id)) {
      // A reader per article: what it read of the one before is let go.
      const r = reader();
      const state = await r.article(articleId);
      if (!state) continue;
      const [annotations, timeline] = await Promise.all([r.annotationsOf(articleId), r.timelineOf(articleId)]);
      yield* of(
        [
          { type: 'article', articleId },
          ...state.meta.versions.map((v) => ({ type: 'version' as const, articleId, version: v.version })),
          ...annotations.map((a) => ({ type: 'annotation' as const, articleId, id: a.id })),
          { type: 'links', articleId },
          ...timeline.events.map((e) => ({ type: 'event' as const, articleId, id: e.id })),
          { type: 'dismissed-dates', articleId },
        ],
        r,
      );
    }
    const notes = (await store.readWorkspaceDoc(NOTES_INDEX)).notes.map((n) => n.id);
    for (let i = 0; i < notes.length; i += 100) yield* of(notes.slice(i, i + 100).map((id) => ({ type: 'note', id })));
    yield* of((await store.readWorkspaceDoc(RELATIONS)).relations.map((r) => ({ type: 'relation', id: r.id })));
    yield* of((await store.readWorkspaceDoc(BRIEFS)).briefs.map((b) => ({ type: 'brief', id: b.id })));
  }

  /**
   * Writes documents from elsewhere into the workspace, as changes announced with cause 'sync':
   * durable, journaled, each group in one transaction, with the changer's name in the articles'
   * history, never an undo step here. A body equal to what is here does nothing. Answers the
   * records announced.
   *
   * A document that belongs to something not here yet (a highlight of an article whose
   * `article:` or current `version:` document has not come) waits in memory and is tried again by
   * every later call (`apply([])` tries them alone); `pending()` names them. A body that is not
   * valid throws before anything is written.
   */
  async apply(docs: readonly { id: string; body: SyncBody | null }[]): Promise<RecordChange[]> {
    const batch = new Map<string, Incoming>();
    for (const [id, waiting] of this.waiting) batch.set(id, waiting);
    for (const { id, body } of docs) {
      const checked = checkDoc(id, body);
      batch.delete(id);
      batch.set(id, { docId: id, ...checked });
    }
    this.waiting.clear();
    return this.writer.apply([...batch.values()], (incoming) => this.waiting.set(incoming.docId, incoming));
  }

  /** Concurrent versions merged where sure (syncMerge.ts); null: a conflict for the analyst. */
  merge(id: string, ancestor: SyncBody | null, versions: readonly SyncBody[]): SyncBody | null {
    const doc = parseDocId(id);
    const merged = doc && mergeVersions(ancestor, versions);
    return merged && this.check(id, merged) === null ? merged : null;
  }

  /** A list document emptied here, as a document with an empty list while its article is here. */
  async emptied(id: string): Promise<SyncBody | null> {
    const doc = parseDocId(id);
    return doc && isListDoc(doc) ? this.reader().emptyList(doc) : null;
  }

  /** Why a document from elsewhere cannot be written here, or null when it can (see `apply`). */
  check(id: string, body: unknown): string | null {
    try {
      checkDoc(id, body);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }

  /** The documents waiting for what they belong to (see `apply`). */
  pending(): string[] {
    return [...this.waiting.keys()];
  }

  private reader(): MirrorReader {
    return new MirrorReader(this.options.store, this.options.displayName);
  }

  /** How many versions an article has, from its library entry (every version's hash is listed). */
  private versionCount(articleId: string): number {
    const { store } = this.options;
    const entry = store.listArticles().find((a) => a.id === articleId) ?? store.listTrash().find((a) => a.id === articleId);
    return entry?.hashes.length ?? 0;
  }
}
