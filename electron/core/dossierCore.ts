import { contract, type CallName, type CallResponse, type CallResult, type DossierApi } from '../common/contract';
import { DossierError, type ErrorPayload, fromSystemError, isDossierError, phrase } from '../common/errors';
import { AnnotationPatch, type Creator } from '../common/model/annotation';
import { AnnotationService } from './annotations/annotationService';
import { ArticleService } from './articles/articleService';
import { ChangeFeed } from './changeFeed';
import { EventBus } from './events';
import { BriefService } from './briefs/briefService';
import { chromiumPdfPrinter } from './export/pdf/chromiumPdfPrinter';
import type { PdfPrinter } from './export/pdf/pdfPrinter';
import { EntityService } from './entities/entityService';
import { GraphService } from './graph/graphService';
import { inProcessDetector, type EntityDetector } from './entities/entityDetector';
import { ChangeLog, type StepOutcome } from './history/changeLog';
import type { ExtractArticle, ImportSource } from './import/importArticles';
import { ImportService, type ImportResult } from './import/importService';
import { NoteRevisions } from './notes/noteRevisions';
import { NoteService } from './notes/noteService';
import { RelationService } from './relations/relationService';
import { RelationSuggestions } from './relations/relationSuggestions';
import type { SearchIndexBuilder } from './search/searchBuild';
import { SearchService } from './search/searchService';
import { openReplica } from './sync/replica/replica';
import { SyncService } from './sync/syncService';
import type { Credentials } from './sync/remoteUrl';
import type { SyncCredentialStore } from './appData/syncCredentials';
import { syncRefusal } from './sync/syncRefusal';
import { BackupService } from './snapshots/backupService';
import type { BackupScheduleOptions } from './snapshots/backupSchedule';
import type { WorkspaceStore } from './store/workspaceStore';
import { AppSettingsFile } from './settings/appSettingsFile';
import { osFullName } from './settings/osFullName';
import { TimelineService } from './timeline/timelineService';
import { WorkspaceMirror } from './sync/workspaceMirror';
import { withLanguage } from './language/articleLanguage';
import { step } from '../common/model/phrase';

export interface DossierCore {
  api: DossierApi;
  events: EventBus;
  /** Every write, once on disk, with the records it touched. */
  feed: ChangeFeed;
  store: WorkspaceStore;
  /** Saves what is pending (the search index), then closes the workspace. */
  close(): Promise<void>;
  /** Imports files read from disk (the CLI's local import), with `import.progress` events. */
  importFiles(sources: ImportSource[]): Promise<ImportResult>;
  /** Validates an untrusted call (from IPC or HTTP) against the contract and runs it. */
  dispatch(name: string, request: unknown): Promise<CallResult>;
  /** The workspace as sync documents, both ways (what the sync service carries). */
  mirror: WorkspaceMirror;
}

export interface CoreOptions {
  /** Who annotations are attributed to; the display name of the app's settings by default. */
  creator?: Creator;
  /**
   * The app's settings (the app-data folder's settings.json): the display name stamped on new
   * records, a new brief's author and handling line, how exports print dates. Held in memory
   * with the defaults when not given (tests).
   */
  settings?: AppSettingsFile;
  /** Where entity detection runs: a worker thread in the app and the host, this thread otherwise. */
  detector?: EntityDetector;
  /** Where imported files are read: the worker thread in the app and the host, this thread otherwise. */
  extract?: ExtractArticle;
  /** Where the search index is built from the files: the worker thread in the app and the host, this thread otherwise. */
  searchBuilder?: SearchIndexBuilder;
  /**
   * Keep syncing with the linked team database while the core runs, once a run has given the
   * credentials (the app and the host); one-shot CLI commands sync only when asked.
   */
  liveSync?: boolean;
  /** The desktop app's keychain-sealed store of sync credentials (absent in the host and the CLI). */
  syncCredentials?: SyncCredentialStore;
  /** Load the search index soon after opening (the app and the host), not on the first query. */
  warmSearch?: boolean;
  /** How briefs become PDF: Electron's printToPDF in the app, a headless system Chromium otherwise. */
  pdfPrinter?: PdfPrinter;
  /** What opening the workspace found that the analyst should know (the app shows them on start). */
  notices?: { message: string; file?: string }[];
  /** Back the workspace up on its own (the app and the host); one-shot CLI commands do not. */
  backups?: BackupScheduleOptions | false;
  /** The clock of note revisions (milliseconds since the epoch): Date.now, moved by tests. */
  now?: () => number;
}

/** The services behind the contract, on one open workspace. */
export function createCore(store: WorkspaceStore, options: CoreOptions = {}): DossierCore {
  const events = new EventBus();
  const feed = new ChangeFeed(events);
  store.onNotice = (message, file) => events.emit('workspace.notice', file === undefined ? { message } : { message, file });
  const settings = options.settings ?? AppSettingsFile.inMemory();
  // Read at each use: a display name changed in Settings applies to the next change, not after a restart.
  const creator = (): Creator => options.creator ?? { name: settings.get().displayName || ANONYMOUS };
  // Every record made or changed here is stamped with it (createdBy, modifiedBy), undo and redo too.
  const changes = new ChangeLog(store, feed, creator);
  const stopSettingsEvents = settings.onChange((next) => events.emit('settings.changed', { settings: next }));
  let suggestedName: Promise<string> | null = null;
  const annotations = new AnnotationService(store, changes, creator);
  const detector = options.detector ?? inProcessDetector();
  const entities = new EntityService(store, changes, detector);
  // New texts (an import, a new version) come in with their confirmed entities linked.
  const commitWithLinks = entities.commitWithLinks.bind(entities);
  const articles = new ArticleService(store, changes, options.extract, commitWithLinks);
  const notes = new NoteService(store, changes, entities, { now: options.now });
  const imports = new ImportService(store, changes, events, options.extract, commitWithLinks);
  const search = new SearchService(store, feed, options.searchBuilder, (done, total) => events.emit('search.progress', { done, total }));
  if (options.warmSearch) search.warmUp();
  const briefs = new BriefService(store, changes);
  const relations = new RelationService(store, changes, entities, annotations);
  const timeline = new TimelineService(store, changes, entities, feed);
  const graph = new GraphService(store, changes);
  const relationSuggestions = new RelationSuggestions(store, relations);
  const backups = new BackupService(store, feed, options.backups ?? false);
  const mirror = new WorkspaceMirror({ store, changes, displayName: () => creator().name, revisions: new NoteRevisions(store, options.now ?? Date.now) });
  const syncService = SyncService.open({
    workspaceDir: store.info().path,
    refusal: () => syncRefusal(store),
    mirror,
    feed,
    openReplica,
    progress: (phase, done, total) => events.emit('sync.progress', total === undefined ? { phase, done } : { phase, done, total }),
    changer: () => creator().name,
    notice: (message) => events.emit('workspace.notice', { message }),
    onStatus: (status) => events.emit('sync.status', status),
    live: options.liveSync ?? false,
    ...(options.syncCredentials
      ? {
          credentials: {
            recall: (url: string) => options.syncCredentials!.recall(store.info().id, url),
            remember: (url: string, given: Credentials) => options.syncCredentials!.remember(store.info().id, url, given),
            forget: (url: string) => options.syncCredentials!.forget(store.info().id, url),
          },
        }
      : {}),
  });
  // Reading the link cannot fail the workspace: a damaged one is reported when sync is used.
  syncService.catch(() => undefined);
  const pdfPrinter = options.pdfPrinter ?? chromiumPdfPrinter();
  const bytes = (base64: string) => Buffer.from(base64, 'base64');
  // Parsed with the schema, so a field added to annotations is carried without listing it here.
  const patchOf = (r: AnnotationPatch): AnnotationPatch => AnnotationPatch.parse(r);

  const api: DossierApi = {
    'workspace.info': async () => ({ ...store.info(), creator: creator() }),
    'workspace.notices': async () => ({ notices: [...(options.notices ?? []), ...settings.notices.map((message) => ({ message }))] }),
    'app.startup': async () => {
      const start = store.startArticleId;
      const articleId = start && store.hasArticle(start) ? start : (store.listArticles()[0]?.id ?? null);
      return { articleId };
    },
    'articles.list': async () => ({
      articles: store
        .listArticles()
        .map(({ id, title, published, sha256, source, outlet, importedAt, archived, language }) => ({ id, title, published, sha256, source, outlet, importedAt, archived, language })),
    }),
    'articles.get': async ({ id }) => {
      const { meta, text } = await store.readArticle(id);
      return { article: withLanguage(meta, text), text };
    },
    'articles.import': async ({ files }) => imports.importFiles(files.map((f) => ({ name: f.name, bytes: bytes(f.base64), ...(f.encoding ? { encoding: f.encoding } : {}) }))),
    'articles.updateMeta': async ({ id, patch }) => ({ article: await articles.updateMeta(id, patch) }),
    'articles.replace': async ({ id, file }) => articles.replace(id, { name: file.name, bytes: bytes(file.base64), ...(file.encoding ? { encoding: file.encoding } : {}) }),
    'articles.rename': async ({ id, title }) => ({ article: await articles.rename(id, title) }),
    'articles.archive': async ({ id, archived }) => {
      await articles.archive(id, archived);
      return {};
    },
    'articles.trash': async ({ id }) => {
      await articles.trash(id);
      return {};
    },
    'articles.restore': async ({ id }) => {
      await articles.restore(id);
      return {};
    },
    'articles.trashed': async () => ({ articles: articles.trashed() }),
    'articles.emptyTrash': async ({ ids }) => ({ removed: await articles.emptyTrash(ids) }),
    'articles.versionText': async ({ id, version }) => {
      const meta = await store.readMeta(id);
      if (!meta.versions.some((v) => v.version === version)) throw new DossierError('not-found', phrase('article.noVersion', { version }));
      return { text: await store.readVersionText(id, version) };
    },
    'annotations.list': async ({ articleId }) => ({ annotations: await annotations.list(articleId) }),
    'annotations.create': async (r) => ({
      annotation: await annotations.create(r.articleId, r.start, r.end, {
        ...patchOf(r),
        comment: r.comment ?? '',
        exact: r.exact,
        undoGroup: r.undoGroup,
      }),
    }),
    'annotations.createFromQuote': async (r) => ({
      annotation: await annotations.createFromQuote(r.articleId, r.quote, { ...patchOf(r), comment: r.comment ?? '' }, r.occurrence),
    }),
    'annotations.update': async (r) => ({ annotation: await annotations.update(r.articleId, r.id, patchOf(r), r.baseRev, r.undoGroup) }),
    'annotations.delete': async ({ articleId, id }) => {
      await annotations.delete(articleId, id);
      return { deleted: id };
    },
    'annotations.reattach': async ({ articleId, id, start, end, exact }) => ({
      annotation: await annotations.reattach(articleId, id, start, end, exact),
    }),
    'replies.add': async ({ articleId, annotationId, body }) => ({ annotation: await annotations.addReply(articleId, annotationId, body) }),
    'replies.update': async ({ articleId, annotationId, replyId, body }) => ({
      annotation: await annotations.editReply(articleId, annotationId, replyId, body),
    }),
    'replies.delete': async ({ articleId, annotationId, replyId }) => ({
      annotation: await annotations.deleteReply(articleId, annotationId, replyId),
    }),
    'entities.list': async () => ({ entities: await entities.list() }),
    'entities.forArticle': async ({ articleId }) => entities.forArticle(articleId),
    'entities.accept': async ({ articleId, key, name, type, entityId }) => ({ entity: await entities.accept(articleId, key, { name, type, entityId }) }),
    'entities.acceptAll': async ({ articleId }) => ({ accepted: await entities.acceptAll(articleId) }),
    'entities.linkKnown': async ({ articleId }) => ({ linked: await entities.linkKnown(articleId) }),
    'entities.reject': async ({ articleId, key }) => {
      await entities.reject(articleId, key);
      return {};
    },
    'entities.link': async ({ articleId, start, end, entityId, name, type }) => {
      if (!entityId && !name) throw new DossierError('bad-input', phrase('entity.chooseOrName'));
      const target = entityId ? { entityId } : { name: name!, type: type ?? 'other' };
      return { mention: await entities.link(articleId, start, end, target) };
    },
    'entities.unlink': async ({ articleId, mentionId }) => {
      await entities.unlink(articleId, mentionId);
      return {};
    },
    'entities.update': async ({ id, patch }) => ({ entity: await entities.update(id, patch) }),
    'entities.merge': async ({ sourceId, targetId }) => ({ entity: await entities.merge(sourceId, targetId) }),
    'entities.page': async ({ id }) => ({ ...(await entities.page(id)), notes: await notes.list({ entityId: id }) }),
    'entities.create': async ({ name, type }) => ({ entity: await entities.create(name, type ?? 'other') }),
    'entities.resolve': async ({ ids }) => ({ entities: await entities.resolve(ids) }),
    'notes.list': async ({ filter }) => ({ notes: await notes.list(filter) }),
    'notes.get': async ({ id }) => ({ note: await notes.get(id) }),
    'notes.create': async ({ title, articleId, content }) => ({ note: await notes.create({ title, articleId, content }) }),
    'notes.save': async ({ id, content, baseRev }) => notes.save(id, content, baseRev),
    'notes.update': async ({ id, patch }) => ({ note: await notes.update(id, patch) }),
    'notes.delete': async ({ id }) => {
      await notes.delete(id);
      return { deleted: id };
    },
    'notes.tags': async () => ({ tags: await notes.tags() }),
    'backups.list': async () => ({ backups: await backups.list() }),
    'backups.files': async ({ id }) => backups.files(id),
    'backups.take': async () => ({ backup: await backups.take() }),
    'backups.restore': async ({ id, files }) => backups.restore(id, files),
    'backups.newest': async ({ file }) => ({ backup: await backups.newest(file) }),
    'notes.revisions': async ({ id }) => ({ revisions: await notes.revisionList(id) }),
    'notes.revision': async ({ id, revisionId }) => ({ revision: await notes.revision(id, revisionId) }),
    'notes.restoreRevision': async ({ id, revisionId }) => notes.restoreRevision(id, revisionId),
    'entities.detect': async ({ text }) => {
      const doc = await entities.knowledge();
      return { entities: await detector.detect(text, doc) };
    },
    'workspace.setPalette': async ({ palette }) => {
      const keys = new Set(palette.map((p) => p.key));
      if (keys.size !== palette.length) throw new DossierError('bad-input', phrase('palette.duplicate'));
      await changes.exclusive(null, () => changes.commit({ label: step('renameColours'), articleId: null, ops: [{ kind: 'palette', before: store.info().palette, after: palette }] }));
      return { palette: store.info().palette };
    },
    'history.undo': async (request) => stepAnswer(await changes.undo(request)),
    'history.redo': async (request) => stepAnswer(await changes.redo(request)),
    'history.state': async ({ scope }) => changes.state(scope),
    'history.list': async () => ({
      entries: changes.list().map(({ step, state, blockedBy }) => ({
        id: step.id,
        label: step.change.label,
        at: step.at,
        articleId: step.change.articleId,
        scopes: [...step.scopes],
        state,
        blockedBy: blockedBy?.change.label ?? null,
      })),
      remote: [...changes.remoteList()],
    }),
    'briefs.list': async () => ({ briefs: await briefs.list() }),
    'briefs.get': async ({ id }) => ({ brief: await briefs.get(id) }),
    'briefs.create': async (draft) => {
      const { briefAuthor, briefHandling, displayName } = settings.get();
      return { brief: await briefs.create({ ...draft, author: draft.author ?? (briefAuthor || displayName), handling: draft.handling ?? briefHandling }) };
    },
    'briefs.update': async ({ id, patch, baseRev, undoGroup }) => ({ brief: await briefs.update(id, patch, baseRev, undoGroup) }),
    'briefs.delete': async ({ id }) => {
      await briefs.delete(id);
      return { deleted: id };
    },
    'relations.list': async ({ entityId, articleId }) => ({ relations: await relations.list({ entityId, articleId }) }),
    'relations.create': async (draft) => ({ relation: await relations.create(draft) }),
    'relations.update': async ({ id, patch, baseRev }) => ({ relation: await relations.update(id, patch, baseRev) }),
    'relations.delete': async ({ id }) => {
      await relations.delete(id);
      return { deleted: id };
    },
    'relations.types': async () => ({ types: await relations.types() }),
    'relations.addType': async (type) => ({ type: await relations.addType(type) }),
    'relations.suggestions': async (filter) => ({ suggestions: await relationSuggestions.list(filter) }),
    'relations.dismissSuggestion': async ({ key }) => {
      await relationSuggestions.dismiss(key);
      return {};
    },
    'export.brief': async (request) => {
      // Loaded on first export: the renderers pull in Lexical's headless editor and the docx
      // library, which every other command (and the app's start) can do without.
      const { exportBrief } = await import('./export/exportBrief');
      return exportBrief('source' in request ? request.source : { articleId: request.articleId }, request.format, {
        store,
        notes,
        relations,
        timeline,
        author: creator().name,
        // As the caller asks (the window's setting, the CLI's flag); else the app's setting; without one (tests, scripts), ISO.
        ...(request.dateFormat ? { dateFormat: request.dateFormat } : options.settings ? { dateFormat: settings.get().dateFormat } : {}),
        brief: (id) => briefs.get(id),
        pdfPrinter,
        onProgress: (done, total) => events.emit('export.progress', { done, total }),
      });
    },
    'search.query': async (request) => search.query(request),
    'search.reindex': async () => search.reindex(),
    'sync.run': async (target) => (await syncService).run(target),
    'sync.status': async () => (await syncService).status(),
    'sync.conflicts': async () => ({ conflicts: await (await syncService).conflicts() }),
    'sync.resolve': async ({ id, keep, value }) => (await syncService).resolve(id, keep, value),
    'sync.unlink': async () => (await syncService).unlink(),
    'graph.data': async (filter) => graph.view(filter),
    'graph.setPositions': async ({ positions }) => ({ pinned: await graph.setPositions(positions) }),
    'graph.export': async ({ filter, format }) => ({ files: await graph.export(filter, format) }),
    'workspace.rename': async ({ name }) => {
      const before = store.info().name;
      if (name !== before) {
        await changes.exclusive(null, () => changes.commit({ label: step('renameWorkspace'), articleId: null, ops: [{ kind: 'workspaceName', before, after: name }] }));
      }
      return { name: store.info().name };
    },
    // Switching workspaces belongs to the process that holds one open for a window (the app, `dossier
    // serve`: see AppWorkspaces), which answers these itself; a core alone has nothing to switch.
    'workspaces.recent': notSwitchable,
    'workspaces.open': notSwitchable,
    'workspaces.create': notSwitchable,
    'workspaces.forget': notSwitchable,
    'workspaces.unlock': notSwitchable,
    'workspaces.lock': notSwitchable,
    // A core alone (the CLI's, a test's) has no idle lock to put off.
    'workspaces.activity': async () => ({}),
    'workspaces.encrypt': notSwitchable,
    'workspaces.decrypt': notSwitchable,
    'workspaces.changePassphrase': notSwitchable,
    'workspaces.forgetPassphrase': notSwitchable,
    'timeline.list': async ({ articleId, entityId }) => ({ events: await timeline.list({ articleId, entityId }) }),
    'timeline.suggestions': async ({ articleId }) => ({ suggestions: await timeline.suggestions(articleId) }),
    'timeline.confirm': async ({ articleId, key, label, date }) => ({ event: await timeline.confirm(articleId, key, { label, date }) }),
    'timeline.dismiss': async ({ articleId, key }) => {
      await timeline.dismiss(articleId, key);
      return {};
    },
    'timeline.add': async ({ articleId, start, end, exact, date, label }) => ({ event: await timeline.add(articleId, start, end, { exact, date, label }) }),
    'timeline.update': async ({ articleId, id, patch, baseRev }) => ({ event: await timeline.update(articleId, id, patch, baseRev) }),
    'timeline.delete': async ({ articleId, id }) => {
      await timeline.delete(articleId, id);
      return { deleted: id };
    },
    'settings.get': async () => {
      // Asked of the system once, and only when a window wants it (the first-run prompt and Settings).
      suggestedName ??= osFullName().catch(() => '');
      return { settings: settings.get(), suggestedName: await suggestedName };
    },
    'settings.update': async ({ patch }) => ({ settings: await settings.update(patch) }),
  };

  async function dispatch(name: string, request: unknown): Promise<CallResult> {
    if (!Object.prototype.hasOwnProperty.call(contract, name)) {
      return { ok: false, error: { code: 'bad-input', message: `Unknown call: ${String(name).slice(0, 80)}` } };
    }
    const call = name as CallName;
    const parsed = contract[call].request.safeParse(request ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'request';
      return { ok: false, error: new DossierError('bad-input', phrase('contract.invalidRequest', { call, field: where, issue: issue?.message ?? 'invalid' })).toPayload() };
    }
    try {
      const handler = api[call] as (req: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  }

  async function close(): Promise<void> {
    stopSettingsEvents();
    await backups.close().catch((error: unknown) => console.error('Dossier: the backup at exit could not be taken:', error));
    await syncService.then((sync) => sync.close()).catch((error: unknown) => console.error('Dossier: sync could not close cleanly:', error));
    await search.close().catch((error: unknown) => console.error('Dossier: the search index could not be saved:', error));
    await graph.close();
    await store.close();
  }

  return { api, events, feed, store, dispatch, close, mirror, importFiles: (sources) => imports.importFiles(sources) };
}

async function notSwitchable(): Promise<never> {
  throw new DossierError('unavailable', phrase('workspace.onlyTheApp'));
}

/** Undo's and redo's answer: what the step was, and when it was not taken, why. */
function stepAnswer(outcome: StepOutcome | null): CallResponse<'history.undo'> {
  if (!outcome) return { label: null, articleId: null };
  const { step, change, confirm, blockedBy } = outcome;
  return {
    label: change.label,
    articleId: change.articleId,
    id: step.id,
    ...(confirm === undefined ? {} : { confirm }),
    ...(blockedBy === undefined ? {} : { blockedBy: blockedBy.change.label }),
  };
}

/** Who records are attributed to before the analyst has given a name: never the login name. */
const ANONYMOUS = 'Analyst';

export function toErrorPayload(error: unknown): ErrorPayload {
  if (isDossierError(error)) return error.toPayload();
  const system = fromSystemError(error);
  if (system) return system.toPayload();
  // Unexpected errors keep their message out of the UI wording but not out of the log.
  console.error(error);
  return new DossierError('internal', `Something went wrong inside Dossier: ${(error as Error)?.message ?? String(error)}`).toPayload();
}
