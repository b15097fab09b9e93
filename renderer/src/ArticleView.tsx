import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../electron/common/model/annotation';
import type { BriefFormat } from '../../electron/common/model/brief';
import type { EntityType, Suggestion } from '../../electron/common/model/entity';
import type { NoteSummary } from '../../electron/common/model/note';
import type { CitationFields } from '../../electron/common/notes/nodes/CitationNode';
import { api, saveFile } from './api';
import { AnnotationPanel } from './annotations/AnnotationPanel';
import { useAnnotations } from './annotations/useAnnotations';
import { useAppActions, type PassageTarget } from './app/AppActions';
import { useCommand } from './commands/CommandProvider';
import { queries } from './data/queries';
import { EntityReviewPanel } from './entities/EntityReviewPanel';
import { RelationSuggestionList } from './entities/RelationSuggestionList';
import { useArticleEntities } from './entities/useArticleEntities';
import type { ArticleNotesHandle } from './notes/ArticleNotesPanel';
import { CiteNotePicker } from './notes/CiteNotePicker';
import { ArticleDetails } from './reader/ArticleDetails';
import { ArticleReader, type ReaderHandle } from './reader/ArticleReader';
import { FindBar, type FindBarHandle } from './reader/FindBar';
import { ExportArticleDialog } from './reader/ExportArticleDialog';
import { FirstRunGuide } from './guide/FirstRunGuide';
import type { PaintedMention } from './reader/highlightPainter';
import { LinkEntitiesPopover } from './reader/LinkEntitiesPopover';
import { LinkEntityPopover, SelectionToolbar } from './reader/SelectionToolbar';
import type { TextRange } from './reader/textOffsets';
import { AddEventPopover } from './timeline/AddEventPopover';
import { useTimelineChanges } from './timeline/useTimelineChanges';
import { useNotify } from './ui/Toasts';
import { errorMessage } from './ui/useSaveStatus';
import { useHandle } from './ui/useHandle';
import './ui/tabs.css';
import { dates } from './ui/formatDate';
import { useTranslation } from 'react-i18next';

// The notes panel (and its editor) loads the first time it is wanted, then stays mounted.
const ArticleNotesPanel = lazy(() => import('./notes/ArticleNotesPanel').then((m) => ({ default: m.ArticleNotesPanel })));

type Tab = 'highlights' | 'entities' | 'notes';

/** The type detection gave the words selected (a suggestion with a mention on them), for a new entity made of them. */
function suggestedTypeOf(suggestions: readonly Suggestion[], range: TextRange): EntityType | undefined {
  const overlap = (m: { start: number; end: number }) => Math.min(m.end, range.end) - Math.max(m.start, range.start);
  let best: { type: EntityType; overlap: number } | undefined;
  for (const s of suggestions) {
    for (const m of s.mentions) {
      const o = overlap(m);
      if (o > 0 && (!best || o > best.overlap)) best = { type: s.type, overlap: o };
    }
  }
  return best?.type;
}

const NO_NOTES: NoteSummary[] = [];

interface Props {
  articleId: string;
  /** A passage to bring into view once the article is open (from an entity page, a citation or a search). */
  scrollTarget?: PassageTarget | null;
  /** A highlight to select once the article is open (a search result). */
  selectAnnotation?: string | null;
}

/** One article open: the reader, its highlights panel and the selection toolbar. */
export function ArticleView({ articleId, scrollTarget, selectAnnotation }: Props) {
  const { t } = useTranslation();
  const { undo, openEntity } = useAppActions();
  useEffect(() => {
    performance.mark('dossier:article-requested');
  }, [articleId]);
  const articleQuery = useQuery(queries.article(articleId));
  const article = useMemo(() => (articleQuery.data ? { meta: articleQuery.data.article, text: articleQuery.data.text } : null), [articleQuery.data]);
  const [activeId, setActiveId] = useState<string | null>(selectAnnotation ?? null);
  // Opened again on this article (another search result): select the new highlight.
  const [selectedFor, setSelectedFor] = useState(scrollTarget);
  if (selectedFor !== scrollTarget) {
    setSelectedFor(scrollTarget);
    if (selectAnnotation) setActiveId(selectAnnotation);
  }
  const [editingId, setEditingId] = useState<string | null>(null);
  const [reattaching, setReattaching] = useState<Annotation | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [selection, setSelection] = useState<{ range: TextRange; rect: DOMRect } | null>(null);
  const [linkTarget, setLinkTarget] = useState<{ range: TextRange; rect: DOMRect } | null>(null);
  const [eventTarget, setEventTarget] = useState<{ range: TextRange; rect: DOMRect } | null>(null);
  const [relateTarget, setRelateTarget] = useState<{ range: TextRange; rect: DOMRect } | null>(null);
  /** The passage waiting for the analyst to choose its note, and what was clicked to cite it. */
  const [citing, setCiting] = useState<{ citation: CitationFields; anchor: DOMRect | null } | null>(null);
  const timeline = useTimelineChanges();
  const allNotes = useQuery({ ...queries.notes(), enabled: citing !== null }).data?.notes ?? NO_NOTES;
  const reader = useRef<ReaderHandle>(null);
  const [finding, setFinding] = useState(false);
  const { attach: attachFindBar, ready: findBarReady } = useHandle<FindBarHandle>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const state = useAnnotations(articleId);
  const entities = useArticleEntities(articleId);
  const [tab, setTab] = useState<Tab>('highlights');
  // Kept once shown: the panel (and its editor) loads the first time the tab opens.
  const [notesWanted, setNotesWanted] = useState(false);
  const { attach: attachNotesPanel, ready: notesPanelReady } = useHandle<ArticleNotesHandle>();
  const showTab = (next: Tab) => {
    setTab(next);
    if (next === 'notes') setNotesWanted(true);
  };
  const painted = useMemo<PaintedMention[]>(
    () => [
      ...entities.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, suggested: false, entityId: m.entityId })),
      ...entities.suggestions.flatMap((s) => s.mentions.map((m) => ({ start: m.start, end: m.end, type: s.type, suggested: true }))),
    ],
    [entities.mentions, entities.suggestions],
  );

  const ready = article !== null && !state.loading;
  useEffect(() => {
    if (!ready || !scrollTarget) return;
    requestAnimationFrame(() => {
      reader.current?.scrollTo(scrollTarget);
      if (scrollTarget.flash) reader.current?.flash(scrollTarget);
    });
  }, [ready, scrollTarget]);
  useEffect(() => {
    // The frame after text and highlights are first painted: what `npm run bench` reads as the reader's paint time.
    if (ready) requestAnimationFrame(() => setTimeout(() => performance.mark('dossier:reader-painted'), 0));
  }, [ready]);

  const selectedRange = useCallback(() => {
    const range = reader.current?.selection();
    if (!range || !article) {
      notify({ tone: 'info', message: t('app:selectAPassageInThe') });
      return null;
    }
    return { ...range, exact: article.text.slice(range.start, range.end) };
  }, [article, notify, t]);

  const clearSelection = () => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  };

  const startEditing = (id: string | null) => {
    if (editingId && editingId !== id) state.endEditing(editingId);
    setEditingId(id);
    if (id) setActiveId(id);
  };

  const highlightSelection = async () => {
    const range = selectedRange();
    if (!range) return;
    const created = await state.create(range.start, range.end, range.exact);
    if (created) {
      clearSelection();
      startEditing(created.id);
    }
  };

  const attachSelection = async () => {
    const range = selectedRange();
    if (!range || !reattaching) return;
    if (await state.reattach(reattaching.id, range.start, range.end, range.exact)) {
      clearSelection();
      setActiveId(reattaching.id);
      setReattaching(null);
      notify({ tone: 'info', message: t('app:highlightReAttached') });
    }
  };

  const link = useMutation({
    mutationFn: (target: { entityId: string } | { name: string; type: EntityType }) => {
      const { start, end } = linkTarget!.range;
      return api['entities.link']({ articleId, start, end, ...target });
    },
    onSuccess: async () => {
      setLinkTarget(null);
      clearSelection();
      await entities.reload();
      showTab('entities');
    },
    onError: (error) => notify({ tone: 'error', message: errorMessage(error) }),
  });

  /** Cites into the note open beside the article; with none open, asks which note (unless there is none yet). */
  const cite = async (passage: { start: number; end: number; annotationId: string | null }) => {
    if (!article) return;
    const clicked = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement.getBoundingClientRect() : null;
    const citation: CitationFields = {
      articleId,
      annotationId: passage.annotationId,
      quote: article.text.slice(passage.start, passage.end),
      source: article.meta.title,
      start: passage.start,
      end: passage.end,
    };
    const open = notesWanted ? (await notesPanelReady()).openNoteId() : null;
    const { notes } = open ? { notes: [] } : await queryClient.fetchQuery(queries.notes()).catch(() => ({ notes: [] }));
    if (open || notes.length === 0) return citeInto(citation, open ? 'open' : null);
    setCiting({ citation, anchor: clicked });
  };

  const citeInto = async (citation: CitationFields, into: 'open' | string | null) => {
    showTab('notes');
    // The panel may still be loading: its handle arrives once it has mounted.
    const panel = await notesPanelReady();
    await panel.cite(citation, into);
  };

  const citeSelection = () => {
    const range = selectedRange();
    if (!range) return;
    clearSelection();
    void cite({ start: range.start, end: range.end, annotationId: null });
  };

  const addEvent = async (fields: { date?: string; label?: string }) => {
    if (!eventTarget || !article) return;
    const { start, end } = eventTarget.range;
    const added = await timeline.add({ articleId, start, end, exact: article.text.slice(start, end), ...fields });
    if (!added) return;
    setEventTarget(null);
    clearSelection();
    notify({ tone: 'info', message: t('app:addedToTheTimeline', { label: added.event.label }) });
  };

  const exportArticle = async (format: BriefFormat) => {
    try {
      await state.flush();
      const file = await api['export.brief']({ articleId, format, dateFormat: dates().choice });
      const savedTo = await saveFile(file.filename, file.content, file.mediaType, file.encoding);
      if (savedTo) notify({ tone: 'info', message: t('app:articleExported', { savedTo }) });
    } catch (error) {
      notify({ tone: 'error', message: t('app:exportFailed', { error: errorMessage(error) }) });
    }
  };

  useCommand('export', () => setExportOpen(true));
  useCommand('highlight', () => void (reattaching ? attachSelection() : highlightSelection()));
  useCommand('comment', () => activeId && startEditing(activeId), activeId !== null);
  useCommand('cite', citeSelection, selection !== null);
  useCommand('link-entity', () => selection && setLinkTarget(selection), selection !== null);
  useCommand('link-entities', () => selection && setRelateTarget(selection), selection !== null);
  useCommand('article-details', () => setDetailsOpen(true), article !== null);
  // Find starts from a few selected words, as browsers do; a passage of a paragraph or more is not a query.
  const openFind = async () => {
    const range = reader.current?.selection();
    const words = range && article && range.end - range.start <= 120 ? article.text.slice(range.start, range.end) : undefined;
    setFinding(true);
    (await findBarReady()).focus(words?.includes('\n') ? undefined : words);
  };
  useCommand('find', () => void openFind(), article !== null);
  useCommand('find-next', () => void (finding ? findBarReady().then((bar) => bar.step(1)) : openFind()), article !== null);
  useCommand('find-previous', () => void (finding ? findBarReady().then((bar) => bar.step(-1)) : openFind()), article !== null);

  const onSelectionChange = useCallback((range: TextRange | null, rect: DOMRect | null) => {
    setSelection(range && rect ? { range, rect } : null);
  }, []);

  const locateMention = useCallback((range: { start: number; end: number } | null) => reader.current?.locate(range), []);

  const activate = useCallback((annotation: Annotation) => {
    setActiveId(annotation.id);
    reader.current?.scrollTo(annotation.target.position);
  }, []);

  const remove = async (annotation: Annotation) => {
    if (!(await state.remove(annotation.id))) return;
    if (activeId === annotation.id) setActiveId(null);
    if (editingId === annotation.id) setEditingId(null);
    notify({ tone: 'info', message: t('app:highlightDeleted'), action: { label: t('app:undo'), run: undo } });
  };

  if (articleQuery.error && !article) return <div className="load-error" role="alert">{errorMessage(articleQuery.error)}</div>;
  if (!article) return <div className="loading" aria-busy="true">{t('app:openingTheArticle')}</div>;

  return (
    <div className="article-view">
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
          onOpenEntity={openEntity}
          top={
            <>
              <FirstRunGuide />
              {finding && <FindBar ref={attachFindBar} text={article.text} reader={reader} onClose={() => setFinding(false)} />}
            </>
          }
        >
        {selection && !linkTarget && !eventTarget && !relateTarget && (
          <SelectionToolbar
            rect={selection.rect}
            reattaching={reattaching !== null}
            onHighlight={() => void highlightSelection()}
            onAttach={() => void attachSelection()}
            onStartLink={() => setLinkTarget(selection)}
            onLinkEntities={() => setRelateTarget(selection)}
            onCite={citeSelection}
            onAddEvent={() => setEventTarget(selection)}
          />
        )}
        {eventTarget && (
          <AddEventPopover
            rect={eventTarget.rect}
            selectedText={article.text.slice(eventTarget.range.start, eventTarget.range.end)}
            onAdd={(fields) => void addEvent(fields)}
            onCancel={() => setEventTarget(null)}
          />
        )}
        {relateTarget && (
          <LinkEntitiesPopover
            rect={relateTarget.rect}
            articleId={articleId}
            passage={{ ...relateTarget.range, exact: article.text.slice(relateTarget.range.start, relateTarget.range.end) }}
            mentions={entities.mentions}
            onDone={() => {
              setRelateTarget(null);
              clearSelection();
            }}
            onCancel={() => setRelateTarget(null)}
          />
        )}
        {linkTarget && (
          <LinkEntityPopover
            rect={linkTarget.rect}
            selectedText={article.text.slice(linkTarget.range.start, linkTarget.range.end)}
            known={entities.known}
            onLink={(target) => link.mutate(target)}
            suggestedType={suggestedTypeOf(entities.suggestions, linkTarget.range)}
            onCancel={() => setLinkTarget(null)}
          />
        )}
      </ArticleReader>
      <div className="side">
        <div role="tablist" aria-label={t('app:sidePanel')} className="tabs">
          <button type="button" role="tab" aria-selected={tab === 'highlights'} onClick={() => showTab('highlights')}>
            {t('app:highlights')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'entities'} onClick={() => showTab('entities')}>
            {t('app:entities')}
            {entities.toReview.length > 0 && (
              // A count beside the word rather than "(12 to review)": the label stays on one line in a narrow panel.
              <span className="tab-count" title={t('app:toReview2', { length: entities.toReview.length })}>
                {entities.toReview.length}
                <span className="visually-hidden">{' '}{t('app:toReview')}</span>
              </span>
            )}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'notes'} onClick={() => showTab('notes')}>
            {t('app:notes')}
          </button>
        </div>
        {/* Kept mounted while another tab shows, so a note being written keeps its place and undo history. */}
        <aside className="panel notes-panel" aria-label={t('app:notesOnThisArticle')} hidden={tab !== 'notes'}>
          {notesWanted && (
            <Suspense fallback={<div className="loading" aria-busy="true">{t('app:openingNotes')}</div>}>
              <ArticleNotesPanel ref={attachNotesPanel} articleId={articleId} />
            </Suspense>
          )}
        </aside>
        {tab === 'notes' ? null : tab === 'entities' ? (
          <aside className="panel" aria-label={t('app:entities')}>
            <EntityReviewPanel articleId={articleId} entities={entities} text={article.text} onLocate={locateMention} />
            <RelationSuggestionList request={{ articleId }} others={entities.known} />
          </aside>
        ) : (
          <AnnotationPanel
            state={state}
            article={{ id: articleId, version: article.meta.version, text: article.text }}
            activeId={activeId}
            editingId={editingId}
            reattachingId={reattaching?.id ?? null}
            onActivate={activate}
            onEdit={startEditing}
            onDelete={(a) => void remove(a)}
            onReattach={setReattaching}
            onCite={(a) => void cite({ start: a.target.position.start, end: a.target.position.end, annotationId: a.id })}
          />
        )}
      </div>
      {citing && (
        <CiteNotePicker
          notes={allNotes}
          anchor={citing.anchor}
          onPick={(noteId) => {
            setCiting(null);
            void citeInto(citing.citation, noteId);
          }}
          onCancel={() => setCiting(null)}
        />
      )}
      {exportOpen && <ExportArticleDialog title={article.meta.title} onExport={exportArticle} onClose={() => setExportOpen(false)} />}
      {detailsOpen && (
        <ArticleDetails
          article={article.meta}
          onClose={() => setDetailsOpen(false)}
          onChanged={() => {
            void queryClient.invalidateQueries({ queryKey: queries.article(articleId).queryKey });
            void state.reload();
          }}
        />
      )}
    </div>
  );
}
