import type { TextRun } from 'docx';
import { passageDirection } from '../../../common/text/languageTag';
import { fontsFor } from '../scriptFonts';
import { BODY_FONT } from './docxStyles';
import { bidiClosers, isRtl, RTL_LETTER, textRuns, xmlSafe, type RunFormat } from './docxText';

/**
 * Runs of an article's own words (its title, a quoted passage) in Word: the language on every run
 * (`w:lang`: `val`, and `eastAsia` or `bidi` for the script's slot), the script's font in the slot
 * Word takes it from (`w:rFonts`: East Asian for Chinese, Japanese and Korean, complex script for
 * Arabic, Hebrew and Devanagari), and in a right-to-left paragraph `w:rtl` on the runs of
 * right-to-left words, so Word and LibreOffice shape them as such and keep numbers in order.
 */

/** The tag as Word writes languages, with a region ("ar" → "ar-EG", "zh-Hant" → "zh-TW"); the tag itself when it has none. */
export function wordLanguage(tag: string): string {
  try {
    const { language, region } = new Intl.Locale(tag).maximize();
    return region ? `${language}-${region}` : tag;
  } catch {
    return tag;
  }
}

/** The run formatting of text in `tag`: its language, and its script's font where the brief's Arial does not cover it. */
export function languageFormat(tag: string | null | undefined): RunFormat {
  if (!tag) return {};
  const lang = wordLanguage(tag);
  const word = fontsFor(tag)?.word ?? null;
  if (!word) return { language: { value: lang } };
  const eastAsian = word.slot === 'eastAsia';
  return {
    language: { value: lang, ...(eastAsian ? { eastAsia: lang } : { bidirectional: lang }) },
    font: {
      ascii: BODY_FONT,
      hAnsi: BODY_FONT,
      eastAsia: eastAsian ? word.font : BODY_FONT,
      cs: eastAsian ? BODY_FONT : word.font,
      // Quotation marks and other characters shared with Latin text take the CJK font's forms.
      ...(eastAsian ? { hint: 'eastAsia' } : {}),
    },
  };
}

/** Whether a paragraph of the article's words is laid out right to left (`w:bidi`). */
export function isRtlPassage(text: string, tag: string | null | undefined): boolean {
  return passageDirection(text, tag) === 'rtl' || isRtl(text);
}

/** `textRuns` for an article's words in `tag`; see the file's comment. */
export function sourceRuns(text: string, tag: string | null | undefined, format: RunFormat = {}, { keepBidiOpen = false } = {}): TextRun[] {
  const base: RunFormat = { ...format, ...languageFormat(tag) };
  if (!isRtlPassage(text, tag)) return textRuns(text, base, { keepBidiOpen });
  const safe = xmlSafe(text);
  const runs = directionalSegments(safe).flatMap(({ text: part, rtl }) => textRuns(part, rtl ? { ...base, rightToLeft: true } : base, { keepBidiOpen: true }));
  return keepBidiOpen ? runs : [...runs, ...textRuns(bidiClosers(safe), base, { keepBidiOpen: true })];
}

const STRONG_LETTER = /\p{L}/u;

/**
 * The text cut where its strong direction changes. Digits, spaces, punctuation and combining
 * marks stay with the words before them (at the start, with the first words): in a right-to-left
 * paragraph a neutral between two directions takes the paragraph's, which is what `w:rtl` or its
 * absence on either side gives; digits keep their own order under `w:rtl` (ECMA-376 17.3.2.30).
 */
export function directionalSegments(text: string): { text: string; rtl: boolean }[] {
  const segments: { text: string; rtl: boolean | null }[] = [];
  let current: { text: string; rtl: boolean | null } = { text: '', rtl: null };
  for (const char of text) {
    const rtl = RTL_LETTER.test(char) ? true : STRONG_LETTER.test(char) ? false : null;
    if (rtl !== null && current.rtl !== null && rtl !== current.rtl) {
      segments.push(current);
      current = { text: '', rtl };
    } else if (rtl !== null && current.rtl === null) {
      current.rtl = rtl;
    }
    current.text += char;
  }
  if (current.text) segments.push(current);
  // Text with no letters at all sits in a right-to-left paragraph: it takes its direction.
  return segments.map((s) => ({ text: s.text, rtl: s.rtl ?? true }));
}
