import { forwardRef, useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ENTITY_TYPE_LABELS, type EntityType } from '../../../electron/common/model/entity';
import type { Annotation } from '../../../electron/common/model/annotation';
import type { ArticleMeta } from '../../../electron/common/model/article';
import { splitParagraphs } from '../../../electron/common/text/normalizeArticleText';
import { keymap } from '../commands/keymap';
import { isMac } from '../ui/shortcuts';
import { caretRect, moveCaret, placeCaretInView, revealRect, selectionInside } from './caretBrowsing';
import {
  clearHighlights,
  FIND_CURRENT_HIGHLIGHT_NAME,
  FIND_HIGHLIGHT_NAME,
  FLASH_HIGHLIGHT_NAME,
  highlightsSupported,
  LOCATED_HIGHLIGHT_NAME,
  MENTION_FOCUS_HIGHLIGHT_NAME,
  MENTION_PREFIX,
  paintHighlights,
  paintMentions,
  paintRanges,
  type PaintedMention,
} from './highlightPainter';
import { caretOffset, offsetAtPoint, offsetsToRange, ParagraphIndex, selectionToOffsets, type TextRange } from './textOffsets';
import './caret.css';

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

const readerKeys = keymap('reader', isMac);

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/** The article as plain DOM, one element per paragraph; highlights are painted over it, never into it. */
export const ArticleReader = forwardRef<ReaderHandle, Props>(function ArticleReader(
  { article, text, annotations, activeId, onSelectAnnotation, onSelectionChange, onOpenDetails, mentions, onOpenEntity, children, top },
  ref,
) {
  const hintId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const caretRef = useRef<HTMLDivElement>(null);
  /** A mouse press is about to place the caret itself: focusing must not place one first. */
  const pointing = useRef(false);
  /** The confirmed mention the keyboard went to (Tab), until the caret moves off its start. */
  const [focusedMention, setFocusedMention] = useState<PaintedMention | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);

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
      clearHighlights(MENTION_FOCUS_HIGHLIGHT_NAME);
    },
    [],
  );

  /** Draws the caret where a collapsed selection is, while the text has the focus (the browser draws none here). */
  const drawCaret = useCallback(() => {
    const caret = caretRef.current;
    const body = bodyRef.current;
    const box = articleRef.current;
    if (!caret || !body || !box) return;
    const selection = document.getSelection();
    const show = document.activeElement === scrollRef.current && selection?.isCollapsed === true && selectionInside(body, selection);
    const rect = show ? caretRect(selection) : null;
    caret.hidden = !rect;
    if (!rect) return;
    const origin = box.getBoundingClientRect();
    caret.style.transform = `translate(${rect.left - origin.left}px, ${rect.top - origin.top}px)`;
    caret.style.height = `${rect.height}px`;
    // Restart the blink, so the caret shows at once where it lands.
    caret.classList.remove('blink');
    void caret.offsetWidth;
    caret.classList.add('blink');
  }, []);

  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const observer = new ResizeObserver(drawCaret);
    observer.observe(body);
    return () => observer.disconnect();
  }, [drawCaret]);

  useEffect(() => {
    if (!highlightsSupported()) return;
    const body = bodyRef.current;
    const range = body && focusedMention && offsetsToRange(body, focusedMention.start, focusedMention.end);
    if (range) CSS.highlights.set(MENTION_FOCUS_HIGHLIGHT_NAME, new Highlight(range));
    else CSS.highlights.delete(MENTION_FOCUS_HIGHLIGHT_NAME);
  }, [focusedMention]);

  useEffect(() => {
    const onChange = () => {
      const body = bodyRef.current;
      if (!body) return;
      drawCaret();
      const selection = document.getSelection();
      const range = selectionToOffsets(body, text, selection);
      // A dialog that puts the selection back as it closes (the command palette) has taken the
      // focus: the passage stays selected for the command run from it.
      if (!range && document.activeElement?.closest('dialog[open][data-keeps-selection]')) return;
      setFocusedMention((m) => (m && caretOffset(body, selection) === m.start ? m : null));
      onSelectionChange(range, range && selection?.rangeCount ? selection.getRangeAt(0).getBoundingClientRect() : null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [text, onSelectionChange, drawCaret]);

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

  const viewBox = () => scrollRef.current?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };

  const onFocus = (event: React.FocusEvent) => {
    const body = bodyRef.current;
    if (event.target !== event.currentTarget || !body) return;
    if (!pointing.current && !selectionInside(body, document.getSelection())) placeCaretInView(body, viewBox());
    pointing.current = false;
    drawCaret();
  };

  /** The confirmed mention after (or before) the caret, for Tab and Shift+Tab. */
  const mentionFrom = (offset: number, forward: boolean): PaintedMention | null => {
    const linked = mentions.filter((m) => m.entityId).sort((a, b) => a.start - b.start);
    const here = focusedMention && focusedMention.start === offset;
    if (forward) return linked.find((m) => (here ? m.start > offset : m.start >= offset)) ?? null;
    return linked.findLast((m) => m.start < offset) ?? null;
  };

  const goToMention = (mention: PaintedMention) => {
    const body = bodyRef.current;
    const range = body && offsetsToRange(body, mention.start, mention.start);
    if (!range) return;
    document.getSelection()?.collapse(range.startContainer, range.startOffset);
    setFocusedMention(mention);
    const type = ENTITY_TYPE_LABELS[mention.type as EntityType] ?? mention.type;
    setAnnouncement(`${text.slice(mention.start, mention.end)}, ${type}. Enter opens its page.`);
    const rect = caretRect(document.getSelection());
    if (rect && scrollRef.current) revealRect(scrollRef.current, rect, 48);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const body = bodyRef.current;
    const scroller = scrollRef.current;
    // Keys typed in the toolbar or a popover inside the scrolling area are theirs.
    if (event.target !== event.currentTarget || !body || !scroller) return;
    const command = readerKeys(event.nativeEvent);
    if (!command) return;
    const selection = document.getSelection();
    const offset = caretOffset(body, selection);
    if (command === 'reader-next-mention' || command === 'reader-previous-mention') {
      // With words selected, Tab goes on to the selection toolbar, as it would anyway.
      if (offset === null || !selection?.isCollapsed) return;
      const mention = mentionFrom(offset, command === 'reader-next-mention');
      if (!mention) return;
      event.preventDefault();
      goToMention(mention);
      return;
    }
    if (command === 'reader-open') {
      if (offset === null) return;
      const at = focusedMention?.start === offset ? focusedMention : mentions.find((m) => m.entityId && m.start <= offset && offset < m.end);
      if (at?.entityId) {
        event.preventDefault();
        onOpenEntity(at.entityId);
        return;
      }
      const hit = annotationAt(annotations, offset);
      if (hit) {
        event.preventDefault();
        onSelectAnnotation(hit.id);
      }
      return;
    }
    if (moveCaret(body, command, { key: event.key, mod: event.ctrlKey || event.metaKey }, viewBox())) {
      event.preventDefault();
      const rect = caretRect(document.getSelection());
      if (rect) revealRect(scroller, rect);
    }
  };

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

  const published = article.published ? dateFormat.format(new Date(`${article.published}T00:00:00Z`)) : null;

  return (
    // Focusable: the keyboard scrolls it, and moves a caret in its text (caret browsing).
    <div
      className="reader-scroll"
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label="Article text"
      aria-describedby={hintId}
      onFocus={onFocus}
      onBlur={drawCaret}
      onPointerDown={() => {
        pointing.current = true;
      }}
      onKeyDown={onKeyDown}
    >
    {top}
    <article className="reader" aria-label="Article" lang={article.language ?? undefined} ref={articleRef}>
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
          <p key={p.start} data-start={p.start} dir="auto">
            {p.text}
          </p>
        ))}
      </div>
      <div className="reader-caret" ref={caretRef} hidden aria-hidden="true" />
    </article>
    <p id={hintId} className="visually-hidden">
      Arrow keys move a caret in the text; Shift with them selects. Tab goes to the next entity named in the text, Enter opens it.
    </p>
    <p className="visually-hidden" role="status">
      {announcement}
    </p>
    {children}
    </div>
  );
});

/** The narrowest highlight at a text offset (the one a click or Enter there means). */
function annotationAt(annotations: Annotation[], offset: number): Annotation | undefined {
  return annotations
    .filter((a) => a.target.position.start <= offset && offset < a.target.position.end)
    .sort((a, b) => a.target.position.end - a.target.position.start - (b.target.position.end - b.target.position.start))[0];
}

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
