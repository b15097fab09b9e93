import { scriptOf } from '../../common/text/languageTag';

/**
 * The fonts that cover each script a source may be written in, for the printed brief (CSS, PDF)
 * and the Word one. Noto families first: free, on Linux through Debian's fonts-noto-core and
 * fonts-noto-cjk, and one design for every script, so no glyph falls back to a box. Han
 * characters are drawn differently in Chinese (simplified, traditional), Japanese and Korean, so
 * the CJK font follows the language, not just the script.
 */

export interface ScriptFonts {
  serif: string[];
  sans: string[];
  /** Which slot of a Word run's fonts the script takes: East Asian, or complex script (`cs`). */
  word: { slot: 'eastAsia' | 'cs'; font: string } | null;
  /** Whether Word must lay the script out right to left (marks its runs `w:rtl`). */
  rtl: boolean;
}

const CJK = (region: 'SC' | 'TC' | 'JP' | 'KR'): ScriptFonts => ({
  serif: [`Noto Serif CJK ${region}`, `Noto Sans CJK ${region}`],
  sans: [`Noto Sans CJK ${region}`],
  word: { slot: 'eastAsia', font: `Noto Sans CJK ${region}` },
  rtl: false,
});

/** By ISO 15924 script, as `Intl.Locale#maximize` gives it. */
const BY_SCRIPT: Record<string, ScriptFonts> = {
  Arab: { serif: ['Noto Naskh Arabic', 'Noto Sans Arabic'], sans: ['Noto Sans Arabic', 'Noto Naskh Arabic'], word: { slot: 'cs', font: 'Noto Naskh Arabic' }, rtl: true },
  Hebr: { serif: ['Noto Serif Hebrew', 'Noto Sans Hebrew'], sans: ['Noto Sans Hebrew'], word: { slot: 'cs', font: 'Noto Sans Hebrew' }, rtl: true },
  Deva: { serif: ['Noto Serif Devanagari', 'Noto Sans Devanagari'], sans: ['Noto Sans Devanagari'], word: { slot: 'cs', font: 'Noto Sans Devanagari' }, rtl: false },
  Hans: CJK('SC'),
  Hant: CJK('TC'),
  Jpan: CJK('JP'),
  Kore: CJK('KR'),
};

/** The fonts for text in `tag`, or null when the brief's own fonts cover it (Latin, Cyrillic, Greek). */
export function fontsFor(tag: string | null | undefined): ScriptFonts | null {
  const script = tag ? scriptOf(tag) : null;
  return (script && BY_SCRIPT[script]) || null;
}

const LATIN_SERIF = ['Georgia', 'Noto Serif', 'DejaVu Serif', 'Times New Roman'];
const LATIN_SANS = ['Helvetica Neue', 'Arial', 'Noto Sans', 'DejaVu Sans'];
/** After the Latin fonts, one per other script, so text whose language is not marked (a note, a title) still finds its glyphs. */
const EVERY_SCRIPT = ['Arab', 'Hebr', 'Deva', 'Hans'];

function stack(families: string[], generic: 'serif' | 'sans-serif'): string {
  return [...new Set(families)].map((f) => `"${f}"`).join(', ') + `, ${generic}`;
}

export const SERIF_STACK = stack([...LATIN_SERIF, ...EVERY_SCRIPT.flatMap((s) => BY_SCRIPT[s]!.serif)], 'serif');
export const SANS_STACK = stack([...LATIN_SANS, ...EVERY_SCRIPT.flatMap((s) => BY_SCRIPT[s]!.sans)], 'sans-serif');

/** Language ranges for CSS `:lang()` and the script whose fonts they take; later rules win (zh-Hant after zh). */
const LANG_RULES: [string[], string][] = [
  [['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug', 'ks'], 'Arab'],
  [['he', 'yi'], 'Hebr'],
  [['hi', 'mr', 'ne', 'sa', 'mai', 'bho'], 'Deva'],
  [['zh'], 'Hans'],
  [['zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO'], 'Hant'],
  [['ja'], 'Jpan'],
  [['ko'], 'Kore'],
];

/**
 * CSS that sets text marked with a language in its script's fonts, put first so the script's own
 * punctuation (、。「」) comes from them too, the Latin fonts after them for Latin words:
 * `:lang(ja)` gets Japanese Han forms, not Chinese. `sans` lists the elements the brief sets in
 * sans-serif (headings, tables, labels); text in them, or inside them, stays sans-serif.
 */
export function languageFontCss(sans: string): string {
  return LANG_RULES.map(([ranges, script]) => {
    const fonts = BY_SCRIPT[script]!;
    const langs = ranges.map((r) => `:lang(${r})`).join(', ');
    const inSans = ranges.map((r) => `:is(${sans}):lang(${r}), :is(${sans}) :lang(${r})`).join(', ');
    return `${langs} { font-family: ${stack([...fonts.serif, ...LATIN_SERIF], 'serif')}; }\n${inSans} { font-family: ${stack([...fonts.sans, ...LATIN_SANS], 'sans-serif')}; }`;
  }).join('\n');
}
