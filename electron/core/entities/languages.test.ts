import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeArticleText } from '../../common/text/normalizeArticleText';
import { detectEntities } from './detectEntities';
import { findKnownMentions } from './knownMentions';
import type { KnownEntity } from './types';

/** The short articles in ten languages the import tests also read (see the folder's README). */
const fixture = (lang: string): string =>
  normalizeArticleText(readFileSync(path.join(__dirname, '..', 'import', 'fixtures', 'languages', `${lang}.txt`), 'utf8')).text;

/** Every entity detected: "name:type=mention/mention…", in order of first mention. */
const detected = (text: string, language?: string): string[] =>
  detectEntities(text, language ? { language } : {}).map((e) => `${e.name}:${e.type}=${e.mentions.map((m) => text.slice(m.start, m.end)).join('/')}`);

/**
 * The whole detected set of each article, no language stated (a text file says none): the
 * countries, capitals and seas it names, linked to their English entries, and nothing else — the
 * capitalised-name rules never fire on caseless scripts, and in Cyrillic only on real names.
 */
const EXPECTED: Record<string, string[]> = {
  ar: [
    'New Delhi:place=نيودلهي/نيودلهي',
    // "The Indian defence minister … his Japanese counterpart": demonyms, as "Indian" and "Japanese"
    // are; in المحيط الهندي the longer name, the ocean, wins.
    'India:place=الهندي/الهند',
    // واليابان: "and Japan", the conjunction left out of the mention.
    'Japan:place=الياباني/اليابان',
    'Indian Ocean:place=المحيط الهندي',
    'Mumbai:place=مومباي',
    'Tokyo:place=طوكيو',
    'South China Sea:place=بحر الصين الجنوبي',
  ],
  fa: ['Tehran:place=تهران', 'India:place=هند', 'Gulf of Oman:place=دریای عمان', 'New Delhi:place=دهلی نو', 'Strait of Hormuz:place=تنگه هرمز'],
  // היפני, "the Japanese", the article ה left out of the mention.
  he: ['Tokyo:place=טוקיו/טוקיו', 'Japan:place=יפני', 'New Delhi:place=ניו דלהי'],
  hi: ['India:place=भारत/भारत', 'Japan:place=जापान/जापान', 'New Delhi:place=नई दिल्ली/नई दिल्ली', 'Indian Ocean:place=हिंद महासागर', 'Mumbai:place=मुंबई'],
  ja: [
    'Tokyo:place=東京/東京',
    'Japan:place=日本',
    'India:place=インド',
    'Indian Ocean:place=インド洋',
    'Mumbai:place=ムンバイ',
    'New Delhi:place=ニューデリー',
    'South China Sea:place=南シナ海',
  ],
  ko: ['India:place=인도/인도/인도', 'Japan:place=일본/일본', 'Seoul:place=서울', 'New Delhi:place=뉴델리', 'Indian Ocean:place=인도양', 'Mumbai:place=뭄바이'],
  // японская (делегация): the demonym, inflected.
  ru: ['India:place=Индии/Индии', 'Japan:place=Японии/Японии/японская', 'New Delhi:place=Нью-Дели/Нью-Дели', 'Indian Ocean:place=Индийском океане', 'Mumbai:place=Мумбаи'],
  uk: ['India:place=Індії/Індії', 'Japan:place=Японії/Японії/японська', 'New Delhi:place=Нью-Делі/Нью-Делі', 'Indian Ocean:place=Індійському океані', 'Mumbai:place=Мумбаї'],
  zh: [
    'New Delhi:place=新德里/新德里/新德里/新德里',
    'India:place=印度/印度',
    'Japan:place=日本/日本',
    'Indian Ocean:place=印度洋',
    'Mumbai:place=孟买',
    'South China Sea:place=南海',
  ],
};

describe('entity detection in other languages and scripts', () => {
  for (const [lang, expected] of Object.entries(EXPECTED)) {
    it(`${lang}: finds the places the article names, linked to their English entries, and nothing else`, () => {
      const text = fixture(lang);
      expect(detected(text)).toEqual(expected);
      // Stating the language changes nothing: the script decides.
      expect(detected(text, lang)).toEqual(expected);
    });
  }

  it('reads the English of a mixed-language article with the English rules, and its quotes in other scripts add nothing', () => {
    const text = fixture('mixed');
    const names = detectEntities(text).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Tokyo', 'Japan', 'India', 'Russia']));
    // The Japanese, Hindi, Arabic and Russian quotes hold no names: nothing comes from them.
    const quoted = /[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    expect(detectEntities(text).flatMap((e) => e.mentions.map((m) => m.text)).filter((m) => quoted.test(m))).toEqual([]);
  });

  it('proposes capitalised runs in Cyrillic as names, but not sentence starts, datelines or dictionary names', () => {
    const text = 'Москва — Министр обороны России Сергей Шойгу прибыл в Пекин. Переговоры с Ван И прошли в Пекине.';
    expect(detected(text)).toEqual([
      'Moscow:place=Москва',
      'Russia:place=России',
      'Сергей Шойгу:person=Сергей Шойгу',
      'Beijing:place=Пекин/Пекине',
      'Ван И:person=Ван И',
    ]);
  });
});

describe('confirmed entities and aliases in any script', () => {
  const known: KnownEntity[] = [
    { name: 'India', type: 'place', aliases: ['印度', 'インド', 'Индия', 'الهند'] },
    // Not in the bundled gazetteer: found through the analyst's aliases alone.
    { name: 'Rajnath Singh', type: 'person', aliases: ['राजनाथ सिंह', 'Раджнат Сингх', '拉杰纳特·辛格', 'راجنات سينغ'] },
  ];
  const linked = (text: string) => findKnownMentions(text, { known }).map((m) => [m.text, known[m.entity]!.name]);

  it('links the analyst’s aliases in every script, inflected and inside unspaced text', () => {
    expect(linked('印度国防部长拉杰纳特·辛格与日本防卫大臣会谈')).toEqual([
      ['印度', 'India'],
      ['拉杰纳特·辛格', 'Rajnath Singh'],
    ]);
    expect(linked('Министр обороны Индии Раджнат Сингх встретился с Раджнатом Сингхом')).toEqual([
      ['Индии', 'India'],
      ['Раджнат Сингх', 'Rajnath Singh'],
      ['Раджнатом Сингхом', 'Rajnath Singh'],
    ]);
    expect(linked('وقال راجنات سينغ إن الهند والهند')).toEqual([
      ['راجنات سينغ', 'Rajnath Singh'],
      ['الهند', 'India'],
      ['الهند', 'India'],
    ]);
    expect(linked('भारत के रक्षा मंत्री राजनाथ सिंह ने कहा')).toEqual([
      ['भारत', 'India'],
      ['राजनाथ सिंह', 'Rajnath Singh'],
    ]);
  });

  it('links every fixture’s India to the confirmed India', () => {
    for (const lang of ['ar', 'fa', 'he', 'hi', 'ja', 'ko', 'ru', 'uk', 'zh']) {
      const text = fixture(lang);
      const india = linked(text).filter(([, name]) => name === 'India');
      // The Hebrew article names no India (only the Japanese minister and New Delhi).
      if (lang === 'he') expect(india).toEqual([]);
      else expect(india.length, lang).toBeGreaterThan(0);
    }
  });
});
