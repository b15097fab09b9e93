import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useCommand, useCommands } from '../commands/CommandProvider';
import { flushPendingSaves } from '../notes/pendingSaves';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { errorText } from '../i18n/i18n';
import { shownState, stateWord } from './syncWords';
import { needsCredentials, SYNC_STATUS_KEY, useSyncStatus } from './useSyncStatus';
import './teamSync.css';

/**
 * Where team sync stands, in the top bar, only while the workspace is linked: "Up to date",
 * "Syncing…", "Offline" … (opening the Team sync section), and "N conflicts" opening the
 * conflicts view. Also binds "Sync now" while linked.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const commands = useCommands();
  const notify = useNotify();
  const client = useQueryClient();
  const status = useSyncStatus().data;
  const linked = status !== undefined && status.state !== 'unlinked';

  useCommand(
    'sync-now',
    () => {
      void flushPendingSaves()
        .then(() => api['sync.run']({}))
        .catch((error: unknown) =>
          // The password is asked where the link is: the Team sync section of Workspaces.
          notify(
            needsCredentials(error)
              ? { tone: 'error', message: t('sync:credentialsRefused'), action: { label: t('sync:signIn'), run: () => void commands.run('workspaces') } }
              : { tone: 'error', message: errorMessage(error) },
          ),
        )
        .finally(() => void client.invalidateQueries({ queryKey: SYNC_STATUS_KEY }));
    },
    linked,
  );

  if (!status || !linked) return null;
  const state = shownState(status);
  const word = stateWord(status, t);
  return (
    <span className="sync-indicator" aria-live="polite" data-testid="sync-indicator">
      <button
        type="button"
        className={`sync-state ${state}`}
        data-state={state}
        aria-haspopup="dialog"
        aria-label={t('sync:indicatorLabel', { state: word })}
        title={(status.error && errorText({ message: status.error, phrase: status.errorPhrase })) ?? status.remote ?? undefined}
        onClick={() => commands.run('workspaces')}
      >
        <span className={`sync-dot ${state}`} aria-hidden="true" />
        {/* With conflicts waiting, their count speaks for sync and the state keeps only its dot: the bar stays short. */}
        {status.conflicts > 0 ? <span className="visually-hidden">{word}</span> : word}
      </button>
      {status.conflicts > 0 && (
        <button type="button" className="sync-conflicts-button" aria-haspopup="dialog" onClick={() => commands.run('sync-conflicts')}>
          {t('sync:conflictCount', { count: status.conflicts })}
        </button>
      )}
    </span>
  );
}
