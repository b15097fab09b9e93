import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../electron/common/model/sync';

/** The state the indicator and the Team sync section show, one word each (colour is never the only sign). */
export type ShownState = 'upToDate' | 'syncing' | 'offline' | 'error' | 'paused';

/**
 * A linked workspace that is not syncing live (the app was restarted: the core keeps no password)
 * is paused, not "up to date": nothing arrives until the analyst syncs again.
 */
export function shownState(status: SyncStatus): ShownState {
  switch (status.state) {
    case 'syncing':
      return 'syncing';
    case 'offline':
      return 'offline';
    case 'error':
      return 'error';
    default:
      return status.live === false ? 'paused' : 'upToDate';
  }
}

/** The state in a few words (the indicator). */
export function stateWord(status: SyncStatus, t: TFunction): string {
  return t(`sync:short.${shownState(status)}`);
}

/** The state in a sentence (the Team sync section shows the core's own words for what went wrong beside it). */
export function stateSentence(status: SyncStatus, t: TFunction): string {
  return t(`sync:long.${shownState(status)}`);
}
