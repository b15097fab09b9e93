import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { PaletteEntry } from '../../../electron/common/model/palette';
import { DateFormatChoice, READER_FONT_SIZE, ThemeChoice } from '../../../electron/common/model/settings';
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

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const DATE_LABELS: Record<DateFormatChoice, string> = { locale: 'Locale (default)', iso: 'ISO', 'day-month-year': 'Day month year' };
const EXAMPLE_DAY = '2025-05-05';

/**
 * Settings (Ctrl/Cmd+,): the app's own (name, brief defaults, theme, dates, reader size), saved
 * as each changes, and the workspace's (colour meanings, backups), which travel with the workspace.
 */
export function SettingsDialog({ onClose }: { onClose(): void }) {
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
        <h2 id={`${id}-title`}>Settings</h2>
        <button type="button" className="settings-close" aria-label="Close settings" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <p className="settings-hint">Changes apply at once. These settings are Dossier’s own, for every workspace; colour meanings and backups belong to this workspace.</p>

      <section aria-labelledby={`${id}-you`}>
        <h3 id={`${id}-you`}>You</h3>
        <TextSetting label="Display name" value={settings.displayName} required onCommit={(displayName) => update({ displayName })} hint="On your replies, Word comments, JSON-LD creator and “Prepared by”; new records only." />
        <TextSetting label="Author of new briefs" value={settings.briefAuthor} placeholder={settings.displayName || 'Your display name'} onCommit={(briefAuthor) => update({ briefAuthor })} />
        <TextSetting label="Handling line of new briefs" value={settings.briefHandling} placeholder="e.g. OFFICIAL-SENSITIVE" onCommit={(briefHandling) => update({ briefHandling })} />
      </section>

      <section aria-labelledby={`${id}-look`}>
        <h3 id={`${id}-look`}>Appearance</h3>
        <fieldset className="settings-choice">
          <legend>Theme</legend>
          {ThemeChoice.options.map((choice) => (
            <label key={choice}>
              <input type="radio" name={`${id}-theme`} value={choice} checked={settings.theme === choice} onChange={() => update({ theme: choice })} />
              {THEME_LABELS[choice]}
            </label>
          ))}
        </fieldset>
        <label className="settings-field">
          Date format
          <select value={settings.dateFormat} onChange={(e) => update({ dateFormat: e.target.value as DateFormatChoice })}>
            {DateFormatChoice.options.map((choice) => (
              <option key={choice} value={choice}>
                {DATE_LABELS[choice]} — {formatDate(EXAMPLE_DAY, choice)}
              </option>
            ))}
          </select>
        </label>
        <div className="settings-field">
          <label htmlFor={`${id}-size`}>Reader text size</label>
          <div className="settings-size">
            <input
              id={`${id}-size`}
              type="range"
              min={READER_FONT_SIZE.min}
              max={READER_FONT_SIZE.max}
              step={READER_FONT_SIZE.step}
              value={settings.readerFontSize}
              aria-valuetext={`${settings.readerFontSize} pixels`}
              onChange={(e) => update({ readerFontSize: Number(e.target.value) })}
            />
            <output htmlFor={`${id}-size`}>{settings.readerFontSize} px</output>
            <button type="button" onClick={() => update({ readerFontSize: READER_FONT_SIZE.default })} disabled={settings.readerFontSize === READER_FONT_SIZE.default}>
              Reset
            </button>
          </div>
          <span className="settings-hint">
            In the reader: {shortcutOf('reader-zoom-in', isMac)}, {shortcutOf('reader-zoom-out', isMac)} and {shortcutOf('reader-zoom-reset', isMac)}.
          </span>
        </div>
        <fieldset className="settings-choice">
          <legend>Panels</legend>
          <label>
            <input type="checkbox" checked={!settings.libraryCollapsed} onChange={(e) => update({ libraryCollapsed: !e.target.checked })} />
            Show the library
          </label>
          <label>
            <input type="checkbox" checked={!settings.sidePanelCollapsed} onChange={(e) => update({ sidePanelCollapsed: !e.target.checked })} />
            Show the side panel beside an article
          </label>
        </fieldset>
      </section>

      <section aria-labelledby={`${id}-workspace`}>
        <h3 id={`${id}-workspace`}>This workspace</h3>
        <ColourMeanings />
        <div className="settings-field">
          <span>Backups</span>
          <span className="settings-hint">Taken on their own after opening, every ten minutes of work and on closing; restore a file or the whole workspace from the list.</span>
          <div>
            <button
              type="button"
              onClick={() => {
                dialog.current?.close();
                commands.run('backups');
              }}
            >
              Open backups…
            </button>
          </div>
        </div>
      </section>
    </dialog>
  );
}

/** A text setting saved when the analyst leaves the field or presses Enter (not at each keystroke). */
function TextSetting({ label, value, onCommit, placeholder, hint, required }: { label: string; value: string; onCommit(value: string): void; placeholder?: string; hint?: string; required?: boolean }) {
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
        maxLength={label === 'Display name' ? 200 : 500}
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
  const notify = useNotify();
  const palette = useQuery(queries.workspace()).data?.palette ?? [];
  const save = useMutation({
    mutationFn: (next: PaletteEntry[]) => api['workspace.setPalette']({ palette: next }),
    onError: (error: unknown) => notify({ tone: 'error', message: `The colour meaning was not saved: ${errorMessage(error)}` }),
  });
  return (
    <fieldset className="settings-colours">
      <legend>Colour meanings</legend>
      {palette.map((entry) => (
        <label key={entry.key} className="settings-colour">
          <span className={`swatch colour-${entry.key}`} style={{ background: entry.color }} aria-hidden="true" />
          <span className="visually-hidden">Meaning of {entry.key}</span>
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
