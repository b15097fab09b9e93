import type { Annotation, Grading } from '../../../electron/common/model/annotation';
import { wordFilter } from '../ui/listOrder';

export type HighlightOrder = 'position' | 'newest' | 'grading';

export const HIGHLIGHT_ORDERS: { value: HighlightOrder; label: string }[] = [
  { value: 'position', label: 'annotations:textOrder' },
  { value: 'newest', label: 'annotations:newestFirst' },
  { value: 'grading', label: 'annotations:gradingA1First' },
];

/** The colour filter's value for highlights in the default colour (no palette key). */
export const NO_COLOUR = 'none';

const byPosition = (a: Annotation, b: Annotation) => a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;

/** A1 first, F6 last, ungraded after every graded one. */
function gradingRank(grading: Grading | null): number {
  return grading ? (grading.reliability.charCodeAt(0) - 65) * 10 + grading.credibility : Number.MAX_SAFE_INTEGER;
}

/**
 * Highlights in the chosen order: where they stand in the text, newest first, or by Admiralty
 * grading (the most reliable source and most credible information first, ungraded last). Ties keep
 * the order of the text.
 */
export function sortAnnotations(annotations: readonly Annotation[], order: HighlightOrder): Annotation[] {
  if (order === 'newest') return [...annotations].sort((a, b) => (a.created === b.created ? byPosition(a, b) : a.created < b.created ? 1 : -1));
  if (order === 'grading') return [...annotations].sort((a, b) => gradingRank(a.grading) - gradingRank(b.grading) || byPosition(a, b));
  return [...annotations].sort(byPosition);
}

/**
 * Highlights whose quote, comment, tags or replies hold the words typed, in the colour chosen (a
 * palette key, NO_COLOUR, or '' for any); null when nothing narrows the list.
 */
export function annotationFilter(typed: string, colour: string): ((annotation: Annotation) => boolean) | null {
  const words = wordFilter(typed, (a: Annotation) => [a.target.quote.exact, a.comment, ...a.tags, ...a.replies.map((r) => r.body)].join(' '));
  if (!colour) return words;
  return (a) => (a.color ?? NO_COLOUR) === colour && (!words || words(a));
}
