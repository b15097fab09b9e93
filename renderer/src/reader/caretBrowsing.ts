import type { CommandId } from '../../../electron/common/commands';
import { PARAGRAPH_SELECTOR } from './textOffsets';

/**
 * Caret browsing in the reader, by hand: the article is not editable, so Chromium draws no caret
 * and the arrow keys scroll. With the text focused, the keys of the registry's `reader` commands
 * move a collapsed DOM selection (Selection.modify does the line and word logic, bidi included)
 * and extend it, so a keyboard-only reader selects words as a mouse would; the selection toolbar
 * and its shortcuts then work unchanged.
 */

type Granularity = 'character' | 'word' | 'line' | 'lineboundary';
type Direction = 'left' | 'right' | 'backward' | 'forward';

function paragraphsOf(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR));
}

function textNode(p: HTMLElement): Node {
  return p.firstChild ?? p;
}

/** Whether the selection's both ends are in the reader's paragraphs. */
export function selectionInside(root: HTMLElement, selection: Selection | null): boolean {
  if (!selection || selection.rangeCount === 0) return false;
  const inside = (node: Node | null) => {
    const element = node instanceof Element ? node : node?.parentElement;
    const p = element?.closest(PARAGRAPH_SELECTOR);
    return p !== null && p !== undefined && root.contains(p);
  };
  return inside(selection.anchorNode) && inside(selection.focusNode);
}

/** Puts a collapsed caret at the start of the first paragraph in view (the first of all if none is). */
export function placeCaretInView(root: HTMLElement, view: { top: number; bottom: number }): void {
  const ps = paragraphsOf(root);
  const first = ps.find((p) => p.getBoundingClientRect().bottom > view.top + 1) ?? ps[0];
  if (first) document.getSelection()?.collapse(textNode(first), 0);
}

/**
 * Moves the caret (`extend`: the selection's focus) for one of the reader's commands and key.
 * Returns false for keys it does not handle. The caret never leaves the article's paragraphs.
 */
export function moveCaret(root: HTMLElement, command: CommandId, press: { key: string; mod: boolean }, view: { top: number; bottom: number }): boolean {
  const { key } = press;
  const extend = command === 'reader-select' || command === 'reader-select-word';
  const byWord = command === 'reader-caret-word' || command === 'reader-select-word';
  const selection = document.getSelection();
  if (!selection) return false;
  if (!selectionInside(root, selection)) placeCaretInView(root, view);
  if (!selection.focusNode) return false;

  const ps = paragraphsOf(root);
  // Ctrl/Cmd+Home and End: the text's very start or end.
  if (command === 'reader-caret' && (key === 'Home' || key === 'End') && press.mod) {
    const p = key === 'Home' ? ps[0] : ps.at(-1);
    if (p) selection.collapse(textNode(p), key === 'Home' ? 0 : (p.textContent ?? '').length);
    return true;
  }

  const step: Record<string, [Direction, Granularity]> = {
    ArrowLeft: ['left', byWord ? 'word' : 'character'],
    ArrowRight: ['right', byWord ? 'word' : 'character'],
    ArrowUp: ['backward', 'line'],
    ArrowDown: ['forward', 'line'],
    Home: ['backward', 'lineboundary'],
    End: ['forward', 'lineboundary'],
  };
  const move = step[key];
  if (!move) return false;
  const before = { anchor: selection.anchorNode!, anchorOffset: selection.anchorOffset, focus: selection.focusNode, focusOffset: selection.focusOffset };
  selection.modify(extend ? 'extend' : 'move', move[0], move[1]);
  if (!selectionInside(root, selection)) {
    // Past the first or last paragraph (into the title or the side panel): stay put.
    selection.setBaseAndExtent(before.anchor, before.anchorOffset, before.focus, before.focusOffset);
  }
  return true;
}

/** Where the caret (the selection's focus) is on screen, or null. */
export function caretRect(selection: Selection | null): DOMRect | null {
  if (!selection?.focusNode) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (rect.height === 0 && selection.focusNode instanceof Element) return selection.focusNode.getBoundingClientRect();
  return rect;
}

/** Scrolls the reader so that a rectangle is in view, the least it can. */
export function revealRect(scroller: HTMLElement, rect: DOMRect, margin = 24): void {
  const view = scroller.getBoundingClientRect();
  if (rect.top < view.top + margin) scroller.scrollBy({ top: rect.top - view.top - margin });
  else if (rect.bottom > view.bottom - margin) scroller.scrollBy({ top: rect.bottom - view.bottom + margin });
}
