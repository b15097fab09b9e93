import { z } from 'zod';

/**
 * An ISO calendar date (YYYY-MM-DD) that really exists. zod's date format knows month lengths and
 * leap years (2025-02-30 and 2023-02-29 fail), so no second check by way of `Date` is needed.
 */
export const IsoDate = z.iso.date({ error: 'not a calendar date' });

export function isCalendarDate(value: string): boolean {
  return IsoDate.safeParse(value).success;
}
