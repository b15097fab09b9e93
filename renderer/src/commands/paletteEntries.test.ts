import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/common/commands';
import { paletteEntries, PALETTE_IDS } from './paletteEntries';

const all = () => true;

describe('paletteEntries', () => {
  it('offers every window command but itself', () => {
    const ids = paletteEntries('', [], all).map((e) => e.id);
    expect(ids).toEqual([...PALETTE_IDS]);
    expect(ids).toContain('open-graph');
    expect(ids).toContain('shortcuts');
    expect(ids).not.toContain('command-palette');
    expect(ids).not.toContain('editor-bold');
    expect(ids).not.toContain('reader-select');
  });

  it('lists recently run commands first while nothing is typed', () => {
    const ids = paletteEntries('', ['open-timeline', 'search', 'editor-bold'], all).map((e) => e.id);
    expect(ids.slice(0, 2)).toEqual(['open-timeline', 'search']);
    expect(ids.filter((id) => id === 'search')).toHaveLength(1);
    expect(ids).toHaveLength(PALETTE_IDS.length);
  });

  it('matches titles fuzzily, and menu labels and ids too', () => {
    expect(paletteEntries('olc', [], all)[0]?.id).toBe('open-graph');
    expect(paletteEntries('link chart', [], all)[0]?.id).toBe('open-graph');
    expect(paletteEntries('graph', [], all)[0]?.id).toBe('open-graph');
    expect(paletteEntries('timel', [], all)[0]?.id).toBe('open-timeline');
    const first = paletteEntries('timel', [], all)[0]!;
    expect(first.positions.map((i) => first.title[i]).join('')).toBe('timel');
    expect(paletteEntries('qqqq', [], all)).toEqual([]);
  });

  it('puts commands that do not apply now last, marked unavailable', () => {
    const entries = paletteEntries('', [], (id) => COMMANDS[id].when !== 'readerSelection');
    const firstOff = entries.findIndex((e) => !e.available);
    expect(firstOff).toBeGreaterThan(0);
    expect(entries.slice(firstOff).every((e) => !e.available && COMMANDS[e.id].when === 'readerSelection')).toBe(true);
  });

  it('shows a command as its handler names it now, found by that name and by its registry title', () => {
    const titleOf = (id: string) => (id === 'undo' ? 'Undo add highlight' : COMMANDS[id as keyof typeof COMMANDS].title);
    const undo = paletteEntries('highl', [], all, PALETTE_IDS, titleOf).find((e) => e.id === 'undo')!;
    expect(undo.title).toBe('Undo add highlight');
    expect(undo.positions.map((i) => undo.title[i]).join('')).toBe('highl');
    expect(paletteEntries('undo', [], all, PALETTE_IDS, titleOf)[0]).toMatchObject({ id: 'undo', title: 'Undo add highlight' });
    expect(paletteEntries('', [], all).find((e) => e.id === 'undo')?.title).toBe('Undo');
  });
});
