import type { Annotation } from '../../../electron/common/model/annotation';
import { ParagraphIndex } from './textOffsets';

/**
 * Paints annotations with the CSS Custom Highlight API: the text DOM stays untouched (no wrapper
 * spans to keep in sync), and the annotation store stays the one source of truth.
 */
export const HIGHLIGHT_NAME = 'dossier-annotation';
export const ACTIVE_HIGHLIGHT_NAME = 'dossier-annotation-active';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export function paintHighlights(root: HTMLElement, annotations: Annotation[], activeId: string | null): void {
  if (!highlightsSupported()) return;
  const index = new ParagraphIndex(root);
  const all: Range[] = [];
  const active: Range[] = [];
  for (const a of annotations) {
    if (a.status === 'orphaned') continue;
    const range = index.range(a.target.position.start, a.target.position.end);
    if (!range) continue;
    (a.id === activeId ? active : all).push(range);
  }
  CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...all));
  CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, new Highlight(...active));
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  CSS.highlights.delete(HIGHLIGHT_NAME);
  CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
}
