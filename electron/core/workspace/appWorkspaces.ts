import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isCallName, type CallNameLiteral } from '../../common/callNames';
import { contract, type CallName, type CallRequest, type CallResponse, type CallResult, type EventPayload } from '../../common/contract';
import { DossierError, type ErrorPhrase, isDossierError, phrase } from '../../common/errors';
import type { RecentWorkspaces } from '../appData/recentWorkspaces';
import type { RememberedKeys } from '../appData/rememberedKeys';
import { toErrorPayload, type DossierCore } from '../dossierCore';
import { EventBus } from '../events';
import { FILE_NAMES } from '../store/files';
import type { OpenedWorkspace, OpenHow } from './openWorkspace';
import { pathExists } from '../store/pathExists';
import { changePassphrase, decryptWorkspace, encryptWorkspace } from '../crypt/convert';
import { createEncryptedWorkspace } from '../crypt/createEncrypted';
import { readKeyFile, unlockKeyFile, type KdfParams } from '../crypt/keyFile';
import { isEncryptedFolder, lockWorkspace, unlockedKey, unlockWithKey, unlockWorkspace } from '../crypt/keyring';

/** The calls answered here rather than by the open workspace's core: the `workspaces.*` ones. */
type OwnCall = Extract<CallNameLiteral, `workspaces.${string}`>;

export interface AppWorkspacesOptions {
  /** Opens a workspace with this shell's core options (its worker thread, backups, PDF printer). */
  open(dir: string, how: OpenHow): Promise<OpenedWorkspace>;
  recent: RecentWorkspaces;
  /** The user's Documents folder: new workspaces are suggested beside the default one there. */
  documentsDir: string;
  /** Makes the shell's worker thread forget a workspace's key (locked or decrypted). */
  forgetKey?(dir: string): Promise<void>;
  /** Minutes without a call before an encrypted workspace locks itself (the setting); 0: never. */
  idleLockMinutes?(): number;
  /** The cost of the key derivation for workspaces encrypted here (tests use less than the default). */
  kdf?: KdfParams;
  /** Waits this long before answering a wrong passphrase (tests: none). */
  wait?(ms: number): Promise<void>;
  /**
   * Passphrases remembered on this computer, sealed by the system keychain: the desktop app's
   * (Electron safeStorage); absent in `dossier serve`, whose windows then never offer it.
   */
  remembered?: RememberedKeys;
}

/**
 * How long a wrong passphrase is answered after the previous ones in a row: the first at once
 * (scrypt already costs half a second), then 0.5 s, 1 s, 2 s … up to 8 s. One attempt runs at a
 * time, so this bounds guessing through the app to a few a second, then to one every 8 s.
 */
export function unlockDelayMs(failures: number): number {
  return failures <= 1 ? 0 : Math.min(500 * 2 ** (failures - 2), 8000);
}

/**
 * The workspace a long-running process (the desktop app, `dossier serve`) has open for its
 * windows, and the switch to another without restarting. Windows, the host and IPC hold this,
 * never a core: its `dispatch` and `events` stay the same object across switches, so routes, the
 * event stream and IPC handlers need no re-binding.
 *
 * A switch opens the next workspace first (taking its lock), so a workspace that cannot be
 * opened — locked by another Dossier, not a workspace — leaves the current one open and
 * untouched. Then the calls already running on the current core finish, the core closes (the
 * journal folded, backups and the search index saved, the lock released), the lock file of the
 * new one advertises the host again for the CLI, and every window is told (`workspace.switched`).
 */
export class AppWorkspaces {
  readonly events = new EventBus();
  /** Null while the start screen shows instead: the first workspace could not be opened. */
  private opened: OpenedWorkspace | null;
  /** Why the first workspace did not open, worded for the user; gone once one opens. */
  private problem: WorkspaceProblem | null;
  private unsubscribe: () => void = () => undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private switching: Promise<unknown> | null = null;
  private advertised: { url: string; token: string } | null = null;
  private closed = false;
  private readonly recentListeners = new Set<() => void>();
  /** The encrypted workspace waiting for its passphrase (the process started on it, or it was locked). */
  private lockedDir: string | null = null;
  private lockedName: string | null = null;
  /** Wrong passphrases in a row (see unlockDelayMs), and whether an attempt is running. */
  private failures = 0;
  private unlocking = false;
  private lastActivity = Date.now();
  private idleTimer: NodeJS.Timeout | null = null;

  private constructor(
    opened: OpenedWorkspace | null,
    private readonly options: AppWorkspacesOptions,
    problem: WorkspaceProblem | null = null,
  ) {
    this.opened = opened;
    this.problem = problem;
    if (opened) this.attach(opened);
  }

  /** Opens the process's first workspace (created with the sample on a first run) and lists it as recent. */
  static async start(dir: string, options: AppWorkspacesOptions): Promise<AppWorkspaces> {
    const opened = await options.open(path.resolve(dir), {});
    const workspaces = new AppWorkspaces(opened, options);
    await workspaces.remember();
    return workspaces;
  }

  /**
   * As `start`, but a first workspace that cannot be opened (locked by another Dossier, not a
   * workspace, unreadable …) leaves the process running with none open: the window shows the
   * start screen with the reason (`workspaces.recent` → `problem`), and the analyst opens or
   * creates another from there. Every other call answers `no-workspace` meanwhile.
   */
  static async launch(dir: string, options: AppWorkspacesOptions): Promise<AppWorkspaces> {
    const target = path.resolve(dir);
    const unlocked = await unlockRemembered(target, options.remembered);
    try {
      return await AppWorkspaces.start(target, options);
    } catch (error) {
      if (unlocked) await lockWorkspace(target).catch(() => undefined);
      if (isLockedEncrypted(error, target)) {
        // Not a problem: the window asks for the passphrase (`workspaces.recent` → `locked`).
        const workspaces = new AppWorkspaces(null, options);
        workspaces.lockedDir = target;
        return workspaces;
      }
      console.error(`Dossier: the workspace ${target} could not be opened:`, error);
      return new AppWorkspaces(null, options, { path: target, ...problemMessage(error) });
    }
  }

  /** The open workspace's core. Hold `AppWorkspaces` instead where the reference outlives a switch. */
  get core(): DossierCore {
    if (!this.opened) throw noWorkspace();
    return this.opened.core;
  }

  /** What opening the current workspace found (a stale lock taken over, a read-only workspace). */
  get notices(): string[] {
    return this.opened?.notices ?? [];
  }

  /** The open workspace's folder; null while none is open (the start screen shows). */
  get path(): string | null {
    return this.opened?.core.store.dir ?? null;
  }

  /** Why the workspace the process started with did not open, while none is open. */
  get startupProblem(): WorkspaceProblem | null {
    return this.problem;
  }

  /** Validates an untrusted call against the contract and runs it here or on the open workspace. */
  async dispatch(name: string, request: unknown): Promise<CallResult> {
    if (isOwnCall(name)) {
      if (name !== 'workspaces.recent') this.touch();
      const parsed = contract[name].request.safeParse(request ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, error: { code: 'bad-input', message: issue?.message ?? `Invalid ${name} request.` } };
      }
      try {
        return { ok: true, value: await this.answer(name, parsed.data as CallRequest<OwnCall>) };
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) };
      }
    }
    this.touch();
    if (this.closed) return { ok: false, error: { code: 'unavailable', message: 'Dossier is closing.' } };
    // A call sent meanwhile was meant for the workspace that is closing: it must not land in the next one.
    if (this.switching) return { ok: false, error: { code: 'unavailable', message: 'Dossier is opening another workspace; try again in a moment.' } };
    if (!this.opened) return { ok: false, error: noWorkspace().toPayload() };
    const call = this.opened.core.dispatch(name, request);
    this.inFlight.add(call);
    void call.finally(() => this.inFlight.delete(call));
    return call;
  }

  /** Where the CLI finds this process's host: advertised in the lock of whichever workspace is open. */
  async advertise(url: string, token: string): Promise<void> {
    this.advertised = { url, token };
    // With none open, the next workspace to open advertises it (see switchTo).
    await this.opened?.core.store.advertise(url, token);
  }

  recent(): Promise<CallResponse<'workspaces.recent'>> {
    return this.answer('workspaces.recent', {}) as Promise<CallResponse<'workspaces.recent'>>;
  }

  /** Opens an existing workspace in place of the current one. */
  open(dir: string): Promise<{ path: string; name: string }> {
    return this.switchTo(dir, { create: false });
  }

  /** Creates a workspace in a new or empty folder and opens it in place of the current one. */
  create(dir: string, name: string, sample = false): Promise<{ path: string; name: string }> {
    return this.switchTo(dir, { create: true, name, sample });
  }

  /** Empties the recent list but for the open workspace (File › Open Recent › Clear). */
  clearRecent(): Promise<void> {
    return this.recentChange(this.options.recent.clear(this.path === null ? [] : [this.path]));
  }

  /** Told after each change to the recent list (File › Open Recent is rebuilt from it). */
  onRecentChange(listener: () => void): () => void {
    this.recentListeners.add(listener);
    return () => this.recentListeners.delete(listener);
  }

  private async recentChange(change: Promise<void>): Promise<void> {
    await change;
    for (const listener of this.recentListeners) listener();
  }

  /** Closes the open workspace for good (quitting): after the switch or calls under way. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.switching?.catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    this.unsubscribe();
    await this.opened?.core.close();
  }

  private async answer(name: OwnCall, request: CallRequest<OwnCall>): Promise<unknown> {
    switch (name) {
      case 'workspaces.recent': {
        const workspaces = await this.options.recent.list();
        const locked = this.lockedDir === null ? null : { path: this.lockedDir, name: this.lockedName ?? workspaces.find((w) => w.path === this.lockedDir)?.name ?? path.basename(this.lockedDir) };
        return {
          current: this.path,
          workspaces,
          newWorkspaceParent: path.join(this.options.documentsDir, NEW_WORKSPACES_FOLDER),
          problem: this.problem,
          locked,
          currentEncrypted: this.path !== null && isEncryptedFolder(this.path),
          encrypted: workspaces.filter((w) => !w.missing && isEncryptedFolder(w.path)).map((w) => w.path),
          ...(this.options.remembered ? await this.rememberedState(workspaces.map((w) => w.path)) : {}),
        };
      }
      case 'workspaces.open':
        return this.open((request as CallRequest<'workspaces.open'>).path);
      case 'workspaces.create': {
        const r = request as CallRequest<'workspaces.create'>;
        return this.switchTo(r.path, { create: true, name: r.name, sample: r.sample ?? false, passphrase: r.passphrase });
      }
      case 'workspaces.unlock': {
        const r = request as CallRequest<'workspaces.unlock'>;
        return this.unlock(r.path, r.secret, r.remember === true);
      }
      case 'workspaces.forgetPassphrase': {
        const dir = this.encryptedPath();
        await this.options.remembered?.forget(dir);
        return {};
      }
      case 'workspaces.lock':
        await this.lock();
        return {};
      case 'workspaces.activity':
        return {};
      case 'workspaces.encrypt':
        return this.encryptCurrent((request as CallRequest<'workspaces.encrypt'>).passphrase);
      case 'workspaces.decrypt':
        return this.decryptCurrent((request as CallRequest<'workspaces.decrypt'>).passphrase);
      case 'workspaces.changePassphrase': {
        const r = request as CallRequest<'workspaces.changePassphrase'>;
        const dir = this.encryptedPath();
        await this.throttled(() => changePassphrase(dir, r.current, r.next));
        // A new passphrase is often a reaction to the old one being seen: nothing of it stays remembered.
        await this.options.remembered?.forget(dir).catch((error: unknown) => console.error('Dossier: the remembered passphrase could not be forgotten:', error));
        return {};
      }
      case 'workspaces.forget':
        await this.recentChange(this.options.recent.forget((request as CallRequest<'workspaces.forget'>).path));
        return {};
    }
  }

  private switchTo(dir: string, how: OpenHow & { create: boolean; passphrase?: string }): Promise<{ path: string; name: string; recoveryKey?: string }> {
    if (this.closed) return Promise.reject(new DossierError('unavailable', phrase('workspace.closing')));
    if (this.switching) return Promise.reject(new DossierError('conflict', phrase('workspace.switching')));
    const run = async () => {
      const target = path.resolve(dir);
      const isWorkspace = await pathExists(path.join(target, FILE_NAMES.workspace));
      if (how.create && isWorkspace) throw new DossierError('conflict', phrase('workspace.alreadyAWorkspace', { path: target }));
      if (!how.create && !isWorkspace) {
        const reason = (await pathExists(target)) ? phrase('workspace.noWorkspaceFile') : phrase('workspace.folderMissing');
        throw new DossierError('not-found', phrase('workspace.notAWorkspace', { path: target, reason }));
      }
      if (this.path !== null && (await samePlace(target, this.path))) {
        await this.remember();
        return this.current();
      }
      let next: OpenedWorkspace;
      let recoveryKey: string | undefined;
      if (how.create && how.passphrase !== undefined) {
        // Sealed from its first byte; the sample, when asked for, is imported into it sealed.
        const { passphrase, ...plain } = how;
        ({ recoveryKey } = await createEncryptedWorkspace(target, plain.name, passphrase, this.options.kdf));
        next = await this.options.open(target, { ...plain, create: false, fresh: true });
      } else {
        // A workspace whose passphrase this computer remembers opens without asking (the unlock
        // screen after a lock does not use it: locking means asking again).
        const unlocked = await unlockRemembered(target, this.options.remembered);
        try {
          next = await this.options.open(target, how);
        } catch (error) {
          if (unlocked) await lockWorkspace(target).catch(() => undefined);
          throw error;
        }
      }
      // Calls already running finish on the workspace they were made for.
      await Promise.allSettled([...this.inFlight]);
      const previous = this.opened;
      this.opened = next;
      this.problem = null;
      this.lockedDir = null;
      this.lockedName = null;
      this.attach(next);
      await previous?.core.close().catch((error: unknown) => console.error('Dossier: the previous workspace did not close cleanly:', error));
      // An encrypted workspace left behind is locked again: its key is not kept for a workspace no longer open.
      const previousDir = previous?.core.store.dir;
      if (previousDir && unlockedKey(previousDir) !== null) {
        await lockWorkspace(previousDir).catch((error: unknown) => console.error(error));
        await this.options.forgetKey?.(previousDir).catch((error: unknown) => console.error(error));
      }
      if (this.advertised) {
        await next.core.store.advertise(this.advertised.url, this.advertised.token).catch((error: unknown) => console.error('Dossier: the lock could not advertise the host:', error));
      }
      await this.remember();
      const switched = this.current();
      this.events.emit('workspace.switched', switched);
      this.touch();
      return recoveryKey === undefined ? switched : { ...switched, recoveryKey };
    };
    const switching = run();
    this.switching = switching;
    void switching.catch(() => undefined).finally(() => (this.switching = null));
    return switching;
  }

  /**
   * Unlocks an encrypted workspace and opens it in place of the current one (or of none). A wrong
   * passphrase changes nothing and is answered more slowly each time (unlockDelayMs).
   */
  private async unlock(dir: string, secret: string, remember: boolean): Promise<{ path: string; name: string }> {
    const target = path.resolve(dir);
    if (!isEncryptedFolder(target)) throw new DossierError('bad-input', phrase('crypt.notEncrypted', { path: target }));
    await this.throttled(() => unlockWorkspace(target, secret));
    const key = unlockedKey(target);
    if (remember && key && this.options.remembered?.state() === 'available') {
      // Not remembered is no reason to refuse the workspace the analyst just unlocked.
      await this.options.remembered.remember(target, key).catch((error: unknown) => console.error('Dossier: the passphrase could not be remembered:', error));
    }
    try {
      return await this.switchTo(target, { create: false });
    } catch (error) {
      // Not opened (held by another Dossier …): the key is not kept for a workspace this process does not hold.
      if (this.path === null || !(await samePlace(target, this.path))) await lockWorkspace(target).catch(() => undefined);
      throw error;
    }
  }

  /** Runs one passphrase check at a time; a wrong one (`locked`) is counted and answered after the delay. */
  private async throttled<T>(attempt: () => Promise<T>): Promise<T> {
    if (this.unlocking) throw new DossierError('conflict', phrase('crypt.checkingAlready'));
    this.unlocking = true;
    try {
      const value = await attempt();
      this.failures = 0;
      return value;
    } catch (error) {
      if (isDossierError(error) && error.code === 'locked') {
        this.failures += 1;
        const delay = unlockDelayMs(this.failures);
        if (delay > 0) await (this.options.wait ?? sleep)(delay);
      }
      throw error;
    } finally {
      this.unlocking = false;
    }
  }

  /** The open workspace's folder when it is encrypted and unlocked. */
  private encryptedPath(): string {
    const dir = this.path;
    if (dir === null) throw noWorkspace();
    if (unlockedKey(dir) === null) throw new DossierError('bad-input', phrase('crypt.notEncrypted', { path: dir }));
    return dir;
  }

  /**
   * Locks the open encrypted workspace: the calls under way finish, the core closes (the journal
   * folded, the search index and backups saved, sealed), the key is forgotten here and in the
   * worker thread, and every window shows the unlock screen.
   */
  async lock(): Promise<void> {
    const dir = this.encryptedPath();
    const name = this.current().name;
    await this.exclusive(async () => {
      await this.closeCurrent();
      await lockWorkspace(dir);
      await this.options.forgetKey?.(dir).catch((error: unknown) => console.error('Dossier: the worker did not forget the key:', error));
      this.lockedDir = dir;
      this.lockedName = name;
    });
    this.events.emit('workspace.locked', { path: dir });
  }

  /** Encrypts the open workspace in place: closed, converted (with progress), unlocked and opened again. */
  private async encryptCurrent(passphrase: string): Promise<{ recoveryKey: string; files: number }> {
    const dir = this.path;
    if (dir === null) throw noWorkspace();
    if (isEncryptedFolder(dir)) throw new DossierError('bad-input', phrase('crypt.encryptedAlready', { path: dir }));
    return this.exclusive(async () => {
      await this.closeCurrent();
      try {
        const result = await encryptWorkspace(dir, passphrase, {
          kdf: this.options.kdf,
          onProgress: (done, total) => this.events.emit('workspace.convertProgress', { direction: 'encrypt', done, total }),
        });
        await unlockWorkspace(dir, passphrase);
        return { recoveryKey: result.recoveryKey, files: result.files };
      } finally {
        await this.reopen(dir);
      }
    });
  }

  /** Decrypts the open workspace in place, once its passphrase is checked (a wrong one closes nothing). */
  private async decryptCurrent(passphrase: string): Promise<{ files: number }> {
    const dir = this.encryptedPath();
    const keys = await readKeyFile(dir);
    await this.throttled(async () => {
      if (!keys || !(await unlockKeyFile(keys, passphrase))) throw new DossierError('locked', phrase('crypt.wrongPassphrase', { path: dir }));
    });
    // Forgotten first: a plaintext workspace has no passphrase to remember, and should the
    // decryption stop halfway, the passphrase still opens it.
    if (keys) await this.options.remembered?.forgetWorkspace(keys.workspaceId);
    return this.exclusive(async () => {
      await this.closeCurrent();
      try {
        await lockWorkspace(dir);
        await this.options.forgetKey?.(dir);
        const result = await decryptWorkspace(dir, passphrase, {
          onProgress: (done, total) => this.events.emit('workspace.convertProgress', { direction: 'decrypt', done, total }),
        });
        return { files: result.files };
      } finally {
        // Still encrypted if the decryption failed before its end: unlocked again to be reopened as it was.
        if (isEncryptedFolder(dir)) await unlockWorkspace(dir, passphrase).catch(() => undefined);
        await this.reopen(dir);
      }
    });
  }

  /** Runs `work` as a switch does: calls sent meanwhile are refused, the ones under way finish first. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new DossierError('unavailable', phrase('workspace.closing')));
    if (this.switching) return Promise.reject(new DossierError('conflict', phrase('workspace.switching')));
    const run = work();
    this.switching = run;
    void run.catch(() => undefined).finally(() => (this.switching = null));
    return run;
  }

  /** Closes the open workspace (after the calls under way), leaving none open. */
  private async closeCurrent(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    const previous = this.opened;
    this.unsubscribe();
    this.unsubscribe = () => undefined;
    this.opened = null;
    await previous?.core.close();
  }

  /** Opens the workspace again after a conversion; a failure leaves the start screen saying why. */
  private async reopen(dir: string): Promise<void> {
    try {
      const next = await this.options.open(dir, { create: false });
      this.opened = next;
      this.problem = null;
      this.attach(next);
      if (this.advertised) await next.core.store.advertise(this.advertised.url, this.advertised.token).catch((error: unknown) => console.error(error));
      this.touch();
    } catch (error) {
      console.error(`Dossier: the workspace ${dir} could not be opened again:`, error);
      this.problem = { path: dir, ...problemMessage(error) };
    }
  }

  /** What the unlock screen and the Security section show of the keychain (the desktop app only). */
  private async rememberedState(recent: string[]): Promise<Pick<CallResponse<'workspaces.recent'>, 'rememberPassphrase' | 'remembered'>> {
    const remembered = this.options.remembered!;
    const candidates = [...new Set([this.path, this.lockedDir, ...recent].filter((p): p is string => p !== null && isEncryptedFolder(p)))];
    const known = await Promise.all(candidates.map(async (p) => ((await remembered.has(p).catch(() => false)) ? p : null)));
    return { rememberPassphrase: remembered.state(), remembered: known.filter((p): p is string => p !== null) };
  }

  /** Someone is at work: the idle lock counts from now. */
  private touch(): void {
    this.lastActivity = Date.now();
    if (!this.idleTimer) this.armIdleLock();
  }

  /** Locks the open encrypted workspace once nothing has been asked of it for the set minutes. */
  private armIdleLock(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const minutes = this.options.idleLockMinutes?.() ?? 0;
    const dir = this.path;
    if (!(minutes > 0) || this.closed || dir === null || unlockedKey(dir) === null) return;
    const idleMs = minutes * 60_000;
    this.idleTimer = setTimeout(
      () => {
        this.idleTimer = null;
        if (Date.now() - this.lastActivity < idleMs || this.switching) return this.armIdleLock();
        this.lock().catch((error: unknown) => console.error('Dossier: the idle workspace could not be locked:', error));
      },
      Math.max(this.lastActivity + idleMs - Date.now(), 50),
    );
    this.idleTimer.unref?.();
  }

  private current(): { path: string; name: string } {
    if (!this.opened) throw noWorkspace();
    return { path: this.opened.core.store.dir, name: this.opened.core.store.info().name };
  }

  /** Lists the open workspace first among the recent ones; a failure there never stops a switch. */
  private async remember(): Promise<void> {
    if (!this.opened) return;
    const { path: dir, name } = this.current();
    await this.recentChange(this.options.recent.record(dir, name)).catch((error: unknown) => console.error('Dossier: the list of recent workspaces could not be saved:', error));
  }

  /** Relays the core's events as this object's own, and keeps the recent list's name current. */
  private attach(opened: OpenedWorkspace): void {
    this.unsubscribe();
    const core = opened.core;
    this.unsubscribe = core.events.subscribe((name, payload) => {
      this.events.emit(name, payload);
      if (name === 'workspace.changed' && (payload as EventPayload<'workspace.changed'>).changes.some((c) => c.subject === 'workspace' && c.id === 'name')) {
        void this.recentChange(this.options.recent.rename(core.store.dir, core.store.info().name)).catch((error: unknown) => console.error(error));
      }
    });
  }
}

/**
 * New workspaces are suggested in `Documents/Dossier workspaces/<name>`: beside the default
 * workspace (`Documents/Dossier`, itself a workspace, so not a folder to nest others in) and not
 * loose among the analyst's documents.
 */
export const NEW_WORKSPACES_FOLDER = 'Dossier workspaces';

/** Why a workspace did not open, for the start screen. */
export interface WorkspaceProblem {
  path: string;
  message: string;
  /** The message's words, for the start screen to say in the UI language. */
  phrase?: ErrorPhrase;
}

function noWorkspace(): DossierError {
  return new DossierError('no-workspace', phrase('workspace.noneOpen'));
}

/** A DossierError is already worded for the user (locked, not a workspace); anything else gets one line, never a stack. */
function problemMessage(error: unknown): Pick<WorkspaceProblem, 'message' | 'phrase'> {
  if (isDossierError(error)) return error.phrase ? { message: error.message, phrase: error.phrase } : { message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: detail ? `Dossier could not open this workspace: ${detail}` : 'Dossier could not open this workspace.' };
}

/** The refusal to open an encrypted workspace that is not unlocked (not a lock held by another Dossier). */
function isLockedEncrypted(error: unknown, dir: string): boolean {
  return isDossierError(error) && error.code === 'locked' && isEncryptedFolder(dir) && unlockedKey(dir) === null && (error.file ?? '').endsWith('keys.json');
}

/**
 * Unlocks an encrypted workspace with the key this computer remembers for it, if any (checked
 * against the workspace first); true when it did, so a failed open can lock it again.
 */
async function unlockRemembered(dir: string, remembered: RememberedKeys | undefined): Promise<boolean> {
  if (!remembered || !isEncryptedFolder(dir) || unlockedKey(dir) !== null) return false;
  const key = await remembered.recall(dir).catch((error: unknown) => (console.error('Dossier: the remembered passphrase could not be read:', error), null));
  if (!key) return false;
  await unlockWithKey(dir, key);
  return true;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isOwnCall(name: string): name is OwnCall & CallName {
  return name.startsWith('workspaces.') && isCallName(name);
}


/** The same folder, however it was spelt (a symlink, `..`). */
async function samePlace(a: string, b: string): Promise<boolean> {
  const real = (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  const [ra, rb] = await Promise.all([real(a), real(b)]);
  return process.platform === 'win32' || process.platform === 'darwin' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}
