import { franc } from 'franc-min';

/**
 * The main language of an article's text, as a BCP 47 tag, or null when the text says too little.
 *
 * franc-min (trigram profiles of 82 languages, ~150 KB, no native code) tells languages that share
 * a script apart: Arabic from Persian, Russian from Ukrainian, English from French. Where the
 * script alone decides, the script decides first, because franc-min either lacks the language or
 * counts the wrong thing:
 *   - Hebrew letters: Hebrew (franc-min has no Hebrew profile and answers "und");
 *   - Han with kana: Japanese, Han alone: Chinese. franc counts scripts and picks the larger, so
 *     a kanji-heavy Japanese headline reads as Chinese; kana appear in every Japanese sentence
 *     (particles, verb endings) and almost never in Chinese. Chinese in Traditional characters
 *     is `zh-Hant` (Taiwan, Hong Kong): it takes the Traditional glyphs of the CJK fonts in
 *     exports and Word's zh-TW proofing, where `zh` takes the Simplified ones;
 *   - Hangul: Korean.
 */

/**
 * Enough text to decide: the first 600 characters, a paragraph or two. franc compares the text
 * with every language of its script, about a millisecond for this much Latin text, and imports
 * run by the thousand; a longer sample changes no answer on the test articles.
 */
const SAMPLE = 600;
/** Below this many letters a trigram guess is noise ("Ministers met in Delhi" reads as Dutch). */
const MIN_LETTERS = 20;
/**
 * Latin-script languages share most trigrams: below this many letters franc's guess between
 * English, Dutch, French … is no better than a coin ("Ministers meet / The ministers met in
 * Delhi." reads as Dutch), and a wrong `lang` picks the wrong hyphenation and voice. Say nothing.
 */
const MIN_LATIN_LETTERS = 100;
/** Share of kana among Han and kana above which the text is Japanese. */
const KANA_SHARE = 0.05;
/**
 * Common characters written one way in Simplified Chinese and another in Traditional, in pairs.
 * A news paragraph holds dozens of them; characters the two share (most) say nothing either way.
 */
const SIMPLIFIED = '国这说会时对发们来为与区军边关东长门问经开总统务协议进应实现动战联华湾见车马书学习点电话语认让还过头亚报纸数据级线网络护卫队机构组织领导员万亿币价钱银买卖处将术业历带师双节陆岛';
const TRADITIONAL = '國這說會時對發們來為與區軍邊關東長門問經開總統務協議進應實現動戰聯華灣見車馬書學習點電話語認讓還過頭亞報紙數據級線網絡護衛隊機構組織領導員萬億幣價錢銀買賣處將術業歷帶師雙節陸島';
const SIMPLIFIED_ONLY = new RegExp(`[${SIMPLIFIED}]`, 'gu');
const TRADITIONAL_ONLY = new RegExp(`[${TRADITIONAL}]`, 'gu');

const LETTER = /\p{L}/gu;
const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const HEBREW = /\p{Script=Hebrew}/gu;
const LATIN = /\p{Script=Latin}/gu;

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE);
  const letters = count(sample, LETTER);
  if (letters === 0) return null;
  const kana = count(sample, KANA);
  const cjk = count(sample, HAN) + kana;
  // A script that holds most of the letters decides; a few quoted words in another do not.
  if (cjk * 2 > letters) return kana > 0 && kana >= cjk * KANA_SHARE ? 'ja' : count(sample, TRADITIONAL_ONLY) > count(sample, SIMPLIFIED_ONLY) ? 'zh-Hant' : 'zh';
  if (count(sample, HANGUL) * 2 > letters) return 'ko';
  if (count(sample, HEBREW) * 2 > letters) return 'he';
  if (letters < MIN_LETTERS) return null;
  if (letters < MIN_LATIN_LETTERS && count(sample, LATIN) * 2 > letters) return null;
  return toTag(franc(sample, { minLength: MIN_LETTERS }));
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** franc's ISO 639-3 code as the shortest BCP 47 tag ("arb" → "ar", "cmn" → "zh", "pes" → "fa"). */
function toTag(code: string): string | null {
  if (code === 'und') return null;
  try {
    // CLDR's aliases map ISO 639-3 individual languages onto their macrolanguage's two letters.
    return Intl.getCanonicalLocales(code)[0] ?? null;
  } catch {
    return null;
  }
}
