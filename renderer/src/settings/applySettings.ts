import type { AppSettings, ThemeChoice } from '../../../electron/common/model/settings';

/** The last theme chosen, kept by the window so the next start paints in it before the settings arrive. */
const THEME_KEY = 'dossier.theme';

const darkQuery = () => window.matchMedia?.('(prefers-color-scheme: dark)');

/** Light or dark, with System following the operating system's choice. */
export function resolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return darkQuery()?.matches ? 'dark' : 'light';
}

/** `data-theme` on the root element redefines the colour variables (theme.css). */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  root.dataset.theme = resolvedTheme(choice);
  root.dataset.themeChoice = choice;
  try {
    localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage may be unavailable (a locked-down profile): the theme still applies.
  }
}

/** Called once before the first paint, so a dark window does not flash white while settings load. */
export function applyRememberedTheme(): void {
  let choice: ThemeChoice = 'system';
  try {
    const stored = localStorage.getItem(THEME_KEY);
    if (stored === 'light' || stored === 'dark') choice = stored;
  } catch {
    // As above.
  }
  applyTheme(choice);
}

/** Re-resolves System when the operating system switches between light and dark. */
export function followSystemTheme(current: () => ThemeChoice): () => void {
  const query = darkQuery();
  if (!query) return () => undefined;
  const onChange = () => {
    if (current() === 'system') applyTheme('system');
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The settings the layout reads from the root element: the reader's text size and the folded panels. */
export function applyLayout(settings: Pick<AppSettings, 'readerFontSize' | 'libraryCollapsed' | 'sidePanelCollapsed'>): void {
  const root = document.documentElement;
  root.style.setProperty('--reader-font-size', `${settings.readerFontSize}px`);
  root.dataset.library = settings.libraryCollapsed ? 'collapsed' : 'open';
  root.dataset.sidePanel = settings.sidePanelCollapsed ? 'collapsed' : 'open';
}
