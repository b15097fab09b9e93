import { useMemo } from 'react';
import type { DateFormatChoice } from '../../../electron/common/model/settings';
import { formatDate, formatDateTime, type DateValue } from '../../../electron/common/text/dateFormat';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../electron/common/i18n/uiLanguage';
import { setMomentFormatter, uiLocale } from '../i18n/i18n';
import { useSettings } from '../settings/SettingsContext';

/**
 * Every date the app shows goes through here, so it is written one way everywhere: the format
 * chosen in Settings (the locale's, ISO, or day month year). A calendar date ("2025-05-05",
 * "2025-05") stays the day it names; a timestamp shows in the analyst's time zone.
 */
export interface DateFormatter {
  choice: DateFormatChoice;
  /** The date alone ("5 May 2025"); `weekday` adds the day's name to a calendar day. */
  date(value: DateValue, options?: { weekday?: boolean }): string;
  /** Date and time ("5 May 2025, 14:03"). */
  dateTime(value: DateValue): string;
}

export function dateFormatter(choice: DateFormatChoice, locale?: string): DateFormatter {
  return {
    choice,
    date: (value, options) => formatDate(value, choice, { locale, weekday: options?.weekday }),
    dateTime: (value) => formatDateTime(value, choice, { locale }),
  };
}

/** The formatter of the current date-format setting (re-renders when it changes). */
export function useDates(): DateFormatter {
  const choice = useSettings().settings.dateFormat;
  // The UI language's locale: an Arabic window writes its dates in Arabic.
  const language = useTranslation().i18n.language as UiLanguage;
  return useMemo(() => dateFormatter(choice, uiLocale(language)), [choice, language]);
}

let current: DateFormatter = dateFormatter('locale', uiLocale());
let currentLocale = uiLocale();
// The time an error names ("open in another Dossier since …") is written like every other.
setMomentFormatter((iso) => current.dateTime(iso));

/** For words built outside a render (a toast's message): the setting as it is now. */
export function dates(): DateFormatter {
  return current;
}

/** Kept by the settings provider as the setting changes. */
export function setDateFormatChoice(choice: DateFormatChoice, locale: string): void {
  if (current.choice !== choice || currentLocale !== locale) {
    current = dateFormatter(choice, locale);
    currentLocale = locale;
  }
}
