import { createTranslator } from '../common/i18n/translator';
import { resolveUiLanguage, type UiLanguage, type UiLanguageChoice } from '../common/i18n/uiLanguage';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The language of the native menus: the app's UI language setting, resolved against the system's
 * preferred languages exactly as the window does, so the menu bar and the window agree.
 */
let current: UiLanguage = 'en';
const translators = new Map<UiLanguage, Translate>();

/** A translator for the native menus, in `language` or the one now chosen. */
export function menuTranslator(language: UiLanguage = current): Translate {
  let t = translators.get(language);
  if (!t) {
    const instance = createTranslator(language);
    t = (key, options) => instance.t(key, options ?? {});
    translators.set(language, t);
  }
  return t;
}

/** Follows the setting; true when the language changed (the menus must be built again). */
export function setMenuLanguage(choice: UiLanguageChoice, preferred: readonly string[]): boolean {
  const next = resolveUiLanguage(choice, preferred);
  if (next === current) return false;
  current = next;
  return true;
}
