import type { Annotation } from '../../../electron/common/model/annotation';
import { ParagraphIndex } from './textOffsets';
import './activeHighlight.css';

/**
 * Paints annotations with the CSS Custom Highlight API: the text DOM stays untouched (no wrapper
 * spans to keep in sync), and the annotation store stays the one source of truth. One highlight
 * name per palette colour; the stylesheet gives each its colour.
 */
export const HIGHLIGHT_PREFIX = 'dossier-annotation';
export const ACTIVE_HIGHLIGHT_NAME = 'dossier-annotation-active';
/**
 * The selected highlight when it has a colour: painted in its colour, so a colour chosen while
 * editing shows at once, and marked by this underline. Outside the prefix: the range is already
 * in its colour's highlight.
 */
export const ACTIVE_MARK_NAME = 'dossier-active-mark';
/** A search match just opened in the reader (not an annotation: its own name, outside the prefix). */
export const FLASH_HIGHLIGHT_NAME = 'dossier-search-match';
/** A mention the entity review points at (hover or focus on a suggestion); its own name, outside the prefixes. */
export const LOCATED_HIGHLIGHT_NAME = 'dossier-located';

/** Find in the article: every match, and the current one over them (own names, outside the prefixes above). */
export const FIND_HIGHLIGHT_NAME = 'dossier-find';
export const FIND_CURRENT_HIGHLIGHT_NAME = 'dossier-find-current';
/** The entity mention the keyboard went to (Tab in the text). */
export const MENTION_FOCUS_HIGHLIGHT_NAME = 'dossier-mention-focus';

export function highlightName(color: string | null): string {
  return color ? `${HIGHLIGHT_PREFIX}-${color}` : HIGHLIGHT_PREFIX;
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** An entity mention to underline: confirmed ones by type, suggestions alike in grey. */
export interface PaintedMention {
  start: number;
  end: number;
  type: string;
  suggested: boolean;
  /** The confirmed entity, for opening its page from the text. */
  entityId?: string;
}

export const MENTION_PREFIX = 'dossier-entity';

export function paintMentions(root: HTMLElement, mentions: PaintedMention[]): void {
  if (!highlightsSupported()) return;
  const index = new ParagraphIndex(root);
  const groups = new Map<string, Range[]>();
  for (const m of mentions) {
    const range = index.range(m.start, m.end);
    if (!range) continue;
    const name = m.suggested ? `${MENTION_PREFIX}-suggested` : `${MENTION_PREFIX}-${m.type}`;
    groups.set(name, [...(groups.get(name) ?? []), range]);
  }
  clearHighlights(MENTION_PREFIX);
  for (const [name, ranges] of groups) CSS.highlights.set(name, new Highlight(...ranges));
}

export function paintHighlights(root: HTMLElement, annotations: Annotation[], activeId: string | null): void {
  if (!highlightsSupported()) return;
  const index = new ParagraphIndex(root);
  const groups = new Map<string, Range[]>();
  for (const a of annotations) {
    if (a.status === 'orphaned') continue;
    const range = index.range(a.target.position.start, a.target.position.end);
    if (!range) continue;
    const active = a.id === activeId;
    const name = active && !a.color ? ACTIVE_HIGHLIGHT_NAME : highlightName(a.color);
    groups.set(name, [...(groups.get(name) ?? []), range]);
    if (active && a.color) groups.set(ACTIVE_MARK_NAME, [range]);
  }
  clearHighlights(HIGHLIGHT_PREFIX);
  CSS.highlights.delete(ACTIVE_MARK_NAME);
  for (const [name, ranges] of groups) CSS.highlights.set(name, new Highlight(...ranges));
}

export function clearHighlights(prefix: string = HIGHLIGHT_PREFIX): void {
  if (!highlightsSupported()) return;
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith(prefix)) CSS.highlights.delete(name);
  }
}

/** Paints text ranges under one highlight name (none: removes it); a higher `priority` paints over the others. */
export function paintRanges(name: string, index: ParagraphIndex, ranges: readonly { start: number; end: number }[], priority = 0): void {
  if (!highlightsSupported()) return;
  const dom = ranges.map((r) => index.range(r.start, r.end)).filter((r): r is Range => r !== null);
  if (dom.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...dom);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}
