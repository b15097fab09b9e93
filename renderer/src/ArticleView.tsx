import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../electron/common/model/annotation';
import type { ArticleMeta } from '../../electron/common/model/article';
import type { EntityType } from '../../electron/common/model/entity';
import { EntityReviewPanel } from './entities/EntityReviewPanel';
import { useArticleEntities } from './entities/useArticleEntities';
import type { PaintedMention } from './reader/highlightPainter';
import { LinkEntityPopover, SelectionToolbar } from './reader/SelectionToolbar';
import { api, onEvent, saveFile } from './api';
import { AnnotationPanel } from './annotations/AnnotationPanel';
import { useAnnotations } from './annotations/useAnnotations';
import { ArticleDetails } from './reader/ArticleDetails';
import { ArticleReader, type ReaderHandle } from './reader/ArticleReader';
import type { TextRange } from './reader/textOffsets';
import { useNotify } from './ui/Toasts';
import { errorMessage, type SaveTracker } from './ui/useSaveStatus';
import type { ArticleNotesHandle } from './notes/ArticleNotesPanel';

const ArticleNotesPanel = lazy(() => import('./notes/ArticleNotesPanel').then((m) => ({ default: m.ArticleNotesPanel })));
import type { CitationFields } from '../../electron/common/notes/nodes/CitationNode';

interface Props {
  articleId: string;
  saves: SaveTracker;
  /** Lets the window's toolbar trigger the export of this article. */
  registerExport(run: (() => Promise<void>) | null): void;
  onUndo(): void;
  onOpenEntity(id: string): void;
  onOpenCitation(citation: CitationFields): void;
  /** A passage to bring into view once the article is open (from an entity page). */
  scrollTarget?: { start: number; end: number } | null;
}

/** One article open: the reader, its highlights panel and the selection toolbar. */
export function ArticleView({ articleId, saves, registerExport, onUndo, onOpenEntity, onOpenCitation, scrollTarget }: Props) {
  const [article, setArticle] = useState<{ meta: ArticleMeta; text: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [reattaching, setReattaching] = useState<Annotation | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [selection, setSelection] = useState<{ range: TextRange; rect: DOMRect } | null>(null);
  const [linkTarget, setLinkTarget] = useState<{ range: TextRange; rect: DOMRect } | null>(null);
  const reader = useRef<ReaderHandle>(null);
  const notify = useNotify();
  const state = useAnnotations(articleId, saves);
  const entities = useArticleEntities(articleId);
  const [tab, setTab] = useState<'highlights' | 'entities' | 'notes'>('highlights');
  const notesPanel = useRef<ArticleNotesHandle>(null);
  // The notes panel (and its editor) loads the first time it is wanted, then stays mounted.
  const [notesWanted, setNotesWanted] = useState(false);
  useEffect(() => {
    if (tab === 'notes') setNotesWanted(true);
  }, [tab]);
  const painted = useMemo<PaintedMention[]>(
    () => [
      ...entities.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, suggested: false, entityId: m.entityId })),
      ...entities.suggestions.flatMap((s) => s.mentions.map((m) => ({ start: m.start, end: m.end, type: s.type, suggested: true }))),
    ],
    [entities.mentions, entities.suggestions],
  );

  const loadArticle = useCallback(async () => {
    try {
      const { article: meta, text } = await api['articles.get']({ id: articleId });
      setArticle((current) => (current && current.meta.rev === meta.rev && current.text === text ? current : { meta, text }));
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [articleId]);

  useEffect(() => {
    setArticle(null);
    setLoadError(null);
    performance.mark('dossier:article-requested');
    void loadArticle();
    return onEvent('workspace.changed', (event) => {
      // Highlights made or edited here are already on screen; anything else about this article reloads it.
      if (event.changes.some((c) => c.articleId === articleId && !(event.cause === 'edit' && c.subject === 'annotation' && c.kind !== 'deleted'))) {
        void loadArticle();
      }
    });
  }, [articleId, loadArticle]);

  const ready = article !== null && !state.loading;
  useEffect(() => {
    if (ready && scrollTarget) requestAnimationFrame(() => reader.current?.scrollTo(scrollTarget));
  }, [ready, scrollTarget]);
  useEffect(() => {
    // The frame after text and highlights are first painted: what `npm run bench` reads as the reader's paint time.
    if (ready) requestAnimationFrame(() => setTimeout(() => performance.mark('dossier:reader-painted'), 0));
  }, [ready]);

  const selectedRange = useCallback(() => {
    const range = reader.current?.selection();
    if (!range || !article) {
      notify({ tone: 'info', message: 'Select a passage in the article first.' });
      return null;
    }
    return { ...range, exact: article.text.slice(range.start, range.end) };
  }, [article, notify]);

  const clearSelection = () => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  };

  const highlightSelection = useCallback(async () => {
    const range = selectedRange();
    if (!range) return;
    const created = await state.create(range.start, range.end, range.exact);
    if (created) {
      if (editingId) state.endEditing(editingId);
      clearSelection();
      setActiveId(created.id);
      setEditingId(created.id);
    }
  }, [editingId, selectedRange, state]);

  const attachSelection = useCallback(async () => {
    const range = selectedRange();
    if (!range || !reattaching) return;
    if (await state.reattach(reattaching.id, range.start, range.end, range.exact)) {
      clearSelection();
      setActiveId(reattaching.id);
      setReattaching(null);
      notify({ tone: 'info', message: 'Highlight re-attached.' });
    }
  }, [notify, reattaching, selectedRange, state]);

  const linkSelection = useCallback(
    async (target: { entityId: string } | { name: string; type: EntityType }) => {
      if (!linkTarget) return;
      const { start, end } = linkTarget.range;
      try {
        await api['entities.link']({ articleId, start, end, ...target });
        setLinkTarget(null);
        clearSelection();
        await entities.reload();
        setTab('entities');
      } catch (error) {
        notify({ tone: 'error', message: errorMessage(error) });
      }
    },
    [articleId, entities, linkTarget, notify],
  );

  const cite = useCallback(
    async (passage: { start: number; end: number; annotationId: string | null }) => {
      if (!article) return;
      setTab('notes');
      // The panel may still be loading: wait (a few seconds at most) for its handle.
      for (let i = 0; i < 300 && !notesPanel.current; i++) await new Promise((r) => requestAnimationFrame(r));
      const citation: CitationFields = {
        articleId,
        annotationId: passage.annotationId,
        quote: article.text.slice(passage.start, passage.end),
        source: article.meta.title,
        start: passage.start,
        end: passage.end,
      };
      await notesPanel.current?.cite(citation);
    },
    [article, articleId],
  );

  const citeSelection = useCallback(() => {
    const range = selectedRange();
    if (!range) return;
    clearSelection();
    void cite({ start: range.start, end: range.end, annotationId: null });
  }, [cite, selectedRange]);

  const exportBrief = useCallback(async () => {
    try {
      await state.flush();
      const brief = await api['export.brief']({ articleId, format: 'md' });
      const savedTo = await saveFile(brief.filename, brief.content, brief.mediaType, brief.encoding);
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
        void (reattaching ? attachSelection() : highlightSelection());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [attachSelection, highlightSelection, reattaching]);

  const onSelectionChange = useCallback((range: TextRange | null, rect: DOMRect | null) => {
    setSelection(range && rect ? { range, rect } : null);
  }, []);

  const activate = useCallback((annotation: Annotation) => {
    setActiveId(annotation.id);
    reader.current?.scrollTo(annotation.target.position);
  }, []);

  const remove = useCallback(
    async (annotation: Annotation) => {
      if (!(await state.remove(annotation.id))) return;
      if (activeId === annotation.id) setActiveId(null);
      if (editingId === annotation.id) setEditingId(null);
      notify({ tone: 'info', message: 'Highlight deleted.', action: { label: 'Undo', run: onUndo } });
    },
    [activeId, editingId, notify, onUndo, state],
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
          onOpenDetails={() => setDetailsOpen(true)}
          mentions={painted}
          onOpenEntity={onOpenEntity}
        />
        {selection && !linkTarget && (
          <SelectionToolbar
            rect={selection.rect}
            reattaching={reattaching !== null}
            onHighlight={() => void highlightSelection()}
            onAttach={() => void attachSelection()}
            onStartLink={() => setLinkTarget(selection)}
            onCite={citeSelection}
          />
        )}
        {linkTarget && (
          <LinkEntityPopover
            rect={linkTarget.rect}
            selectedText={article.text.slice(linkTarget.range.start, linkTarget.range.end)}
            known={entities.known}
            onLink={(target) => void linkSelection(target)}
            onCancel={() => setLinkTarget(null)}
          />
        )}
      </div>
      <div className="side">
        <div role="tablist" aria-label="Side panel" className="tabs">
          <button type="button" role="tab" aria-selected={tab === 'highlights'} onClick={() => setTab('highlights')}>
            Highlights
          </button>
          <button type="button" role="tab" aria-selected={tab === 'entities'} onClick={() => setTab('entities')}>
            Entities{entities.suggestions.length > 0 ? ` (${entities.suggestions.length} to review)` : ''}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'notes'} onClick={() => setTab('notes')}>
            Notes
          </button>
        </div>
        {/* Kept mounted while another tab shows, so a note being written keeps its place and undo history. */}
        <aside className="panel notes-panel" aria-label="Notes on this article" hidden={tab !== 'notes'}>
          {notesWanted && (
            <Suspense fallback={<div className="loading" aria-busy="true">Opening notes…</div>}>
              <ArticleNotesPanel ref={notesPanel} articleId={articleId} saves={saves} onOpenEntity={onOpenEntity} onOpenCitation={onOpenCitation} onUndo={onUndo} />
            </Suspense>
          )}
        </aside>
        {tab === 'notes' ? null : tab === 'entities' ? (
          <aside className="panel" aria-label="Entities">
            <EntityReviewPanel articleId={articleId} entities={entities} onOpenEntity={onOpenEntity} />
          </aside>
        ) : (
      <AnnotationPanel
        state={state}
        activeId={activeId}
        editingId={editingId}
        reattachingId={reattaching?.id ?? null}
        onActivate={activate}
        onEdit={(id) => {
          if (editingId && editingId !== id) state.endEditing(editingId);
          setEditingId(id);
          if (id) setActiveId(id);
        }}
        onDelete={(a) => void remove(a)}
        onReattach={setReattaching}
        onCite={(a) => void cite({ start: a.target.position.start, end: a.target.position.end, annotationId: a.id })}
      />
        )}
      </div>
      {detailsOpen && (
        <ArticleDetails
          article={article.meta}
          onClose={() => setDetailsOpen(false)}
          onChanged={() => {
            void loadArticle();
            void state.reload();
          }}
        />
      )}
    </div>
  );
}
