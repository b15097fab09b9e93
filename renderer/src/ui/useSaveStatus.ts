import { useMemo, useState } from 'react';
import { isDossierError } from '../../../electron/common/errors';

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

export function errorMessage(error: unknown): string {
  if (isDossierError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The "Saving… / All changes saved" state of the window, fed by every write. */
export function useSaveStatus(): { status: SaveStatus; tracker: SaveTracker; hasUnsaved: () => boolean } {
  const [status, setStatus] = useState<SaveStatus>(SAVED);
  const value = useMemo(() => {
    let inFlight = 0;
    let dirty = false;
    const tracker: SaveTracker = {
      async track(promise) {
        inFlight++;
        dirty = false;
        setStatus(SAVING);
        try {
          const result = await promise;
          inFlight--;
          if (inFlight === 0 && !dirty) setStatus(SAVED);
          return result;
        } catch (error) {
          inFlight--;
          setStatus({ kind: 'error', message: errorMessage(error) });
          throw error;
        }
      },
      markDirty() {
        dirty = true;
        setStatus(SAVING);
      },
      fail(error) {
        setStatus({ kind: 'error', message: errorMessage(error) });
      },
    };
    return { tracker, hasUnsaved: () => inFlight > 0 || dirty };
  }, []);
  return { status, ...value };
}
