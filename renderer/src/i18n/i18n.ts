import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { CommandId } from '../../../electron/common/commands';
import { phraseText, type ErrorPhrase } from '../../../electron/common/errorPhrase';
import { i18nOptions } from '../../../electron/common/i18n/translator';
import type { Grading } from '../../../electron/common/model/annotation';
import { EntityType as EntityTypeSchema, type EntityType } from '../../../electron/common/model/entityType';
import type { LossPhrase, StepLabel } from '../../../electron/common/model/phrase';
import { historyCommandTitle, lossText, stepText, type HistoryDirection, type Wording } from '../../../electron/common/undoTitles';
import { directionOf, isUiLanguage, resolveUiLanguage, type UiLanguage, type UiLanguageChoice } from '../../../electron/common/i18n/uiLanguage';

/** The last language shown, kept by the window so the next start paints in it before the settings arrive. */
const LANGUAGE_KEY = 'dossier.uiLanguage';

/** The system's preferred locales, most preferred first (none outside a browser, as in unit tests). */
function preferredLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages ?? [navigator.language];
}

function rememberedLanguage(): UiLanguage {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage may be unavailable (a locked-down profile): the system's language then.
  }
  return resolveUiLanguage('system', preferredLocales());
}

/**
 * The window's one i18next instance, bound to React (components read it with `useTranslation`,
 * and re-render when the language changes). Initialised synchronously on import, so the first
 * paint is already in the remembered language; `t` here is for words built outside a render.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init(i18nOptions(rememberedLanguage()));
applyDocumentLanguage(i18n.language as UiLanguage);

export const t = i18n.t.bind(i18n);

/** `lang` and `dir` on the root element: the layout mirrors through CSS logical properties. */
function applyDocumentLanguage(language: UiLanguage): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/** Follows the Settings choice: switches the instance, the root element and the remembered language. */
export function applyUiLanguage(choice: UiLanguageChoice): void {
  const language = resolveUiLanguage(choice, preferredLocales());
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // As above.
  }
  applyDocumentLanguage(language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/** The UI language now shown. */
export function uiLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'en';
}

/**
 * The locale dates and numbers are written in: the system's own variant of the UI language when
 * it has one (en-GB and en-US write dates differently), else the UI language itself.
 */
export function uiLocale(language: UiLanguage = uiLanguage()): string {
  return preferredLocales().find((l) => l.split(/[-_]/)[0]?.toLowerCase() === language) ?? language;
}

/**
 * A number in the UI's locale. Arabic digits follow the system's region rather than one choice for
 * all: plain `ar` (CLDR's default) and the Maghreb write Latin digits, which also match ISO dates,
 * identifiers and coordinates in the sources; an Egyptian or Saudi system (ar-EG, ar-SA) asks for
 * Arabic-Indic digits, which its analysts read every day, and gets them.
 */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(uiLocale(), options).format(value);
}

/** A command's title in the UI language (the registry's English title is the fallback). */
export function commandTitle(id: CommandId): string {
  return i18n.t(`commands:${id}.title`);
}

/** The things the UI counts in words; each has its plural forms in the `ui` catalog under `count.<noun>`. */
export type CountNoun = 'article' | 'changedFile' | 'entity' | 'event' | 'file' | 'filter' | 'mention' | 'relationship' | 'section' | 'word';

/**
 * "1 mention", "3 mentions", "٣ إشارات": a count and its noun in the UI language, chosen by the
 * language's own plural rules (Arabic has six forms), with the number in the UI's digits.
 */
export function countOf(n: number, noun: CountNoun): string {
  return i18n.t(`ui:count.${noun}`, { count: n, n: formatNumber(n) });
}

/** The UI's wording of what the core names by key: undo steps, and what undoing one removes. */
export const uiWording: Wording = { t: (key, options) => i18n.t(key, options ?? {}), formatNumber: (n) => formatNumber(n) };

/** An undo step's name in the UI language: "add highlight", "إضافة تظليل". */
export const stepName = (label: StepLabel): string => stepText(uiWording, label);

/** "Undo add highlight" in the UI language; the plain verb when there is nothing to take back. */
export const undoTitle = (direction: HistoryDirection, label: StepLabel | null | undefined): string => historyCommandTitle(uiWording, direction, label);

/** What undoing a step removes, in the UI language: "the note “Plan” and its text". */
export const lossName = (losses: readonly LossPhrase[]): string => lossText(uiWording, losses);

/** An entity type's name in the UI language: "Person", "شخص" (the core and the exports keep the English one). */
export const typeName = (type: EntityType | string): string => (isEntityType(type) ? i18n.t(`entities:typeName.${type}`) : type);

function isEntityType(type: string): type is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(type);
}

/** The entity types in the order the UI lists them. */
export const ENTITY_TYPES: readonly EntityType[] = EntityTypeSchema.options;

/** Words listed in a line: "Rajnath Singh, Person, ¶ 1" (Arabic separates them with "،"). */
export const listed = (parts: readonly (string | null | undefined | false)[]): string => parts.filter(Boolean).join(i18n.t('ui:listSeparator'));

/** A source reliability grade (Admiralty code A–F) in words, in the UI language: "Usually reliable". */
export const reliabilityName = (code: Grading['reliability']): string => i18n.t(`annotations:reliabilityName.${code}`);

/** An information credibility grade (1–6) in words, in the UI language: "Probably true". */
export const credibilityName = (code: Grading['credibility']): string => i18n.t(`annotations:credibilityName.${code}`);

/** Whether the catalogs hold a phrase's key and those of the phrases among its parameters. */
function knownPhrase(p: ErrorPhrase): boolean {
  return (
    // A plural's key exists only with its suffix: asking with the count finds it.
    i18n.exists(p.key, typeof p.params?.count === 'number' ? { ns: 'errors', count: p.params.count } : { ns: 'errors' }) &&
    Object.values(p.params ?? {}).every((v) => typeof v !== 'object' || !('key' in v) || knownPhrase(v))
  );
}

/**
 * An error the core raised, in the UI language: its phrase worded from the `errors` catalog, with
 * numbers in the UI's digits; its English message when it has no phrase, or one this version of
 * the window does not know (a newer core, another program).
 */
export function errorText(error: { message: string; phrase?: ErrorPhrase }): string {
  if (!error.phrase || !knownPhrase(error.phrase)) return error.message;
  return phraseText({ t: (key, options) => i18n.t(key, options), formatNumber, formatMoment }, error.phrase);
}

/** How an error's moment is written: as dates are in Settings (kept by ui/formatDate, which this module cannot import). */
let formatMoment: (iso: string) => string = (iso) => iso;
export function setMomentFormatter(format: (iso: string) => string): void {
  formatMoment = format;
}
