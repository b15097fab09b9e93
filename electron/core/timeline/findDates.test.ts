import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleArticle } from '../testing/sampleArticle';
import { findDates } from './findDates';
import { parseDay } from './resolveDate';


/** [words, date, precision, stated parts] of every date found, in text order. */
function dates(text: string, published: string | null) {
  return findDates(text, parseDay(published)).map((d) => [d.text, d.date, d.precision, d.certain.join('+')]);
}

describe('Timeline resolution of the sample’s dates', () => {
  it('resolves each date of the sample against its publication date (Sunday 2025-05-04), keeping its precision', async () => {
    const { text, published } = sampleArticle();
    expect(published).toBe('2025-05-04');
    const found = findDates(text, parseDay(published));
    expect(found.map((d) => [d.text, d.date, d.precision, d.certain.join('+')])).toEqual([
      // "will hold a bilateral meeting … in New Delhi on Monday": the next day.
      ['Monday', '2025-05-05', 'day', 'weekday'],
      // "The Ministry of Defence stated on Sunday": the day of publication.
      ['Sunday', '2025-05-04', 'day', 'weekday'],
      ['November 2024', '2024-11', 'month', 'year+month'],
      ['November 2024', '2024-11', 'month', 'year+month'],
      ['November 2024', '2024-11', 'month', 'year+month'],
      // "special strategic and global partnership in 2014": a bare year, cued by "in".
      ['2014', '2014', 'year', 'year'],
    ]);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
    // "the second meeting … in six months" is a span of time, not a date.
    expect(found.some((d) => /six months/.test(d.text))).toBe(false);
  });
});

describe('Timeline resolution of relative dates across a year boundary', () => {
  it('puts a date without a year in the year nearest the publication date, before or after it', () => {
    expect(dates('They met on December 30 in Tokyo.', '2025-01-02')).toEqual([['December 30', '2024-12-30', 'day', 'month+day']]);
    expect(dates('They will meet on January 3 in Tokyo.', '2024-12-30')).toEqual([['January 3', '2025-01-03', 'day', 'month+day']]);
    expect(dates('The talks began in November.', '2025-01-02')).toEqual([['November', '2024-11', 'month', 'month']]);
    expect(dates('The talks resume in February.', '2024-12-30')).toEqual([['February', '2025-02', 'month', 'month']]);
  });

  it('reads weekdays and words relative to the day of writing as the nearest such day, across the new year', () => {
    // Thursday 2 January 2025: Monday was 30 December, Sunday is 5 January.
    expect(dates('The envoy arrived on Monday and leaves on Sunday.', '2025-01-02')).toEqual([
      ['Monday', '2024-12-30', 'day', 'weekday'],
      ['Sunday', '2025-01-05', 'day', 'weekday'],
    ]);
    expect(dates('The order was signed yesterday.', '2025-01-01')).toEqual([['yesterday', '2024-12-31', 'day', '']]);
    expect(dates('The exercise ended two days ago.', '2025-01-01')).toEqual([['two days ago', '2024-12-30', 'day', '']]);
    expect(dates('Talks stalled last year.', '2025-01-01')).toEqual([['last year', '2024', 'year', '']]);
    expect(dates('The plan starts next month.', '2024-12-30')).toEqual([['next month', '2025-01', 'month', '']]);
  });

  it('keeps only dates that state their year when the article has no publication date', () => {
    expect(dates('On Monday, in March and in 2014, and on 5 May 2020.', null)).toEqual([
      ['2014', '2014', 'year', 'year'],
      ['5 May 2020', '2020-05-05', 'day', 'year+month+day'],
    ]);
  });
});

describe('findDates', () => {
  it('takes a bare year only after a word that makes it one', () => {
    expect(dates('Ties deepened since 2014, and by 2030 they aim higher.', '2025-05-04').map((d) => d[1])).toEqual(['2014', '2030']);
    expect(dates('In the summer of 2014 and in mid-2016.', '2025-05-04').map((d) => d[1])).toEqual(['2014', '2016']);
    expect(dates('A fleet of 1900 vehicles, 2014 troops, in 2,014 cases, the 2014-15 budget, in 1998-99.', '2025-05-04')).toEqual([]);
  });

  it('leaves out words that only look like dates, times alone, spans and weeks', () => {
    expect(dates('India may sign soon. Troops march on. The Sun rose. They wed.', '2025-05-04')).toEqual([]);
    expect(dates('The call is at 5 pm. It will be done within two weeks, or in six months. Last week was calm. Now it is over.', '2025-05-04')).toEqual([]);
  });

  it('keeps full dates as they are written', () => {
    expect(dates('Signed on May 5, 2025, then on 6 June 2025, and published 2025-07-01.', '2025-05-04')).toEqual([
      ['May 5, 2025', '2025-05-05', 'day', 'year+month+day'],
      ['6 June 2025', '2025-06-06', 'day', 'year+month+day'],
      ['2025-07-01', '2025-07-01', 'day', 'year+month+day'],
    ]);
  });
});

describe('findDates in other languages and calendars', () => {
  const fixture = (lang: string) =>
    readFileSync(path.join(__dirname, '..', 'import', 'fixtures', 'languages', `${lang}.txt`), 'utf8');

  it('finds each fixture’s date as written, with its ISO day, whatever language is stated', () => {
    const expected: Record<string, string> = {
      // "on Tuesday 3 June 2025": chrono's Arabic parser reads the weekday with it.
      ar: 'يوم الثلاثاء ٣ يونيو ٢٠٢٥',
      fa: '۱۳ خرداد ۱۴۰۴',
      hi: '3 जून 2025',
      ja: '令和7年6月3日',
      ko: '2025년 6월 3일',
      ru: '3 июня 2025 года',
      uk: '3 червня 2025 року',
      zh: '2025年6月3日',
      mixed: '3 June 2025',
    };
    for (const [lang, words] of Object.entries(expected)) {
      const text = fixture(lang);
      for (const stated of [null, lang]) {
        const found = findDates(text, null, stated);
        const certain = lang === 'ar' ? 'year+month+day+weekday' : 'year+month+day';
        expect(found.map((d) => [d.text, d.date, d.precision, d.certain.join('+')]), `${lang} (${stated})`).toEqual([[words, '2025-06-03', 'day', certain]]);
        expect(text.slice(found[0]!.start, found[0]!.end)).toBe(words);
      }
    }
    // The Hebrew article names only a year ("by the end of 2025"), which is not read without a cue.
    expect(findDates(fixture('he'), null)).toEqual([]);
  });

  it('reads Japanese era years: Reiwa, Heisei (its first year written 元年), Shōwa', () => {
    expect(dates('令和7年6月3日に会談。平成31年4月30日、令和元年5月1日、昭和64年1月7日。', null).map((d) => d[1])).toEqual([
      '2025-06-03',
      '2019-04-30',
      '2019-05-01',
      '1989-01-07',
    ]);
  });

  it('reads Eastern Arabic, Persian and Devanagari digits, and the Levantine, Persian and Hebrew month names', () => {
    expect(dates('اجتماع في ١٥ تشرين الثاني ٢٠٢٤ ثم ٢ آذار ٢٠٢٥', null)).toEqual([
      ['١٥ تشرين الثاني ٢٠٢٤', '2024-11-15', 'day', 'year+month+day'],
      ['٢ آذار ٢٠٢٥', '2025-03-02', 'day', 'year+month+day'],
    ]);
    expect(dates('روز ۲۲ بهمن ۱۳۵۷ و ۵ ژوئن ۲۰۲۵', null).map((d) => d[1])).toEqual(['1979-02-11', '2025-06-05']);
    expect(dates('३ जून २०२५ को और मई 2024 में', null).map((d) => [d[0], d[1]])).toEqual([
      ['३ जून २०२५', '2025-06-03'],
      ['मई 2024', '2024-05'],
    ]);
    expect(dates('ההסכם נחתם ב-3 ביוני 2025', null).map((d) => d[1])).toEqual(['2025-06-03']);
  });

  it('leaves impossible days alone: 31 June, 30 Esfand of a common year', () => {
    expect(dates('٣١ يونيو ٢٠٢٥ و ۳۰ اسفند ۱۴۰۴', null)).toEqual([]);
  });

  it('reads a Russian date quoted in an English article, and Korean year-month', () => {
    expect(dates('The envoy wrote «встреча 5 мая 2025 года» on May 6, 2025.', null).map((d) => d[1])).toEqual(['2025-05-05', '2025-05-06']);
    expect(dates('2024년 11월에 합의했다', null)).toEqual([['2024년 11월', '2024-11', 'month', 'year+month']]);
  });
});
