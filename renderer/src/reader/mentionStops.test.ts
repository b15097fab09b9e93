import { describe, expect, it } from 'vitest';
import { mentionStops, moveStop, stopFrom } from './mentionStops';

const mention = (start: number, end: number, entityId?: string) => ({ start, end, type: 'person', suggested: !entityId, entityId });

describe('mentionStops', () => {
  it('keeps the linked mentions, in the order of the text, each place once', () => {
    const stops = mentionStops([mention(40, 45, 'ent_b'), mention(10, 15), mention(0, 5, 'ent_a'), mention(40, 45, 'ent_b')]);
    expect(stops.map((m) => [m.start, m.entityId])).toEqual([
      [0, 'ent_a'],
      [40, 'ent_b'],
    ]);
  });

  it('starts at the mention the caret is in or before, else at the first', () => {
    const stops = mentionStops([mention(0, 5, 'a'), mention(20, 30, 'b'), mention(50, 60, 'c')]);
    expect(stopFrom(stops, 0)).toBe(0);
    expect(stopFrom(stops, 6)).toBe(1);
    expect(stopFrom(stops, 25)).toBe(1);
    expect(stopFrom(stops, 30)).toBe(2);
    expect(stopFrom(stops, 61)).toBe(0);
    expect(stopFrom([], 3)).toBe(0);
  });

  it('moves one at a time and holds at the ends; Home and End go to them', () => {
    expect(moveStop(0, 3, 'next')).toBe(1);
    expect(moveStop(2, 3, 'next')).toBe(2);
    expect(moveStop(0, 3, 'previous')).toBe(0);
    expect(moveStop(1, 3, 'last')).toBe(2);
    expect(moveStop(2, 3, 'first')).toBe(0);
    expect(moveStop(0, 0, 'next')).toBe(0);
  });
});
