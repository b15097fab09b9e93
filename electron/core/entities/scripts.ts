/**
 * Which writing system a word is in, as far as entity detection cares: whether the script has
 * case (a capital can mark a name only there), whether it leaves spaces between words (Chinese,
 * Japanese and Thai do not: a name sits inside a run of letters), and which clitics attach to a
 * name (Arabic و ب ل ف ك, Hebrew ו ב ל מ כ ש ה, Korean particles after it).
 */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'armenian'
  | 'arabic'
  | 'hebrew'
  | 'han'
  | 'kana'
  | 'hangul'
  | 'thai'
  | 'indic'
  | 'other';

const RANGES: [number, number, Script][] = [
  [0x0370, 0x03ff, 'greek'],
  [0x0400, 0x052f, 'cyrillic'],
  [0x0530, 0x058f, 'armenian'],
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x0900, 0x0dff, 'indic'],
  [0x0e00, 0x0eff, 'thai'],
  [0x0f00, 0x109f, 'other'],
  [0x1100, 0x11ff, 'hangul'],
  [0x1780, 0x17ff, 'thai'],
  [0x1c80, 0x1c8f, 'cyrillic'],
  [0x1f00, 0x1fff, 'greek'],
  [0x2de0, 0x2dff, 'cyrillic'],
  [0x2e80, 0x2fdf, 'han'],
  [0x3040, 0x30ff, 'kana'],
  [0x3130, 0x318f, 'hangul'],
  [0x31f0, 0x31ff, 'kana'],
  [0x3400, 0x4dbf, 'han'],
  [0x4e00, 0x9fff, 'han'],
  [0xa640, 0xa69f, 'cyrillic'],
  [0xa960, 0xa97f, 'hangul'],
  [0xac00, 0xd7ff, 'hangul'],
  [0xf900, 0xfaff, 'han'],
  [0xfb1d, 0xfb4f, 'hebrew'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xff66, 0xff9f, 'kana'],
  [0x20000, 0x3134f, 'han'],
];

/** The script of the character at `i` (a whole code point); digits and marks count as 'other'. */
export function scriptAt(text: string, i: number): Script {
  const code = text.codePointAt(i) ?? 0;
  if (code < 0x250) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7) ? 'latin' : 'other';
  if (code >= 0x1e00 && code <= 0x1eff) return 'latin';
  for (const [from, to, script] of RANGES) {
    if (code < from) return 'other';
    if (code <= to) return script;
  }
  return 'other';
}

/** Scripts whose capitals can mark a proper name. */
export function hasCase(script: Script): boolean {
  return script === 'latin' || script === 'cyrillic' || script === 'greek' || script === 'armenian';
}

/** Scripts written without spaces between words: names are found at word-segment boundaries. */
export function isUnspaced(script: Script): boolean {
  return script === 'han' || script === 'kana' || script === 'thai';
}

/**
 * Whether the letters of a text are mostly Latin, so that the English rules may read it when no
 * language is stated. Counted over characters, not words: a Chinese clause is one long "word".
 */
export function mostlyLatin(text: string): boolean {
  let latin = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
      continue;
    }
    // Low surrogates are counted with their high half.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    const script = scriptAt(text, i);
    if (script === 'latin') latin++;
    else if (script !== 'other') other++;
  }
  return latin >= other;
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Word boundaries (offsets relative to `word`) inside a run of letters written without spaces,
 * by ICU's dictionary-based segmenter. Japanese when the run holds kana, else Chinese.
 */
export function segmentBoundaries(word: string): Set<number> {
  const locale = /[\u3040-\u30ff]/u.test(word) ? 'ja' : /[\u0e00-\u0e7f]/u.test(word) ? 'th' : 'zh';
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  const out = new Set<number>([0, word.length]);
  for (const s of segmenter.segment(word)) out.add(s.index);
  return out;
}
