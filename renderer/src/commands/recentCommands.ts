import type { CommandId } from '../../../electron/common/commands';
import { isCommandId } from '../../../electron/common/commands';
import { pushRecent } from '../library/recentPlaces';

/** Commands run from the palette lately, most recent first: the palette lists them first. Kept per app, not per workspace. */
const KEY = 'dossier.recentCommands';
const LIMIT = 20;

export function readRecentCommands(): CommandId[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter(isCommandId) : [];
  } catch {
    // A damaged entry only loses the order.
    return [];
  }
}

export function recordRecentCommand(id: CommandId): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(pushRecent(readRecentCommands(), id, LIMIT)));
  } catch {
    // Storage full or denied: the palette just does not remember.
  }
}
