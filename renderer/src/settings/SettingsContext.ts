import { createContext, useContext } from 'react';
import { DEFAULT_SETTINGS, type AppSettings, type SettingsPatch } from '../../../electron/common/model/settings';

export interface SettingsState {
  settings: AppSettings;
  /** The system's full name for the analyst ('' when it has none), offered as the display name. */
  suggestedName: string;
  /** False until the settings have been read: the first-run prompt waits for them. */
  loaded: boolean;
  /** Applies at once on screen, then saves; a change that cannot be saved is put back and told. */
  update(patch: SettingsPatch): void;
}

export const SettingsContext = createContext<SettingsState>({
  settings: DEFAULT_SETTINGS,
  suggestedName: '',
  loaded: false,
  update: () => undefined,
});

export function useSettings(): SettingsState {
  return useContext(SettingsContext);
}
