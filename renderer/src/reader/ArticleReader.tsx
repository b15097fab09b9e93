import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef, type ReactNode } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';
import { currentVersion, type ArticleMeta } from '../../../electron/common/model/article';
import { splitParagraphs } from '../../../electron/common/text/normalizeArticleText';
import {
  ACTIVE_MARK_NAME,
  clearHighlights,
  FIND_CURRENT_HIGHLIGHT_NAME,
  FIND_HIGHLIGHT_NAME,
  FLASH_HIGHLIGHT_NAME,
  LOCATED_HIGHLIGHT_NAME,
  MENTION_PREFIX,
  paintHighlights,
  paintMentions,
  paintRanges,
  type PaintedMention,
} from './highlightPainter';
import { caretOffset, offsetAtPoint, offsetsToRange, ParagraphIndex, selectionToOffsets, type TextRange } from './textOffsets';
import { annotationAt, useCaretBrowsing } from './useCaretBrowsing';
import { MentionsList, type MentionsListHandle } from './MentionsList';
import { useDates } from '../ui/formatDate';
import { paragraphClass, ParagraphText } from './ParagraphText';
import { useTranslation } from 'react-i18next';

export interface ReaderHandle {
  /** The reader's current selection as text offsets, or null. */
  selection(): TextRange | null;
  scrollTo(range: { start: number; end: number }): void;
  /** Marks a passage for a few seconds (a search match just opened), so the eye lands on it. */
  flash(range: { start: number; end: number }): void;
  /** Marks a passage while something outside the text points at it (null unmarks), scrolling it into view. */
  locate(range: { start: number; end: number } | null): void;
  /** Where the reader is: the caret or the selection's start, else the first paragraph in view. */
  readingOffset(): number;
  /** Marks every match of a find (an empty list unmarks). */
  showMatches(ranges: readonly TextRange[]): void;
  /** Marks the find's current match more strongly and scrolls it into view (null unmarks). */
  showCurrentMatch(range: TextRange | null): void;
  /** Selects a passage and puts the focus on the text (a find closed on its match). */
  selectAndFocus(range: TextRange): void;
  focus(): void;
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
  /** Shown over the text, inside its scrolling area: the selection toolbar, popovers. */
  children?: ReactNode;
  /** Shown at the top of the scrolling area, before the text (the find bar, sticking there as it scrolls). */
  top?: ReactNode;
}

/** The article as plain DOM, one element per paragraph; highlights are painted over it, never into it. */
export const ArticleReader = forwardRef<ReaderHandle, Props>(function ArticleReader(
  { article, text, annotations, activeId, onSelectAnnotation, onSelectionChange, onOpenDetails, mentions, onOpenEntity, children, top },
  ref,
) {
  const { t } = useTranslation();
  const hintId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const caretRef = useRef<HTMLDivElement>(null);
  const mentionsRef = useRef<MentionsListHandle>(null);
  const caret = useCaretBrowsing({
    scrollRef,
    articleRef,
    bodyRef,
    caretRef,
    mentions,
    annotations,
    onOpenEntity,
    onSelectAnnotation,
    onToMentions: (offset) => mentionsRef.current?.focusFrom(offset) ?? false,
  });
  const dates = useDates();
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
      clearHighlights(FIND_HIGHLIGHT_NAME);
      clearHighlights(ACTIVE_MARK_NAME);
    },
    [],
  );


  useEffect(() => {
    const onChange = () => {
      const body = bodyRef.current;
      if (!body) return;
      const selection = document.getSelection();
      const range = selectionToOffsets(body, text, selection);
      // A dialog that puts the selection back as it closes (the command palette) has taken the
      // focus: the passage stays selected for the command run from it.
      if (!range && document.activeElement?.closest('dialog[open][data-keeps-selection]')) return;
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
      readingOffset() {
        const body = bodyRef.current;
        if (!body) return 0;
        const selection = document.getSelection();
        const selected = selectionToOffsets(body, text, selection);
        if (selected) return selected.start;
        const caret = caretOffset(body, selection);
        if (caret !== null) return caret;
        const view = scrollRef.current?.getBoundingClientRect();
        const first = Array.from(body.querySelectorAll<HTMLElement>('[data-start]')).find((p) => !view || p.getBoundingClientRect().bottom > view.top + 1);
        return first ? Number(first.dataset.start) : 0;
      },
      showMatches(ranges) {
        const body = bodyRef.current;
        if (body) paintRanges(FIND_HIGHLIGHT_NAME, new ParagraphIndex(body), ranges, 1);
      },
      showCurrentMatch(target) {
        const body = bodyRef.current;
        if (!body) return;
        const range = target && offsetsToRange(body, target.start, target.end);
        paintRanges(FIND_CURRENT_HIGHLIGHT_NAME, new ParagraphIndex(body), target ? [target] : [], 2);
        if (range && scrollRef.current) revealRange(scrollRef.current, range);
      },
      focus() {
        scrollRef.current?.focus({ preventScroll: true });
      },
      selectAndFocus(target) {
        const body = bodyRef.current;
        const range = body && offsetsToRange(body, target.start, target.end);
        if (!range) return;
        scrollRef.current?.focus({ preventScroll: true });
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      },
    }),
    [text],
  );


  const onClick = (event: React.MouseEvent) => {
    const body = bodyRef.current;
    if (!body || !document.getSelection()?.isCollapsed) return;
    const offset = offsetAtPoint(body, event.clientX, event.clientY);
    if (offset === null) return;
    const hit = annotationAt(annotations, offset);
    onSelectAnnotation(hit?.id ?? null);
    // Ctrl/Cmd+click (or Alt+click) on a confirmed mention opens its entity's page.
    if (event.ctrlKey || event.metaKey || event.altKey) {
      const mention = mentions.find((m) => m.entityId && m.start <= offset && offset < m.end);
      if (mention?.entityId) onOpenEntity(mention.entityId);
    }
  };

  const published = article.published ? dates.date(article.published) : null;

  return (
    // Focusable: the keyboard scrolls it, and moves a caret in its text (caret browsing).
    <div
      className="reader-scroll"
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={t('reader:articleText')}
      aria-describedby={hintId}
      onFocus={caret.onFocus}
      onBlur={caret.onBlur}
      onPointerDown={caret.onPointerDown}
      onKeyDown={caret.onKeyDown}
    >
    {top}
    <article className="reader" aria-label={t('reader:article')} lang={article.language ?? undefined} ref={articleRef}>
      <header className="reader-header">
        <h1 dir="auto">{article.title}</h1>
        <p className="reader-meta">
          {[
            // The outlet, or plainly that it is not known: never the file name, which is provenance (Details).
            article.outlet ? (
              <span key="outlet" className="outlet" dir="auto">
                {article.outlet}
              </span>
            ) : (
              <span key="outlet" className="outlet unknown" title={t('reader:importedFrom', { source: article.source })}>
                {t('reader:unknownSource')}
              </span>
            ),
            // An outlet or author in another script is set apart, so its direction never reorders the line around it.
            article.author && (
              <span key="author" dir="auto">
                {article.author}
              </span>
            ),
            published ? (
              <time key="date" dateTime={article.published ?? undefined}>
                {published}
              </time>
            ) : (
              <span key="date">{t('reader:undated')}</span>
            ),
            article.versions.length > 1 && <span key="version">{t('reader:version', { version: article.version })}</span>,
          ]
            .filter(Boolean)
            .flatMap((part, i) => (i === 0 ? [part] : [<span key={`sep${i}`} aria-hidden="true"> · </span>, part]))}
          <button type="button" className="link details-link" onClick={onOpenDetails}>
            {t('reader:details')}
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
      <div className="reader-caret" ref={caretRef} hidden aria-hidden="true" />
    </article>
    <MentionsList ref={mentionsRef} text={text} mentions={mentions} bodyRef={bodyRef} scrollRef={scrollRef} onOpenEntity={onOpenEntity} />
    <p id={hintId} className="visually-hidden">
      {t('reader:arrowKeysMoveACaret')}
    </p>
    {children}
    </div>
  );
});


/** Brings a match into view: centred when it is out of sight, checked again once the paragraphs around it are laid out. */
function revealRange(scroller: HTMLElement, range: Range): void {
  const centre = () => {
    const rect = range.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (rect.top >= view.top + 8 && rect.bottom <= view.bottom - 8) return;
    scroller.scrollBy({ top: rect.top - view.top - (view.bottom - view.top) / 2 });
  };
  centre();
  // Paragraphs far away are not laid out until near (content-visibility): their real height may move it.
  requestAnimationFrame(centre);
}

/** Scrolls the reader only when the passage is out of sight: pointing at a visible one keeps the page still. */
function scrollIntoViewIfHidden(range: Range): void {
  const rect = range.getBoundingClientRect();
  const scroller = range.startContainer.parentElement?.closest('.reader-scroll');
  const view = scroller?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
  if (rect.top >= view.top && rect.bottom <= view.bottom) return;
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  scroller?.scrollBy({ top: rect.top - view.top - (view.bottom - view.top) / 2, behavior: reduced ? 'auto' : 'smooth' });
}
