import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, onEvent } from '../api';
import { useCommand } from '../commands/CommandProvider';
import { flushPendingSaves } from '../notes/pendingSaves';
import { errorMessage } from '../ui/useSaveStatus';

/** How often at most the window tells the core someone is at work (the idle lock counts in minutes). */
const ACTIVITY_EVERY_MS = 30_000;

/**
 * Locks the open workspace: what is being typed is saved first, then the core closes it and
 * forgets its key, and every window (this one too) reloads onto the unlock screen.
 */
export async function lockWorkspace(): Promise<void> {
  await flushPendingSaves();
  await api['workspaces.lock']({});
}

/**
 * The window's part of locking: the "Lock workspace" command (offered while the open workspace is
 * encrypted), the unlock screen after a lock made anywhere, and telling the core when the analyst
 * types or points, so an idle lock never lands on someone at work.
 */
export function useWorkspaceLock(onError: (message: string) => void): void {
  const recent = useQuery({ queryKey: ['workspaces.recent'], queryFn: () => api['workspaces.recent']({}), gcTime: 0 });
  const encrypted = recent.data?.currentEncrypted === true;
  useCommand('lock-workspace', () => void lockWorkspace().catch((error: unknown) => onError(errorMessage(error))), encrypted);
  useEffect(() => onEvent('workspace.locked', () => location.reload()), []);
  useEffect(() => {
    if (!encrypted) return;
    let last = 0;
    const active = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_EVERY_MS) return;
      last = now;
      void api['workspaces.activity']({}).catch(() => undefined);
    };
    const kinds = ['keydown', 'pointerdown', 'wheel', 'pointermove'] as const;
    for (const kind of kinds) window.addEventListener(kind, active, { passive: true, capture: true });
    return () => {
      for (const kind of kinds) window.removeEventListener(kind, active, { capture: true });
    };
  }, [encrypted]);
}
