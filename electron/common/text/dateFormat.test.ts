import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dateFormat';

describe('formatDate', () => {
  it('prints a calendar day in each format, never moved by the time zone', () => {
    expect(formatDate('2025-05-05', 'iso')).toBe('2025-05-05');
    expect(formatDate('2025-05-05', 'day-month-year')).toBe('5 May 2025');
    expect(formatDate('2025-05-05', 'locale', { locale: 'en-US' })).toBe('May 5, 2025');
    expect(formatDate('2025-05-05', 'locale', { locale: 'en-GB' })).toBe('5 May 2025');
    expect(formatDate('2025-05-05', 'locale', { locale: 'de-DE' })).toBe('05.05.2025');
  });

  it('keeps a partial date as precise as it is', () => {
    expect(formatDate('2024-11', 'iso')).toBe('2024-11');
    expect(formatDate('2024-11', 'day-month-year')).toBe('November 2024');
    expect(formatDate('2014', 'day-month-year')).toBe('2014');
    expect(formatDate('2014', 'iso')).toBe('2014');
  });

  it('adds the weekday to a day when asked (timeline headings)', () => {
    expect(formatDate('2025-05-05', 'day-month-year', { weekday: true })).toMatch(/^Monday,? 5 May 2025$/);
    expect(formatDate('2025-05-05', 'iso', { weekday: true })).toBe('2025-05-05');
  });

  it('prints an instant as the day it was where the analyst is', () => {
    const lateEvening = '2025-05-05T23:30:00Z';
    expect(formatDate(lateEvening, 'iso', { timeZone: 'UTC' })).toBe('2025-05-05');
    expect(formatDate(lateEvening, 'iso', { timeZone: 'Asia/Tokyo' })).toBe('2025-05-06');
    expect(formatDate(new Date(lateEvening), 'day-month-year', { timeZone: 'UTC' })).toBe('5 May 2025');
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatDate('soon', 'iso')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  const at = '2025-05-05T14:03:00Z';
  it('prints date and time in each format', () => {
    expect(formatDateTime(at, 'iso', { timeZone: 'UTC' })).toBe('2025-05-05 14:03');
    expect(formatDateTime(at, 'day-month-year', { timeZone: 'UTC' })).toBe('5 May 2025, 14:03');
    expect(formatDateTime(at, 'locale', { locale: 'en-US', timeZone: 'UTC' })).toMatch(/^May 5, 2025, 2:03\sPM$/);
  });
  it('uses the time zone given', () => {
    expect(formatDateTime(at, 'iso', { timeZone: 'Asia/Kolkata' })).toBe('2025-05-05 19:33');
  });
});
