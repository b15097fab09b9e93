import * as chrono from 'chrono-node';
import type { Chrono, ParsedResult, Parser } from 'chrono-node';
import type { DatePrecision } from '../../common/model/timeline';
import type { DatePhrase } from './datePhrase';
import { findOtherCalendarDates, foldDigits } from './otherCalendars';
import { isoDate, nearestYear, type Day } from './resolveDate';

export type { DatePhrase } from './datePhrase';

/**
 * Prepositions after which a bare four-digit number is a year ("in 2014", "since 2014"). Chrono
 * reads "November 2024" but not "2014" alone, and a bare number is as often a count ("2014
 * troops"), so a year needs a word that says it is one. "of" only counts after a season or a part
 * of the year ("the summer of 2014"): "a total of 1900" is a count.
 */
const YEAR_CUE = String.raw`\b(?:in|since|by|until|till|from|before|after|during|throughout|through|around|circa|to|(?:spring|summer|autumn|fall|winter|end|start|beginning|middle|half|quarter)\s+of)\s+(?:(?:early|late|mid)[-\s]+)?`;
/** A year in a range reports use; not the start of a range ("2014-15"), a decimal or a thousands group ("2,014"). */
const BARE_YEAR = new RegExp(`${YEAR_CUE}((?:18|19|20)\\d\\d|2100)(?![\\d,.]\\d|[-–/]\\d|\\s*%)\\b`, 'i');

const BARE_YEAR_TAG = 'parser/dossierBareYear';

/**
 * The result holds the cue ("in 2014"): chrono drops results that are digits alone as unlikely.
 * `toPhrase` keeps the year's own words.
 */
const bareYearParser: Parser = {
  pattern: () => BARE_YEAR,
  extract: (context, match) => context.createParsingResult(match.index!, match[0], { year: Number(match[1]) }).addTag(BARE_YEAR_TAG),
};

/** Month and weekday names, whole or shortened, as English writes them. */
const CALENDAR_WORD = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b/gi;
const WEEKDAY_WORD = /^(mon|tue|wed|thu|fri|sat|sun)/i;

/**
 * English capitalises month and weekday names, and the words they share with others do not
 * ("India may sign", "troops march", "the Sun"): a name in lower case is not a date, and a
 * shortened weekday alone ("Sun", "Wed") is more often a word than a date.
 */
function writtenAsEnglishDate(result: ParsedResult): boolean {
  for (const [word] of result.text.matchAll(CALENDAR_WORD)) {
    if (word[0] !== word[0]!.toUpperCase()) return false;
    if (WEEKDAY_WORD.test(word) && !/day$/i.test(word) && !result.start.isCertain('day')) return false;
  }
  return true;
}

let english: Chrono | null = null;

/** chrono's parser for a language it knows (ja, zh, ru, uk …), or null. */
function chronoFor(tag: string): Chrono | null {
  const locale = (chrono as unknown as Record<string, { casual?: Chrono } | undefined>)[tag];
  return locale?.casual ?? null;
}

/** English with bare years; other languages chrono knows with its own casual parser. */
function parserFor(language: string | null | undefined): Chrono {
  const tag = (language ?? 'en').toLowerCase().split('-')[0]!;
  if (tag !== 'en') {
    const own = chronoFor(tag);
    if (own) return own;
  }
  if (!english) {
    english = chrono.en.casual.clone();
    english.parsers.push(bareYearParser);
  }
  return english;
}

/**
 * chrono's parsers for the scripts a text holds besides the stated (or English) one: an import
 * rarely knows the language, and an English article may quote a Russian or Japanese date.
 * Japanese when there is kana (its parser reads era years: 令和7年6月3日), else Chinese for Han;
 * Ukrainian when its own letters appear, else Russian for Cyrillic; Arabic for Arabic script
 * (Persian text too: its Gregorian month names are mostly the Arabic ones; its solar calendar is
 * otherCalendars.ts's).
 */
function parsersForScripts(text: string, primary: Chrono): Chrono[] {
  const tags: string[] = [];
  if (/[\u3040-\u30ff]/u.test(text)) tags.push('ja');
  else if (/\p{Script=Han}/u.test(text)) tags.push('zh');
  if (/[\u0456\u0457\u0454\u0491]/u.test(text)) tags.push('uk');
  else if (/\p{Script=Cyrillic}/u.test(text)) tags.push('ru');
  if (/\p{Script=Arabic}/u.test(text)) tags.push('ar');
  return tags.map(chronoFor).filter((p): p is Chrono => p !== null && p !== primary);
}

/** Words that tie a date to the day of writing rather than naming it: "last year", "this month". */
const DEICTIC = /\b(this|last|next|past|coming|previous|ago|yesterday|today|tomorrow|tonight)\b/i;
/** Spans counted from the day of writing ("in six months", "within two weeks", "two days later"): a length of time, more often than a date. */
const SPAN = /^(in|within)\s|\b(later|from now|hence)\b/i;
/** A week is not a day: "last week" resolves to a day chrono makes up. */
const WEEK = /\bweeks?\b/i;
/** "on", "in", and their Arabic, Persian, Russian and Ukrainian counterparts, which chrono's locales keep in the result. */
const PREPOSITION = /^(?:on|in|at|في|در|в|во|на|у)\s+/iu;

/**
 * The dates a text names, resolved against its publication date (`published`, YYYY-MM-DD). A
 * date without a year takes the year nearest the publication date (see nearestYear); a weekday
 * the nearest such day ("Monday" in an article of Sunday 4 May 2025 is 5 May, "Sunday" is the
 * 4th). Without a publication date, only dates that state their year are kept: the others would
 * be guesses. Times of day are not kept; an event's precision is at best a day.
 */
export function findDates(text: string, published: Day | null, language?: string | null): DatePhrase[] {
  // Noon, local time: chrono reads the reference's local calendar day, the same in every time zone.
  const reference = published ? new Date(published.year, published.month - 1, published.day, 12) : new Date(2000, 0, 1, 12);
  // ٣ يونيو ٢٠٢٥ reads as 3 يونيو 2025: every script's digits are one UTF-16 unit, so offsets stay.
  const folded = foldDigits(text);
  const primary = parserFor(language);
  const phrases: DatePhrase[] = [];
  for (const parser of [primary, ...parsersForScripts(text, primary)]) {
    for (const result of parser.parse(folded, reference)) {
      if (parser === english && !writtenAsEnglishDate(result)) continue;
      const phrase = toPhrase(result, published);
      if (phrase) phrases.push({ ...phrase, text: text.slice(phrase.start, phrase.end) });
    }
  }
  phrases.push(...findOtherCalendarDates(text, folded));
  return withoutOverlaps(phrases);
}

/** In text order; where two parsers read the same words, the longer reading (then the first parser's) stays. */
function withoutOverlaps(phrases: DatePhrase[]): DatePhrase[] {
  const ordered = phrases.map((p, i) => ({ p, i })).sort((x, y) => x.p.start - y.p.start || y.p.end - x.p.end || x.i - y.i);
  const out: DatePhrase[] = [];
  for (const { p } of ordered) {
    const last = out[out.length - 1];
    if (last && p.start < last.end) continue;
    out.push(p);
  }
  return out;
}

function toPhrase(result: ParsedResult, published: Day | null): DatePhrase | null {
  const { start: when } = result;
  const known = (part: 'year' | 'month' | 'day' | 'weekday') => when.isCertain(part);
  const tags = result.tags();
  if (!(['year', 'month', 'day', 'weekday'] as const).some(known)) return null;
  if (tags.has('casualReference/now')) return null;
  const relative = tags.has('result/relativeDate') || [...tags].some((t) => t.startsWith('casualReference/')) || DEICTIC.test(result.text);
  if (relative && SPAN.test(result.text)) return null;
  if (WEEK.test(result.text) && !known('weekday')) return null;
  if (!published && (relative || !known('year'))) return null;

  const precision: DatePrecision = known('day') || known('weekday') ? 'day' : known('month') ? 'month' : 'year';
  const month = when.get('month') ?? 1;
  const day = when.get('day') ?? 1;
  let year = when.get('year') ?? published?.year ?? 0;
  if (!relative && !known('year') && known('month') && published) year = nearestYear(published, month, known('day') ? day : undefined);

  const lead = tags.has(BARE_YEAR_TAG) ? result.text.length - 4 : (PREPOSITION.exec(result.text)?.[0].length ?? 0);
  const words = result.text.slice(lead);
  return {
    start: result.index + lead,
    end: result.index + lead + words.length,
    text: words,
    date: isoDate(precision, year, month, day),
    precision,
    certain: relative ? [] : (['year', 'month', 'day', 'weekday'] as const).filter(known),
  };
}
