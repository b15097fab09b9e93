import { useCommands } from '../commands/CommandProvider';
import { useSettings } from './SettingsContext';
import './settings.css';

/** Top-bar switches that fold the library and the article's side panel away (remembered in Settings). */
export function PanelToggles() {
  const { settings } = useSettings();
  const commands = useCommands();
  return (
    <>
      <button type="button" className="panel-toggle" aria-pressed={!settings.libraryCollapsed} onClick={() => commands.run('toggle-library')} title="Show or hide the library">
        Library
      </button>
      <button type="button" className="panel-toggle" aria-pressed={!settings.sidePanelCollapsed} onClick={() => commands.run('toggle-side-panel')} title="Show or hide the side panel beside an article">
        Side panel
      </button>
    </>
  );
}
