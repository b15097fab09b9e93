import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { all, attr, readDocx, textOf } from '../testing/docxXml';
import { directionalSegments, isRtlPassage, languageFormat, sourceRuns, wordLanguage } from './sourceRuns';

/** The runs of one paragraph as Word reads them: text, whether `w:rtl`, and the `w:lang` attributes. */
async function runsOf(text: string, tag: string | null): Promise<{ text: string; rtl: boolean; lang: Record<string, string | null> }[]> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ bidirectional: isRtlPassage(text, tag) || undefined, children: sourceRuns(text, tag) })] }] });
  const xml = readDocx(await Packer.toBuffer(doc)).xml('word/document.xml');
  return all(xml, 'r').map((r) => {
    const lang = all(r, 'lang')[0];
    return {
      text: textOf(r),
      rtl: all(r, 'rtl').length > 0,
      lang: { val: lang ? attr(lang, 'val') : null, bidi: lang ? attr(lang, 'bidi') : null, eastAsia: lang ? attr(lang, 'eastAsia') : null },
    };
  });
}

describe('sourceRuns', () => {
  it('cuts a right-to-left paragraph where the strong direction changes, numbers and spaces staying with the words before them', () => {
    expect(directionalSegments('قال NATO و EU إن القمة في 2026.')).toEqual([
      { text: 'قال ', rtl: true },
      { text: 'NATO ', rtl: false },
      { text: 'و ', rtl: true },
      { text: 'EU ', rtl: false },
      { text: 'إن القمة في 2026.', rtl: true },
    ]);
    expect(directionalSegments('2026 – «سلام»')).toEqual([{ text: '2026 – «سلام»', rtl: true }]);
    expect(directionalSegments('٣ يونيو ٢٠٢٥')).toEqual([{ text: '٣ يونيو ٢٠٢٥', rtl: true }]);
  });

  it('marks right-to-left words w:rtl and keeps Latin words out of it, every run in the article’s language', async () => {
    const runs = await runsOf('قال NATO إن القمة في 2026', 'ar');
    expect(runs.map((r) => r.text).join('')).toBe('قال NATO إن القمة في 2026');
    expect(runs.map((r) => [r.text, r.rtl])).toEqual([
      ['قال ', true],
      ['NATO ', false],
      ['إن القمة في 2026', true],
    ]);
    for (const run of runs) expect(run.lang).toEqual({ val: 'ar-EG', bidi: 'ar-EG', eastAsia: null });
  });

  it('keeps a left-to-right paragraph in one run, with the language and the script’s font', async () => {
    expect(await runsOf('海洋安全保障は共通の課題だ', 'ja')).toEqual([{ text: '海洋安全保障は共通の課題だ', rtl: false, lang: { val: 'ja-JP', bidi: null, eastAsia: 'ja-JP' } }]);
    expect(await runsOf('Сотрудничество продолжится', 'ru')).toEqual([{ text: 'Сотрудничество продолжится', rtl: false, lang: { val: 'ru-RU', bidi: null, eastAsia: null } }]);
    expect(languageFormat('ko').font).toMatchObject({ eastAsia: 'Noto Sans CJK KR', hint: 'eastAsia' });
    expect(languageFormat('zh-TW').font).toMatchObject({ eastAsia: 'Noto Sans CJK TC' });
    expect(languageFormat('hi').font).toMatchObject({ cs: 'Noto Sans Devanagari' });
    expect(languageFormat('en')).toEqual({ language: { value: 'en-US' } });
    expect(languageFormat(null)).toEqual({});
  });

  it('lays an English passage of an Arabic article out left to right, and an untagged Hebrew one right to left', () => {
    expect(isRtlPassage('NATO summit', 'ar')).toBe(false);
    expect(isRtlPassage('NATO قالت إن', 'ar')).toBe(true);
    expect(isRtlPassage('שר הביטחון', null)).toBe(true);
  });

  it('writes languages as Word does, with a region', () => {
    expect(['ar', 'fa', 'he', 'zh', 'zh-Hant', 'ja', 'hi'].map(wordLanguage)).toEqual(['ar-EG', 'fa-IR', 'he-IL', 'zh-CN', 'zh-TW', 'ja-JP', 'hi-IN']);
  });
});
