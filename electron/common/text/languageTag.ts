/**
 * What a BCP 47 language tag says about how text in it is written: its script and direction, and
 * its name for people. Read from the CLDR data the JavaScript engine carries (`Intl.Locale`'s
 * likely subtags), so "fa", "ur" and "ckb" are right-to-left without a list of our own.
 */

/** Scripts written right to left (ISO 15924). */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend', 'Yezi']);

export type TextDirection = 'ltr' | 'rtl';

/** The tag's script, stated or likely ("zh" → "Hans", "zh-TW" → "Hant", "fa" → "Arab"), or null for a tag the engine cannot read. */
export function scriptOf(tag: string): string | null {
  try {
    return new Intl.Locale(tag).maximize().script ?? null;
  } catch {
    return null;
  }
}

/** The direction text in this language is written in; left to right when the tag says nothing the engine knows. */
export function directionOf(tag: string): TextDirection {
  const script = scriptOf(tag);
  return script !== null && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/** "Arabic (ar)", "Chinese (zh)": the tag with its English name, as exports show it; the bare tag when it has no name. */
export function languageLabel(tag: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/**
 * The direction to give a passage of an article in `tag`: right to left when the language is and
 * the passage has its letters (a passage that opens with a Latin name, "NATO قالت …", would read
 * left to right under the first-strong rule of `dir="auto"`); otherwise `auto`, which lays out an
 * English quote in an Arabic article, or an untagged one, by its own first letter.
 */
export function passageDirection(text: string, tag: string | null | undefined): 'rtl' | 'auto' {
  return tag && directionOf(tag) === 'rtl' && RTL_LETTER.test(text) ? 'rtl' : 'auto';
}
