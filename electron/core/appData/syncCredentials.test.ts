import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeychainSealer, KeychainState } from './rememberedKeys';
import { SYNC_CREDENTIALS_FILE, SyncCredentialStore } from './syncCredentials';

/** A keychain that really transforms what it seals, so a plain password in the file would show. */
function fakeKeychain(state: KeychainState = 'available', key = 7): KeychainSealer & { broken: boolean } {
  const keychain = {
    broken: false,
    state: () => state,
    seal: (text: string) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ key)),
    open: (sealed: Buffer) => {
      if (keychain.broken) throw new Error('keychain reset');
      return Buffer.from(sealed.map((b) => b ^ key)).toString('utf8');
    },
  };
  return keychain;
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-sync-creds-'));
});
afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

describe('SyncCredentialStore', () => {
  it('keeps credentials sealed in the app-data folder, by workspace and database, readable by this user only', async () => {
    const store = new SyncCredentialStore(dir, fakeKeychain());
    await store.remember('ws_1', 'https://couch.example.org/team', { username: 'ana', password: 's3cret-pass' });
    expect(await store.recall('ws_1', 'https://couch.example.org/team')).toEqual({ username: 'ana', password: 's3cret-pass' });
    expect(await store.recall('ws_1', 'https://couch.example.org/other')).toBeNull();
    expect(await store.recall('ws_2', 'https://couch.example.org/team')).toBeNull();
    const file = path.join(dir, SYNC_CREDENTIALS_FILE);
    expect(await fs.readFile(file, 'utf8')).not.toMatch(/s3cret-pass|"ana"/);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    await store.forget('ws_1');
    expect(await store.recall('ws_1', 'https://couch.example.org/team')).toBeNull();
  });

  it('forgets one database of a workspace when its link goes, keeping the others', async () => {
    const store = new SyncCredentialStore(dir, fakeKeychain());
    await store.remember('ws_1', 'https://h/team', { username: 'ana', password: 'one' });
    await store.remember('ws_1', 'https://h/other', { token: 'two' });
    await store.remember('ws_2', 'https://h/team', { username: 'ben', password: 'three' });
    await store.forget('ws_1', 'https://h/team');
    expect(await store.recall('ws_1', 'https://h/team')).toBeNull();
    expect(await store.recall('ws_1', 'https://h/other')).toEqual({ token: 'two' });
    expect(await store.recall('ws_2', 'https://h/team')).toEqual({ username: 'ben', password: 'three' });
    await store.forget('ws_1', 'https://h/other');
    const file = JSON.parse(await fs.readFile(path.join(dir, SYNC_CREDENTIALS_FILE), 'utf8')) as { workspaces: Record<string, unknown> };
    expect(Object.keys(file.workspaces)).toEqual(['ws_2']);
    // Nothing kept, nothing written: a keychain that protects nothing never gets a file.
    const plainDir = path.join(dir, 'plain');
    await new SyncCredentialStore(plainDir, fakeKeychain('basic-text')).forget('ws_1', 'https://h/team');
    await expect(fs.stat(path.join(plainDir, SYNC_CREDENTIALS_FILE))).rejects.toThrow();
  });

  it('keeps nothing where the keychain protects nothing, and forgets what the keychain can no longer open', async () => {
    const plain = new SyncCredentialStore(dir, fakeKeychain('basic-text'));
    await plain.remember('ws_1', 'https://h/db', { token: 't' });
    expect(await plain.recall('ws_1', 'https://h/db')).toBeNull();
    await expect(fs.stat(path.join(dir, SYNC_CREDENTIALS_FILE))).rejects.toThrow();

    const keychain = fakeKeychain();
    const store = new SyncCredentialStore(dir, keychain);
    await store.remember('ws_1', 'https://h/db', { token: 'proxy-token' });
    expect(await store.recall('ws_1', 'https://h/db')).toEqual({ token: 'proxy-token' });
    keychain.broken = true;
    expect(await store.recall('ws_1', 'https://h/db')).toBeNull();
    keychain.broken = false;
    expect(await store.recall('ws_1', 'https://h/db')).toBeNull();
  });
});
