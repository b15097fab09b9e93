import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryScope } from '../../electron/common/model/history';
import type { CitationFields } from '../../electron/common/notes/nodes/CitationNode';
import { api, onEvent, transportKind } from './api';
import { AppActionsContext, type AppActions, type PassageTarget } from './app/AppActions';
import { useDesktopShell } from './app/useDesktopShell';
import { ArticleView } from './ArticleView';
import { useCommand, useCommandAvailable, useCommands } from './commands/CommandProvider';
import { KeyboardDialogs } from './commands/KeyboardDialogs';
import { queries } from './data/queries';
import { EntitiesList } from './entities/EntitiesList';
import { EntityPage } from './entities/EntityPage';
import { ArticleLibrary } from './library/ArticleLibrary';
import { TrashView } from './library/TrashView';
import { ImportProgressBar, ImportSummaryDialog } from './library/ImportStatus';
import { EncodingDialog } from './library/EncodingDialog';
import { recordRecent, useRecent } from './library/recentPlaces';
import { useImport } from './library/useImport';
import { closeLibraryDrawer, LIBRARY_DRAWER_ID, useLibraryDrawer } from './library/libraryDrawer';
import { flushPendingSaves } from './notes/pendingSaves';
import type { Place } from './search/matchPlaces';
import { QuickOpen } from './search/QuickOpen';
import { EMPTY_SEARCH, type SearchForm } from './search/searchRequest';
import { chartRequest, EMPTY_GRAPH_FORM, toGraphFilter, type GraphForm } from './graph/graphForm';
import { SearchView } from './search/SearchView';
import { withShortcut } from './ui/shortcuts';
import { useNotify } from './ui/Toasts';
import { BackupsDialog, backupTime } from './backups/BackupsDialog';
import { useRestoreBackup, type RestoreOutcome } from './backups/useRestoreBackup';
import { errorMessage, useSaveStatus, type SaveStatus } from './ui/useSaveStatus';
import { WorkspaceContext } from './ui/WorkspaceContext';
import { WorkspaceButton } from './workspaces/WorkspaceButton';
import { SyncIndicator } from './sync/SyncIndicator';
import { SyncConflicts } from './sync/SyncConflicts';
import { JoinTeamWorkspace } from './sync/JoinTeamDialog';
import { WorkspacesScreen } from './workspaces/WorkspacesScreen';
import { useWorkspaceSwitching } from './workspaces/switchWorkspace';
import { useWorkspaceLock } from './workspaces/workspaceLock';
import { PanelToggles } from './settings/PanelToggles';
import { HistoryDialog } from './history/HistoryDialog';
import { describeScope, scopeOfView } from './history/scopes';
import { useHistorySteps, type StepTarget } from './history/useHistorySteps';
import { useUndoMenuState } from './history/useUndoMenuState';
import { isDossierError } from '../../electron/common/errors';
import { useTranslation } from 'react-i18next';
import { errorText, t, undoTitle } from './i18n/i18n';
// The editor (Lexical) and the brief composer load when first opened: the reader starts sooner.
const NotesView = lazy(() => import('./notes/NotesView').then((m) => ({ default: m.NotesView })));
const BriefsView = lazy(() => import('./briefs/BriefsView').then((m) => ({ default: m.BriefsView })));
const TimelineView = lazy(() => import('./timeline/TimelineView').then((m) => ({ default: m.TimelineView })));
// cytoscape.js is the largest library of all: it loads when the chart is first opened.
const GraphView = lazy(() => import('./graph/GraphView').then((m) => ({ default: m.GraphView })));

const IMPORT_TYPES =
  '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.jsonld,.json,text/plain,text/markdown,text/html,application/pdf,application/ld+json';

export function App() {
  const { t } = useTranslation();
  const workspaceQuery = useQuery(queries.workspace());
  const articlesQuery = useQuery(queries.articles());
  const trashCount = useQuery(queries.trashed()).data?.articles.length ?? 0;
  const workspace = workspaceQuery.data ?? null;
  const articles = useMemo(() => articlesQuery.data?.articles ?? [], [articlesQuery.data]);
  /** The article the analyst chose to read; until then, the start article. */
  const [chosenArticle, setChosenArticle] = useState<string | null | undefined>(undefined);
  const [view, setView] = useState<View>({ kind: 'article' });
  const [dropping, setDropping] = useState(false);
  /** The search view's words and filters, kept while other views show. */
  const [searchForm, setSearchForm] = useState<SearchForm>(EMPTY_SEARCH);
  /** The chart's filters, kept while an entity opened from it shows. */
  const [graphForm, setGraphForm] = useState<GraphForm>(EMPTY_GRAPH_FORM);
  const [quickOpen, setQuickOpen] = useState(false);
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [workspacesOpen, setWorkspacesOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const recent = useRecent(workspace?.id ?? null);
  const { status, tracker, hasUnsaved } = useSaveStatus();
  const fileInput = useRef<HTMLInputElement>(null);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const commands = useCommands();
  const canExport = useCommandAvailable('export');
  const libraryNav = useRef<HTMLElement>(null);
  const drawer = useLibraryDrawer(libraryNav);

  const openArticle = useCallback((id: string | null, at?: PassageTarget) => {
    setChosenArticle(id);
    setView({ kind: 'article', at });
  }, []);
  const openAnnotation = useCallback((id: string, annotationId: string, at?: { start: number; end: number }) => {
    setChosenArticle(id);
    setView({ kind: 'article', at: at ?? { start: 0, end: 0 }, annotationId });
  }, []);
  const openBrief = useCallback((id: string) => setView({ kind: 'briefs', briefId: id }), []);
  const openEntity = useCallback((id: string) => setView({ kind: 'entity', id }), []);
  const openNote = useCallback((id: string | null) => setView({ kind: 'notes', noteId: id }), []);

  // Reopen where the analyst left off; a new workspace opens on its start article (the sample).
  const start = useQuery({
    queryKey: ['start', workspace?.id] as const,
    enabled: workspace !== null && articlesQuery.data !== undefined,
    gcTime: Infinity,
    queryFn: async () => {
      const last = workspace ? localStorage.getItem(lastArticleKey(workspace.id)) : null;
      if (last && articles.some((a) => a.id === last)) return last;
      return (await api['app.startup']({})).articleId;
    },
  });
  const started = start.isSuccess;
  useEffect(() => {
    if (started) document.documentElement.dataset.ready = 'true';
  }, [started]);
  // What the core had to do meanwhile (a damaged file quarantined and rebuilt) stays until dismissed.
  // When it is about a file a backup holds a good copy of, the notice offers to restore it.
  const restoreBackup = useRestoreBackup();
  const showNotice = useCallback(
    ({ message, file }: { message: string; file?: string }, tone: 'info' | 'error' = 'error') => {
      if (!file) return notify({ message, tone });
      void api['backups.newest']({ file })
        .catch(() => ({ backup: null }))
        .then(({ backup }) =>
          notify(
            backup
              ? {
                  message: t('app:theBackupOfHoldsA', { message, backupTime: backupTime(backup) }),
                  tone: 'error',
                  action: { label: t('app:restoreFromBackup'), run: () => void restoreBackup(backup, [file]).then((outcome) => toastOutcome(notify, outcome)) },
                }
              : { message, tone: 'error' },
          ),
        );
    },
    [notify, restoreBackup, t],
  );
  useEffect(() => onEvent('workspace.notice', (notice) => showNotice(notice)), [showNotice]);
  // What opening the workspace found, once per window (the read-only reason has its own badge).
  const readOnlyReason = workspace?.readOnlyReason ?? null;
  const opened = workspace !== null;
  const told = useRef(false);
  useEffect(() => {
    if (!opened || told.current) return;
    told.current = true;
    void api['workspace.notices']({}).then(({ notices }) => {
      for (const notice of notices) if (notice.message !== readOnlyReason) showNotice(notice, 'info');
    });
  }, [opened, readOnlyReason, showNotice]);

  // An undone import takes its articles out of the library: show another one instead of the one that is gone.
  const wanted = chosenArticle === undefined ? (start.data ?? null) : chosenArticle;
  const articleId = wanted && articlesQuery.data && !articles.some((a) => a.id === wanted) ? (articles[0]?.id ?? null) : wanted;

  // Ctrl/Cmd+Z outside a text field walks the current view's own steps (see HistoryScope).
  const scope = scopeOfView(view, articleId);
  const history = useQuery(queries.history(scope)).data ?? { undo: null, redo: null };

  // Choosing anything in the library drawer (an article, a view, the trash) closes it.
  useEffect(() => closeLibraryDrawer(), [view, chosenArticle]);

  useEffect(() => {
    if (workspace && articleId) localStorage.setItem(lastArticleKey(workspace.id), articleId);
  }, [workspace, articleId]);

  // What was opened lately: the quick switcher lists it first, the library can sort by it.
  const openedPlace =
    view.kind === 'article' ? (articleId && `article:${articleId}`) : view.kind === 'entity' ? `entity:${view.id}` : view.kind === 'notes' ? (view.noteId && `note:${view.noteId}`) : view.kind === 'briefs' ? (view.briefId && `brief:${view.briefId}`) : null;
  useEffect(() => {
    if (workspace && openedPlace) recordRecent(workspace.id, openedPlace);
  }, [workspace, openedPlace]);

  const importer = useImport(
    useCallback(
      async (firstId: string | null) => {
        // The library shows the new articles before one of them opens.
        await queryClient.invalidateQueries({ queryKey: queries.articles().queryKey });
        if (firstId) openArticle(firstId);
      },
      [openArticle, queryClient],
    ),
  );

  const steps = useHistorySteps(
    useCallback(
      // A step taken with no view of its own (from the search view) shows the article it changed.
      ({ articleId: where }: { articleId: string | null }, target: StepTarget) => {
        if (where && !('id' in target) && !target.scope) openArticle(where);
      },
      [openArticle],
    ),
  );
  const { undo: undoStep, redo: redoStep } = steps;
  const undo = useCallback((inScope?: HistoryScope) => void undoStep({ scope: inScope ?? scope }), [scope, undoStep]);
  const redo = useCallback(() => void redoStep({ scope }), [scope, redoStep]);

  const { mutate: newNote } = useMutation({
    mutationFn: () => api['notes.create']({}),
    onSuccess: ({ note }) => setView({ kind: 'notes', noteId: note.id, fresh: true }),
    onError: (error: unknown) => notify({ tone: 'error', message: errorMessage(error) }),
  });

  const openCitation = useCallback(
    async (citation: CitationFields) => {
      let at = { start: citation.start, end: citation.end };
      try {
        if (citation.annotationId) {
          const { annotations } = await queryClient.fetchQuery(queries.annotations(citation.articleId));
          const found = annotations.find((a) => a.id === citation.annotationId);
          if (found && found.status !== 'orphaned') at = found.target.position;
          else notify({ tone: 'info', message: t('app:theHighlightThisCitesWas') });
        }
        openArticle(citation.articleId, at);
      } catch (error) {
        notify({ tone: 'error', message: t('app:cannotOpenTheCitedArticle', { error: errorMessage(error) }) });
      }
    },
    [notify, openArticle, queryClient, t],
  );

  const actions = useMemo<AppActions>(
    () => ({
      openArticle,
      openAnnotation,
      openEntity,
      openNote,
      openBrief,
      openCitation: (citation) => void openCitation(citation),
      undo,
      saves: tracker,
    }),
    [openAnnotation, openArticle, openBrief, openCitation, openEntity, openNote, tracker, undo],
  );

  // Electron: files the system opens with Dossier come through the same import; native context menus.
  useDesktopShell(importer.run);
  useCommand('import', () => fileInput.current?.click());
  useCommand('new-note', () => newNote());
  // Named after the step they take, in the palette and (Electron) in Edit › Undo and Redo.
  useCommand('undo', () => undo(), true, undoTitle('undo', history.undo));
  useCommand('redo', () => redo(), true, undoTitle('redo', history.redo));
  useUndoMenuState(history);
  useCommand('undo-history', () => setHistoryOpen(true));
  useCommand('open-entities', () => setView({ kind: 'entities' }));
  useCommand('open-notes', () => openNote(null));
  useCommand('open-briefs', () => setView({ kind: 'briefs' }));
  useCommand('open-timeline', () => setView({ kind: 'timeline' }));
  useCommand('open-graph', () => {
    performance.mark('dossier:chart-requested');
    // The chart's data is asked for now, while its code loads, rather than once it has rendered.
    void queryClient.prefetchQuery(queries.graph(chartRequest(toGraphFilter(graphForm), false)));
    setView({ kind: 'graph' });
  });
  useCommand('search', () => setView({ kind: 'search' }));
  useCommand('quick-open', () => setQuickOpen(true));
  useCommand('backups', () => setBackupsOpen(true));
  useCommand('workspaces', () => setWorkspacesOpen(true));
  useWorkspaceSwitching(useCallback((message: string) => notify({ tone: 'error', message: t('app:couldNotOpenTheWorkspace', { message }) }), [notify, t]));
  useWorkspaceLock(useCallback((message: string) => notify({ tone: 'error', message }), [notify]));
  useCommand('open-trash', () => setView({ kind: 'trash' }));

  const goTo = (place: Place) => {
    setQuickOpen(false);
    if (place.kind === 'article') openArticle(place.id);
    else if (place.kind === 'note') openNote(place.id);
    else if (place.kind === 'entity') openEntity(place.id);
    else openBrief(place.id);
  };
  // With the notes view open, it binds this itself and just moves to its search field.
  useCommand('find-notes', () => setView({ kind: 'notes', noteId: null, find: true }));

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Start the last note saves now; they usually land before the page goes away.
      const flushing = flushPendingSaves();
      if (!hasUnsaved()) return;
      event.preventDefault();
      // Electron cancels the close without asking; close again once everything has landed.
      if (transportKind === 'electron') void flushing.then(() => setTimeout(() => window.close(), 100));
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flushPendingSaves();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [hasUnsaved]);

  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes(t('app:files')) ?? false;
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDropping(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDropping(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDropping(false);
      void importer.run([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importer, t]);

  const fatal = (start.error ? errorMessage(start.error) : null) ?? (!workspace && workspaceQuery.error ? errorMessage(workspaceQuery.error) : null) ?? (!articlesQuery.data && articlesQuery.error ? errorMessage(articlesQuery.error) : null);
  // The workspace the app started with could not be opened: the start screen, saying why.
  if (!workspace && isDossierError(workspaceQuery.error) && workspaceQuery.error.code === 'no-workspace') return <WorkspacesScreen current={null} />;
  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>{t('app:dossierCannotOpenThisWorkspace')}</h1>
        <p>{fatal}</p>
      </main>
    );
  }

  return (
    <AppActionsContext.Provider value={actions}>
    <WorkspaceContext.Provider value={{ id: workspace?.id ?? null, palette: workspace?.palette ?? [] }}>
      <div className="app">
        <header className="topbar">
          <span className="brand">{t('app:dossier')}</span>
          {workspace && <WorkspaceButton workspace={workspace} onOpen={() => commands.run('workspaces')} />}
          {workspace?.readOnly && <span className="badge warn">{workspace.readOnlyReason && errorText({ message: workspace.readOnlyReason, phrase: workspace.readOnlyPhrase })}</span>}
          <button type="button" onClick={() => commands.run('import')} title={withShortcut(t('app:importArticles'), 'import')}>
            {t('app:import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept={IMPORT_TYPES}
            aria-label={t('app:articlesToImport')}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void importer.run(files);
            }}
          />
          <button type="button" disabled={!history.undo} onClick={() => commands.run('undo')} title={history.undo ? withShortcut(undoTitle('undo', history.undo), 'undo') : t('app:nothingToUndo')}>
            {t('app:undo')}
          </button>
          <button type="button" disabled={!history.redo} onClick={() => commands.run('redo')} title={history.redo ? withShortcut(undoTitle('redo', history.redo), 'redo') : t('app:nothingToRedo')}>
            {t('app:redo')}
          </button>
          <button type="button" onClick={() => commands.run('undo-history')} title={t('app:changesMadeSinceDossierOpened')} aria-haspopup="dialog">
            {t('app:history')}
          </button>
          <button type="button" onClick={() => commands.run('backups')} title={t('app:automaticBackupsRestoreAFile')}>
            {t('app:backups')}
          </button>
          <span className="spacer" />
          <PanelToggles />
          {importer.progress && <ImportProgressBar progress={importer.progress} />}
          <SyncIndicator />
          <SaveIndicator status={status} />
          <button type="button" className="primary" disabled={!canExport} onClick={() => commands.run('export')} title={withShortcut(t('app:exportThisArticleWithIts'), 'export')}>
            {t('app:exportArticle')}
          </button>
        </header>
        {drawer.open && <div className="library-scrim" aria-hidden="true" onClick={drawer.close} />}
        <nav ref={libraryNav} id={LIBRARY_DRAWER_ID} className={`library${drawer.open ? ' drawer-open' : ''}`} aria-label={t('app:articles')} onKeyDown={drawer.onKeyDown}>
          <button type="button" className={`nav-search${view.kind === 'search' ? ' current' : ''}`} onClick={() => commands.run('search')} title={withShortcut(t('app:searchTheWorkspace'), 'search')}>
            {t('app:search')}
          </button>
          <button type="button" className={`nav-entities${view.kind === 'entities' ? ' current' : ''}`} onClick={() => commands.run('open-entities')}>
            {t('app:entities')}
          </button>
          <button type="button" className={`nav-notes${view.kind === 'notes' ? ' current' : ''}`} onClick={() => commands.run('open-notes')}>
            {t('app:notes')}
          </button>
          <button type="button" className={`nav-briefs${view.kind === 'briefs' ? ' current' : ''}`} onClick={() => commands.run('open-briefs')}>
            {t('app:briefs')}
          </button>
          <button type="button" className={`nav-timeline${view.kind === 'timeline' ? ' current' : ''}`} onClick={() => commands.run('open-timeline')}>
            {t('app:timeline')}
          </button>
          <button type="button" className={`nav-graph${view.kind === 'graph' ? ' current' : ''}`} onClick={() => commands.run('open-graph')}>
            {t('app:linkChart')}
          </button>
          <ArticleLibrary
            workspaceId={workspace?.id ?? null}
            articles={articles}
            currentId={view.kind === 'article' ? articleId : null}
            loaded={articlesQuery.data !== undefined}
            onOpen={(id) => openArticle(id)}
            trash={{ count: trashCount, open: view.kind === 'trash', onOpen: () => commands.run('open-trash') }}
          />
        </nav>
        <main className="content">
          <Suspense fallback={<div className="loading" aria-busy="true">{t('app:opening')}</div>}>
          {view.kind === 'entity' ? (
            <EntityPage key={view.id} entityId={view.id} />
          ) : view.kind === 'search' ? (
            <SearchView form={searchForm} onChange={setSearchForm} />
          ) : view.kind === 'briefs' ? (
            <BriefsView key={view.briefId ?? ''} initialBriefId={view.briefId ?? null} />
          ) : view.kind === 'notes' ? (
            // A new note, or one opened from elsewhere, starts the view afresh on it.
            <NotesView key={`${view.noteId ?? ''}${view.find ? '-find' : ''}`} initialNoteId={view.noteId} focusNote={view.fresh} focusSearch={view.find} />
          ) : view.kind === 'entities' ? (
            <EntitiesList />
          ) : view.kind === 'timeline' ? (
            <TimelineView currentArticleId={articleId} />
          ) : view.kind === 'trash' ? (
            <TrashView />
          ) : view.kind === 'graph' ? (
            <GraphView form={graphForm} onChange={setGraphForm} />
          ) : articleId ? (
            <ArticleView key={articleId} articleId={articleId} scrollTarget={view.at ?? null} selectAnnotation={view.annotationId ?? null} />
          ) : (
            <p className="panel-empty">{t('app:nothingToReadYet')}</p>
          )}
          </Suspense>
        </main>
        {dropping && (
          <div className="drop-overlay" aria-hidden="true">
            {t('app:dropFilesToImportThem')}
          </div>
        )}
        {backupsOpen && <BackupsDialog onClose={() => setBackupsOpen(false)} />}
        {workspacesOpen && workspace && <WorkspacesScreen current={workspace} onClose={() => setWorkspacesOpen(false)} />}
        {historyOpen && (
          <HistoryDialog
            scope={scope}
            scopeName={scope ? describeScope(scope, new Map(articles.map((a) => [a.id, a.title]))) : t('app:everything')}
            onUndo={(target) => void undoStep(target)}
            onRedo={(target) => void redoStep(target)}
            onClose={() => setHistoryOpen(false)}
          />
        )}
        {steps.dialog}
        {quickOpen && <QuickOpen recent={recent} onGo={goTo} onClose={() => setQuickOpen(false)} />}
        <KeyboardDialogs />
        <SyncConflicts />
        <JoinTeamWorkspace />
        {importer.question && <EncodingDialog key={importer.question.file.name} question={importer.question} onAnswer={importer.answer} />}
        {importer.summary && (
          <ImportSummaryDialog
            summary={importer.summary}
            onClose={importer.dismiss}
            onOpen={(id) => {
              openArticle(id);
              importer.dismiss();
            }}
          />
        )}
      </div>
    </WorkspaceContext.Provider>
    </AppActionsContext.Provider>
  );
}

type View =
  | { kind: 'article'; at?: PassageTarget; annotationId?: string }
  | { kind: 'entity'; id: string }
  | { kind: 'entities' }
  | { kind: 'notes'; noteId: string | null; fresh?: boolean; find?: boolean }
  | { kind: 'briefs'; briefId?: string }
  | { kind: 'timeline' }
  | { kind: 'graph' }
  | { kind: 'trash' }
  | { kind: 'search' };

/** A restore's outcome as a toast, whose Undo says in turn how that went. */
function toastOutcome(notify: ReturnType<typeof useNotify>, outcome: RestoreOutcome): void {
  notify({ tone: outcome.tone, message: outcome.message, action: outcome.undo && { label: t('app:undo'), run: () => void outcome.undo!().then((next) => toastOutcome(notify, next)) } });
}

function lastArticleKey(workspaceId: string): string {
  return `dossier.lastArticle.${workspaceId}`;
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  const text = status.kind === 'saved' ? t('app:allChangesSaved') : status.kind === 'saving' ? t('app:saving2') : t('app:notSaved', { message: status.message });
  return (
    <span className={`save-status ${status.kind}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </span>
  );
}
