import { isCalendarDate } from '../../common/model/isoDate';

/**
 * Metadata as files state it is messy (padding, datetimes with zones, `en_GB`); these helpers
 * turn one stated value into what ExtractedArticle promises, or undefined when it is unusable.
 */

/** Collapses whitespace; undefined for anything that is not a non-empty string or number. */
export function cleanText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * YYYY-MM-DD or a full ISO datetime → YYYY-MM-DD. The date is kept as written, not shifted to
 * UTC: "2025-03-14T23:30-05:00" was published on the 14th where it was written.
 */
export function toIsoDate(value: unknown): string | undefined {
  const text = cleanText(value);
  const date = text ? ISO_DATE.exec(text)?.[1] : undefined;
  return date && isCalendarDate(date) ? date : undefined;
}

/** A BCP 47 tag in canonical case (`en_gb` → `en-GB`), or undefined when it is not one. */
export function toLanguageTag(value: unknown): string | undefined {
  const text = cleanText(value)?.replace(/_/g, '-');
  if (!text) return undefined;
  try {
    return Intl.getCanonicalLocales(text)[0];
  } catch {
    return undefined;
  }
}

/** Only absolute http(s) URLs are provenance; a relative or `javascript:` URL is not. */
export function toHttpUrl(value: unknown): string | undefined {
  const text = cleanText(value);
  if (!text) return undefined;
  const url = URL.parse(text);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : undefined;
}

/** The first value that a converter accepts. */
export function firstOf<T>(values: readonly unknown[], convert: (value: unknown) => T | undefined): T | undefined {
  for (const value of values) {
    const converted = convert(value);
    if (converted !== undefined) return converted;
  }
  return undefined;
}
