import { z } from 'zod';
import type errorsEn from './i18n/locales/en/errors.json';

/**
 * An error's words as a catalog key and its parameters (`errors:<key>` in the catalogs), so the
 * window says it in the UI language while the core, the CLI and the logs keep the English sentence
 * rendered from the same catalog (`DossierError.message`). Parameters are what the words name (a
 * file, an entity, a count) or, when they are words themselves ("the disk is full", "person"), a
 * phrase of their own, worded in the same language.
 */
export interface ErrorPhrase {
  key: string;
  params?: Record<string, ErrorParam>;
}

/**
 * A name or path as it stands, a number (written in the UI's digits), a number with a fixed count of
 * decimals ("20.0 MB"), a moment (written as the analyst writes dates), a list of names, or words of their own.
 */
export type ErrorParam = string | number | Decimal | Moment | readonly string[] | ErrorPhrase;

/** A number written with `decimals` digits after the point, in the UI's digits. */
export interface Decimal {
  number: number;
  decimals: number;
}

export const decimal = (number: number, decimals: number): Decimal => ({ number, decimals });

/** A moment (an ISO timestamp): the window writes it in the date format chosen in Settings, the CLI and logs as it is. */
export interface Moment {
  at: string;
}

export const moment = (at: string): Moment => ({ at });

export const ErrorPhrase: z.ZodType<ErrorPhrase> = z.lazy(() =>
  z.object({
    key: z.string().max(120),
    params: z
      .record(
        z.string().max(40),
        z.union([z.string().max(4000), z.number(), z.object({ number: z.number(), decimals: z.number().int().min(0).max(6) }), z.object({ at: z.string().max(40) }), z.array(z.string().max(400)).max(50), ErrorPhrase]),
      )
      .optional(),
  }),
);

/** The dotted paths of a catalog's strings, without their plural suffixes: the keys code may name. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

/** Every key of the `errors` namespace: a key the English catalog lacks does not compile. */
export type ErrorKey = WithoutPlural<Paths<typeof errorsEn>>;

/** An error's words, at a throw site: `new DossierError('conflict', phrase('entity.nameTaken', { name }))`. */
export function phrase(key: ErrorKey, params?: Record<string, ErrorParam>): ErrorPhrase {
  return params ? { key, params } : { key };
}

/** Words given as a phrase or, from older code or another program, as plain text. */
export type Words = ErrorPhrase | string;

/** How a phrase is put into words: a translator's `t` and how numbers are written. */
export interface ErrorWording {
  t: (key: string, options: Record<string, unknown>) => string;
  formatNumber: (n: number, options?: Intl.NumberFormatOptions) => string;
  /** A moment's words; without it a moment is written as its ISO timestamp. */
  formatMoment?: (iso: string) => string;
}

/**
 * A phrase in the wording's language. A count picks the plural form (`count`) and is also written
 * as `n` in the UI's digits; other numbers are written in those digits under their own name; a
 * list is joined with the language's separator; a nested phrase is worded first.
 */
export function phraseText(words: ErrorWording, p: ErrorPhrase): string {
  const values: Record<string, unknown> = { ns: 'errors' };
  for (const [name, value] of Object.entries(p.params ?? {})) {
    if (typeof value === 'number') values[name] = name === 'count' ? value : words.formatNumber(value);
    else if (typeof value === 'string') values[name] = value;
    else if (isList(value)) values[name] = value.join(words.t('ui:listSeparator', {}));
    else if ('number' in value) values[name] = words.formatNumber(value.number, { minimumFractionDigits: value.decimals, maximumFractionDigits: value.decimals });
    else if ('at' in value) values[name] = words.formatMoment?.(value.at) ?? value.at;
    else values[name] = phraseText(words, value);
  }
  if (typeof p.params?.count === 'number') values.n = words.formatNumber(p.params.count);
  return words.t(p.key, values);
}

const isList = (value: ErrorParam): value is readonly string[] => Array.isArray(value);
