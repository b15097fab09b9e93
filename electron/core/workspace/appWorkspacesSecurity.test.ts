import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../common/contract';
import { RecentWorkspaces } from '../appData/recentWorkspaces';
import { REMEMBERED_FILE, RememberedKeys, type KeychainState } from '../appData/rememberedKeys';
import { changePassphrase, encryptWorkspace } from '../crypt/convert';
import { lockWorkspace as lockWorkspaceKey, unlockedKey } from '../crypt/keyring';
import { AppWorkspaces, unlockDelayMs, type AppWorkspacesOptions } from './appWorkspaces';
import { openAppWorkspace } from './openWorkspace';
import { dispatcher } from '../testing/dispatching';

const ASSETS = path.resolve(__dirname, '..', '..', '..', 'assets');
// Cheap scrypt: these tests are about the app's states, not the key derivation's cost.
const kdf = { N: 1024, r: 8, p: 1 };
const PASS = 'correct horse battery staple';

let tmp: string;
let workspaces: AppWorkspaces;
let events: { name: EventName; payload: unknown }[];
let waits: number[];
let forgotten: string[];

const { call, failure } = dispatcher(() => workspaces);

function options(extra: Partial<AppWorkspacesOptions> = {}): AppWorkspacesOptions {
  return {
    open: (dir, how) => openAppWorkspace(dir, ASSETS, {}, how),
    recent: new RecentWorkspaces(path.join(tmp, 'app-data')),
    documentsDir: path.join(tmp, 'Documents'),
    kdf,
    wait: async (ms) => void waits.push(ms),
    forgetKey: async (dir) => void forgotten.push(dir),
    ...extra,
  };
}

/** Every file of the folder with a hash of its bytes: "changes nothing" is checked on this. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256').update(await fs.readFile(file)).digest('hex');
  }
  return out;
}

async function start(dir: string, extra: Partial<AppWorkspacesOptions> = {}): Promise<void> {
  workspaces = await AppWorkspaces.launch(dir, options(extra));
  events = [];
  workspaces.events.subscribe((name, payload) => events.push({ name, payload }));
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-secure-'));
  waits = [];
  forgotten = [];
  await start(path.join(tmp, 'first'));
});
afterEach(async () => {
  await workspaces.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('an encrypted workspace in the app', () => {
  it('is created encrypted, locked, refused a wrong passphrase without a change, and unlocked by the recovery key', async () => {
    const dir = path.join(tmp, 'secret');
    const created = await call('workspaces.create', { path: dir, name: 'Secret', sample: true, passphrase: PASS });
    expect(created.recoveryKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    expect(existsSync(path.join(dir, 'keys.json'))).toBe(true);
    // Sealed from the first byte: no file ever held the name in the clear.
    const workspaceFile = await fs.readFile(path.join(dir, 'workspace.json'));
    expect(workspaceFile.subarray(0, 4).toString()).toBe('DXE1');
    for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) expect((await fs.readFile(path.join(entry.parentPath, entry.name))).toString('latin1'), entry.name).not.toContain('Secret');
    }
    // The sample is sealed on disk, and read through the key.
    const [article] = (await call('articles.list')).articles;
    expect(article).toBeDefined();
    const onDisk = await fs.readFile(path.join(dir, 'articles', article!.id, 'v1', 'text.json'));
    expect(onDisk.subarray(0, 4).toString()).toBe('DXE1');
    expect((await call('articles.get', { id: article!.id })).text).toContain('India');
    await call('workspace.rename', { name: 'Renamed before locking' });
    expect((await call('workspaces.recent')).currentEncrypted).toBe(true);

    await call('workspaces.lock');
    expect(events.map((e) => e.name)).toContain('workspace.locked');
    expect(unlockedKey(dir)).toBeNull();
    expect(forgotten).toEqual([dir]);
    expect((await failure('articles.list', {})).code).toBe('no-workspace');
    const recent = await call('workspaces.recent');
    expect(recent.locked).toEqual({ path: dir, name: 'Renamed before locking' });
    expect(recent.encrypted).toContain(dir);

    const before = await snapshot(dir);
    expect((await failure('workspaces.unlock', { path: dir, secret: 'wrong' })).code).toBe('locked');
    expect((await failure('workspaces.unlock', { path: dir, secret: 'wrong again' })).code).toBe('locked');
    expect(await snapshot(dir)).toEqual(before);
    expect((await call('workspaces.recent')).locked?.path).toBe(dir);
    // The second wrong one in a row was answered late.
    expect(waits).toEqual([unlockDelayMs(2)]);

    // Typed as a person would: lower case, spaces instead of dashes.
    const typed = created.recoveryKey!.toLowerCase().replace(/-/g, ' ');
    expect(await call('workspaces.unlock', { path: dir, secret: typed })).toEqual({ path: dir, name: 'Renamed before locking' });
    expect((await call('workspace.info')).name).toBe('Renamed before locking');
    expect((await call('workspaces.recent')).locked).toBeNull();
  });

  it('starts on the unlock screen when the workspace to open is encrypted, and opens it with its passphrase', async () => {
    const dir = path.join(tmp, 'first');
    await workspaces.close();
    await encryptWorkspace(dir, PASS, { kdf });
    await start(dir);
    const recent = await call('workspaces.recent');
    expect(recent.problem).toBeNull();
    expect(recent.locked?.path).toBe(dir);
    await call('workspaces.unlock', { path: dir, secret: PASS });
    expect((await call('articles.list')).articles).toHaveLength(1);
    expect(events.map((e) => e.name)).toContain('workspace.switched');
  });

  it('encrypts the open workspace with progress, changes its passphrase, and decrypts it back', async () => {
    const dir = path.join(tmp, 'first');
    const plain = await call('articles.list');
    const { recoveryKey, files } = await call('workspaces.encrypt', { passphrase: PASS });
    expect(recoveryKey).toMatch(/^[A-Z2-7-]+$/);
    expect(files).toBeGreaterThan(0);
    const progress = events.filter((e) => e.name === 'workspace.convertProgress').map((e) => e.payload as { done: number; total: number });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect((await call('workspaces.recent')).currentEncrypted).toBe(true);
    expect(await call('articles.list')).toEqual(plain);

    expect((await failure('workspaces.changePassphrase', { current: 'wrong', next: 'new one' })).code).toBe('locked');
    await call('workspaces.changePassphrase', { current: PASS, next: 'new one' });
    await call('workspaces.lock');
    expect((await failure('workspaces.unlock', { path: dir, secret: PASS })).code).toBe('locked');
    await call('workspaces.unlock', { path: dir, secret: 'new one' });

    expect((await failure('workspaces.decrypt', { passphrase: PASS })).code).toBe('locked');
    expect((await call('articles.list')).articles).toHaveLength(1);
    await call('workspaces.decrypt', { passphrase: recoveryKey });
    expect(existsSync(path.join(dir, 'keys.json'))).toBe(false);
    expect(unlockedKey(dir)).toBeNull();
    expect((await call('workspaces.recent')).currentEncrypted).toBe(false);
    expect(await call('articles.list')).toEqual(plain);
  });

  it('locks itself after the idle minutes set, and not while it is in use', async () => {
    const dir = path.join(tmp, 'first');
    await workspaces.close();
    await encryptWorkspace(dir, PASS, { kdf });
    // 0.02 minutes: 1.2 s, well apart from the 200 ms between calls even on a busy machine.
    await start(dir, { idleLockMinutes: () => 0.02 });
    await call('workspaces.unlock', { path: dir, secret: PASS });
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await call('workspaces.activity');
    }
    expect((await call('workspaces.recent')).locked).toBeNull();
    await expect.poll(async () => (await call('workspaces.recent')).locked?.path, { timeout: 10_000 }).toBe(dir);
    expect(unlockedKey(dir)).toBeNull();
  });

  it('answers wrong passphrases in a row more and more slowly, up to a bound', () => {
    expect([1, 2, 3, 4, 5, 9, 30].map(unlockDelayMs)).toEqual([0, 500, 1000, 2000, 4000, 8000, 8000]);
  });
});

/** A keychain as the desktop shell gives one: sealing is reversible only by this object. */
function fakeKeychain(state: KeychainState = 'available') {
  const sealedBy = randomBytes(8).toString('hex');
  return {
    state: () => state,
    seal: (text: string) => Buffer.from(`${sealedBy}:${Buffer.from(text).toString('hex')}`),
    open: (sealed: Buffer) => {
      const [by, hex] = sealed.toString().split(':');
      if (by !== sealedBy) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(hex!, 'hex').toString();
    },
  };
}

describe('remembering the passphrase on this computer', () => {
  const appData = () => path.join(tmp, 'app-data');

  async function encryptedFirst(extra: Partial<AppWorkspacesOptions>): Promise<string> {
    const dir = path.join(tmp, 'first');
    await workspaces.close();
    await encryptWorkspace(dir, PASS, { kdf });
    await start(dir, extra);
    return dir;
  }

  it('is not offered where the shell has no keychain (dossier serve, the browser)', async () => {
    const dir = await encryptedFirst({});
    const recent = await call('workspaces.recent');
    expect(recent.rememberPassphrase).toBeUndefined();
    expect(recent.remembered).toBeUndefined();
    // Asking for it anyway stores nothing anywhere.
    await call('workspaces.unlock', { path: dir, secret: PASS, remember: true });
    expect(existsSync(path.join(appData(), REMEMBERED_FILE))).toBe(false);
  });

  it('keeps the key sealed in the app-data folder, opens the workspace without asking at the next start, and not after a lock', async () => {
    const keychain = fakeKeychain();
    const remembered = new RememberedKeys(appData(), keychain);
    const dir = await encryptedFirst({ remembered });
    expect((await call('workspaces.recent')).rememberPassphrase).toBe('available');
    await call('workspaces.unlock', { path: dir, secret: PASS, remember: true });
    expect((await call('workspaces.recent')).remembered).toEqual([dir]);

    // In the app-data folder, sealed, keyed by the workspace id: never in the workspace, never the passphrase.
    const stored = await fs.readFile(path.join(appData(), REMEMBERED_FILE), 'utf8');
    const keysJson = JSON.parse(await fs.readFile(path.join(dir, 'keys.json'), 'utf8')) as { workspaceId: string };
    expect(Object.keys((JSON.parse(stored) as { workspaces: object }).workspaces)).toEqual([keysJson.workspaceId]);
    expect(stored).not.toContain(PASS);
    expect(stored).not.toContain(Buffer.from(unlockedKey(dir)!).toString('base64'));
    expect((await fs.stat(path.join(appData(), REMEMBERED_FILE))).mode & 0o777).toBe(0o600);

    // The next start opens it at once.
    await workspaces.close();
    await lockWorkspaceKey(dir);
    await start(dir, { remembered });
    expect((await call('workspaces.recent')).locked).toBeNull();
    expect((await call('articles.list')).articles).toHaveLength(1);

    // A lock asks for the passphrase again, remembered or not.
    await call('workspaces.lock');
    expect((await call('workspaces.recent')).locked?.path).toBe(dir);
    // Opening it from the list (switching from another workspace) does not ask.
    await call('workspaces.create', { path: path.join(tmp, 'other'), name: 'Other' });
    await call('workspaces.open', { path: dir });
    expect((await call('workspaces.recent')).current).toBe(dir);

    // Another user's keychain (or a reset one) cannot open it: asked again, and the entry dropped.
    await workspaces.close();
    await lockWorkspaceKey(dir);
    await start(dir, { remembered: new RememberedKeys(appData(), fakeKeychain()) });
    expect((await call('workspaces.recent')).locked?.path).toBe(dir);
    expect(await remembered.has(dir)).toBe(false);
    // Nothing of it was ever written into the workspace folder.
    const sealed = Object.values((JSON.parse(stored) as { workspaces: Record<string, { sealed: string }> }).workspaces)[0]!.sealed;
    for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) expect(await fs.readFile(path.join(entry.parentPath, entry.name), 'utf8'), entry.name).not.toContain(sealed);
    }
  });

  it('is forgotten on request, when the passphrase changes (here or elsewhere), and when the workspace is decrypted', async () => {
    const remembered = new RememberedKeys(appData(), fakeKeychain());
    const dir = await encryptedFirst({ remembered });
    await call('workspaces.unlock', { path: dir, secret: PASS, remember: true });
    await call('workspaces.forgetPassphrase');
    expect((await call('workspaces.recent')).remembered).toEqual([]);

    await call('workspaces.lock');
    await call('workspaces.unlock', { path: dir, secret: PASS, remember: true });
    expect(await remembered.has(dir)).toBe(true);
    await call('workspaces.changePassphrase', { current: PASS, next: 'another one' });
    expect(await remembered.has(dir)).toBe(false);

    // Changed by the CLI while the app was closed: the remembered key no longer opens it by itself.
    await call('workspaces.lock');
    await call('workspaces.unlock', { path: dir, secret: 'another one', remember: true });
    await workspaces.close();
    await lockWorkspaceKey(dir);
    await changePassphrase(dir, 'another one', 'third one');
    await start(dir, { remembered });
    expect((await call('workspaces.recent')).locked?.path).toBe(dir);
    expect(JSON.parse(await fs.readFile(path.join(appData(), REMEMBERED_FILE), 'utf8')).workspaces).toEqual({});

    await call('workspaces.unlock', { path: dir, secret: 'third one', remember: true });
    expect(await remembered.has(dir)).toBe(true);
    await call('workspaces.decrypt', { passphrase: 'third one' });
    expect(JSON.parse(await fs.readFile(path.join(appData(), REMEMBERED_FILE), 'utf8')).workspaces).toEqual({});
  });

  it('is not offered with Linux\'s basic_text backend, and says so', async () => {
    const remembered = new RememberedKeys(appData(), fakeKeychain('basic-text'));
    const dir = await encryptedFirst({ remembered });
    expect((await call('workspaces.recent')).rememberPassphrase).toBe('basic-text');
    await call('workspaces.unlock', { path: dir, secret: PASS, remember: true });
    expect(existsSync(path.join(appData(), REMEMBERED_FILE))).toBe(false);
  });
});
