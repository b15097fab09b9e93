import { useState, useSyncExternalStore } from 'react';
import { isDossierError } from '../../../electron/common/errors';
import { errorText } from '../i18n/i18n';

export type SaveStatus = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

// Shared objects: setting the status it already has does not re-render the window.
const SAVING: SaveStatus = { kind: 'saving' };
const SAVED: SaveStatus = { kind: 'saved' };

export interface SaveTracker {
  /** Marks work in flight until `promise` settles; a failure is shown, then rethrown. */
  track<T>(promise: Promise<T>): Promise<T>;
  /** Typing that has not been sent yet counts as unsaved. */
  markDirty(): void;
  fail(error: unknown): void;
}

/** What went wrong, for the user: a core error in the UI language (see `errorText`), anything else as it says. */
export function errorMessage(error: unknown): string {
  if (isDossierError(error)) return errorText(error);
  return error instanceof Error ? error.message : String(error);
}

/**
 * Every write of the window and its "Saving… / All changes saved" state. Lives outside React:
 * writes report to it from anywhere (autosaves, comment drafts), and the indicator subscribes.
 */
export class SaveStatusStore implements SaveTracker {
  private inFlight = 0;
  private dirty = false;
  private status: SaveStatus = SAVED;
  private readonly listeners = new Set<() => void>();

  track = async <T,>(promise: Promise<T>): Promise<T> => {
    this.inFlight++;
    this.dirty = false;
    this.set(SAVING);
    try {
      const result = await promise;
      this.inFlight--;
      if (this.inFlight === 0 && !this.dirty) this.set(SAVED);
      return result;
    } catch (error) {
      this.inFlight--;
      this.set({ kind: 'error', message: errorMessage(error) });
      throw error;
    }
  };

  markDirty = (): void => {
    this.dirty = true;
    this.set(SAVING);
  };

  fail = (error: unknown): void => {
    this.set({ kind: 'error', message: errorMessage(error) });
  };

  hasUnsaved = (): boolean => this.inFlight > 0 || this.dirty;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SaveStatus => this.status;

  private set(status: SaveStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const l of [...this.listeners]) l();
  }
}

/** The window's save state, fed by every write. */
export function useSaveStatus(): { status: SaveStatus; tracker: SaveStatusStore; hasUnsaved: () => boolean } {
  const [store] = useState(() => new SaveStatusStore());
  const status = useSyncExternalStore(store.subscribe, store.snapshot);
  return { status, tracker: store, hasUnsaved: store.hasUnsaved };
}
