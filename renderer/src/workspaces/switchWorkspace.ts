import { useEffect } from 'react';
import { api, onEvent } from '../api';
import { flushPendingSaves } from '../notes/pendingSaves';
import { t } from '../i18n/i18n';
import { errorMessage } from '../ui/useSaveStatus';

let reloading = false;
/** While a new encrypted workspace's recovery key shows, the reload waits for "I have stored it". */
let held = false;

/**
 * Everything the window shows belongs to one workspace (queries, open editors, the undo toast):
 * after a switch it starts afresh, as if just opened, rather than unpicking each piece.
 */
function reloadForNewWorkspace(): void {
  if (reloading || held) return;
  reloading = true;
  location.reload();
}

/**
 * Opens or creates another workspace in place of this one: what is being typed is saved first
 * (into the workspace it was typed in), then the core switches and the window reloads.
 * Rejects, with the worded reason, when the workspace cannot be opened; this one stays open.
 */
export async function switchWorkspace(how: { open: string } | { create: string; name: string; sample: boolean; passphrase?: string }): Promise<{ recoveryKey?: string }> {
  await flushPendingSaves();
  if ('open' in how) await api['workspaces.open']({ path: how.open });
  else if (how.passphrase !== undefined) {
    // The window stays as it is until the recovery key, shown once, is stored: then finishSwitch reloads it.
    held = true;
    try {
      const { recoveryKey } = await api['workspaces.create']({ path: how.create, name: how.name, sample: how.sample, passphrase: how.passphrase });
      if (recoveryKey) return { recoveryKey };
    } catch (error) {
      held = false;
      throw error;
    }
    held = false;
  } else await api['workspaces.create']({ path: how.create, name: how.name, sample: how.sample });
  reloadForNewWorkspace();
  return {};
}

/**
 * Creates an empty workspace and switches the core to it, holding this window as it is while the
 * caller goes on with the new one (a team workspace's first sync, its progress shown here);
 * `finishSwitch` then reloads onto it. Rejects, worded, when it cannot be created (nothing held).
 */
export async function createAndHold(path: string, name: string): Promise<void> {
  await flushPendingSaves();
  held = true;
  try {
    await api['workspaces.create']({ path, name, sample: false });
  } catch (error) {
    held = false;
    throw error;
  }
}

/** The recovery key of a new encrypted workspace is stored: the window opens that workspace. */
export function finishSwitch(): void {
  held = false;
  reloadForNewWorkspace();
}

/**
 * Follows switches made elsewhere (another tab of `dossier serve`, File › Open Recent): reloads
 * when another workspace opened, and opens the one the menu asked for, reporting failures.
 */
export function useWorkspaceSwitching(onError: (message: string) => void): void {
  useEffect(() => onEvent('workspace.switched', () => reloadForNewWorkspace()), []);
  useEffect(
    () =>
      onEvent('app.openWorkspace', ({ path }) => {
        switchWorkspace({ open: path }).catch((error: unknown) => onError(errorMessage(error)));
      }),
    [onError],
  );
}

/** A folder name made from a workspace's name: no characters that Windows, macOS or Linux refuse in file names. */
export function folderNameFor(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return cleaned || t('workspaces:workspace');
}

/** `parent` joined with `child`, using the separator `parent` is written with (the renderer has no `path`). */
export function joinPath(parent: string, child: string): string {
  const sep = parent.includes('\\') && !parent.includes('/') ? '\\' : '/';
  return parent.endsWith(sep) ? parent + child : parent + sep + child;
}
