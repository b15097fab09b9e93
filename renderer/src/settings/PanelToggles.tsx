import { useCommands } from '../commands/CommandProvider';
import { LIBRARY_DRAWER_ID, LIBRARY_TOGGLE_ID, useLibraryDrawerOpen, useNarrowWindow } from '../library/libraryDrawer';
import { useSettings } from './SettingsContext';
import './settings.css';
import { useTranslation } from 'react-i18next';

/**
 * Top-bar switches that fold the library and the article's side panel away (remembered in Settings).
 * In a narrow window the library is a drawer, and its button opens it.
 */
export function PanelToggles() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const commands = useCommands();
  const narrow = useNarrowWindow();
  const drawerOpen = useLibraryDrawerOpen();
  const libraryState = narrow ? { 'aria-expanded': drawerOpen, 'aria-controls': LIBRARY_DRAWER_ID } : { 'aria-pressed': !settings.libraryCollapsed };
  return (
    <>
      <button
        type="button"
        id={LIBRARY_TOGGLE_ID}
        className={`panel-toggle${narrow ? ' drawer-toggle' : ''}`}
        {...libraryState}
        onClick={() => commands.run('toggle-library')}
        title={narrow ? t('settings:openTheLibrary') : t('settings:showOrHideTheLibrary')}
      >
        {t('settings:library')}
      </button>
      <button type="button" className="panel-toggle" aria-pressed={!settings.sidePanelCollapsed} onClick={() => commands.run('toggle-side-panel')} title={t('settings:showOrHideTheSide')}>
        {t('settings:sidePanel')}
      </button>
    </>
  );
}
