import { useSettings } from '../settings/SettingsContext';
import { shortcutLabel } from '../ui/shortcuts';
import './firstRunGuide.css';
import { Trans, useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  // Per app, not per workspace, and in the app's settings file: the browser host starts each run
  // with a fresh browser profile, whose storage would forget it.
  const { settings, loaded, update } = useSettings();
  if (!loaded || settings.firstRunGuideDismissed || dismissedEarlier()) return null;
  // Each step is one sentence of the catalog, keys and all, so a language can order its words.
  const step = (message: 'stepHighlight' | 'stepLink' | 'stepNote' | 'stepExport', command?: Parameters<typeof shortcutLabel>[0]) => {
    const key = command ? shortcutLabel(command) : '';
    return <Trans i18nKey={`guide:${message}${command && !key ? 'NoKey' : ''}`} values={{ key }} components={{ strong: <strong />, kbd: <kbd /> }} />;
  };
  return (
    <aside className="first-run-guide" aria-labelledby="guide-title">
      <h2 id="guide-title">{t('guide:gettingStartedWithThisSample')}</h2>
      <ol>
        <li>{step('stepHighlight', 'highlight')}</li>
        <li>{step('stepLink')}</li>
        <li>{step('stepNote')}</li>
        <li>{step('stepExport', 'export')}</li>
      </ol>
      <button
        type="button"
        className="guide-dismiss"
        onClick={() => update({ firstRunGuideDismissed: true })}
      >
        {t('guide:gotItDontShowAgain')}
      </button>
    </aside>
  );
}
