/**
 * The characters a PDF's font maps its glyphs to, turned back into the characters the text was
 * written in. Fonts give pdf.js what their ToUnicode tables say, and for shaped Arabic and for
 * CJK these are often compatibility characters that look right but search wrong:
 * - Arabic presentation forms (ﻧﻴﻮدﻟﻬﻲ for نيودلهي): one per shape of a letter; pdf.js
 *   normalises some of them, not the isolated and final forms;
 * - Kangxi radicals and CJK radical supplements (⽇ for 日, ⻓ for 长): fonts such as Noto CJK
 *   map a character to the radical that has the same glyph.
 * Presentation forms and Kangxi radicals have NFKC decompositions; the radical supplements
 * mostly do not, so the ones that stand for a whole character are listed here.
 */
export function fromPdfGlyphs(text: string): string {
  if (!COMPATIBILITY.test(text)) return text;
  return text.replace(COMPATIBILITY_RUNS, (run) => [...run].map((c) => RADICALS.get(c) ?? c.normalize('NFKC')).join(''));
}

const COMPATIBILITY = /[\ufb50-\ufdff\ufe70-\ufefe\u2f00-\u2fd5\u2e80-\u2ef3]/;
const COMPATIBILITY_RUNS = /[\ufb50-\ufdff\ufe70-\ufefe\u2f00-\u2fd5\u2e80-\u2ef3]+/g;

/** CJK radical supplements whose glyph is a whole character (simplified Chinese, Japanese forms). */
const RADICALS = new Map(
  Object.entries({
    '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长', '⻔': '门',
    '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼',
    '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿',
    '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
  }),
);
