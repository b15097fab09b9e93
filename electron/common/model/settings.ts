import { z } from 'zod';

/**
 * The app's own settings (settings.json in the app-data folder, shared by the desktop app and
 * `dossier serve`), as opposed to the workspace's (colour meanings, backups), which travel with
 * the workspace. Every field has a default and falls back to it on its own when the file holds
 * something this version cannot use, so one bad value never costs the analyst the others.
 */

/** Bumped with a migration in core/settings when the meaning of a field changes. */
export const SETTINGS_VERSION = 1;

export const ThemeChoice = z.enum(['system', 'light', 'dark']);
export type ThemeChoice = z.infer<typeof ThemeChoice>;

/** How dates are shown to people, in the app and in exported briefs. */
export const DateFormatChoice = z.enum(['locale', 'iso', 'day-month-year']);
export type DateFormatChoice = z.infer<typeof DateFormatChoice>;

/** The language of Dossier's own words (menus, buttons, messages); `system` follows the system's if shipped, else English. */
export const UiLanguageChoice = z.enum(['system', 'en', 'ar']);
export type UiLanguageChoice = z.infer<typeof UiLanguageChoice>;

/** The reader's text size in CSS pixels; Ctrl/Cmd+= and Ctrl/Cmd+- step through this range. */
export const READER_FONT_SIZE = { min: 12, max: 32, default: 17, step: 1 } as const;

const DisplayName = z.string().trim().max(200);
const BriefLine = z.string().trim().max(500);
/** Up to a day: past that an idle lock protects nothing a locked screen does not. */
const IdleMinutes = z.number().int().min(0).max(1440);
const FontSize = z.number().int().min(READER_FONT_SIZE.min).max(READER_FONT_SIZE.max);

export const AppSettings = z.object({
  version: z.number().int().positive().catch(SETTINGS_VERSION),
  /** Who the analyst is on replies, comments in Word, JSON-LD `creator` and "Prepared by"; empty until asked on first run. */
  displayName: DisplayName.catch(''),
  /** A new brief's author line (empty: the display name). */
  briefAuthor: BriefLine.catch(''),
  /** A new brief's classification / handling line. */
  briefHandling: BriefLine.catch(''),
  theme: ThemeChoice.catch('system'),
  dateFormat: DateFormatChoice.catch('locale'),
  readerFontSize: FontSize.catch(READER_FONT_SIZE.default),
  /** Side panels folded away by the analyst (remembered across starts). */
  libraryCollapsed: z.boolean().catch(false),
  sidePanelCollapsed: z.boolean().catch(false),
  /** The first-run guide over the sample was dismissed: it never shows again, in any workspace. */
  firstRunGuideDismissed: z.boolean().catch(false),
  uiLanguage: UiLanguageChoice.catch('system'),
  /** An encrypted workspace locks itself after this many minutes without use; 0: never. */
  lockAfterIdleMinutes: IdleMinutes.catch(15),
});
export type AppSettings = z.output<typeof AppSettings>;

/** The settings every field of which is at its default. */
export const DEFAULT_SETTINGS: AppSettings = AppSettings.parse({});

/** What `settings.update` may change: any field but the version, checked strictly (a bad value is an error, not a default). */
export const SettingsPatch = z
  .object({
    displayName: DisplayName,
    briefAuthor: BriefLine,
    briefHandling: BriefLine,
    theme: ThemeChoice,
    dateFormat: DateFormatChoice,
    readerFontSize: FontSize,
    libraryCollapsed: z.boolean(),
    sidePanelCollapsed: z.boolean(),
    firstRunGuideDismissed: z.boolean(),
    uiLanguage: UiLanguageChoice,
    lockAfterIdleMinutes: IdleMinutes,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
