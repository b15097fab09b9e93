import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';
import { ENTITY_TYPE_LABELS, type EntityType } from '../../../electron/common/model/entity';
import { keymap } from '../commands/keymap';
import { isMac } from '../ui/shortcuts';
import { caretRect, moveCaret, placeCaretInView, revealRect, selectionInside } from './caretBrowsing';
import { highlightsSupported, MENTION_FOCUS_HIGHLIGHT_NAME, type PaintedMention } from './highlightPainter';
import { caretOffset, offsetsToRange } from './textOffsets';
import './caret.css';

const readerKeys = keymap('reader', isMac);

interface Options {
  /** The focusable scrolling area the keys are pressed in. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The box the caret element is positioned in. */
  articleRef: RefObject<HTMLElement | null>;
  /** The paragraphs. */
  bodyRef: RefObject<HTMLDivElement | null>;
  caretRef: RefObject<HTMLDivElement | null>;
  text: string;
  mentions: readonly PaintedMention[];
  annotations: readonly Annotation[];
  onOpenEntity(entityId: string): void;
  onSelectAnnotation(id: string | null): void;
}

/**
 * The reader's keyboard: a caret drawn where the collapsed selection is, the registry's `reader`
 * keys moving and extending it (caretBrowsing.ts), Tab and Shift+Tab going from one linked
 * entity mention to the next (marked, and announced), Enter opening the mention or the highlight
 * at the caret.
 */
export function useCaretBrowsing({ scrollRef, articleRef, bodyRef, caretRef, text, mentions, annotations, onOpenEntity, onSelectAnnotation }: Options) {
  /** A mouse press is about to place the caret itself: focusing must not place one first. */
  const pointing = useRef(false);
  /** The confirmed mention the keyboard went to (Tab), until the caret moves off its start. */
  const [focusedMention, setFocusedMention] = useState<PaintedMention | null>(null);
  const [announcement, setAnnouncement] = useState('');

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
  }, [articleRef, bodyRef, caretRef, scrollRef]);

  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const observer = new ResizeObserver(drawCaret);
    observer.observe(body);
    const onSelection = () => {
      drawCaret();
      setFocusedMention((m) => (m && caretOffset(body, document.getSelection()) === m.start ? m : null));
    };
    document.addEventListener('selectionchange', onSelection);
    return () => {
      observer.disconnect();
      document.removeEventListener('selectionchange', onSelection);
    };
  }, [bodyRef, drawCaret]);

  useEffect(() => {
    if (!highlightsSupported()) return;
    const body = bodyRef.current;
    const range = body && focusedMention && offsetsToRange(body, focusedMention.start, focusedMention.end);
    if (range) CSS.highlights.set(MENTION_FOCUS_HIGHLIGHT_NAME, new Highlight(range));
    else CSS.highlights.delete(MENTION_FOCUS_HIGHLIGHT_NAME);
  }, [bodyRef, focusedMention]);
  useEffect(() => () => void (highlightsSupported() && CSS.highlights.delete(MENTION_FOCUS_HIGHLIGHT_NAME)), []);

  const viewBox = () => scrollRef.current?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };

  const onFocus = (event: FocusEvent) => {
    const body = bodyRef.current;
    if (event.target !== event.currentTarget || !body) return;
    if (!pointing.current && !selectionInside(body, document.getSelection())) placeCaretInView(body, viewBox());
    pointing.current = false;
    drawCaret();
  };

  /** The confirmed mention after (or before) the caret, for Tab and Shift+Tab. */
  const mentionFrom = (offset: number, forward: boolean): PaintedMention | null => {
    const linked = mentions.filter((m) => m.entityId).sort((a, b) => a.start - b.start);
    const here = focusedMention?.start === offset;
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
      // With words selected, or past the last mention, Tab goes on (to the selection toolbar, the panel).
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

  return {
    onFocus,
    onBlur: drawCaret,
    onPointerDown: () => {
      pointing.current = true;
    },
    onKeyDown,
    /** What a screen reader is told when the keyboard goes to a mention. */
    announcement,
  };
}

/** The narrowest highlight at a text offset (the one a click or Enter there means). */
export function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  return annotations
    .filter((a) => a.target.position.start <= offset && offset < a.target.position.end)
    .sort((a, b) => a.target.position.end - a.target.position.start - (b.target.position.end - b.target.position.start))[0];
}
