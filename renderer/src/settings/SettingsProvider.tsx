import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { UiLanguage } from '../../../electron/common/i18n/uiLanguage';
import { DEFAULT_SETTINGS, READER_FONT_SIZE, type AppSettings, type SettingsPatch } from '../../../electron/common/model/settings';
import { api, onEvent } from '../api';
import { useCommand } from '../commands/CommandProvider';
import { setDateFormatChoice } from '../ui/formatDate';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { applyLayout, applyTheme, followSystemTheme } from './applySettings';
import { FirstRunName } from './FirstRunName';
import { SettingsContext, type SettingsState } from './SettingsContext';
import { isNarrowWindow, toggleLibraryDrawer } from '../library/libraryDrawer';
import { useTranslation } from 'react-i18next';
import { applyUiLanguage, uiLocale } from '../i18n/i18n';

const SettingsDialog = lazy(() => import('./SettingsDialog').then((m) => ({ default: m.SettingsDialog })));

export const SETTINGS_QUERY = ['settings.get', {}] as const;

/**
 * The app's settings for the whole window: read once, kept current by `settings.changed` (from
 * this window, another one, or the desktop app beside `dossier serve`), applied to the page (theme,
 * reader size, folded panels), and edited in the Settings dialog (Ctrl/Cmd+,). Asks for the
 * display name on first run.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const query = useQuery({ queryKey: SETTINGS_QUERY, queryFn: () => api['settings.get']({}), staleTime: Infinity, gcTime: Infinity });
  /**
   * What is shown, set in the same event as the click that chose it: the query cache tells its
   * readers a tick later, and a radio button or checkbox React controls would meanwhile spring back.
   */
  const [shownSettings, setShownSettings] = useState<AppSettings | null>(null);
  const settings = shownSettings ?? query.data?.settings ?? DEFAULT_SETTINGS;
  // Before the children render, so every date they write is in the format (and language) now chosen.
  setDateFormatChoice(settings.dateFormat, uiLocale(i18n.language as UiLanguage));
  const [open, setOpen] = useState(false);

  /**
   * Changes sent but not yet answered, in order: what the file says is shown with them on top, so
   * the answer to an earlier change (or its event) never undoes a later choice on screen.
   */
  const pending = useRef(new Map<number, SettingsPatch>());
  const sent = useRef(0);
  const setSettings = useCallback(
    (next: AppSettings) => {
      const shown = Object.assign({}, next, ...pending.current.values()) as AppSettings;
      setShownSettings(shown);
      queryClient.setQueryData(SETTINGS_QUERY, (old: { settings: AppSettings; suggestedName: string } | undefined) => ({ suggestedName: old?.suggestedName ?? '', settings: shown }));
    },
    [queryClient],
  );
  useEffect(
    () =>
      onEvent('settings.changed', ({ settings: next }) => {
        setSettings(next);
        // The display name is on workspace.info (who new records are attributed to).
        void queryClient.invalidateQueries({ queryKey: ['workspace.info'] });
      }),
    [queryClient, setSettings],
  );

  const update = useCallback(
    (patch: SettingsPatch) => {
      const before = queryClient.getQueryData<{ settings: AppSettings }>(SETTINGS_QUERY)?.settings ?? DEFAULT_SETTINGS;
      const n = ++sent.current;
      pending.current.set(n, patch);
      setSettings(before);
      api['settings.update']({ patch }).then(
        ({ settings: saved }) => {
          pending.current.delete(n);
          setSettings(saved);
        },
        (error: unknown) => {
          pending.current.delete(n);
          setSettings(before);
          notify({ tone: 'error', message: t('settings:theSettingWasNotSaved', { error: errorMessage(error) }) });
        },
      );
    },
    [notify, queryClient, setSettings, t],
  );

  // Only once read: until then the window shows the language it remembered (no flash of another).
  const uiLanguageChoice = query.isSuccess || shownSettings ? settings.uiLanguage : null;
  useLayoutEffect(() => {
    if (uiLanguageChoice) applyUiLanguage(uiLanguageChoice);
  }, [uiLanguageChoice]);

  const theme = settings.theme;
  const themeRef = useRef(theme);
  useEffect(() => {
    themeRef.current = theme;
    applyTheme(theme);
  }, [theme]);
  useEffect(() => followSystemTheme(() => themeRef.current), []);
  const { readerFontSize, libraryCollapsed, sidePanelCollapsed } = settings;
  useEffect(() => applyLayout({ readerFontSize, libraryCollapsed, sidePanelCollapsed }), [readerFontSize, libraryCollapsed, sidePanelCollapsed]);

  const zoom = (size: number) => update({ readerFontSize: Math.min(READER_FONT_SIZE.max, Math.max(READER_FONT_SIZE.min, size)) });
  useCommand('settings', () => setOpen(true));
  useCommand('reader-zoom-in', () => zoom(readerFontSize + READER_FONT_SIZE.step));
  useCommand('reader-zoom-out', () => zoom(readerFontSize - READER_FONT_SIZE.step));
  useCommand('reader-zoom-reset', () => zoom(READER_FONT_SIZE.default));
  // In a narrow window the library is a drawer: the command opens and closes it, leaving the setting alone.
  useCommand('toggle-library', () => (isNarrowWindow() ? toggleLibraryDrawer() : update({ libraryCollapsed: !libraryCollapsed })));
  useCommand('toggle-side-panel', () => update({ sidePanelCollapsed: !sidePanelCollapsed }));

  const loaded = query.isSuccess;
  const suggestedName = query.data?.suggestedName ?? '';
  const state = useMemo<SettingsState>(() => ({ settings, suggestedName, loaded, update }), [settings, suggestedName, loaded, update]);
  return (
    <SettingsContext.Provider value={state}>
      {children}
      {loaded && !settings.displayName && <FirstRunName suggested={suggestedName} onSave={(displayName) => update({ displayName })} />}
      {open && (
        <Suspense fallback={null}>
          <SettingsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </SettingsContext.Provider>
  );
}
