import { step } from '../../common/model/phrase';
import { isDeepStrictEqual } from 'node:util';
import { reanchorAll } from '../../common/anchoring/reanchor';
import { positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import type { RecordChange } from '../../common/contract';
import { DossierError } from '../../common/errors';
import type { Annotation } from '../../common/model/annotation';
import { shelfOf, type ArticleMeta, type ArticleVersion, type EditableMeta } from '../../common/model/article';
import type { Entity } from '../../common/model/entity';
import type { NoteSummary } from '../../common/model/note';
import type { TimelineEvent } from '../../common/model/timeline';
import { BRIEFS } from '../briefs/briefDocuments';
import { ENTITIES, MENTIONS, type MentionsFile } from '../entities/entityDocuments';
import { ENTITIES_LOCK } from '../entities/entityService';
import { setPresence } from '../entities/linkedMentions';
import type { ChangeLog, RemoteOrigin } from '../history/changeLog';
import type { Change, Operation } from '../history/operation';
import { noteBody, NOTES_INDEX } from '../notes/noteDocuments';
import type { NoteRevisions } from '../notes/noteRevisions';
import { NOTES_LOCK } from '../notes/noteService';
import { RELATIONS } from '../relations/relationDocuments';
import { findById } from '../store/recordsById';
import { sha256Hex, type WorkspaceStore } from '../store/workspaceStore';
import { TIMELINE } from '../timeline/timelineDocuments';
import type { MirrorReader } from './mirrorReader';
import { ORIGINAL_ATTACHMENT, sameBody, TEXT_ATTACHMENT, withoutRev, type ArticleValue, type BodyOf, type DocId, type NoteValue, type SyncBody } from './syncDocs';

/** A document as it arrived, checked. */
export interface Incoming {
  docId: string;
  doc: DocId;
  body: SyncBody | null;
}

type Wait = (incoming: Incoming) => void;

/** The collection whose records are notes as synced in: entry and text together (see ChangeLog). */
const NOTE_SYNC = 'note-sync';

/** One article's documents in a batch. */
interface ArticleDocs {
  article?: Incoming;
  versions: Incoming[];
  annotations: Incoming[];
  events: Incoming[];
  dismissed?: Incoming;
}

/**
 * Writes synced documents into the workspace. Each group of records that one file holds is one
 * change (ChangeLog.applyRemote) made under the same queue the services use for it, so a synced
 * change never interleaves with the analyst's own read-modify-save of that file. Every record is
 * compared with what is here first: what is the same is left alone, and nothing is announced.
 */
export class MirrorWriter {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
    private readonly revisions: NoteRevisions,
    private readonly reader: () => MirrorReader,
  ) {
    changes.registerCollection(NOTE_SYNC, { subject: 'note', put: (id, state) => this.putNote(id, state as NoteValue | null) }, ['notes']);
  }

  async apply(batch: readonly Incoming[], wait: Wait): Promise<RecordChange[]> {
    const of = <T extends DocId['type']>(...types: T[]) => batch.filter((i) => (types as string[]).includes(i.doc.type));
    const out: RecordChange[] = [];
    out.push(...(await this.workspace(of('workspace', 'relation-types', 'relation-dismissals', 'relation'))));
    const articles = new Map<string, ArticleDocs>();
    for (const incoming of of('article', 'version', 'annotation', 'event', 'dismissed-dates')) {
      const articleId = (incoming.doc as { articleId: string }).articleId;
      const docs = articles.get(articleId) ?? { versions: [], annotations: [], events: [] };
      articles.set(articleId, docs);
      if (incoming.doc.type === 'article') docs.article = incoming;
      else if (incoming.doc.type === 'version') docs.versions.push(incoming);
      else if (incoming.doc.type === 'annotation') docs.annotations.push(incoming);
      else if (incoming.doc.type === 'event') docs.events.push(incoming);
      else docs.dismissed = incoming;
    }
    out.push(...(await this.newArticles(articles)));
    for (const [articleId, docs] of articles) out.push(...(await this.changes.exclusive(articleId, () => this.article(articleId, docs, wait))));
    out.push(...(await this.changes.exclusive(ENTITIES_LOCK, () => this.entities(of('entity', 'entity-rejections', 'links'), wait))));
    out.push(...(await this.changes.exclusive(NOTES_LOCK, () => this.notes(of('note')))));
    out.push(...(await this.changes.exclusive(null, () => this.briefs(of('brief')))));
    return out;
  }

  // ——— Workspace settings and relationships (relations.json, workspace.json) ———

  private workspace(docs: Incoming[]): Promise<RecordChange[]> {
    if (docs.length === 0) return Promise.resolve([]);
    return this.changes.exclusive(null, async () => {
      const reader = this.reader();
      const ops: Operation[] = [];
      const origins = new Map<Operation, RemoteOrigin>();
      const relationsBefore = await this.store.readWorkspaceDoc(RELATIONS);
      const relations = structuredClone(relationsBefore);
      let relationsChanged = false;
      for (const incoming of await this.changed(reader, docs)) {
        const { body } = incoming;
        if (body?.kind === 'workspace') {
          const info = this.store.info();
          if (body.value.name !== info.name) ops.push(origin(origins, incoming, { kind: 'workspaceName', before: info.name, after: body.value.name }));
          if (!isDeepStrictEqual(body.value.palette, info.palette)) ops.push(origin(origins, incoming, { kind: 'palette', before: info.palette, after: body.value.palette }));
        } else if (body?.kind === 'relation-types') {
          relations.types = body.value.types;
          relationsChanged = true;
        } else if (body?.kind === 'relation-dismissals') {
          relations.dismissed = body.value.keys;
          relationsChanged = true;
        } else if (incoming.doc.type === 'relation') {
          const id = incoming.doc.id;
          const at = relations.relations.findIndex((r) => r.id === id);
          if (body?.kind === 'relation') {
            const record = { ...body.value, rev: (relations.relations[at]?.rev ?? 0) + 1 };
            if (at === -1) relations.relations.push(record);
            else relations.relations[at] = record;
          } else if (at !== -1) relations.relations.splice(at, 1);
          relationsChanged = true;
        }
      }
      if (relationsChanged) {
        relations.rev += 1;
        ops.push({ kind: 'doc', doc: 'relations', articleId: null, before: relationsBefore, after: relations });
      }
      return this.commit({ label: step('syncedChanges'), articleId: null, ops }, origins, docs);
    });
  }

  private async briefs(docs: Incoming[]): Promise<RecordChange[]> {
    const changed = await this.changed(this.reader(), docs);
    if (changed.length === 0) return [];
    const before = await this.store.readWorkspaceDoc(BRIEFS);
    const after = structuredClone(before);
    for (const { doc, body } of changed) {
      const id = (doc as { id: string }).id;
      const at = after.briefs.findIndex((b) => b.id === id);
      if (body?.kind === 'brief') {
        const record = { ...body.value, rev: (after.briefs[at]?.rev ?? 0) + 1 };
        if (at === -1) after.briefs.push(record);
        else after.briefs[at] = record;
      } else if (at !== -1) after.briefs.splice(at, 1);
    }
    after.rev += 1;
    return this.commit({ label: step('syncedBriefs'), articleId: null, ops: [{ kind: 'doc', doc: 'briefs', articleId: null, before, after }] }, new Map(), changed);
  }

  // ——— Notes: entry and text together, a note at a time ———

  private async notes(docs: Incoming[]): Promise<RecordChange[]> {
    const reader = this.reader();
    const ops: Operation[] = [];
    const origins = new Map<Operation, RemoteOrigin>();
    for (const incoming of docs) {
      const current = await reader.read(incoming.doc);
      if (sameBody(current, incoming.body)) continue;
      const value = (b: SyncBody | null) => (b?.kind === 'note' ? b.value : null);
      ops.push(origin(origins, incoming, { kind: 'record', collection: NOTE_SYNC, articleId: null, id: (incoming.doc as { id: string }).id, before: value(current), after: value(incoming.body) }));
    }
    return this.commit({ label: step('syncedNotes'), articleId: null, ops }, origins, docs);
  }

  /**
   * A note as synced in. A text that replaces this analyst's different one is kept first as an
   * earlier version of the note (nothing typed here is lost to a colleague's save); a deleted
   * note's text stays, as when it is deleted here.
   */
  private async putNote(id: string, value: NoteValue | null): Promise<void> {
    if (value === null) {
      await this.store.putWorkspaceRecord(NOTES_INDEX, id, null);
      return;
    }
    const { content, text, ...summary } = value;
    const kind = noteBody(id);
    const body = await this.store.readWorkspaceDoc(kind);
    if (body.text !== text || !isDeepStrictEqual(body.content, content)) {
      await this.revisions.keep(id, body, { always: true, next: { content, text } });
      await this.store.updateWorkspaceDoc(kind, (doc) => {
        doc.rev = body.rev + 1;
        doc.content = content;
        doc.text = text;
      });
    }
    const current = findById((await this.store.readWorkspaceDoc(NOTES_INDEX)).notes, id);
    const entry: NoteSummary = { ...summary, rev: (current?.rev ?? 0) + 1 };
    await this.store.putWorkspaceRecord(NOTES_INDEX, id, entry);
  }

  // ——— Entities, rejections and each article's links (entities.json, mentions.json) ———

  private async entities(docs: Incoming[], wait: Wait): Promise<RecordChange[]> {
    const reader = this.reader();
    const changed = await this.changed(reader, docs);
    if (changed.length === 0) return [];
    const before = await this.store.readWorkspaceDoc(ENTITIES);
    const after = structuredClone(before);
    let entitiesChanged = false;
    const mentionsBefore = new Map<string, MentionsFile>();
    const mentionsAfter = new Map<string, MentionsFile>();
    const mentionsOf = async (articleId: string) => {
      if (!mentionsAfter.has(articleId)) {
        const doc = await this.store.readArticleDoc(articleId, MENTIONS);
        mentionsBefore.set(articleId, doc);
        mentionsAfter.set(articleId, structuredClone(doc));
      }
      return mentionsAfter.get(articleId)!;
    };
    const origins = new Map<Operation, RemoteOrigin>();
    const originOf = new Map<string, Incoming>();

    for (const incoming of changed.filter((i) => i.doc.type !== 'links')) {
      const { doc, body } = incoming;
      entitiesChanged = true;
      if (body?.kind === 'entity-rejections') {
        after.rejected = body.value.names;
        continue;
      }
      const id = (doc as { id: string }).id;
      const at = after.entities.findIndex((e) => e.id === id);
      if (body?.kind === 'entity') {
        const record: Entity = { ...body.value, rev: (after.entities[at]?.rev ?? 0) + 1 };
        if (at === -1) after.entities.push(record);
        else after.entities[at] = record;
        delete after.mergedInto[id];
        continue;
      }
      if (at !== -1) after.entities.splice(at, 1);
      if (body?.kind !== 'entity-merged') continue;
      // Merged elsewhere: this workspace's own mentions of it follow, as a merge here moves them.
      after.mergedInto = { ...after.mergedInto, [id]: body.value.into };
      for (const articleId of Object.keys(before.presence[id] ?? {})) {
        if (!this.store.hasArticle(articleId)) continue;
        const mentions = await mentionsOf(articleId);
        for (const m of mentions.mentions) if (m.entityId === id) m.entityId = body.value.into;
        for (const s of mentions.suggestions) if (s.entityId === id) s.entityId = body.value.into;
        originOf.set(articleId, incoming);
      }
    }

    for (const incoming of changed.filter((i) => i.doc.type === 'links')) {
      const articleId = (incoming.doc as { articleId: string }).articleId;
      const { body } = incoming;
      if (!this.store.hasArticle(articleId)) {
        if (body) wait(incoming);
        continue;
      }
      const meta = await this.store.readMeta(articleId);
      const value = body?.kind === 'links' ? body.value : { version: meta.version, mentions: [] };
      if (value.version > meta.version) {
        wait(incoming);
        continue;
      }
      const mentions = await mentionsOf(articleId);
      if (mentions.version === value.version || (mentions.version === 0 && value.version === meta.version)) {
        // The same text: the suggestions still waiting here are kept, less those now linked.
        const linked = value.mentions;
        mentions.suggestions = mentions.suggestions
          .map((s) => ({ ...s, mentions: s.mentions.filter((m) => !linked.some((x) => x.start < m.end && m.start < x.end)) }))
          .filter((s) => s.mentions.length > 0);
      } else {
        // Another text: the current one is reviewed again (version 0) when next opened, keeping these links.
        mentions.version = value.version === meta.version ? 0 : value.version;
        mentions.suggestions = [];
      }
      mentions.mentions = value.mentions;
      originOf.set(articleId, incoming);
    }

    const ops: Operation[] = [];
    for (const [articleId, mentions] of mentionsAfter) {
      mentions.rev += 1;
      setPresence(after, articleId, mentions);
      const op: Operation = { kind: 'doc', doc: 'mentions', articleId, before: mentionsBefore.get(articleId)!, after: mentions };
      ops.push(origin(origins, originOf.get(articleId)!, op));
    }
    if (entitiesChanged || mentionsAfter.size > 0) {
      after.rev += 1;
      ops.unshift({ kind: 'doc', doc: 'entities', articleId: null, before, after });
    }
    return this.commit({ label: step('syncedEntities'), articleId: null, ops }, origins, changed);
  }

  // ——— An article: its folder, versions, metadata, highlights and timeline ———

  /**
   * The articles of the batch new here (listed elsewhere, no folder here, their current version
   * with them): their folders written together, then listed by one change, so the library index
   * (one file) is written once per batch rather than once per article — a clone brings
   * thousands. What belongs to them follows in `article`, which finds them listed.
   */
  private async newArticles(articles: ReadonlyMap<string, ArticleDocs>): Promise<RecordChange[]> {
    const fresh: { incoming: Incoming; value: ArticleValue; current: BodyOf<'version'>; versions: BodyOf<'version'>[] }[] = [];
    for (const [articleId, docs] of articles) {
      const body = docs.article?.body;
      if (body?.kind !== 'article' || !body.value.listed) continue;
      const versions = docs.versions.flatMap((v) => (v.body?.kind === 'version' ? [v.body] : []));
      const current = versions.find((v) => v.value.version === body.value.version);
      if (!current || (await this.reader().article(articleId))) continue;
      versions.forEach((v) => checkOriginal(articleId, v));
      fresh.push({ incoming: docs.article!, value: body.value, current, versions });
    }
    if (fresh.length === 0) return [];
    // Nothing else writes an article that has no folder here yet: the workspace's queue is enough.
    return this.changes.exclusive(null, async () => {
      await this.store.addArticles(
        fresh.map(({ incoming, value, current, versions }) => ({
          meta: {
            id: (incoming.doc as { articleId: string }).articleId,
            rev: 1,
            ...editableOf(value),
            importedAt: value.importedAt,
            version: value.version,
            versions: versions.map((v) => v.value).sort((a, b) => a.version - b.version),
            // As an import writes it: an article not archived says nothing of it.
            ...(value.archived ? { archived: true } : {}),
          },
          ...contentOf(current),
        })),
        { list: false },
      );
      const ops: Operation[] = [];
      const origins = new Map<Operation, RemoteOrigin>();
      for (const { incoming, value, current, versions } of fresh) {
        const articleId = (incoming.doc as { articleId: string }).articleId;
        for (const v of versions) if (v !== current) await this.store.addVersionFiles(articleId, v.value, contentOf(v).text, contentOf(v).original);
        ops.push(origin(origins, incoming, listing(articleId, false, true)));
        if (value.trashedAt) {
          ops.push(origin(origins, incoming, { kind: 'shelf', articleId, before: { archived: value.archived, trashedAt: null }, after: { archived: value.archived, trashedAt: value.trashedAt } }));
        }
      }
      return this.commit({ label: step('syncedArticle'), articleId: null, ops }, origins, fresh.map((f) => f.incoming));
    });
  }

  private async article(articleId: string, docs: ArticleDocs, wait: Wait): Promise<RecordChange[]> {
    const out: RecordChange[] = [];
    const all = [...(docs.article ? [docs.article] : []), ...docs.versions, ...docs.annotations, ...docs.events, ...(docs.dismissed ? [docs.dismissed] : [])];
    let state = await this.reader().article(articleId);
    const body = docs.article?.body;
    if (docs.article && body === null) {
      // Gone elsewhere for good (the trash emptied): gone here too; its records go with it.
      if (state?.trashed) {
        await this.changes.forgetArticles([articleId]);
        await this.store.purgeArticles([articleId]);
        const gone: RecordChange[] = [{ subject: 'article', kind: 'deleted', id: articleId, articleId }];
        this.changes.announceRemote(gone);
        return gone;
      }
      if (state?.listed) out.push(...(await this.commit({ label: step('syncedArticle'), articleId, ops: [listing(articleId, true, false)] }, new Map(), [docs.article])));
      return out;
    }
    const versionBodies = new Map(
      docs.versions.flatMap((v) => (v.body?.kind === 'version' ? [[v.body.value.version, v.body] as const] : [])),
    );
    for (const body of versionBodies.values()) checkOriginal(articleId, body);

    if (body?.kind === 'article' && body.value.listed && !state) {
      // New here: the folder is written first, out of the library, then listed by a change.
      const current = versionBodies.get(body.value.version);
      if (!current) {
        all.forEach(wait);
        return out;
      }
      const value = body.value;
      const meta: ArticleMeta = {
        id: articleId,
        rev: 1,
        ...editableOf(value),
        importedAt: value.importedAt,
        version: value.version,
        versions: [...versionBodies.values()].map((v) => v.value).sort((a, b) => a.version - b.version),
        // As an import writes it: an article not archived says nothing of it.
        ...(value.archived ? { archived: true } : {}),
      };
      await this.store.addArticles([{ meta, ...contentOf(current) }], { list: false });
      for (const v of versionBodies.values()) if (v !== current) await this.store.addVersionFiles(articleId, v.value, contentOf(v).text, contentOf(v).original);
      const ops: Operation[] = [listing(articleId, false, true)];
      if (value.trashedAt) ops.push({ kind: 'shelf', articleId, before: { archived: value.archived, trashedAt: null }, after: { archived: value.archived, trashedAt: value.trashedAt } });
      out.push(...(await this.commit({ label: step('syncedArticle'), articleId, ops }, new Map(), [docs.article!])));
      state = await this.reader().article(articleId);
    } else if (body?.kind === 'article' && state && body.value.listed !== state.listed && !state.trashed) {
      out.push(...(await this.commit({ label: step('syncedArticle'), articleId, ops: [listing(articleId, state.listed, body.value.listed)] }, new Map(), [docs.article!])));
      state = await this.reader().article(articleId);
    }
    if (!state || !state.listed) {
      // Not here (or out of the library): what belongs to it waits for it; deletions have nothing to do.
      all.filter((i) => i.body !== null && i.doc.type !== 'article').forEach(wait);
      return out;
    }

    // Versions that came from elsewhere: their files, then the metadata that lists them.
    const missing = [...versionBodies.values()].filter((v) => !state!.meta.versions.some((x) => x.version === v.value.version));
    if (missing.length > 0 && state.trashed) missing.forEach((v) => wait(docs.versions.find((i) => i.body === v)!));
    else if (missing.length > 0) {
      for (const v of missing) await this.store.addVersionFiles(articleId, v.value, contentOf(v).text, contentOf(v).original);
      const versions = [...state.meta.versions, ...missing.map((v) => v.value)].sort((a, b) => a.version - b.version);
      await this.store.writeMeta({ ...state.meta, rev: state.meta.rev + 1, versions });
      const changed: RecordChange[] = [{ subject: 'article', kind: 'updated', id: articleId, articleId }];
      this.changes.announceRemote(changed);
      out.push(...changed);
      state = (await this.reader().article(articleId))!;
    }

    // An article going into the trash takes its records' changes with it first: a trashed
    // article's records are not written (they wait for it to come back).
    const intoTrash = body?.kind === 'article' && body.value.trashedAt !== null && !state.trashed;
    if (body?.kind === 'article' && !intoTrash) out.push(...(await this.articleMeta(articleId, state.meta, state.trashed, docs.article!, body, wait)));
    if (this.store.isTrashed(articleId)) {
      [...docs.annotations, ...docs.events, ...(docs.dismissed ? [docs.dismissed] : [])].forEach(wait);
      return out;
    }
    out.push(...(await this.annotations(articleId, docs.annotations, wait)));
    out.push(...(await this.timeline(articleId, docs.events, docs.dismissed, wait)));
    if (body?.kind === 'article' && intoTrash) out.push(...(await this.articleMeta(articleId, state.meta, false, docs.article!, body, wait)));
    return out;
  }

  /** The article's details, current version and shelf, as one change. */
  private async articleMeta(articleId: string, meta: ArticleMeta, trashed: boolean, incoming: Incoming, body: BodyOf<'article'>, wait: Wait): Promise<RecordChange[]> {
    const value = body.value;
    const [editBefore, editAfter] = [editableOf(meta), editableOf(value)];
    const shelf = { before: shelfOf(meta), after: { archived: value.archived, trashedAt: value.trashedAt } };
    const shelfOp: Operation[] = isDeepStrictEqual(shelf.before, shelf.after) ? [] : [{ kind: 'shelf', articleId, ...shelf }];
    const details: Operation[] = [];
    if (!isDeepStrictEqual(editBefore, editAfter)) details.push({ kind: 'meta', articleId, before: editBefore, after: editAfter });
    if (value.version !== meta.version) {
      if (!meta.versions.some((v) => v.version === value.version)) {
        // Its version has not come yet: the shelf can change now, the rest waits for it.
        wait(incoming);
        return this.commit({ label: step('syncedArticle'), articleId, ops: shelfOp }, new Map(), [incoming]);
      }
      details.push({ kind: 'version', articleId, before: meta.version, after: value.version });
    }
    const staysTrashed = trashed && value.trashedAt !== null;
    if (staysTrashed && details.length > 0) wait(incoming);
    // Out of the trash before the details change; into it after (a trashed article's details are not written).
    const ops = staysTrashed ? shelfOp : trashed ? [...shelfOp, ...details] : [...details, ...shelfOp];
    return this.commit({ label: step('syncedArticle'), articleId, ops }, new Map(), [incoming]);
  }

  private async annotations(articleId: string, docs: Incoming[], wait: Wait): Promise<RecordChange[]> {
    if (docs.length === 0) return [];
    const [current, meta] = await Promise.all([this.store.readAnnotations(articleId), this.store.readMeta(articleId)]);
    const byId = new Map(current.map((a) => [a.id, a]));
    const ops: Operation[] = [];
    const origins = new Map<Operation, RemoteOrigin>();
    for (const incoming of docs) {
      const id = (incoming.doc as { id: string }).id;
      const before = byId.get(id) ?? null;
      const after = incoming.body?.kind === 'annotation' ? incoming.body.value : null;
      if (isDeepStrictEqual(plainOf(before && withoutRev(before)), plainOf(after))) continue;
      if (after && after.target.version > meta.version) {
        wait(incoming);
        continue;
      }
      const record: Annotation | null = after && { ...after, rev: (before?.rev ?? 0) + 1 };
      ops.push(origin(origins, incoming, { kind: 'annotation', articleId, id, before, after: record }));
    }
    return this.commit({ label: step('syncedHighlights'), articleId, ops }, origins, docs);
  }

  /** The article's events and dismissed dates, brought onto its current text as any change of them is. */
  private async timeline(articleId: string, events: Incoming[], dismissed: Incoming | undefined, wait: Wait): Promise<RecordChange[]> {
    if (events.length === 0 && !dismissed) return [];
    const [stored, { meta, text }] = await Promise.all([this.store.readArticleDoc(articleId, TIMELINE), this.store.readArticle(articleId)]);
    const draft = structuredClone(stored);
    const origins = new Map<Operation, RemoteOrigin>();
    let by: Incoming | undefined;
    /** The events that came in now: already on the current text. */
    const fresh = new Set<string>();
    for (const incoming of events) {
      const id = (incoming.doc as { id: string }).id;
      const at = draft.events.findIndex((e) => e.id === id);
      const before = at === -1 ? null : { ...withoutRev(draft.events[at]!), version: stored.version || meta.version };
      const value = incoming.body?.kind === 'event' ? incoming.body.value : null;
      if (isDeepStrictEqual(plainOf(before), plainOf(value))) continue;
      if (value && value.version > meta.version) {
        wait(incoming);
        continue;
      }
      by ??= incoming;
      if (!value) {
        draft.events.splice(at, 1);
        continue;
      }
      const { version, ...fields } = value;
      let event: TimelineEvent = { ...fields, rev: (draft.events[at]?.rev ?? 0) + 1 };
      if (version !== meta.version) event = placed([event], text)[0]!;
      fresh.add(id);
      if (at === -1) draft.events.push(event);
      else draft.events[at] = event;
    }
    if (dismissed) {
      const keys = dismissed.body?.kind === 'dismissed-dates' ? dismissed.body.value.keys : [];
      if (!isDeepStrictEqual(keys, draft.dismissed)) {
        draft.dismissed = keys;
        by ??= dismissed;
      }
    }
    if (!by) return [];
    // Events saved on an earlier text are placed on the current one, as the timeline shows them.
    if (stored.version !== meta.version && stored.events.length > 0) {
      const moved = placed(draft.events.filter((e) => !fresh.has(e.id)), text);
      draft.events = draft.events.map((e) => (fresh.has(e.id) ? e : moved.shift()!));
    }
    draft.version = meta.version;
    draft.rev = stored.rev + 1;
    draft.articleId = articleId;
    const op = origin(origins, by, { kind: 'doc', doc: 'timeline', articleId, before: stored, after: draft });
    return this.commit({ label: step('syncedTimeline'), articleId, ops: [op] }, origins, [by]);
  }

  // ——— Shared ———

  /** The documents whose body differs from what the workspace holds. */
  private async changed(reader: MirrorReader, docs: readonly Incoming[]): Promise<Incoming[]> {
    const out: Incoming[] = [];
    for (const incoming of docs) if (!sameBody(await reader.read(incoming.doc), incoming.body)) out.push(incoming);
    return out;
  }

  /** Applies the change as synced in (nothing when it has no operations); answers what it announced. */
  private async commit(change: Change, origins: Map<Operation, RemoteOrigin>, docs: readonly Incoming[]): Promise<RecordChange[]> {
    if (change.ops.length === 0) return [];
    const fallback = originFrom(docs.find((d) => d.body) ?? docs[0]);
    return this.changes.applyRemote(change, (op) => origins.get(op) ?? fallback);
  }
}

function listing(articleId: string, before: boolean, after: boolean): Operation {
  return { kind: 'listing', articleIds: [articleId], articleId: null, before, after };
}

function origin(origins: Map<Operation, RemoteOrigin>, incoming: Incoming, op: Operation): Operation {
  origins.set(op, originFrom(incoming));
  return op;
}

/** Who changed a document elsewhere; a tombstone says nobody, so it is "someone else". */
function originFrom(incoming: Incoming | undefined): RemoteOrigin {
  const provenance = incoming?.body?.provenance;
  return provenance ? { by: provenance.changedBy, at: provenance.changedAt } : { by: '', at: new Date().toISOString() };
}

function editableOf(meta: EditableMeta): EditableMeta {
  const { title, source, url, outlet, author, published, language } = meta;
  return { title, source, url, outlet, author, published, language };
}

function contentOf(body: BodyOf<'version'>): { text: string; original: Uint8Array } {
  const attachment = (name: string) => body.attachments!.find((a) => a.name === name)!.data;
  return { text: new TextDecoder().decode(attachment(TEXT_ATTACHMENT)), original: attachment(ORIGINAL_ATTACHMENT) };
}

/** The original must be the bytes its version names: what an import of it would have stored. */
function checkOriginal(articleId: string, body: BodyOf<'version'>): void {
  const version: ArticleVersion = body.value;
  if (sha256Hex(contentOf(body).original) !== version.sha256) {
    throw new DossierError('bad-input', `The sync document version:${articleId}:${version.version} holds an original whose SHA-256 differs from its record.`);
  }
}

/** Events placed on `text` (the current version), as the timeline re-anchors them when shown. */
function placed(events: readonly TimelineEvent[], text: string): TimelineEvent[] {
  const found = reanchorAll(text, events.map((e) => e.evidence));
  return events.map((event, i) => {
    const r = found[i]!;
    if (r.status === 'orphaned' || r.start === undefined || r.end === undefined) return { ...event, status: 'orphaned' as const };
    return { ...event, status: r.status, evidence: { quote: quoteSelectorAt(text, r.start, r.end), position: positionSelector(r.start, r.end) } };
  });
}

/** A record as JSON carries it (fields set to undefined are absent), for comparing with one that arrived. */
function plainOf(value: unknown): unknown {
  return value === null || value === undefined ? null : JSON.parse(JSON.stringify(value));
}
