import { useSettings } from '../settings/SettingsContext';
import { shortcutLabel } from '../ui/shortcuts';
import './firstRunGuide.css';

/** Where earlier versions kept the dismissal: honoured, so nobody sees the guide again. */
const OLD_DISMISSED_KEY = 'dossier.firstRunGuide.dismissed';

function dismissedEarlier(): boolean {
  try {
    return localStorage.getItem(OLD_DISMISSED_KEY) !== null;
  } catch {
    return false;
  }
}

/** Four steps through what Dossier is for, above the first article a new user reads. */
export function FirstRunGuide() {
  // Per app, not per workspace, and in the app's settings file: the browser host starts each run
  // with a fresh browser profile, whose storage would forget it.
  const { settings, loaded, update } = useSettings();
  if (!loaded || settings.firstRunGuideDismissed || dismissedEarlier()) return null;
  const key = (id: Parameters<typeof shortcutLabel>[0]) => {
    const label = shortcutLabel(id);
    return label ? <kbd>{label}</kbd> : null;
  };
  return (
    <aside className="first-run-guide" aria-labelledby="guide-title">
      <h2 id="guide-title">Getting started with this sample</h2>
      <ol>
        <li>
          <strong>Highlight</strong> a passage: select words in the article, then choose Highlight + comment ({key('highlight')}).
        </li>
        <li>
          <strong>Link an entity</strong>: select a name such as “Rajnath Singh” and choose Link to entity…, or review the names found under the Entities tab.
        </li>
        <li>
          <strong>Write a note</strong>: select a passage and choose Cite in note, or open the Notes tab; quotes keep a link back to the article.
        </li>
        <li>
          <strong>Export a brief</strong>: Export article… ({key('export')}) saves this article with its highlights; Briefs gathers several.
        </li>
      </ol>
      <button
        type="button"
        className="guide-dismiss"
        onClick={() => update({ firstRunGuideDismissed: true })}
      >
        Got it, don’t show again
      </button>
    </aside>
  );
}
