import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../electron/common/model/article';
import type { WorkspaceInfo } from '../../electron/common/model/workspace';
import { api, onEvent, transportKind } from './api';
import { ArticleView } from './ArticleView';
import { EntitiesList } from './entities/EntitiesList';
import { EntityPage } from './entities/EntityPage';
import { ImportProgressBar, ImportSummaryDialog } from './library/ImportStatus';
import { useImport } from './library/useImport';
import { isEditingText, shortcutLabel } from './ui/shortcuts';
import { useNotify } from './ui/Toasts';
import { errorMessage, useSaveStatus, type SaveStatus } from './ui/useSaveStatus';
import { WorkspaceContext } from './ui/WorkspaceContext';
// The editor (Lexical) and the brief composer load when first opened: the reader starts sooner.
const NotesView = lazy(() => import('./notes/NotesView').then((m) => ({ default: m.NotesView })));
const BriefsView = lazy(() => import('./briefs/BriefsView').then((m) => ({ default: m.BriefsView })));
import { flushPendingSaves } from './notes/pendingSaves';
import type { CitationFields } from '../../electron/common/notes/nodes/CitationNode';
import { touches } from '../../electron/common/changes';

const IMPORT_TYPES =
  '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.jsonld,.json,text/plain,text/markdown,text/html,application/pdf,application/ld+json';

export function App() {
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [articleId, setArticleIdState] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'article' });
  const openArticle = useCallback((id: string | null, at?: { start: number; end: number }) => {
    setArticleIdState(id);
    setView({ kind: 'article', at });
  }, []);
  const setArticleId = useCallback((id: string | null) => openArticle(id), [openArticle]);
  const openEntity = useCallback((id: string) => setView({ kind: 'entity', id }), []);
  const openNote = useCallback((id: string | null) => setView({ kind: 'notes', noteId: id }), []);
  const newNote = useCallback(() => setView({ kind: 'notes', noteId: null, create: Date.now() }), []);
  const [fatal, setFatal] = useState<string | null>(null);
  const [history, setHistory] = useState<{ undo: string | null; redo: string | null }>({ undo: null, redo: null });
  const [dropping, setDropping] = useState(false);
  const { status, tracker, hasUnsaved } = useSaveStatus();
  const exportRef = useRef<(() => Promise<void>) | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [canExport, setCanExport] = useState(false);
  const notify = useNotify();

  const loadLibrary = useCallback(async () => {
    const [{ articles: list }, info] = await Promise.all([api['articles.list']({}), api['workspace.info']({})]);
    setArticles(list);
    setWorkspace(info);
    return { info, list };
  }, []);

  const refreshHistory = useCallback(() => {
    void api['history.state']({}).then(setHistory, () => undefined);
  }, []);

  const importer = useImport(
    useCallback(
      (firstId: string | null) => {
        void loadLibrary();
        if (firstId) setArticleId(firstId);
      },
      [loadLibrary],
    ),
  );

  useEffect(() => {
    (async () => {
      const { info, list } = await loadLibrary();
      // Reopen where the analyst left off; a new workspace opens on its start article (the sample).
      const last = localStorage.getItem(lastArticleKey(info.id));
      const start = last && list.some((a) => a.id === last) ? last : (await api['app.startup']({})).articleId;
      setArticleId(start);
      document.documentElement.dataset.ready = 'true';
    })().catch((error: unknown) => setFatal(errorMessage(error)));
    return onEvent('workspace.changed', (event) => {
      refreshHistory();
      if (touches(event, 'article') || touches(event, 'workspace')) {
        void loadLibrary()
          // An undone import takes its articles out of the library: leave the one that is gone.
          .then(({ list }) => setArticleIdState((current) => (current && !list.some((a) => a.id === current) ? (list[0]?.id ?? null) : current)))
          .catch((e: unknown) => notify({ tone: 'error', message: errorMessage(e) }));
      }
    });
  }, [loadLibrary, notify, refreshHistory]);

  useEffect(() => {
    if (workspace && articleId) localStorage.setItem(lastArticleKey(workspace.id), articleId);
  }, [workspace, articleId]);

  const undo = useCallback(async () => {
    try {
      const { label, articleId: where } = await api['history.undo']({});
      if (!label) return notify({ tone: 'info', message: 'Nothing to undo.' });
      if (where) setArticleId(where);
      notify({ tone: 'info', message: `Undone: ${label}.` });
    } catch (error) {
      notify({ tone: 'error', message: `Could not undo: ${errorMessage(error)}` });
    }
  }, [notify]);

  const redo = useCallback(async () => {
    try {
      const { label, articleId: where } = await api['history.redo']({});
      if (!label) return notify({ tone: 'info', message: 'Nothing to redo.' });
      if (where) setArticleId(where);
      notify({ tone: 'info', message: `Redone: ${label}.` });
    } catch (error) {
      notify({ tone: 'error', message: `Could not redo: ${errorMessage(error)}` });
    }
  }, [notify]);

  /** Back to a cited passage: where its highlight is now, or where it was when the highlight is gone. */
  const openCitation = useCallback(
    async (citation: CitationFields) => {
      let at = { start: citation.start, end: citation.end };
      try {
        if (citation.annotationId) {
          const { annotations } = await api['annotations.list']({ articleId: citation.articleId });
          const found = annotations.find((a) => a.id === citation.annotationId);
          if (found && found.status !== 'orphaned') at = found.target.position;
          else notify({ tone: 'info', message: 'The highlight this cites was deleted; showing where the passage was.' });
        }
        openArticle(citation.articleId, at);
      } catch (error) {
        notify({ tone: 'error', message: `Cannot open the cited article: ${errorMessage(error)}` });
      }
    },
    [notify, openArticle],
  );

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
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && key === 'e') {
        event.preventDefault();
        void exportRef.current?.();
      } else if (mod && event.altKey && !event.shiftKey && event.code === 'KeyN') {
        event.preventDefault();
        newNote();
      } else if (mod && !event.shiftKey && key === 'o') {
        event.preventDefault();
        fileInput.current?.click();
      } else if (mod && !isEditingText(event.target) && (key === 'z' || key === 'y')) {
        // Inside a text field Ctrl/Cmd+Z belongs to the field; elsewhere it undoes the last change.
        event.preventDefault();
        void (key === 'y' || event.shiftKey ? redo() : undo());
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [hasUnsaved, newNote, redo, undo]);

  useEffect(
    () =>
      onEvent('app.command', ({ command }) => {
        const editing = isEditingText(document.activeElement);
        if (command === 'import') fileInput.current?.click();
        else if (command === 'new-note') newNote();
        else if (command === 'export') void exportRef.current?.();
        // In a text field the menu's Undo/Redo act on the field, as everywhere else on the desktop.
        else if (editing) document.execCommand(command);
        else void (command === 'undo' ? undo() : redo());
      }),
    [newNote, redo, undo],
  );

  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
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
  }, [importer]);

  const registerExport = useCallback((run: (() => Promise<void>) | null) => {
    exportRef.current = run;
    setCanExport(run !== null);
  }, []);

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Dossier cannot open this workspace</h1>
        <p>{fatal}</p>
      </main>
    );
  }

  return (
    <WorkspaceContext.Provider value={{ palette: workspace?.palette ?? [] }}>
      <div className="app">
        <header className="topbar">
          <span className="brand">Dossier</span>
          {workspace && (
            <span className="workspace" title={workspace.path}>
              {workspace.name}
            </span>
          )}
          {workspace?.readOnly && <span className="badge warn">{workspace.readOnlyReason}</span>}
          <button type="button" onClick={() => fileInput.current?.click()} title={`Import articles (${shortcutLabel('O', false)})`}>
            Import…
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept={IMPORT_TYPES}
            aria-label="Articles to import"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void importer.run(files);
            }}
          />
          <button type="button" disabled={!history.undo} onClick={() => void undo()} title={history.undo ? `Undo ${history.undo} (${shortcutLabel('Z', false)})` : 'Nothing to undo'}>
            Undo
          </button>
          <button type="button" disabled={!history.redo} onClick={() => void redo()} title={history.redo ? `Redo ${history.redo} (${shortcutLabel('Z')})` : 'Nothing to redo'}>
            Redo
          </button>
          <span className="spacer" />
          {importer.progress && <ImportProgressBar progress={importer.progress} />}
          <SaveIndicator status={status} />
          <button
            type="button"
            className="primary"
            disabled={!canExport}
            onClick={() => void exportRef.current?.()}
            title={`Export a Markdown brief of this article (${shortcutLabel('E', false)})`}
          >
            Export brief
          </button>
        </header>
        <nav className="library" aria-label="Articles">
          <button type="button" className={`nav-entities${view.kind === 'entities' ? ' current' : ''}`} onClick={() => setView({ kind: 'entities' })}>
            Entities
          </button>
          <button type="button" className={`nav-notes${view.kind === 'notes' ? ' current' : ''}`} onClick={() => openNote(null)}>
            Notes
          </button>
          <button type="button" className={`nav-briefs${view.kind === 'briefs' ? ' current' : ''}`} onClick={() => setView({ kind: 'briefs' })}>
            Briefs
          </button>
          <h2>Articles</h2>
          <ul>
            {articles.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className={a.id === articleId && view.kind === 'article' ? 'current' : undefined}
                  aria-current={a.id === articleId && view.kind === 'article' ? 'page' : undefined}
                  onClick={() => setArticleId(a.id)}
                  title={a.title}
                >
                  <span className="title" dir="auto">
                    {a.title}
                  </span>
                  <span className="date">{[a.outlet, a.published ?? 'Undated'].filter(Boolean).join(' · ')}</span>
                </button>
              </li>
            ))}
          </ul>
          {articles.length === 0 && <p className="panel-empty">No articles yet. Press Import… or drop files here.</p>}
        </nav>
        <main className="content">
          <Suspense fallback={<div className="loading" aria-busy="true">Opening…</div>}>
          {view.kind === 'entity' ? (
            <EntityPage key={view.id} entityId={view.id} onOpenArticle={openArticle} onOpenEntity={openEntity} onOpenNote={openNote} />
          ) : view.kind === 'briefs' ? (
            <BriefsView saves={tracker} onOpenEntity={openEntity} onOpenCitation={(c) => void openCitation(c)} onUndo={() => void undo()} />
          ) : view.kind === 'notes' ? (
            <NotesView saves={tracker} initialNoteId={view.noteId} createRequest={view.create} onOpenEntity={openEntity} onOpenCitation={(c) => void openCitation(c)} onUndo={() => void undo()} />
          ) : view.kind === 'entities' ? (
            <EntitiesList onOpenEntity={openEntity} />
          ) : articleId ? (
            <ArticleView
              key={articleId}
              articleId={articleId}
              saves={tracker}
              registerExport={registerExport}
              onUndo={() => void undo()}
              onOpenEntity={openEntity}
              onOpenCitation={(c) => void openCitation(c)}
              scrollTarget={view.kind === 'article' ? (view.at ?? null) : null}
            />
          ) : (
            <p className="panel-empty">Nothing to read yet.</p>
          )}
          </Suspense>
        </main>
        {dropping && (
          <div className="drop-overlay" aria-hidden="true">
            Drop files to import them
          </div>
        )}
        {importer.summary && (
          <ImportSummaryDialog
            summary={importer.summary}
            onClose={importer.dismiss}
            onOpen={(id) => {
              setArticleId(id);
              importer.dismiss();
            }}
          />
        )}
      </div>
    </WorkspaceContext.Provider>
  );
}

type View =
  | { kind: 'article'; at?: { start: number; end: number } }
  | { kind: 'entity'; id: string }
  | { kind: 'entities' }
  | { kind: 'notes'; noteId: string | null; create?: number }
  | { kind: 'briefs' };

function lastArticleKey(workspaceId: string): string {
  return `dossier.lastArticle.${workspaceId}`;
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const text = status.kind === 'saved' ? 'All changes saved' : status.kind === 'saving' ? 'Saving…' : `Not saved: ${status.message}`;
  return (
    <span className={`save-status ${status.kind}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </span>
  );
}
