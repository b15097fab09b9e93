import { useEffect } from 'react';
import { api, onEvent } from '../api';
import { flushPendingSaves } from '../notes/pendingSaves';

let reloading = false;

/**
 * Everything the window shows belongs to one workspace (queries, open editors, the undo toast):
 * after a switch it starts afresh, as if just opened, rather than unpicking each piece.
 */
function reloadForNewWorkspace(): void {
  if (reloading) return;
  reloading = true;
  location.reload();
}

/**
 * Opens or creates another workspace in place of this one: what is being typed is saved first
 * (into the workspace it was typed in), then the core switches and the window reloads.
 * Rejects, with the worded reason, when the workspace cannot be opened; this one stays open.
 */
export async function switchWorkspace(how: { open: string } | { create: string; name: string; sample: boolean }): Promise<void> {
  await flushPendingSaves();
  if ('open' in how) await api['workspaces.open']({ path: how.open });
  else await api['workspaces.create']({ path: how.create, name: how.name, sample: how.sample });
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
        switchWorkspace({ open: path }).catch((error: unknown) => onError((error as Error).message));
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
  return cleaned || 'Workspace';
}

/** `parent` joined with `child`, using the separator `parent` is written with (the renderer has no `path`). */
export function joinPath(parent: string, child: string): string {
  const sep = parent.includes('\\') && !parent.includes('/') ? '\\' : '/';
  return parent.endsWith(sep) ? parent + child : parent + sep + child;
}
