import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../electron/common/model/annotation';
import type { ArticleMeta } from '../../electron/common/model/article';
import { api, saveFile } from './api';
import { AnnotationPanel, shortcutLabel } from './annotations/AnnotationPanel';
import { useAnnotations } from './annotations/useAnnotations';
import { ArticleReader, type ReaderHandle } from './reader/ArticleReader';
import type { TextRange } from './reader/textOffsets';
import { useNotify } from './ui/Toasts';
import { errorMessage, type SaveTracker } from './ui/useSaveStatus';

interface Props {
  articleId: string;
  saves: SaveTracker;
  /** Lets the window's toolbar trigger the export of this article. */
  registerExport(run: (() => Promise<void>) | null): void;
}

/** One article open: the reader, its highlights panel and the selection toolbar. */
export function ArticleView({ articleId, saves, registerExport }: Props) {
  const [article, setArticle] = useState<{ meta: ArticleMeta; text: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [selection, setSelection] = useState<{ range: TextRange; rect: DOMRect } | null>(null);
  const reader = useRef<ReaderHandle>(null);
  const notify = useNotify();
  const state = useAnnotations(articleId, saves);

  useEffect(() => {
    let cancelled = false;
    setArticle(null);
    setLoadError(null);
    performance.mark('dossier:article-requested');
    api['articles.get']({ id: articleId }).then(
      ({ article: meta, text }) => !cancelled && setArticle({ meta, text }),
      (error: unknown) => !cancelled && setLoadError(errorMessage(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  const ready = article !== null && !state.loading;
  useEffect(() => {
    // The frame after text and highlights are first painted: what `npm run bench` reads as the reader's paint time.
    if (ready) requestAnimationFrame(() => setTimeout(() => performance.mark('dossier:reader-painted'), 0));
  }, [ready]);

  const highlightSelection = useCallback(async () => {
    const range = reader.current?.selection();
    if (!range || !article) {
      notify({ tone: 'info', message: 'Select a passage in the article first.' });
      return;
    }
    const created = await state.create(range.start, range.end, article.text.slice(range.start, range.end));
    if (created) {
      document.getSelection()?.removeAllRanges();
      setSelection(null);
      setActiveId(created.id);
      setEditingId(created.id);
    }
  }, [article, notify, state]);

  const exportBrief = useCallback(async () => {
    try {
      await state.flush();
      const brief = await api['export.brief']({ articleId, format: 'md' });
      const savedTo = await saveFile(brief.filename, brief.content, brief.mediaType);
      if (savedTo) notify({ tone: 'info', message: `Brief exported: ${savedTo}` });
    } catch (error) {
      notify({ tone: 'error', message: `Export failed: ${errorMessage(error)}` });
    }
  }, [articleId, notify, state]);

  useEffect(() => {
    registerExport(exportBrief);
    return () => registerExport(null);
  }, [exportBrief, registerExport]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'h') {
        event.preventDefault();
        void highlightSelection();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [highlightSelection]);

  const onSelectionChange = useCallback((range: TextRange | null, rect: DOMRect | null) => {
    setSelection(range && rect ? { range, rect } : null);
  }, []);

  const activate = useCallback((annotation: Annotation) => {
    setActiveId(annotation.id);
    reader.current?.scrollTo(annotation);
  }, []);

  const remove = useCallback(
    async (annotation: Annotation) => {
      const removed = await state.remove(annotation.id);
      if (!removed) return;
      if (activeId === annotation.id) setActiveId(null);
      if (editingId === annotation.id) setEditingId(null);
      notify({
        tone: 'info',
        message: 'Highlight deleted.',
        action: { label: 'Undo', run: () => void state.restore(removed).then((a) => a && setActiveId(a.id)) },
      });
    },
    [activeId, editingId, notify, state],
  );

  if (loadError) return <div className="load-error" role="alert">{loadError}</div>;
  if (!article) return <div className="loading" aria-busy="true">Opening the article…</div>;

  return (
    <div className="article-view">
      {/* Focusable so the article scrolls from the keyboard too. */}
      <div className="reader-scroll" tabIndex={0} role="region" aria-label="Article text">
        <ArticleReader
          ref={reader}
          article={article.meta}
          text={article.text}
          annotations={state.annotations}
          activeId={activeId}
          onSelectAnnotation={(id) => {
            setActiveId(id);
            if (!id) setEditingId(null);
          }}
          onSelectionChange={onSelectionChange}
        />
        {selection && (
          <div
            className="selection-toolbar"
            role="toolbar"
            aria-label="Selection"
            style={{ top: Math.max(8, selection.rect.top - 48), left: selection.rect.left + selection.rect.width / 2 }}
          >
            <button
              type="button"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void highlightSelection()}
              title={`Highlight and comment (${shortcutLabel('H')})`}
            >
              Highlight + comment <kbd>{shortcutLabel('H')}</kbd>
            </button>
          </div>
        )}
      </div>
      <AnnotationPanel
        annotations={state.annotations}
        activeId={activeId}
        editingId={editingId}
        onActivate={activate}
        onEdit={(id) => {
          setEditingId(id);
          if (id) setActiveId(id);
          else void state.flush();
        }}
        onCommentChange={state.editComment}
        onDelete={(a) => void remove(a)}
      />
    </div>
  );
}
