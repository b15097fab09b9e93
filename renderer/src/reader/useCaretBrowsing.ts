import { useCallback, useEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';
import { keymap } from '../commands/keymap';
import { isMac } from '../ui/shortcuts';
import { caretRect, moveCaret, placeCaretInView, revealRect, selectionInside } from './caretBrowsing';
import type { PaintedMention } from './highlightPainter';
import { caretOffset } from './textOffsets';
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
  mentions: readonly PaintedMention[];
  annotations: readonly Annotation[];
  onOpenEntity(entityId: string): void;
  onSelectAnnotation(id: string | null): void;
  /** Tab with the caret in the text: to the list of entity mentions, at the first from `offset` on. False when there is none. */
  onToMentions(offset: number): boolean;
}

/**
 * The reader's keyboard: a caret drawn where the collapsed selection is, the registry's `reader`
 * keys moving and extending it (caretBrowsing.ts), Tab going to the list of the linked entity
 * mentions (MentionsList: one tab stop, the arrows move there), Enter opening the mention or the
 * highlight at the caret.
 */
export function useCaretBrowsing({ scrollRef, articleRef, bodyRef, caretRef, mentions, annotations, onOpenEntity, onSelectAnnotation, onToMentions }: Options) {
  /** A mouse press is about to place the caret itself: focusing must not place one first. */
  const pointing = useRef(false);

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
    document.addEventListener('selectionchange', drawCaret);
    return () => {
      observer.disconnect();
      document.removeEventListener('selectionchange', drawCaret);
    };
  }, [bodyRef, drawCaret]);

  const viewBox = () => scrollRef.current?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };

  const onFocus = (event: FocusEvent) => {
    const body = bodyRef.current;
    if (event.target !== event.currentTarget || !body) return;
    if (!pointing.current && !selectionInside(body, document.getSelection())) placeCaretInView(body, viewBox());
    pointing.current = false;
    drawCaret();
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
    if (command === 'reader-mentions') {
      // With words selected, Tab goes on as usual (to the selection toolbar).
      if (!selection?.isCollapsed) return;
      if (onToMentions(offset ?? 0)) event.preventDefault();
      return;
    }
    if (command === 'reader-open') {
      if (offset === null) return;
      const at = mentions.find((m) => m.entityId && m.start <= offset && offset < m.end);
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
  };
}

/** The narrowest highlight at a text offset (the one a click or Enter there means). */
export function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  return annotations
    .filter((a) => a.target.position.start <= offset && offset < a.target.position.end)
    .sort((a, b) => a.target.position.end - a.target.position.start - (b.target.position.end - b.target.position.start))[0];
}
