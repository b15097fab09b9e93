import { safeStorage } from 'electron';
import type { KeychainSealer, KeychainState } from '../core';

/** The part of Electron's safeStorage this uses (a fake in tests). */
export type SafeStorageLike = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

/**
 * The system keychain as the core's `KeychainSealer`, for "Remember the passphrase on this
 * computer". Asked after `ready` (before it, Linux's backend reads `unknown`).
 *
 * On Linux without a keyring (no libsecret, no KWallet) safeStorage falls back to `basic_text`,
 * sealing with a key hard-coded in Chromium: anyone who can read the app-data folder could open
 * it, so it is not offered there (and the unlock screen says why). An unknown backend is treated
 * the same way: offered only when the keyring is known to be real.
 */
export function keychainSealer(storage: SafeStorageLike = safeStorage, platform: NodeJS.Platform = process.platform): KeychainSealer {
  return {
    state(): KeychainState {
      if (!storage.isEncryptionAvailable()) return 'unavailable';
      if (platform === 'linux') {
        const backend = storage.getSelectedStorageBackend?.() ?? 'unknown';
        if (backend === 'basic_text') return 'basic-text';
        if (backend === 'unknown') return 'unavailable';
      }
      return 'available';
    },
    seal: (text) => storage.encryptString(text),
    open: (sealed) => storage.decryptString(sealed),
  };
}
