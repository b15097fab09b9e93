import type { PaintedMention } from './highlightPainter';

/** A linked mention the keyboard can go to. */
export type MentionStop = PaintedMention & { entityId: string };

/**
 * The mentions the reader's list of mentions steps through: those linked to an entity (a
 * suggestion has no page to open), in the order of the text, each place once.
 */
export function mentionStops(mentions: readonly PaintedMention[]): MentionStop[] {
  const seen = new Set<string>();
  return mentions
    .filter((m): m is MentionStop => Boolean(m.entityId))
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((m) => {
      const key = `${m.start}:${m.end}`;
      return !seen.has(key) && seen.add(key);
    });
}

/** The first stop at or after a text offset (the caret), or the first of all past the last one. */
export function stopFrom(stops: readonly MentionStop[], offset: number): number {
  const at = stops.findIndex((m) => m.end > offset);
  return at === -1 ? 0 : at;
}

/** Where an arrow, Home or End goes from stop `index` of `count`; the ends hold (no wrapping, as in a list). */
export function moveStop(index: number, count: number, move: 'next' | 'previous' | 'first' | 'last'): number {
  if (count === 0) return 0;
  if (move === 'first') return 0;
  if (move === 'last') return count - 1;
  return Math.max(0, Math.min(count - 1, index + (move === 'next' ? 1 : -1)));
}
