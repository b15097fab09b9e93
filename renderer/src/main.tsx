// First: the catalogs and the window's language, before any component is defined or painted.
import './i18n/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CommandProvider } from './commands/CommandProvider';
import { DataProvider } from './data/DataProvider';
import { applyRememberedTheme } from './settings/applySettings';
import { SettingsProvider } from './settings/SettingsProvider';
import { ToastProvider } from './ui/Toasts';
import './styles.css';
import './theme/theme.css';
import './theme/fonts.css';
import './settings/layout.css';
import './i18n/rtl.css';

// Before the first paint: a dark window must not flash white while the settings are read.
applyRememberedTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DataProvider>
      <CommandProvider>
        <ToastProvider>
          <SettingsProvider>
            <App />
          </SettingsProvider>
        </ToastProvider>
      </CommandProvider>
    </DataProvider>
  </StrictMode>,
);
