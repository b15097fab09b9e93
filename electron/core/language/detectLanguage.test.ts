import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { directionOf, languageLabel, scriptOf } from '../../common/text/languageTag';
import { detectLanguage } from './detectLanguage';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../import/fixtures/languages/${name}.txt`, import.meta.url)), 'utf8');

/** The test articles in other scripts, by the tag their text is written in (`mixed` is English quoting four others). */
const FIXTURES: [string, string][] = [
  ['ar', 'ar'],
  ['fa', 'fa'],
  ['he', 'he'],
  ['zh', 'zh'],
  ['zh-Hant', 'zh-Hant'],
  ['ja', 'ja'],
  ['ko', 'ko'],
  ['ru', 'ru'],
  ['uk', 'uk'],
  ['hi', 'hi'],
  ['mixed', 'en'],
];

describe('detectLanguage', () => {
  it.each(FIXTURES)('reads the %s article as %s', (name, tag) => {
    expect(detectLanguage(fixture(name))).toBe(tag);
  });

  it.each(FIXTURES.filter(([name]) => name !== 'mixed'))('reads the headline alone of the %s article as %s', (name, tag) => {
    expect(detectLanguage(fixture(name).split('\n')[0]!)).toBe(tag);
  });

  it('says nothing of a short Latin-script text rather than guess between its languages', () => {
    expect(detectLanguage('Ministers meet\n\nThe ministers met in Delhi.')).toBeNull();
    expect(detectLanguage(fixture('mixed').slice(0, 400))).toBe('en');
  });

  it('tells Japanese from Chinese by its kana, even in a kanji-heavy headline', () => {
    expect(detectLanguage('日印防衛相会談、海洋安全保障で協力強化へ')).toBe('ja');
    expect(detectLanguage('印日防长在新德里会谈 聚焦海上安全合作')).toBe('zh');
  });

  it('tells Traditional Chinese from Simplified by the characters that differ', () => {
    expect(detectLanguage('台灣海峽情勢升溫 國防部加強海空巡邏')).toBe('zh-Hant');
    expect(detectLanguage('台湾海峡情势升温 国防部加强海空巡逻')).toBe('zh');
    // Nothing that differs: Simplified, the more common, as before.
    expect(detectLanguage('海上安全合作')).toBe('zh');
  });

  it('lets the script holding most letters decide, not a quoted word in another', () => {
    expect(detectLanguage(`${fixture('zh')}日本企业ソニー的代表也出席了会议。`)).toBe('zh');
    expect(detectLanguage('The spokesman said 海洋安全保障 is a shared task for both navies this year, and the ministers agreed to meet again in Tokyo before the monsoon.')).toBe('en');
  });

  it('says nothing about text too short or without letters to tell', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('2025-06-03 12:00')).toBeNull();
    expect(detectLanguage('Met in Delhi')).toBeNull();
  });

  it('reads only the start of a long text', () => {
    const english = readFileSync(fileURLToPath(new URL('../../../assets/india-japan-defence-2025-05-04.txt', import.meta.url)), 'utf8');
    expect(english.length).toBeGreaterThan(1000);
    expect(detectLanguage(`${english}\n\n${fixture('ru').repeat(50)}`)).toBe('en');
    expect(detectLanguage(`${fixture('ru').repeat(50)}\n\n${english}`)).toBe('ru');
  });
});

describe('language tags', () => {
  it.each([
    ['ar', 'Arab', 'rtl'],
    ['fa', 'Arab', 'rtl'],
    ['ur', 'Arab', 'rtl'],
    ['he', 'Hebr', 'rtl'],
    ['zh', 'Hans', 'ltr'],
    ['zh-TW', 'Hant', 'ltr'],
    ['ja', 'Jpan', 'ltr'],
    ['hi', 'Deva', 'ltr'],
    ['en', 'Latn', 'ltr'],
    ['az-Arab', 'Arab', 'rtl'],
  ])('%s is written in %s, %s', (tag, script, direction) => {
    expect(scriptOf(tag)).toBe(script);
    expect(directionOf(tag)).toBe(direction);
  });

  it('names a language for people and keeps its tag', () => {
    expect(languageLabel('ar')).toBe('Arabic (ar)');
    expect(languageLabel('zh')).toBe('Chinese (zh)');
    expect(languageLabel('qaa')).toBe('qaa');
  });
});
