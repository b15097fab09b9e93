import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';
import { currentVersion, type ArticleMeta } from '../../../electron/common/model/article';
import { splitParagraphs } from '../../../electron/common/text/normalizeArticleText';
import { clearHighlights, FLASH_HIGHLIGHT_NAME, LOCATED_HIGHLIGHT_NAME, MENTION_PREFIX, paintHighlights, paintMentions, type PaintedMention } from './highlightPainter';
import { paragraphClass, ParagraphText } from './ParagraphText';
import { offsetAtPoint, offsetsToRange, selectionToOffsets, type TextRange } from './textOffsets';

export interface ReaderHandle {
  /** The reader's current selection as text offsets, or null. */
  selection(): TextRange | null;
  scrollTo(range: { start: number; end: number }): void;
  /** Marks a passage for a few seconds (a search match just opened), so the eye lands on it. */
  flash(range: { start: number; end: number }): void;
  /** Marks a passage while something outside the text points at it (null unmarks), scrolling it into view. */
  locate(range: { start: number; end: number } | null): void;
}

/** How long a flashed passage stays marked. */
const FLASH_MS = 4000;

interface Props {
  article: ArticleMeta;
  text: string;
  annotations: Annotation[];
  activeId: string | null;
  onSelectAnnotation(id: string | null): void;
  onSelectionChange(range: TextRange | null, rect: DOMRect | null): void;
  onOpenDetails(): void;
  mentions: PaintedMention[];
  onOpenEntity(entityId: string): void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/** The article as plain DOM, one element per paragraph; highlights are painted over it, never into it. */
export const ArticleReader = forwardRef<ReaderHandle, Props>(function ArticleReader(
  { article, text, annotations, activeId, onSelectAnnotation, onSelectionChange, onOpenDetails, mentions, onOpenEntity },
  ref,
) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const marks = useMemo(() => currentVersion(article).marks ?? [], [article]);

  useEffect(() => {
    if (bodyRef.current) paintHighlights(bodyRef.current, annotations, activeId);
  }, [annotations, activeId, paragraphs]);
  useEffect(() => {
    if (bodyRef.current) paintMentions(bodyRef.current, mentions);
  }, [mentions, paragraphs]);
  useEffect(
    () => () => {
      clearHighlights();
      clearHighlights(MENTION_PREFIX);
      clearTimeout(flashTimer.current);
      clearHighlights(FLASH_HIGHLIGHT_NAME);
      clearHighlights(LOCATED_HIGHLIGHT_NAME);
    },
    [],
  );

  useEffect(() => {
    const onChange = () => {
      const body = bodyRef.current;
      if (!body) return;
      const selection = document.getSelection();
      const range = selectionToOffsets(body, text, selection);
      onSelectionChange(range, range && selection?.rangeCount ? selection.getRangeAt(0).getBoundingClientRect() : null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [text, onSelectionChange]);

  useImperativeHandle(
    ref,
    () => ({
      selection: () => (bodyRef.current ? selectionToOffsets(bodyRef.current, text, document.getSelection()) : null),
      scrollTo({ start, end }) {
        const body = bodyRef.current;
        const range = body && offsetsToRange(body, start, end);
        const element = range?.startContainer.parentElement;
        element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      },
      flash({ start, end }) {
        const body = bodyRef.current;
        const range = body && offsetsToRange(body, start, end);
        if (!range || typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
        CSS.highlights.set(FLASH_HIGHLIGHT_NAME, new Highlight(range));
        clearTimeout(flashTimer.current);
        flashTimer.current = setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT_NAME), FLASH_MS);
      },
      locate(target) {
        const body = bodyRef.current;
        const range = body && target && offsetsToRange(body, target.start, target.end);
        if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
        if (!range) {
          CSS.highlights.delete(LOCATED_HIGHLIGHT_NAME);
          return;
        }
        CSS.highlights.set(LOCATED_HIGHLIGHT_NAME, new Highlight(range));
        scrollIntoViewIfHidden(range);
      },
    }),
    [text],
  );

  const onClick = (event: React.MouseEvent) => {
    const body = bodyRef.current;
    if (!body || !document.getSelection()?.isCollapsed) return;
    const offset = offsetAtPoint(body, event.clientX, event.clientY);
    if (offset === null) return;
    const hit = annotations
      .filter((a) => a.target.position.start <= offset && offset < a.target.position.end)
      .sort((a, b) => a.target.position.end - a.target.position.start - (b.target.position.end - b.target.position.start))[0];
    onSelectAnnotation(hit?.id ?? null);
    // Ctrl/Cmd+click (or Alt+click) on a confirmed mention opens its entity's page.
    if (event.ctrlKey || event.metaKey || event.altKey) {
      const mention = mentions.find((m) => m.entityId && m.start <= offset && offset < m.end);
      if (mention?.entityId) onOpenEntity(mention.entityId);
    }
  };

  const published = article.published ? dateFormat.format(new Date(`${article.published}T00:00:00Z`)) : null;

  return (
    <article className="reader" aria-label="Article" lang={article.language ?? undefined}>
      <header className="reader-header">
        <h1 dir="auto">{article.title}</h1>
        <p className="reader-meta">
          {[
            article.outlet && <span key="outlet">{article.outlet}</span>,
            article.author && <span key="author">{article.author}</span>,
            published ? (
              <time key="date" dateTime={article.published ?? undefined}>
                {published}
              </time>
            ) : (
              <span key="date">Undated</span>
            ),
            <span key="source" title="Source">
              {article.source}
            </span>,
            article.versions.length > 1 && <span key="version">Version {article.version}</span>,
          ]
            .filter(Boolean)
            .flatMap((part, i) => (i === 0 ? [part] : [<span key={`sep${i}`} aria-hidden="true"> · </span>, part]))}
          <button type="button" className="link details-link" onClick={onOpenDetails}>
            Details
          </button>
        </p>
      </header>
      <div className="reader-body" ref={bodyRef} onClick={onClick} data-testid="reader-body">
        {paragraphs.map((p) => (
          <p key={p.start} data-start={p.start} dir="auto" className={paragraphClass(p.text)}>
            <ParagraphText text={text} start={p.start} end={p.end} marks={marks} />
          </p>
        ))}
      </div>
    </article>
  );
});

/** Scrolls the reader only when the passage is out of sight: pointing at a visible one keeps the page still. */
function scrollIntoViewIfHidden(range: Range): void {
  const rect = range.getBoundingClientRect();
  const scroller = range.startContainer.parentElement?.closest('.reader-scroll');
  const view = scroller?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
  if (rect.top >= view.top && rect.bottom <= view.bottom) return;
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  scroller?.scrollBy({ top: rect.top - view.top - (view.bottom - view.top) / 2, behavior: reduced ? 'auto' : 'smooth' });
}
