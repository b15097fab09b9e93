import type { DatePart } from '../../common/model/timeline';
import type { DatePhrase } from './datePhrase';
import { persianToGregorian } from './persianCalendar';
import { isoDate, type Day } from './resolveDate';

/**
 * Dates in languages chrono has no parser for, as news writes them: Arabic (٣ يونيو ٢٠٢٥, also
 * the Levantine month names), Persian in the solar calendar (۱۳ خرداد ۱۴۰۴) and in Gregorian
 * months, Hindi (3 जून 2025), Hebrew (3 ביוני 2025) and Korean (2025년 6월 3일). Only dates that
 * state their year: a bare day and month in these languages is left alone rather than guessed.
 * The text given is digit-folded (see foldDigits), so `\d` reads every script's digits.
 */
const before = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const after = String.raw`(?![\p{L}\p{M}\p{N}])`;

/** Month names → month number, longest first so "تشرين الثاني" wins over a prefix. */
function alternation(months: string[][]): { pattern: string; month: Map<string, number> } {
  const month = new Map<string, number>();
  months.forEach((names, i) => names.forEach((n) => month.set(n, i + 1)));
  const pattern = [...month.keys()].sort((x, y) => y.length - x.length).join('|');
  return { pattern, month };
}

const ARABIC = alternation([
  ['يناير', 'كانون الثاني'],
  ['فبراير', 'شباط'],
  ['مارس', 'آذار'],
  ['أبريل', 'ابريل', 'إبريل', 'نيسان'],
  ['مايو', 'أيار'],
  ['يونيو', 'يونيه', 'حزيران'],
  ['يوليو', 'يوليه', 'تموز'],
  ['أغسطس', 'اغسطس', 'آب'],
  ['سبتمبر', 'أيلول'],
  ['أكتوبر', 'اكتوبر', 'تشرين الأول'],
  ['نوفمبر', 'تشرين الثاني'],
  ['ديسمبر', 'كانون الأول'],
]);

const PERSIAN_GREGORIAN = alternation([
  ['ژانویه'],
  ['فوریه'],
  ['مارس'],
  ['آوریل'],
  ['مه'],
  ['ژوئن'],
  ['ژوئیه', 'جولای'],
  ['اوت', 'آگوست'],
  ['سپتامبر'],
  ['اکتبر'],
  ['نوامبر'],
  ['دسامبر'],
]);

const PERSIAN_SOLAR = alternation([
  ['فروردین'],
  ['اردیبهشت'],
  ['خرداد'],
  ['تیر'],
  ['مرداد', 'امرداد'],
  ['شهریور'],
  ['مهر'],
  ['آبان'],
  ['آذر'],
  ['دی'],
  ['بهمن'],
  ['اسفند'],
]);

const HINDI = alternation([
  ['जनवरी'],
  // With the nukta as NFC leaves it (फ + ़), as one character, and without.
  ['फ\u093Cरवरी', '\u095Eरवरी', 'फरवरी'],
  ['मार्च'],
  ['अप्रैल', 'अप्रेल'],
  ['मई'],
  ['जून'],
  ['जुलाई'],
  ['अगस्त'],
  ['सितंबर', 'सितम्बर'],
  ['अक्टूबर', 'अक्तूबर'],
  ['नवंबर', 'नवम्बर'],
  ['दिसंबर', 'दिसम्बर'],
]);

const HEBREW = alternation([
  ['ינואר'],
  ['פברואר'],
  ['מרץ', 'מרס'],
  ['אפריל'],
  ['מאי'],
  ['יוני'],
  ['יולי'],
  ['אוגוסט'],
  ['ספטמבר'],
  ['אוקטובר'],
  ['נובמבר'],
  ['דצמבר'],
]);

interface Rule {
  pattern: RegExp;
  /** The calendar day the match names, and how precisely; null when it is no real date. */
  read: (m: RegExpExecArray) => { day: Day; precision: 'day' | 'month' } | null;
}

const valid = (d: Day): Day | null => {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return date.getUTCMonth() === d.month - 1 && date.getUTCDate() === d.day ? d : null;
};

/** "3 <month> 2025" and "<month> 2025" in one language's Gregorian month names. */
function dayMonthYear(names: { pattern: string; month: Map<string, number> }, monthPrefix = ''): Rule[] {
  return [
    {
      pattern: new RegExp(`${before}(\\d{1,2})\\s+${monthPrefix}(${names.pattern})\\s+(\\d{4})${after}`, 'gu'),
      read: (m) => {
        const day = valid({ year: Number(m[3]), month: names.month.get(m[2]!)!, day: Number(m[1]) });
        return day && { day, precision: 'day' };
      },
    },
    {
      // Not after a day: "٣١ يونيو ٢٠٢٥" is no date at all rather than June.
      pattern: new RegExp(`(?<!\\d\\s*)${before}${monthPrefix}(${names.pattern})\\s+(\\d{4})${after}`, 'gu'),
      read: (m) => ({ day: { year: Number(m[2]), month: names.month.get(m[1]!)!, day: 1 }, precision: 'month' }),
    },
  ];
}

const RULES: Rule[] = [
  ...dayMonthYear(ARABIC),
  ...dayMonthYear(PERSIAN_GREGORIAN),
  ...dayMonthYear(HINDI),
  // Hebrew writes "in June" as one word: ביוני.
  ...dayMonthYear(HEBREW, 'ב?'),
  {
    // A solar day converts to one Gregorian day; a solar month straddles two, so only whole dates.
    pattern: new RegExp(`${before}(\\d{1,2})\\s+(${PERSIAN_SOLAR.pattern})\\s+(1[2-4]\\d\\d)${after}`, 'gu'),
    read: (m) => {
      const day = persianToGregorian(Number(m[3]), PERSIAN_SOLAR.month.get(m[2]!)!, Number(m[1]));
      return day && { day, precision: 'day' };
    },
  },
  {
    pattern: /(?<!\d)(\d{4})년\s*(\d{1,2})월(?:\s*(\d{1,2})일)?/gu,
    read: (m) => {
      const day = valid({ year: Number(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : 1 });
      return day && { day, precision: m[3] ? 'day' : 'month' };
    },
  },
];

/** Every dated phrase the rules find in `folded` (the digit-folded text); `text` gives the words as written. */
export function findOtherCalendarDates(text: string, folded: string): DatePhrase[] {
  const out: DatePhrase[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(folded); m; m = rule.pattern.exec(folded)) {
      const read = rule.read(m);
      if (!read) continue;
      const { day, precision } = read;
      const certain: DatePart[] = precision === 'day' ? ['year', 'month', 'day'] : ['year', 'month'];
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        text: text.slice(m.index, m.index + m[0].length),
        date: isoDate(precision, day.year, day.month, day.day),
        precision,
        certain,
      });
    }
  }
  return out;
}

/** Arabic-Indic, Persian and Devanagari digits as ASCII ones: one UTF-16 unit each, so offsets stay. */
export function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F]/gu, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= 0x0966 ? 0x0966 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}
