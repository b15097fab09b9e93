import { describe, expect, it } from 'vitest';
import { dateFormatter } from './formatDate';

describe('dateFormatter', () => {
  it('writes every kind of date the one way chosen', () => {
    const iso = dateFormatter('iso');
    expect(iso.date('2025-05-05')).toBe('2025-05-05');
    expect(iso.date('2024-11')).toBe('2024-11');
    expect(iso.dateTime(new Date(2025, 4, 5, 14, 3))).toBe('2025-05-05 14:03');

    const words = dateFormatter('day-month-year');
    expect(words.date('2025-05-05')).toBe('5 May 2025');
    expect(words.date(new Date(2025, 4, 5, 23, 59))).toBe('5 May 2025');
    expect(words.dateTime(new Date(2025, 4, 5, 14, 3))).toBe('5 May 2025, 14:03');
  });

  it('follows the locale when asked to', () => {
    const us = dateFormatter('locale', 'en-US');
    expect(us.date('2025-05-05')).toBe('May 5, 2025');
    expect(dateFormatter('locale', 'en-GB').date('2025-05-05')).toBe('5 May 2025');
    expect(us.date('2025-05-05', { weekday: true })).toBe('Monday, May 5, 2025');
  });
});
