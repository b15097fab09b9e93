import { createInstance, type i18n, type InitOptions } from 'i18next';
import { NAMESPACES, RESOURCES } from './resources';
import { FALLBACK_LANGUAGE, type UiLanguage } from './uiLanguage';

/**
 * The options every i18next instance of Dossier starts from: the catalogs bundled in (nothing is
 * fetched: Dossier is offline), English as the fallback, and no HTML escaping (React escapes, and
 * native menus are not HTML). Keys are `namespace:key.path`.
 */
export function i18nOptions(language: UiLanguage): InitOptions {
  return {
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: Object.keys(RESOURCES),
    resources: RESOURCES,
    ns: NAMESPACES,
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Synchronous: the resources are in memory, and the first paint must already be translated.
    initAsync: false,
  };
}

/** A ready instance in `language`, for code outside React (the Electron shell's menus, tests). */
export function createTranslator(language: UiLanguage): i18n {
  const instance = createInstance();
  void instance.init(i18nOptions(language));
  return instance;
}
