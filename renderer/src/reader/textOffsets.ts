import { lastAtOrBefore } from '../../../electron/common/text/lastAtOrBefore';
import { graphemeBoundary } from '../../../electron/common/text/searchFold';

/**
 * Maps between DOM positions in the reader and offsets into the article text. The reader renders
 * each paragraph as one element with `data-start` (its offset in the text) holding exactly that
 * paragraph's text: one text node, or several when bold and italic runs are wrapped in
 * <strong>/<em>. Offsets count characters within the paragraph element, so the mapping never
 * depends on how the browser splits or merges nodes.
 */

export const PARAGRAPH_SELECTOR = '[data-start]';

function paragraphs(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR));
}

function startOf(p: HTMLElement): number {
  return Number(p.dataset.start);
}

/** The paragraph's text nodes in order, each with where it starts within the paragraph. */
function textNodesOf(p: HTMLElement): { node: Text; at: number }[] {
  const first = p.firstChild;
  // The common case, a paragraph without emphasis: its one text node.
  if (first && first === p.lastChild && first.nodeType === Node.TEXT_NODE) return [{ node: first as Text, at: 0 }];
  const nodes: { node: Text; at: number }[] = [];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push({ node, at });
    at += node.length;
  }
  return nodes;
}

/** The text offset of a DOM boundary point; points outside any paragraph snap to the nearest one. */
function offsetOfPoint(root: HTMLElement, node: Node, offset: number, side: 'start' | 'end'): number | null {
  const ps = paragraphs(root);
  if (ps.length === 0) return null;
  const owner = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(PARAGRAPH_SELECTOR);
  if (owner && root.contains(owner)) {
    const before = document.createRange();
    before.setStart(owner, 0);
    before.setEnd(node, offset);
    return startOf(owner) + before.toString().length;
  }
  // Outside the paragraphs (the title, a margin): take the first paragraph after a start point,
  // or the last paragraph before an end point.
  const probe = document.createRange();
  probe.setStart(node, offset);
  if (side === 'start') {
    const next = ps.find((p) => probe.comparePoint(p, 0) >= 0);
    return next ? startOf(next) : null;
  }
  const previous = [...ps].reverse().find((p) => probe.comparePoint(p, p.childNodes.length) <= 0);
  return previous ? startOf(previous) + (previous.textContent?.length ?? 0) : null;
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * The current selection as text offsets (UTF-16 units into the article text, whatever the script
 * or direction), trimmed of surrounding whitespace and widened to whole characters: a selection
 * made by a script, or by the caret, that ends inside a surrogate pair or between a letter and its
 * vowel sign still makes a highlight of whole characters. Null if empty.
 */
export function selectionToOffsets(root: HTMLElement, text: string, selection: Selection | null): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  let start = offsetOfPoint(root, range.startContainer, range.startOffset, 'start');
  let end = offsetOfPoint(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { start: graphemeBoundary(text, start, 'before'), end: graphemeBoundary(text, end, 'after') };
}

/**
 * The reader's paragraphs with their offsets, read from the DOM once so that mapping many ranges
 * (1,000 highlights) costs one query, not one per range.
 */
export class ParagraphIndex {
  private readonly starts: number[];
  private readonly nodes: { node: Text; at: number }[][];

  constructor(root: HTMLElement) {
    const ps = paragraphs(root);
    this.starts = ps.map(startOf);
    this.nodes = ps.map(textNodesOf);
  }

  /** A DOM Range covering text offsets [start, end), or null if the reader has no text there. */
  range(start: number, end: number): Range | null {
    const a = this.locate(start, 'start');
    const b = this.locate(end, 'end');
    if (!a || !b) return null;
    const range = document.createRange();
    range.setStart(a.node, a.at);
    range.setEnd(b.node, b.at);
    return range;
  }

  /** The paragraph holding `offset`; between two paragraphs a start moves to the next, an end stays. */
  private locate(offset: number, side: 'start' | 'end'): { node: Text; at: number } | null {
    if (this.starts.length === 0) return null;
    const lo = lastAtOrBefore(this.starts, offset);
    const nodes = this.nodes[lo]!;
    const last = nodes[nodes.length - 1];
    if (!last) return null;
    const local = Math.max(0, offset - this.starts[lo]!);
    if (local > last.at + last.node.length) {
      const next = this.nodes[lo + 1]?.[0];
      if (side === 'start' && next) return { node: next.node, at: 0 };
      return { node: last.node, at: last.node.length };
    }
    // Where two nodes meet, a start takes the one after, an end the one before.
    const holder = nodes.find((n, i) => local < n.at + n.node.length || (local === n.at + n.node.length && (side === 'end' || i === nodes.length - 1)))!;
    return { node: holder.node, at: local - holder.at };
  }
}

/** A DOM Range covering text offsets [start, end). */
export function offsetsToRange(root: HTMLElement, start: number, end: number): Range | null {
  return new ParagraphIndex(root).range(start, end);
}

/** The text offset under a point on screen (a click), or null outside the text. */
export function offsetAtPoint(root: HTMLElement, x: number, y: number): number | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (!pos) return null;
  const owner = (pos.offsetNode instanceof Element ? pos.offsetNode : pos.offsetNode.parentElement)?.closest<HTMLElement>(
    PARAGRAPH_SELECTOR,
  );
  if (!owner || !root.contains(owner)) return null;
  return offsetOfPoint(root, pos.offsetNode, pos.offset, 'start');
}

/** The text offset of the selection's focus (where the caret is), or null when it is not in the reader's text. */
export function caretOffset(root: HTMLElement, selection: Selection | null): number | null {
  if (!selection?.focusNode || !root.contains(selection.focusNode)) return null;
  const owner = (selection.focusNode instanceof Element ? selection.focusNode : selection.focusNode.parentElement)?.closest(PARAGRAPH_SELECTOR);
  if (!owner) return null;
  return offsetOfPoint(root, selection.focusNode, selection.focusOffset, 'start');
}
