/**
 * The languages the gazetteer carries names in besides English: the main languages of the regions
 * defence and OSINT analysts cover. `zh-Hant` holds only the Traditional forms that differ.
 */
export const NAME_LANGUAGES = ['ar', 'fa', 'he', 'hi', 'ja', 'ko', 'ru', 'uk', 'zh', 'zh-Hant'] as const;

export type NameLanguage = (typeof NAME_LANGUAGES)[number];
