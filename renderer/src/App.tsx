import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../electron/common/model/article';
import type { WorkspaceInfo } from '../../electron/common/model/workspace';
import { api, onEvent } from './api';
import { ArticleView } from './ArticleView';
import { shortcutLabel } from './annotations/AnnotationPanel';
import { useNotify } from './ui/Toasts';
import { errorMessage, useSaveStatus, type SaveStatus } from './ui/useSaveStatus';

export function App() {
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [articleId, setArticleId] = useState<string | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const { status, tracker, hasUnsaved } = useSaveStatus();
  const exportRef = useRef<(() => Promise<void>) | null>(null);
  const [canExport, setCanExport] = useState(false);
  const notify = useNotify();

  const loadLibrary = useCallback(async () => {
    const [{ articles: list }, info] = await Promise.all([api['articles.list']({}), api['workspace.info']({})]);
    setArticles(list);
    setWorkspace(info);
    return { info, list };
  }, []);

  useEffect(() => {
    if (workspace && articleId) localStorage.setItem(lastArticleKey(workspace.id), articleId);
  }, [workspace, articleId]);

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
      if (event.reason === 'article-imported') void loadLibrary().catch((e: unknown) => notify({ tone: 'error', message: errorMessage(e) }));
    });
  }, [loadLibrary, notify]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsaved()) event.preventDefault();
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        void exportRef.current?.();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('keydown', onKey);
    };
  }, [hasUnsaved]);

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
    <div className="app">
      <header className="topbar">
        <span className="brand">Dossier</span>
        {workspace && (
          <span className="workspace" title={workspace.path}>
            {workspace.name}
          </span>
        )}
        {workspace?.readOnly && <span className="badge warn">{workspace.readOnlyReason}</span>}
        <span className="spacer" />
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
        <h2>Articles</h2>
        <ul>
          {articles.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={a.id === articleId ? 'current' : undefined}
                aria-current={a.id === articleId ? 'page' : undefined}
                onClick={() => setArticleId(a.id)}
                title={a.title}
              >
                <span className="title" dir="auto">
                  {a.title}
                </span>
                <span className="date">{a.published ?? 'Undated'}</span>
              </button>
            </li>
          ))}
        </ul>
        {articles.length === 0 && <p className="panel-empty">No articles yet. Import one with <code>dossier import FILE</code>.</p>}
      </nav>
      <main className="content">
        {articleId ? (
          <ArticleView key={articleId} articleId={articleId} saves={tracker} registerExport={registerExport} />
        ) : (
          <p className="panel-empty">Nothing to read yet.</p>
        )}
      </main>
    </div>
  );
}

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
