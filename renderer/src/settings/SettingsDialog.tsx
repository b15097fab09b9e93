import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { PaletteEntry } from '../../../electron/common/model/palette';
import { DateFormatChoice, READER_FONT_SIZE, ThemeChoice, UiLanguageChoice } from '../../../electron/common/model/settings';
import { shortcutOf } from '../../../electron/common/commands';
import { formatDate } from '../../../electron/common/text/dateFormat';
import { api } from '../api';
import { useCommands } from '../commands/CommandProvider';
import { queries } from '../data/queries';
import { isMac } from '../ui/shortcuts';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { useSettings } from './SettingsContext';
import './settings.css';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../electron/common/i18n/uiLanguage';
import { uiLocale } from '../i18n/i18n';

/** Catalog keys (settings namespace) of the choices, translated where shown. */
const THEME_LABELS = { system: 'settings:themeSystem', light: 'settings:themeLight', dark: 'settings:themeDark' } as const satisfies Record<ThemeChoice, string>;
const DATE_LABELS = { locale: 'settings:dateLocale', iso: 'settings:dateIso', 'day-month-year': 'settings:dateDayMonthYear' } as const satisfies Record<DateFormatChoice, string>;
/** Each language is named in itself, so whoever cannot read the current one still finds theirs. */
const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', ar: 'العربية' };
const EXAMPLE_DAY = '2025-05-05';

/**
 * Settings (Ctrl/Cmd+,): the app's own (name, brief defaults, theme, dates, reader size), saved
 * as each changes, and the workspace's (colour meanings, backups), which travel with the workspace.
 */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { settings, update } = useSettings();
  const commands = useCommands();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="settings-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="settings-head">
        <h2 id={`${id}-title`}>{t('settings:settings')}</h2>
        <button type="button" className="settings-close" aria-label={t('settings:closeSettings')} onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <p className="settings-hint">{t('settings:changesApplyAtOnceThese')}</p>

      <section aria-labelledby={`${id}-you`}>
        <h3 id={`${id}-you`}>{t('settings:you')}</h3>
        <TextSetting label={t('settings:displayName')} value={settings.displayName} required onCommit={(displayName) => update({ displayName })} hint={t('settings:onYourRepliesWordComments')} maxLength={200} />
        <TextSetting label={t('settings:authorOfNewBriefs')} value={settings.briefAuthor} placeholder={settings.displayName || t('settings:yourDisplayName')} onCommit={(briefAuthor) => update({ briefAuthor })} />
        <TextSetting label={t('settings:handlingLineOfNewBriefs')} value={settings.briefHandling} placeholder={t('settings:eGOfficialSensitive')} onCommit={(briefHandling) => update({ briefHandling })} />
      </section>

      <section aria-labelledby={`${id}-look`}>
        <h3 id={`${id}-look`}>{t('settings:appearance')}</h3>
        <fieldset className="settings-choice">
          <legend>{t('settings:theme')}</legend>
          {ThemeChoice.options.map((choice) => (
            <label key={choice}>
              <input type="radio" name={`${id}-theme`} value={choice} checked={settings.theme === choice} onChange={() => update({ theme: choice })} />
              {t(THEME_LABELS[choice])}
            </label>
          ))}
        </fieldset>
        <label className="settings-field">
          {t('settings:language')}
          <select value={settings.uiLanguage} onChange={(e) => update({ uiLanguage: e.target.value as UiLanguageChoice })}>
            {UiLanguageChoice.options.map((choice) => (
              <option key={choice} value={choice} lang={choice === 'system' ? undefined : choice}>
                {choice === 'system' ? t('settings:languageSystem') : LANGUAGE_NAMES[choice]}
              </option>
            ))}
          </select>
        </label>
        <label className="settings-field">
          {t('settings:dateFormat')}
          <select value={settings.dateFormat} onChange={(e) => update({ dateFormat: e.target.value as DateFormatChoice })}>
            {DateFormatChoice.options.map((choice) => (
              <option key={choice} value={choice}>
                {t(DATE_LABELS[choice])} — {formatDate(EXAMPLE_DAY, choice, { locale: uiLocale() })}
              </option>
            ))}
          </select>
        </label>
        <div className="settings-field">
          <label htmlFor={`${id}-size`}>{t('settings:readerTextSize')}</label>
          <div className="settings-size">
            <input
              id={`${id}-size`}
              type="range"
              min={READER_FONT_SIZE.min}
              max={READER_FONT_SIZE.max}
              step={READER_FONT_SIZE.step}
              value={settings.readerFontSize}
              aria-valuetext={t('settings:pixels', { readerFontSize: settings.readerFontSize })}
              onChange={(e) => update({ readerFontSize: Number(e.target.value) })}
            />
            <output htmlFor={`${id}-size`}>{t('settings:px', { readerFontSize: settings.readerFontSize })}</output>
            <button type="button" onClick={() => update({ readerFontSize: READER_FONT_SIZE.default })} disabled={settings.readerFontSize === READER_FONT_SIZE.default}>
              {t('settings:reset')}
            </button>
          </div>
          <span className="settings-hint">
            {t('settings:inTheReaderAnd', { shortcut: shortcutOf('reader-zoom-in', isMac), shortcut2: shortcutOf('reader-zoom-out', isMac), shortcut3: shortcutOf('reader-zoom-reset', isMac) })}
          </span>
        </div>
        <fieldset className="settings-choice">
          <legend>{t('settings:panels')}</legend>
          <label>
            <input type="checkbox" checked={!settings.libraryCollapsed} onChange={(e) => update({ libraryCollapsed: !e.target.checked })} />
            {t('settings:showTheLibrary')}
          </label>
          <label>
            <input type="checkbox" checked={!settings.sidePanelCollapsed} onChange={(e) => update({ sidePanelCollapsed: !e.target.checked })} />
            {t('settings:showTheSidePanelBeside')}
          </label>
        </fieldset>
        <label className="settings-field">
          {t('security:lockAfterIdle')}
          <select value={settings.lockAfterIdleMinutes} aria-describedby={`${id}-idle`} onChange={(e) => update({ lockAfterIdleMinutes: Number(e.target.value) })}>
            {[...new Set([0, 5, 10, 15, 30, 60, 120, settings.lockAfterIdleMinutes])]
              .sort((a, b) => a - b)
              .map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes === 0 ? t('security:never') : t('security:minutes', { count: minutes })}
                </option>
              ))}
          </select>
          <span id={`${id}-idle`} className="settings-hint">
            {t('security:lockAfterIdleHint')}
          </span>
        </label>
      </section>

      <section aria-labelledby={`${id}-workspace`}>
        <h3 id={`${id}-workspace`}>{t('settings:thisWorkspace')}</h3>
        <ColourMeanings />
        <div className="settings-field">
          <span>{t('settings:backups')}</span>
          <span className="settings-hint">{t('settings:takenOnTheirOwnAfter')}</span>
          <div>
            <button
              type="button"
              onClick={() => {
                dialog.current?.close();
                commands.run('backups');
              }}
            >
              {t('settings:openBackups')}
            </button>
          </div>
        </div>
      </section>
    </dialog>
  );
}

/** A text setting saved when the analyst leaves the field or presses Enter (not at each keystroke). */
function TextSetting({ label, value, onCommit, placeholder, hint, required, maxLength = 500 }: { label: string; value: string; onCommit(value: string): void; placeholder?: string; hint?: string; required?: boolean; maxLength?: number }) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  const shown = editing ? draft : value;
  const commit = () => {
    setEditing(false);
    const next = draft.trim();
    if (next === value || (required && !next)) return;
    onCommit(next);
  };
  const hintId = useId();
  return (
    <label className="settings-field">
      {label}
      <input
        value={shown}
        placeholder={placeholder}
        dir="auto"
        maxLength={maxLength}
        aria-invalid={required && editing && !draft.trim() ? true : undefined}
        aria-describedby={hint ? hintId : undefined}
        onFocus={() => {
          setDraft(value);
          setEditing(true);
        }}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      {hint && (
        <span id={hintId} className="settings-hint">
          {hint}
        </span>
      )}
    </label>
  );
}

/** What each highlight colour means in this workspace (renamed for everyone who opens it; undoable). */
function ColourMeanings() {
  const { t } = useTranslation();
  const notify = useNotify();
  const palette = useQuery(queries.workspace()).data?.palette ?? [];
  const save = useMutation({
    mutationFn: (next: PaletteEntry[]) => api['workspace.setPalette']({ palette: next }),
    onError: (error: unknown) => notify({ tone: 'error', message: t('settings:theColourMeaningWasNot', { error: errorMessage(error) }) }),
  });
  return (
    <fieldset className="settings-colours">
      <legend>{t('settings:colourMeanings')}</legend>
      {palette.map((entry) => (
        <label key={entry.key} className="settings-colour">
          <span className={`swatch colour-${entry.key}`} style={{ background: entry.color }} aria-hidden="true" />
          <span className="visually-hidden">{t('settings:meaningOf', { key: entry.key })}</span>
          <ColourLabel
            entry={entry}
            onCommit={(label) => save.mutate(palette.map((p) => (p.key === entry.key ? { ...p, label } : p)))}
          />
        </label>
      ))}
    </fieldset>
  );
}

function ColourLabel({ entry, onCommit }: { entry: PaletteEntry; onCommit(label: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const next = draft?.trim();
    setDraft(null);
    if (next && next !== entry.label) onCommit(next);
  };
  return (
    <input
      value={draft ?? entry.label}
      maxLength={40}
      dir="auto"
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
