import { promises as fs } from 'node:fs';
import path from 'node:path';
import { contract, type CallName, type CallRequest, type CallResponse, type CallResult, type EventPayload } from '../../common/contract';
import { DossierError } from '../../common/errors';
import type { RecentWorkspaces } from '../appData/recentWorkspaces';
import { toErrorPayload, type DossierCore } from '../dossierCore';
import { EventBus } from '../events';
import { FILE_NAMES } from '../store/files';
import type { OpenedWorkspace, OpenHow } from './openWorkspace';
import { pathExists } from '../store/pathExists';

/** The calls answered here rather than by the open workspace's core. */
const OWN_CALLS = ['workspaces.recent', 'workspaces.open', 'workspaces.create', 'workspaces.forget'] as const;
type OwnCall = (typeof OWN_CALLS)[number];

export interface AppWorkspacesOptions {
  /** Opens a workspace with this shell's core options (its worker thread, backups, PDF printer). */
  open(dir: string, how: OpenHow): Promise<OpenedWorkspace>;
  recent: RecentWorkspaces;
  /** The user's Documents folder: new workspaces are suggested beside the default one there. */
  documentsDir: string;
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
  private opened: OpenedWorkspace;
  private unsubscribe: () => void = () => undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private switching: Promise<unknown> | null = null;
  private advertised: { url: string; token: string } | null = null;
  private closed = false;
  private readonly recentListeners = new Set<() => void>();

  private constructor(
    opened: OpenedWorkspace,
    private readonly options: AppWorkspacesOptions,
  ) {
    this.opened = opened;
    this.attach(opened);
  }

  /** Opens the process's first workspace (created with the sample on a first run) and lists it as recent. */
  static async start(dir: string, options: AppWorkspacesOptions): Promise<AppWorkspaces> {
    const opened = await options.open(path.resolve(dir), {});
    const workspaces = new AppWorkspaces(opened, options);
    await workspaces.remember();
    return workspaces;
  }

  /** The open workspace's core. Hold `AppWorkspaces` instead where the reference outlives a switch. */
  get core(): DossierCore {
    return this.opened.core;
  }

  /** What opening the current workspace found (a stale lock taken over, a read-only workspace). */
  get notices(): string[] {
    return this.opened.notices;
  }

  get path(): string {
    return this.opened.core.store.dir;
  }

  /** Validates an untrusted call against the contract and runs it here or on the open workspace. */
  async dispatch(name: string, request: unknown): Promise<CallResult> {
    if (isOwnCall(name)) {
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
    if (this.closed) return { ok: false, error: { code: 'unavailable', message: 'Dossier is closing.' } };
    // A call sent meanwhile was meant for the workspace that is closing: it must not land in the next one.
    if (this.switching) return { ok: false, error: { code: 'unavailable', message: 'Dossier is opening another workspace; try again in a moment.' } };
    const call = this.opened.core.dispatch(name, request);
    this.inFlight.add(call);
    void call.finally(() => this.inFlight.delete(call));
    return call;
  }

  /** Where the CLI finds this process's host: advertised in the lock of whichever workspace is open. */
  async advertise(url: string, token: string): Promise<void> {
    this.advertised = { url, token };
    await this.opened.core.store.advertise(url, token);
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
    return this.recentChange(this.options.recent.clear([this.path]));
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
    await this.switching?.catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    this.unsubscribe();
    await this.opened.core.close();
  }

  private async answer(name: OwnCall, request: CallRequest<OwnCall>): Promise<unknown> {
    switch (name) {
      case 'workspaces.recent': {
        const workspaces = await this.options.recent.list();
        return { current: this.path, workspaces, newWorkspaceParent: path.join(this.options.documentsDir, NEW_WORKSPACES_FOLDER) };
      }
      case 'workspaces.open':
        return this.open((request as CallRequest<'workspaces.open'>).path);
      case 'workspaces.create': {
        const r = request as CallRequest<'workspaces.create'>;
        return this.create(r.path, r.name, r.sample ?? false);
      }
      case 'workspaces.forget':
        await this.recentChange(this.options.recent.forget((request as CallRequest<'workspaces.forget'>).path));
        return {};
    }
  }

  private switchTo(dir: string, how: OpenHow & { create: boolean }): Promise<{ path: string; name: string }> {
    if (this.closed) return Promise.reject(new DossierError('unavailable', 'Dossier is closing.'));
    if (this.switching) return Promise.reject(new DossierError('conflict', 'Dossier is already opening another workspace.'));
    const run = async () => {
      const target = path.resolve(dir);
      const isWorkspace = await pathExists(path.join(target, FILE_NAMES.workspace));
      if (how.create && isWorkspace) throw new DossierError('conflict', `${target} is already a Dossier workspace: open it instead.`);
      if (!how.create && !isWorkspace) {
        const reason = (await pathExists(target)) ? 'it holds no workspace.json' : 'the folder does not exist';
        throw new DossierError('not-found', `This folder is not a Dossier workspace: ${target} (${reason}).`);
      }
      if (await samePlace(target, this.path)) {
        await this.remember();
        return this.current();
      }
      const next = await this.options.open(target, how);
      // Calls already running finish on the workspace they were made for.
      await Promise.allSettled([...this.inFlight]);
      const previous = this.opened;
      this.opened = next;
      this.attach(next);
      await previous.core.close().catch((error: unknown) => console.error('Dossier: the previous workspace did not close cleanly:', error));
      if (this.advertised) {
        await next.core.store.advertise(this.advertised.url, this.advertised.token).catch((error: unknown) => console.error('Dossier: the lock could not advertise the host:', error));
      }
      await this.remember();
      const switched = this.current();
      this.events.emit('workspace.switched', switched);
      return switched;
    };
    const switching = run();
    this.switching = switching;
    void switching.catch(() => undefined).finally(() => (this.switching = null));
    return switching;
  }

  private current(): { path: string; name: string } {
    return { path: this.path, name: this.opened.core.store.info().name };
  }

  /** Lists the open workspace first among the recent ones; a failure there never stops a switch. */
  private async remember(): Promise<void> {
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

function isOwnCall(name: string): name is OwnCall & CallName {
  return (OWN_CALLS as readonly string[]).includes(name);
}


/** The same folder, however it was spelt (a symlink, `..`). */
async function samePlace(a: string, b: string): Promise<boolean> {
  const real = (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  const [ra, rb] = await Promise.all([real(a), real(b)]);
  return process.platform === 'win32' || process.platform === 'darwin' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}
