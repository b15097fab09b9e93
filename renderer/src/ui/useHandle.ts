import { useState } from 'react';

/**
 * A component's imperative handle that may not exist yet (a lazily loaded panel): `attach` is its
 * ref, and `ready()` resolves with the handle once React has mounted it — no polling.
 */
export function useHandle<T>(): { attach: (handle: T | null) => void; ready(): Promise<T> } {
  const [slot] = useState(() => {
    let current: T | null = null;
    let waiting: ((handle: T) => void)[] = [];
    return {
      attach(handle: T | null) {
        current = handle;
        if (!handle) return;
        const resolve = waiting;
        waiting = [];
        for (const r of resolve) r(handle);
      },
      ready(): Promise<T> {
        return current ? Promise.resolve(current) : new Promise<T>((resolve) => waiting.push(resolve));
      },
    };
  });
  return slot;
}
