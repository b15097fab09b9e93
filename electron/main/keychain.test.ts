import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RememberedKeys } from '../core';

// require('electron') from plain Node tries to download the binary: tests get a fake safeStorage.
const fake = vi.hoisted(() => {
  const safeStorage = {
    available: true,
    backend: 'gnome_libsecret',
    isEncryptionAvailable: () => safeStorage.available,
    getSelectedStorageBackend: () => safeStorage.backend,
    // Reversible, and not the text itself: enough to see what is sealed and what is not.
    encryptString: vi.fn((text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`)),
    decryptString: vi.fn((sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice('sealed:'.length), 'hex').toString();
    }),
  };
  return { safeStorage };
});
vi.mock('electron', () => ({ safeStorage: fake.safeStorage }));

const { keychainSealer } = await import('./keychain');

beforeEach(() => {
  fake.safeStorage.available = true;
  fake.safeStorage.backend = 'gnome_libsecret';
  vi.clearAllMocks();
});

describe('keychainSealer', () => {
  it('offers the keychain on Linux only with a real keyring, never with basic_text', () => {
    expect(keychainSealer(undefined, 'linux').state()).toBe('available');
    fake.safeStorage.backend = 'kwallet6';
    expect(keychainSealer(undefined, 'linux').state()).toBe('available');
    fake.safeStorage.backend = 'basic_text';
    expect(keychainSealer(undefined, 'linux').state()).toBe('basic-text');
    // Before ready, or a backend Electron could not name: not trusted.
    fake.safeStorage.backend = 'unknown';
    expect(keychainSealer(undefined, 'linux').state()).toBe('unavailable');
    // macOS and Windows have no such fallback: safeStorage's own answer is the one.
    expect(keychainSealer(undefined, 'darwin').state()).toBe('available');
    fake.safeStorage.available = false;
    expect(keychainSealer(undefined, 'win32').state()).toBe('unavailable');
    expect(keychainSealer(undefined, 'linux').state()).toBe('unavailable');
  });

  it('seals and opens through safeStorage', () => {
    const sealer = keychainSealer(undefined, 'darwin');
    const sealed = sealer.seal('a workspace key');
    expect(fake.safeStorage.encryptString).toHaveBeenCalledWith('a workspace key');
    expect(sealed.toString()).not.toContain('a workspace key');
    expect(sealer.open(sealed)).toBe('a workspace key');
    expect(() => sealer.open(Buffer.from('something else'))).toThrow(/decrypting/);
  });
});

describe('the remembered keys with safeStorage', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-keychain-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('reports what the shell can do, and refuses to remember where it cannot', async () => {
    fake.safeStorage.backend = 'basic_text';
    const remembered = new RememberedKeys(path.join(dir, 'app-data'), keychainSealer(undefined, 'linux'));
    expect(remembered.state()).toBe('basic-text');
    await expect(remembered.remember(path.join(dir, 'ws'), Buffer.alloc(32))).rejects.toThrow(/cannot keep secrets here \(basic-text\)/);
    expect(fake.safeStorage.encryptString).not.toHaveBeenCalled();
  });
});
