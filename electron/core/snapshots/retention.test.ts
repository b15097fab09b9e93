import { describe, expect, it } from 'vitest';
import { keptByAge } from './retention';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-12-06T12:00:00Z');

describe('keptByAge', () => {
  it('keeps every backup of the last hour', () => {
    const times = [NOW - 50 * MIN, NOW - 30 * MIN, NOW - 10 * MIN];
    expect(keptByAge(times, NOW)).toEqual([true, true, true]);
  });

  it('keeps the newest of each hour for a day', () => {
    const hourStart = Math.floor((NOW - 5 * HOUR) / HOUR) * HOUR;
    const times = [hourStart + 5 * MIN, hourStart + 25 * MIN, hourStart + 45 * MIN, NOW - MIN];
    expect(keptByAge(times, NOW)).toEqual([false, false, true, true]);
  });

  it('keeps the newest of each day for a month, and nothing older', () => {
    const dayStart = Math.floor((NOW - 10 * DAY) / DAY) * DAY;
    const times = [NOW - 40 * DAY, dayStart + HOUR, dayStart + 20 * HOUR, NOW - MIN];
    expect(keptByAge(times, NOW)).toEqual([false, false, true, true]);
  });

  it('always keeps the newest, however old', () => {
    expect(keptByAge([NOW - 90 * DAY, NOW - 60 * DAY], NOW)).toEqual([false, true]);
  });

  it('keeps at most 6 + 24 + 30 backups taken every ten minutes for two months', () => {
    const times: number[] = [];
    for (let t = NOW - 60 * DAY; t <= NOW; t += 10 * MIN) times.push(t);
    const kept = keptByAge(times, NOW).filter(Boolean).length;
    expect(kept).toBeGreaterThanOrEqual(50);
    expect(kept).toBeLessThanOrEqual(6 + 24 + 31);
  });
});
