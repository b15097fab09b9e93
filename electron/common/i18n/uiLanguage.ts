/**
 * The languages Dossier's own words are shipped in, and which one a window shows. Pure, so the
 * renderer (its pages), the Electron shell (its native menus) and tests decide it the same way.
 */

export const UI_LANGUAGES = ['en', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The Settings choice: a shipped language, or `system` (the first shipped one the system prefers). */
export type UiLanguageChoice = 'system' | UiLanguage;

/** English is the language every key is written in first, and the fallback for anything missing. */
export const FALLBACK_LANGUAGE: UiLanguage = 'en';

const RIGHT_TO_LEFT: ReadonlySet<UiLanguage> = new Set(['ar']);

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to show: the chosen one, or for `system` the first of the system's preferred
 * locales (BCP 47, most preferred first: `navigator.languages`, `app.getPreferredSystemLanguages()`)
 * whose language is shipped ("ar-EG" → ar), else English.
 */
export function resolveUiLanguage(choice: UiLanguageChoice, preferred: readonly string[]): UiLanguage {
  if (choice !== 'system') return choice;
  for (const locale of preferred) {
    const language = locale.split(/[-_]/)[0]?.toLowerCase();
    if (isUiLanguage(language)) return language;
  }
  return FALLBACK_LANGUAGE;
}

/** The writing direction of the UI in that language: `dir` on the root element. */
export function directionOf(language: UiLanguage): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
}
