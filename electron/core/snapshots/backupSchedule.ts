import type { ChangeFeed } from '../changeFeed';
import type { WorkspaceStore } from '../store/workspaceStore';
import type { Backups, TakenSnapshot } from './backups';
import type { SnapshotReason } from './snapshotManifest';

export interface BackupScheduleOptions {
  /** At most one backup per this much activity (10 minutes). */
  everyMs?: number;
  /** A burst of changes is backed up once it has settled a little, not at its first keystroke. */
  settleMs?: number;
  /** After opening, a backup of what changed while the workspace was closed (crash, other tools). */
  openDelayMs?: number;
  now?: () => number;
  onTaken?: (taken: TakenSnapshot) => void;
  onError?: (error: unknown) => void;
}

/**
 * When the workspace is backed up on its own: once after opening, then at most once every ten
 * minutes while it changes, and at exit. Each backup holds only the files that changed.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;
  private lastTaken = 0;
  private running: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly everyMs: number;
  private readonly settleMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: WorkspaceStore,
    readonly backups: Backups,
    feed: ChangeFeed,
    private readonly options: BackupScheduleOptions = {},
  ) {
    this.everyMs = options.everyMs ?? 10 * 60_000;
    this.settleMs = options.settleMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.unsubscribe = feed.subscribe(() => this.changed());
    this.schedule('open', options.openDelayMs ?? 5_000);
  }

  /** A change was saved. */
  changed(): void {
    this.dirty = true;
    if (this.timer || this.closed) return;
    const at = Math.max(this.lastTaken + this.everyMs, this.now() + this.settleMs);
    this.schedule('activity', at - this.now());
  }

  /** A backup now, whatever the schedule (the analyst asked for one). */
  takeNow(): Promise<TakenSnapshot | null> {
    return this.run('manual');
  }

  /** The backup at exit, of what changed since the last one. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    if (this.dirty) await this.run('exit', true).catch((error: unknown) => this.options.onError?.(error));
  }

  private schedule(reason: SnapshotReason, delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run(reason).catch((error: unknown) => this.options.onError?.(error));
    }, Math.max(0, delay));
    this.timer.unref?.();
  }

  private run(reason: SnapshotReason, closing = false): Promise<TakenSnapshot | null> {
    const task = async () => {
      if (this.closed && !closing) return null;
      this.dirty = false;
      // The files hold every acknowledged save once the log is folded into them.
      await this.store.flush();
      const taken = await this.backups.take(reason);
      this.lastTaken = this.now();
      if (taken) this.options.onTaken?.(taken);
      return taken;
    };
    const next = this.running.then(task, task);
    this.running = next.catch(() => undefined);
    return next;
  }
}
