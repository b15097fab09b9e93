import { useCallback, useSyncExternalStore } from 'react';

/**
 * What the analyst opened lately in this workspace ("article:<id>", "note:<id>" …), most recent
 * first, kept in localStorage per workspace: the quick switcher shows these first and the library
 * sorts by them.
 */
export const RECENT_LIMIT = 200;

/** `key` moved (or added) to the front, the list cut at `limit`. */
export function pushRecent(list: readonly string[], key: string, limit = RECENT_LIMIT): string[] {
  return [key, ...list.filter((k) => k !== key)].slice(0, limit);
}

const EMPTY: readonly string[] = [];
const listeners = new Set<() => void>();
const parsed = new Map<string, { raw: string | null; list: readonly string[] }>();

function storageKey(workspaceId: string): string {
  return `dossier.recent.${workspaceId}`;
}

/** The recent list as stored; the same array until it changes, as useSyncExternalStore needs. */
export function readRecent(workspaceId: string): readonly string[] {
  const key = storageKey(workspaceId);
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return EMPTY;
  }
  const cached = parsed.get(key);
  if (cached && cached.raw === raw) return cached.list;
  let list: readonly string[] = EMPTY;
  try {
    const value: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(value)) list = value.filter((v): v is string => typeof v === 'string');
  } catch {
    // A damaged entry only loses the order of recent places.
  }
  parsed.set(key, { raw, list });
  return list;
}

export function recordRecent(workspaceId: string, place: string): void {
  const list = readRecent(workspaceId);
  if (list[0] === place) return;
  try {
    localStorage.setItem(storageKey(workspaceId), JSON.stringify(pushRecent(list, place)));
  } catch {
    return;
  }
  for (const l of [...listeners]) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The workspace's recent places, re-rendering when one is opened. */
export function useRecent(workspaceId: string | null): readonly string[] {
  const snapshot = useCallback(() => (workspaceId ? readRecent(workspaceId) : EMPTY), [workspaceId]);
  return useSyncExternalStore(subscribe, snapshot);
}
