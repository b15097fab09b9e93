import { describe, expect, it } from 'vitest';
import { formatCompactDate, formatDate, formatDateTime } from './dateFormat';

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

describe('formatCompactDate', () => {
  // 5 June 2025, 00:00 UTC: a calendar day, whatever the zone the tests run in.
  const june5 = Date.UTC(2025, 5, 5);
  it('writes the axis’s months in the chosen format', () => {
    expect(formatCompactDate(june5, 'month', 'iso')).toBe('2025-06');
    expect(formatCompactDate(june5, 'month', 'day-month-year')).toBe('Jun 2025');
    expect(formatCompactDate(june5, 'month', 'locale', { locale: 'en-US' })).toBe('Jun 2025');
    expect(formatCompactDate(june5, 'month', 'locale', { locale: 'de-DE' })).toBe('Juni 2025');
  });
  it('writes days short, with the year only in ISO', () => {
    expect(formatCompactDate(june5, 'day', 'iso')).toBe('2025-06-05');
    expect(formatCompactDate(june5, 'day', 'day-month-year')).toBe('5 Jun');
    expect(formatCompactDate(june5, 'day', 'locale', { locale: 'en-US' })).toBe('Jun 5');
  });
  it('writes a year as a year, and pads an early one in ISO', () => {
    expect(formatCompactDate(june5, 'year', 'iso')).toBe('2025');
    expect(formatCompactDate(june5, 'year', 'day-month-year')).toBe('2025');
    const early = new Date(Date.UTC(2000, 0, 1));
    early.setUTCFullYear(812);
    expect(formatCompactDate(early, 'year', 'iso')).toBe('0812');
  });
});

describe('day month year in the UI language', () => {
  it('names the month in the locale, keeps the day-month-year order, and keeps ISO as it is', () => {
    expect(formatDate('2025-05-04', 'day-month-year', { locale: 'ar' })).toBe('4 مايو 2025');
    // An Egyptian system asks for Arabic-Indic digits; the order is still day month year.
    expect(formatDate('2025-05-04', 'day-month-year', { locale: 'ar-EG' })).toBe('٤ مايو ٢٠٢٥');
    // en-US writes "May 4, 2025" by itself: the parts are put back in order.
    expect(formatDate('2025-05-04', 'day-month-year', { locale: 'en-US' })).toBe('4 May 2025');
    expect(formatDate('2025-05', 'day-month-year', { locale: 'ar' })).toBe('مايو 2025');
    expect(formatDate('2025-05-04', 'iso', { locale: 'ar-EG' })).toBe('2025-05-04');
    expect(formatDate('2025-05-05', 'day-month-year', { locale: 'en-US', weekday: true })).toBe('Monday 5 May 2025');
    expect(formatCompactDate(Date.UTC(2025, 5, 5), 'day', 'day-month-year', { locale: 'ar' })).toBe('5 يونيو');
    expect(formatCompactDate(Date.UTC(2025, 5, 5), 'day', 'day-month-year', { locale: 'en-US' })).toBe('5 Jun');
  });
});
