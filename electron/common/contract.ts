import { z } from 'zod';
import { COMMAND_IDS } from './commands';
import { CALL_NAME_LIST, isCallName, isEventName, type CallNameLiteral, type EventNameLiteral } from './callNames';
import { ErrorPayload } from './errors';
import { ErrorPhrase } from './errorPhrase';
import { Annotation, AnnotationPatch, AnchorStatus, Comment } from './model/annotation';
import { AnnotationImportReport } from './model/annotationImport';
import { ArticleMeta, ArticleSummary, EditableMeta, TrashedArticle } from './model/article';
import { BackupFile, BackupSummary } from './model/backup';
import { Palette } from './model/palette';
import { ArticleMention, DetectedEntity, Entity, EntityPage, EntityPatch, EntitySummary, EntityType, Mention, Suggestion } from './model/entity';
import { WorkspaceInfo } from './model/workspace';
import { RecentWorkspace, WorkspaceName, WorkspacePath } from './model/recentWorkspace';
import { HistoryEntry, RemoteHistoryEntry, HistoryScope, HistoryStepRequest, HistoryStepResponse } from './model/history';
import { StepLabel } from './model/phrase';
import { Note, NoteContent, NoteFilter, NotePatch, NoteRevision, NoteRevisionSummary, NoteSummary } from './model/note';
import { Brief, BriefDraft, BriefFormat, BriefPatch, BriefSummary, ExportedFile, ExportSource } from './model/brief';
import { RelationDraft, RelationPatch, RelationSuggestion, RelationType, RelationView } from './model/relation';
import { GraphData, GraphExportFormat, GraphFilter, GraphHidden, GraphPosition } from './model/graph';
import { SearchRequest, SearchResult } from './model/search';
import { EventDate, EventLabel, TimelineEntry, TimelinePatch, TimelineSuggestion } from './model/timeline';
import { AppSettings, DateFormatChoice, SettingsPatch } from './model/settings';
import { EncodingCandidate, EncodingLabel } from './model/textEncoding';
import { SyncConflict, SyncCounts, SyncStatus, SyncTarget } from './model/sync';

/**
 * The one API between the renderer (or a remote CLI) and the core. Electron's preload, the
 * loopback host and the core dispatcher are all built from these keys and schemas.
 */

const ArticleRef = z.object({ articleId: z.string().min(1) });

/** Changes sent with the same group right after one another are undone in one step. */
const UndoGroup = z.string().min(1).max(64).optional();

export const ImportedArticle = z.object({
  id: z.string(),
  title: z.string(),
  sha256: z.string(),
  /** The same bytes were already in the workspace; nothing new was stored. */
  duplicate: z.boolean(),
});
export type ImportedArticle = z.infer<typeof ImportedArticle>;

export const ImportFailure = z.object({
  file: z.string(),
  message: z.string(),
  /** Dossier could not tell the file's text encoding: the likely ones, to import it again with one chosen. */
  encodings: z.array(EncodingCandidate).optional(),
  /** The message's words, for the window to say in the UI language. */
  phrase: ErrorPhrase.optional().catch(undefined),
});
export type ImportFailure = z.infer<typeof ImportFailure>;

/** Base64 keeps bytes intact through JSON (IPC and HTTP alike). */
export const ImportFile = z.object({
  name: z.string().min(1),
  base64: z.string(),
  /** The text encoding to read the file in (a WHATWG label), when the analyst chose one; otherwise Dossier detects it. */
  encoding: EncodingLabel.optional(),
});

export const ExportFormat = BriefFormat;
export type ExportFormat = BriefFormat;

/** A passphrase or recovery key as typed: never trimmed (spaces may be part of it), never empty. */
const Passphrase = z.string().min(1, 'Type the passphrase.').max(1024);

export const contract = {
  'workspace.info': {
    request: z.object({}),
    response: WorkspaceInfo,
  },
  'app.startup': {
    request: z.object({}),
    /** The article to open first (the bundled sample on a new workspace). */
    response: z.object({ articleId: z.string().nullable() }),
  },
  'articles.list': {
    request: z.object({}),
    response: z.object({ articles: z.array(ArticleSummary) }),
  },
  'articles.get': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ article: ArticleMeta, text: z.string() }),
  },
  'articles.import': {
    request: z.object({ files: z.array(ImportFile).min(1) }),
    response: z.object({
      articles: z.array(ImportedArticle),
      failures: z.array(ImportFailure),
      /** One report per W3C Web Annotation file (.jsonld) among the files, when there are any. */
      annotations: z.array(AnnotationImportReport).optional(),
    }),
  },
  'articles.updateMeta': {
    request: z.object({ id: z.string().min(1), patch: EditableMeta.partial() }),
    response: z.object({ article: ArticleMeta }),
  },
  /** Imports `file` as the article's next version and re-anchors its annotations onto it. */
  'articles.replace': {
    request: z.object({ id: z.string().min(1), file: ImportFile }),
    response: z.object({ article: ArticleMeta, counts: z.record(AnchorStatus, z.number().int().nonnegative()) }),
  },
  /** The text of any version, so earlier versions stay readable. */
  'articles.versionText': {
    request: z.object({ id: z.string().min(1), version: z.number().int().positive() }),
    response: z.object({ text: z.string() }),
  },
  /** A new display title (an undoable operation); the text and its provenance stay as imported. */
  'articles.rename': {
    request: z.object({ id: z.string().min(1), title: EditableMeta.shape.title }),
    response: z.object({ article: ArticleMeta }),
  },
  /** Hides an article from the library, or shows it again (undoable). */
  'articles.archive': {
    request: z.object({ id: z.string().min(1), archived: z.boolean() }),
    response: z.object({}),
  },
  /** Moves an article to the trash (undoable): gone from the library, search, entity pages, the timeline and the chart. */
  'articles.trash': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({}),
  },
  /** Takes an article out of the trash (undoable). */
  'articles.restore': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({}),
  },
  /** The articles in the trash, most recently trashed first. */
  'articles.trashed': {
    request: z.object({}),
    response: z.object({ articles: z.array(TrashedArticle) }),
  },
  /** Deletes trashed articles for good (all, or those named): not undoable. */
  'articles.emptyTrash': {
    request: z.object({ ids: z.array(z.string().min(1)).optional() }),
    response: z.object({ removed: z.number().int().nonnegative() }),
  },
  'annotations.list': {
    request: ArticleRef,
    response: z.object({ annotations: z.array(Annotation) }),
  },
  'annotations.create': {
    request: ArticleRef.extend({
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      /** What the renderer believes it selected; the core checks it against the text. */
      exact: z.string().optional(),
      comment: Comment.default(''),
      undoGroup: UndoGroup,
    }).extend(AnnotationPatch.omit({ comment: true }).shape),
    response: z.object({ annotation: Annotation }),
  },
  'annotations.createFromQuote': {
    request: ArticleRef.extend({
      quote: z.string().min(1),
      occurrence: z.number().int().positive().optional(),
      comment: Comment.default(''),
    }).extend(AnnotationPatch.omit({ comment: true }).shape),
    response: z.object({ annotation: Annotation }),
  },
  /** Changes only the fields given. */
  'annotations.update': {
    request: ArticleRef.extend({
      id: z.string().min(1),
      /** The revision the edit was based on; a newer stored revision is a conflict. */
      baseRev: z.number().int().positive().optional(),
      undoGroup: UndoGroup,
    }).extend(AnnotationPatch.shape),
    response: z.object({ annotation: Annotation }),
  },
  /** Puts an annotation (an orphan, typically) on newly selected words. */
  'annotations.reattach': {
    request: ArticleRef.extend({
      id: z.string().min(1),
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      exact: z.string().optional(),
    }),
    response: z.object({ annotation: Annotation }),
  },
  'replies.add': {
    request: ArticleRef.extend({ annotationId: z.string().min(1), body: Comment }),
    response: z.object({ annotation: Annotation }),
  },
  'replies.update': {
    request: ArticleRef.extend({ annotationId: z.string().min(1), replyId: z.string().min(1), body: Comment }),
    response: z.object({ annotation: Annotation }),
  },
  'replies.delete': {
    request: ArticleRef.extend({ annotationId: z.string().min(1), replyId: z.string().min(1) }),
    response: z.object({ annotation: Annotation }),
  },
  'annotations.delete': {
    request: ArticleRef.extend({ id: z.string().min(1) }),
    response: z.object({ deleted: z.string() }),
  },
  'entities.list': {
    request: z.object({}),
    response: z.object({ entities: z.array(EntitySummary) }),
  },
  /** Confirmed mentions and suggestions to review; detection runs first when the text is new. */
  'entities.forArticle': {
    request: ArticleRef,
    response: z.object({ mentions: z.array(ArticleMention), suggestions: z.array(Suggestion) }),
  },
  /** Accepts a suggestion as a new entity (renamed, retyped) or into an existing one (a merge). */
  'entities.accept': {
    request: ArticleRef.extend({
      key: z.string().min(1),
      name: z.string().trim().min(1).max(200).optional(),
      type: EntityType.optional(),
      entityId: z.string().optional(),
    }),
    response: z.object({ entity: Entity }),
  },
  'entities.acceptAll': {
    request: ArticleRef,
    response: z.object({ accepted: z.number().int().nonnegative() }),
  },
  /** Links every mention of a confirmed entity in the article not linked yet (articles imported before it was confirmed). */
  'entities.linkKnown': {
    request: ArticleRef,
    response: z.object({ linked: z.number().int().nonnegative() }),
  },
  'entities.reject': {
    request: ArticleRef.extend({ key: z.string().min(1) }),
    response: z.object({}),
  },
  /** Links a selected passage to an entity by hand: an existing one, or a new one named here. */
  'entities.link': {
    request: ArticleRef.extend({
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      entityId: z.string().optional(),
      name: z.string().trim().min(1).max(200).optional(),
      type: EntityType.optional(),
    }),
    response: z.object({ mention: Mention }),
  },
  'entities.unlink': {
    request: ArticleRef.extend({ mentionId: z.string().min(1) }),
    response: z.object({}),
  },
  'entities.update': {
    request: z.object({ id: z.string().min(1), patch: EntityPatch }),
    response: z.object({ entity: Entity }),
  },
  /** Merges one entity into another: mentions move, names become aliases. */
  'entities.merge': {
    request: z.object({ sourceId: z.string().min(1), targetId: z.string().min(1) }),
    response: z.object({ entity: Entity }),
  },
  'entities.page': {
    request: z.object({ id: z.string().min(1) }),
    response: EntityPage,
  },
  /** Detection on any text without storing anything (confirmed entities and rejections apply). */
  'entities.detect': {
    request: z.object({ text: z.string().max(20 * 1024 * 1024) }),
    response: z.object({ entities: z.array(DetectedEntity) }),
  },
  /** A new entity with no mention yet (named in a note); an entity of that name is reused. */
  'entities.create': {
    request: z.object({ name: z.string().trim().min(1).max(200), type: EntityType.default('other') }),
    response: z.object({ entity: Entity }),
  },
  /** The entities these ids name now, following merges (null: deleted); notes show mentions by it. */
  'entities.resolve': {
    request: z.object({ ids: z.array(z.string()).max(10_000) }),
    response: z.object({ entities: z.record(z.string(), Entity.nullable()) }),
  },
  'notes.list': {
    request: z.object({ filter: NoteFilter.optional() }),
    response: z.object({ notes: z.array(NoteSummary) }),
  },
  'notes.get': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ note: Note }),
  },
  'notes.create': {
    request: z.object({ title: z.string().max(300).optional(), articleId: z.string().nullable().optional(), content: NoteContent.optional() }),
    response: z.object({ note: Note }),
  },
  /** Autosave: the editor's state; references are derived from it on the Node side. */
  'notes.save': {
    request: z.object({ id: z.string().min(1), content: NoteContent, baseRev: z.number().int().nonnegative().optional() }),
    response: z.object({ note: NoteSummary, contentRev: z.number().int().nonnegative() }),
  },
  /** Rename, pin, move: undoable like other workspace changes. */
  'notes.update': {
    request: z.object({ id: z.string().min(1), patch: NotePatch }),
    response: z.object({ note: NoteSummary }),
  },
  'notes.delete': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ deleted: z.string() }),
  },
  'notes.tags': {
    request: z.object({}),
    response: z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number().int().positive() })) }),
  },
  /** What opening the workspace found (a lock taken over, an index rebuilt, …), with the file each is about. */
  'workspace.notices': {
    request: z.object({}),
    response: z.object({ notices: z.array(z.object({ message: z.string(), file: z.string().optional() })) }),
  },
  /** The note's earlier versions (at most one per five minutes of editing, kept 30 days), newest first. */
  'notes.revisions': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ revisions: z.array(NoteRevisionSummary) }),
  },
  /** One earlier version with its content, to compare with the current text. */
  'notes.revision': {
    request: z.object({ id: z.string().min(1), revisionId: z.string().min(1) }),
    response: z.object({ revision: NoteRevision }),
  },
  /** Puts an earlier version's text back (undoable); the text it replaces is kept as a version. */
  'notes.restoreRevision': {
    request: z.object({ id: z.string().min(1), revisionId: z.string().min(1) }),
    response: z.object({ note: NoteSummary, contentRev: z.number().int().nonnegative() }),
  },
  'workspace.setPalette': {
    request: z.object({ palette: Palette }),
    response: z.object({ palette: Palette }),
  },
  /** The workspace's automatic backups, newest first. */
  'backups.list': {
    request: z.object({}),
    response: z.object({ backups: z.array(BackupSummary) }),
  },
  /** The files one backup recorded as added, changed, removed or left out (damaged). */
  'backups.files': {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: z.object({ backup: BackupSummary, files: z.array(BackupFile) }),
  },
  /** A backup now of what changed since the last one (null: nothing changed). */
  'backups.take': {
    request: z.object({}),
    response: z.object({ backup: BackupSummary.nullable() }),
  },
  /**
   * Puts the workspace, or only `files`, back as backup `id` holds them. A backup of the files as
   * they were is taken first (`before`): restoring it undoes the restore.
   */
  'backups.restore': {
    request: z.object({ id: z.string().min(1).max(100), files: z.array(z.string().min(1).max(1000)).max(100_000).optional() }),
    response: z.object({ restored: z.array(z.string()), before: z.string() }),
  },
  /** The newest backup holding a good copy of a file (one that was damaged and quarantined). */
  'backups.newest': {
    request: z.object({ file: z.string().min(1).max(1000) }),
    response: z.object({ backup: BackupSummary.nullable() }),
  },
  /**
   * Undo and redo walk the operation log of this run; each answers with what it did. With a scope,
   * they take the latest step of that view only (see HistoryScope); without one, the latest of all.
   */
  'history.undo': {
    request: HistoryStepRequest,
    response: HistoryStepResponse,
  },
  'history.redo': {
    request: HistoryStepRequest.omit({ confirm: true }),
    response: HistoryStepResponse,
  },
  /** The labels undo and redo would take next, in a scope or of everything. */
  'history.state': {
    request: z.object({ scope: HistoryScope.optional() }),
    response: z.object({ undo: StepLabel.nullable(), redo: StepLabel.nullable() }),
  },
  /** The steps of this run, newest first: those done, then those undone (redo's). */
  'history.list': {
    request: z.object({}),
    /** `remote`: the team's changes synced in during this run, newest first (not undoable here). */
    response: z.object({ entries: z.array(HistoryEntry), remote: z.array(RemoteHistoryEntry) }),
  },
  'briefs.list': {
    request: z.object({}),
    response: z.object({ briefs: z.array(BriefSummary) }),
  },
  'briefs.get': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ brief: Brief }),
  },
  'briefs.create': {
    request: BriefDraft,
    response: z.object({ brief: Brief }),
  },
  /** Changes only the fields given; undoable, and edits sent with one undoGroup undo together. */
  'briefs.update': {
    request: z.object({ id: z.string().min(1), patch: BriefPatch, baseRev: z.number().int().positive().optional(), undoGroup: UndoGroup }),
    response: z.object({ brief: Brief }),
  },
  'briefs.delete': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ deleted: z.string() }),
  },
  /**
   * A brief file: of one article, a saved brief, or the whole workspace (`{ articleId }` alone is the one-article form).
   * `dateFormat` is how its dates read to people (the window sends its setting; the CLI ISO unless told);
   * without it, the app's setting, or ISO where there is none.
   */
  'export.brief': {
    request: z.union([
      z.object({ source: ExportSource, format: BriefFormat, dateFormat: DateFormatChoice.optional() }),
      ArticleRef.extend({ format: BriefFormat, dateFormat: DateFormatChoice.optional() }),
    ]),
    response: ExportedFile,
  },
  /**
   * Relationships between entities, names as they are now and evidence as its highlights stand
   * now: all of them, an entity's (either way round, following merges), or those with evidence in
   * an article.
   */
  'relations.list': {
    request: z.object({ entityId: z.string().min(1).optional(), articleId: z.string().min(1).optional() }),
    response: z.object({ relations: z.array(RelationView) }),
  },
  /** A new relationship; evidence quoted from an article is highlighted in the same undo step. */
  'relations.create': {
    request: RelationDraft,
    response: z.object({ relation: RelationView }),
  },
  /** Changes only the fields given; evidence is added (by highlight or quote) and removed by highlight id. */
  'relations.update': {
    request: z.object({ id: z.string().min(1), patch: RelationPatch, baseRev: z.number().int().positive().optional() }),
    response: z.object({ relation: RelationView }),
  },
  /** Deletes a relationship; its evidence highlights stay. */
  'relations.delete': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ deleted: z.string() }),
  },
  /** The vocabulary of relationship types, each with its inverse label. */
  'relations.types': {
    request: z.object({}),
    response: z.object({ types: z.array(RelationType) }),
  },
  /** Adds a type to the vocabulary (undoable); its key comes from the label unless given. */
  'relations.addType': {
    request: z.object({ label: z.string().trim().min(1).max(80), inverse: z.string().trim().min(1).max(80), key: z.string().min(1).max(80).optional() }),
    response: z.object({ type: RelationType }),
  },
  /**
   * Relationships the sentences of an article (or of the articles naming an entity) seem to state
   * between confirmed entities, the sentence as proposed evidence; less those already made or
   * dismissed. Accepting one is `relations.create` with the sentence's place as evidence.
   */
  'relations.suggestions': {
    request: z.union([z.object({ articleId: z.string().min(1) }).strict(), z.object({ entityId: z.string().min(1) }).strict()]),
    response: z.object({ suggestions: z.array(RelationSuggestion) }),
  },
  /** Stops suggesting a relationship, in later versions of the article too while its sentence stands (undoable). */
  'relations.dismissSuggestion': {
    request: z.object({ key: z.string().min(1).max(400) }),
    response: z.object({}),
  },
  /**
   * Full-text search over articles, highlights, notes, entities and relationships: every word must match, the
   * last one as a prefix, words of 5+ letters with a typo; "quoted words" as a phrase.
   */
  'search.query': {
    request: SearchRequest,
    response: z.object({ results: z.array(SearchResult) }),
  },
  /** Builds the search index anew from the workspace (progress as `search.progress`). */
  'search.reindex': {
    request: z.object({}),
    response: z.object({ documents: z.number().int().nonnegative() }),
  },
  /**
   * Syncs with the team's CouchDB database both ways (docs/SYNC.md): links the workspace on first
   * use, sends local changes, brings remote ones in. Credentials travel with the call, never stored.
   */
  'sync.run': {
    request: SyncTarget,
    response: SyncCounts,
  },
  /** Where sync stands: linked or not, last run, pending changes, conflicts, the last error. */
  'sync.status': {
    request: z.object({}),
    response: SyncStatus,
  },
  /** Records edited on two sides, each with every version kept (CouchDB's winner first). */
  'sync.conflicts': {
    request: z.object({}),
    response: z.object({ conflicts: z.array(SyncConflict) }),
  },
  /** Settles a conflict: keep one version (`keep`: its rev) or a merge (`value`); the choice syncs. */
  'sync.resolve': {
    request: z.object({ id: z.string().min(1).max(300), keep: z.string().min(1).max(200).optional(), value: z.unknown().optional() }),
    response: z.object({ id: z.string(), rev: z.string() }),
  },
  /**
   * Stops syncing: live sync ends, the link and the outbox are deleted and kept credentials are
   * forgotten; the records stay, and the replica is kept for linking again to the same database
   * (docs/SYNC.md). Answers the new status (unlinked).
   */
  'sync.unlink': {
    request: z.object({}),
    response: SyncStatus,
  },
  /** Confirmed events, earliest first: of the workspace or one article, optionally naming an entity (merges followed). */
  'timeline.list': {
    request: z.object({ articleId: z.string().min(1).optional(), entityId: z.string().min(1).optional() }),
    response: z.object({ events: z.array(TimelineEntry) }),
  },
  /** Dates found in the article's current text that are not events yet and were not dismissed. */
  'timeline.suggestions': {
    request: ArticleRef,
    response: z.object({ suggestions: z.array(TimelineSuggestion) }),
  },
  /** Makes a suggested date an event, optionally with another label or date. */
  'timeline.confirm': {
    request: ArticleRef.extend({ key: z.string().min(1), label: EventLabel.optional(), date: EventDate.optional() }),
    response: z.object({ event: TimelineEntry }),
  },
  /** Stops suggesting a date (undoable). */
  'timeline.dismiss': {
    request: ArticleRef.extend({ key: z.string().min(1) }),
    response: z.object({}),
  },
  /** An event from a selected passage; without a date, the first date named in the passage. */
  'timeline.add': {
    request: ArticleRef.extend({
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      /** What the renderer believes it selected; the core checks it against the text. */
      exact: z.string().optional(),
      date: EventDate.optional(),
      label: EventLabel.optional(),
    }),
    response: z.object({ event: TimelineEntry }),
  },
  'timeline.update': {
    request: ArticleRef.extend({ id: z.string().min(1), patch: TimelinePatch, baseRev: z.number().int().positive().optional() }),
    response: z.object({ event: TimelineEntry }),
  },
  'timeline.delete': {
    request: ArticleRef.extend({ id: z.string().min(1) }),
    response: z.object({ deleted: z.string() }),
  },
  /** The link chart: entities joined by the relationships that pass the filter, with pinned positions. */
  'graph.data': {
    request: GraphFilter,
    /** `hidden`: how much a `limit` left out (zero without one). */
    response: GraphData.extend({ hidden: GraphHidden }),
  },
  /** Pins chart positions by entity id (null unpins); saved with the workspace, not an undo step. */
  'graph.setPositions': {
    request: z.object({ positions: z.record(z.string().min(1), GraphPosition.nullable()) }),
    response: z.object({ pinned: z.number().int().nonnegative() }),
  },
  /** The chart's data as files: one for JSON, GraphML and GEXF; for CSV the edges table, then the nodes table. */
  'graph.export': {
    request: z.object({ filter: GraphFilter, format: GraphExportFormat }),
    response: z.object({ files: z.array(ExportedFile).min(1) }),
  },
  /** Changes the open workspace's display name (undoable); its folder keeps its name. */
  'workspace.rename': {
    request: z.object({ name: WorkspaceName }),
    response: z.object({ name: z.string() }),
  },
  /**
   * The workspaces opened lately, most recent first (missing ones flagged), the open one, and the
   * folder a new workspace is suggested in. Only the app and `dossier serve` keep this list.
   */
  'workspaces.recent': {
    request: z.object({}),
    response: z.object({
      current: z.string().nullable(),
      workspaces: z.array(RecentWorkspace),
      newWorkspaceParent: z.string(),
      /** Why the workspace the app started with did not open, while none is open (the start screen says it). */
      problem: z.object({ path: z.string(), message: z.string(), phrase: ErrorPhrase.optional().catch(undefined) }).nullable().optional(),
      /** An encrypted workspace waiting for its passphrase (the app started on it, or it was locked): the unlock screen shows. */
      locked: z.object({ path: z.string(), name: z.string() }).nullable().optional(),
      /** Whether the open workspace is encrypted (the Security section of the workspaces screen). */
      currentEncrypted: z.boolean().optional(),
      /** The recent workspaces that are encrypted: opening one asks for its passphrase first. */
      encrypted: z.array(z.string()).optional(),
      /**
       * Whether the unlock screen may offer "Remember the passphrase on this computer": only the
       * desktop app has the system keychain (Electron safeStorage), so the field is absent
       * elsewhere; `basic-text` (Linux without a keyring) and `unavailable` say why it is not offered.
       */
      rememberPassphrase: z.enum(['available', 'basic-text', 'unavailable']).optional(),
      /** The encrypted workspaces (open, locked or recent) whose passphrase this computer remembers: they open without asking. */
      remembered: z.array(z.string()).optional(),
    }),
  },
  /**
   * Closes the open workspace (its saves folded, its lock released) and opens the one in `path`,
   * which must already be a workspace; `workspace.switched` then tells every window.
   */
  'workspaces.open': {
    request: z.object({ path: WorkspacePath }),
    response: z.object({ path: z.string(), name: z.string() }),
  },
  /** Creates a workspace in a new or empty folder and switches to it, as `workspaces.open` does. */
  'workspaces.create': {
    request: z.object({
      path: WorkspacePath,
      name: WorkspaceName,
      sample: z.boolean().default(false),
      /** Creates it encrypted with this passphrase (docs/ENCRYPTION.md); the recovery key comes back once. */
      passphrase: Passphrase.optional(),
    }),
    response: z.object({ path: z.string(), name: z.string(), recoveryKey: z.string().optional() }),
  },
  /**
   * Unlocks the encrypted workspace in `path` with its passphrase or recovery key and opens it as
   * `workspaces.open` does. A wrong one fails with `locked` and changes nothing; failures in a row
   * are answered more and more slowly, and one attempt runs at a time.
   */
  'workspaces.unlock': {
    /** `remember`: keep the workspace's key in the system keychain (where `rememberPassphrase` is `available`). */
    request: z.object({ path: WorkspacePath, secret: Passphrase, remember: z.boolean().optional() }),
    response: z.object({ path: z.string(), name: z.string() }),
  },
  /** Closes the open encrypted workspace (its saves flushed) and forgets its key; `workspace.locked` tells every window. */
  'workspaces.lock': {
    request: z.object({}),
    response: z.object({}),
  },
  /** The analyst is at work in a window (typing, pointing): the idle lock starts counting again. */
  'workspaces.activity': {
    request: z.object({}),
    response: z.object({}),
  },
  /**
   * Encrypts the open workspace in place with a new passphrase (the workspace is closed meanwhile;
   * `workspace.convertProgress` tells how far it has got, `workspace.switched` when it is open
   * again). The recovery key comes back once and is stored nowhere.
   */
  'workspaces.encrypt': {
    request: z.object({ passphrase: Passphrase }),
    response: z.object({ recoveryKey: z.string(), files: z.number().int().nonnegative() }),
  },
  /** Decrypts the open workspace back to plaintext files, given its passphrase or recovery key. */
  'workspaces.decrypt': {
    request: z.object({ passphrase: Passphrase }),
    response: z.object({ files: z.number().int().nonnegative() }),
  },
  /** Wraps the open workspace's key under a new passphrase (keys.json alone is rewritten; the recovery key still works). */
  'workspaces.changePassphrase': {
    request: z.object({ current: Passphrase, next: Passphrase }),
    response: z.object({}),
  },
  /** Forgets the open workspace's passphrase remembered on this computer: it is asked for again. */
  'workspaces.forgetPassphrase': {
    request: z.object({}),
    response: z.object({}),
  },
  /** Takes a workspace off the recent list (its folder is left alone). */
  'workspaces.forget': {
    request: z.object({ path: WorkspacePath }),
    response: z.object({}),
  },
  /**
   * The app's settings (the app-data folder's settings.json, not the workspace's), with the
   * system's full name for the person (empty when it has none) to offer as the display name.
   */
  'settings.get': {
    request: z.object({}),
    response: z.object({ settings: AppSettings, suggestedName: z.string() }),
  },
  /** Changes the fields given, saved at once; every window hears `settings.changed`. */
  'settings.update': {
    request: z.object({ patch: SettingsPatch }),
    response: z.object({ settings: AppSettings }),
  },
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallRequest<K extends CallName> = z.input<Contract[K]['request']>;
export type CallResponse<K extends CallName> = z.output<Contract[K]['response']>;

/** The API as the renderer and the CLI see it: one async function per call. */
export type DossierApi = { [K in CallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export const CALL_NAMES: readonly CallName[] = CALL_NAME_LIST;
export { isCallName, isEventName };

/** What kind of record a change touched: the change feed's subjects. */
export const ChangeSubject = z.enum(['article', 'annotation', 'note', 'entity', 'brief', 'relation', 'workspace', 'event']);
export type ChangeSubject = z.output<typeof ChangeSubject>;

/**
 * One record a change touched. `id` is the record's own id (an article's, an annotation's …; for
 * `workspace`, the part that changed, e.g. `palette`; for `event`, a timeline event's, or a
 * suggested date's key when it was dismissed or put back); `articleId` is the article it belongs
 * to (an annotation's, a mention's, an event's), else null.
 */
export const RecordChange = z.object({
  subject: ChangeSubject,
  kind: z.enum(['created', 'updated', 'deleted']),
  id: z.string(),
  articleId: z.string().nullable(),
});
export type RecordChange = z.output<typeof RecordChange>;

/** Events pushed from the core to every window: IPC in Electron, a stream in the host. */
export const events = {
  /**
   * The change feed: every write the core makes is announced here once it is on disk, naming the
   * records it touched. Refreshes, the CLI's progress and derived data (search, sync) all listen.
   */
  'workspace.changed': z.object({
    /**
     * An edit, undo/redo walking the operation log (which changes records back), or a change made
     * in another workspace and synced in (never an undo step here).
     */
    cause: z.enum(['edit', 'undo', 'redo', 'sync']),
    changes: z.array(RecordChange).min(1),
  }),
  /** How far a long import has got (files read so far, the last one named). */
  'import.progress': z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative(), file: z.string() }),
  /** How far building the search index has got (records read so far). */
  'search.progress': z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  /** How far a sync run has got: documents sent, received, written into the workspace. */
  /** Where sync stands now (linked, syncing, offline, conflicts waiting): sent whenever it changes. */
  'sync.status': SyncStatus,
  'sync.progress': z.object({ phase: z.enum(['prepare', 'push', 'pull', 'apply']), done: z.number().int().nonnegative(), total: z.number().int().nonnegative().optional() }),
  /** How far a long export has got (articles gathered so far). */
  'export.progress': z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  /** Something the analyst should know that happened meanwhile (a damaged file quarantined and rebuilt). */
  'workspace.notice': z.object({
    message: z.string(),
    /** The damaged or missing file it is about (workspace-relative), so a backup of it can be offered. */
    file: z.string().optional(),
  }),
  /** A menu command from the Electron shell (File › Import…, Edit › Undo …): a command registry id. */
  'app.command': z.object({ command: z.enum(COMMAND_IDS) }),
  /** Another workspace is now open in this app: windows reload everything they show. */
  'workspace.switched': z.object({ path: z.string(), name: z.string() }),
  /** File › Open Recent in the Electron shell: the window saves what is pending, then opens `path`. */
  'app.openWorkspace': z.object({ path: z.string() }),
  /** The app's settings changed (in this window, another one, or another Dossier on the same settings). */
  'settings.changed': z.object({ settings: AppSettings }),
  /**
   * Files the system asked the Electron shell to open (a second launch with a file, macOS
   * open-file, a recent document): the window imports them as if picked in File › Import….
   */
  'app.openFiles': z.object({ files: z.array(ImportFile).min(1) }),
  /** The open workspace was locked (a command, or idle): windows show the unlock screen. */
  'workspace.locked': z.object({ path: z.string() }),
  /** How far encrypting or decrypting the open workspace has got (files). */
  'workspace.convertProgress': z.object({ direction: z.enum(['encrypt', 'decrypt']), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
} as const;

export type AppCommand = z.output<(typeof events)['app.command']>['command'];

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

/** Fails to compile when callNames.ts and the contract disagree, in either direction. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callNamesMatch: Same<CallName, CallNameLiteral> = true;
const eventNamesMatch: Same<EventName, EventNameLiteral> = true;
void callNamesMatch;
void eventNamesMatch;

/** A call's outcome as it crosses a process boundary. */
export const CallResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    // Any code is let through here: a reply with a code this side does not know still carries a
    // message to show (see renderer/src/api.ts), where a strict enum would lose it.
    error: ErrorPayload.extend({ code: z.string() }),
  }),
]);
export type CallResult = z.infer<typeof CallResult>;

/**
 * What the window tells the Electron shell, with no reply: that it is ready for `app.openFiles`
 * (files opened before the window could take them wait until then), to run a command of its own,
 * or that the analyst asked for a context menu, with what is under the pointer: a text field,
 * selected words, and the registry commands that apply there now (highlight, cite …). The shell
 * shows the native menu.
 */
export const ShellMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  /**
   * Files the analyst imported through the window (picked or dropped), by their paths on disk, for
   * the system's recent documents. Only the preload can name them (webUtils.getPathForFile).
   */
  z.object({ kind: z.literal('recent'), paths: z.array(z.string().min(1).max(4096)).max(100) }),
  /** A registry command the shell itself carries out (Check for updates…), chosen in the window (the command palette). */
  z.object({ kind: z.literal('run'), command: z.enum(COMMAND_IDS) }),
  z.object({
    kind: z.literal('contextMenu'),
    editable: z.boolean(),
    selection: z.boolean(),
    commands: z.array(z.enum(COMMAND_IDS)).max(16),
  }),
  /**
   * What Edit › Undo and Redo would take back in the current view (the labels of its scope's
   * latest steps, null when none), sent whenever that changes; `inField` while a text field or
   * note editor has the focus, where they are the field's own (a plain, role-based Undo).
   */
  z.object({ kind: z.literal('undoState'), undo: StepLabel.nullable(), redo: StepLabel.nullable(), inField: z.boolean() }),
]);
export type ShellMessage = z.infer<typeof ShellMessage>;

/** What the preload exposes as `window.dossier`. */
export interface DossierBridge {
  call(name: CallName, request: unknown): Promise<CallResult>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /**
   * Native "Save as…" dialog; resolves to the chosen path, or null when cancelled. Binary files
   * (PDF, DOCX) come as base64, as `export.brief` returns them.
   */
  saveFile(suggestedName: string, content: string, encoding?: 'utf8' | 'base64'): Promise<string | null>;
  /** Native folder picker (a workspace's folder); resolves to the chosen path, or null when cancelled. */
  chooseFolder?(purpose: 'open' | 'create'): Promise<string | null>;
  /** A message to the desktop shell (see ShellMessage). */
  shell(message: ShellMessage): void;
  /** Adds files the window imported to the system's recent documents (their paths stay in the preload). */
  addRecentFiles(files: File[]): void;
}
