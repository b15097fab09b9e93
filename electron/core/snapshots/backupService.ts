import { DossierError, phrase } from '../../common/errors';
import type { BackupFile, BackupSummary } from '../../common/model/backup';
import type { ChangeFeed } from '../changeFeed';
import type { WorkspaceStore } from '../store/workspaceStore';
import { Backups } from './backups';
import { BackupSchedule, type BackupScheduleOptions } from './backupSchedule';
import { restoreFromBackup } from './restoreFromBackup';
import { summaryOf } from './snapshotManifest';

/**
 * The automatic backups behind the contract: listing, taking and restoring them, and (in the app
 * and the host, `schedule` given) taking them on their own. A workspace open read-only is never
 * backed up or restored: both write.
 */
export class BackupService {
  readonly backups: Backups;
  private readonly schedule: BackupSchedule | null;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly feed: ChangeFeed,
    schedule: BackupScheduleOptions | false,
  ) {
    this.backups = new Backups(store.dir);
    this.schedule = schedule && store.readOnlyReason === null && store.holdsLock ? new BackupSchedule(store, this.backups, feed, schedule) : null;
  }

  list(): Promise<BackupSummary[]> {
    return this.backups.list();
  }

  async files(id: string): Promise<{ backup: BackupSummary; files: BackupFile[] }> {
    const manifest = await this.backups.manifest(id);
    return { backup: summaryOf(manifest), files: await this.backups.filesIn(id) };
  }

  async take(): Promise<BackupSummary | null> {
    this.assertWritable();
    if (this.schedule) return this.schedule.takeNow();
    await this.store.flush();
    return this.backups.take('manual');
  }

  async restore(id: string, files?: readonly string[]): Promise<{ restored: string[]; before: string }> {
    this.assertWritable();
    const result = await restoreFromBackup(this.store, this.backups, id, files, (changes) => this.feed.intend(changes));
    if (result.changes.length > 0) this.feed.publish('edit', result.changes);
    return { restored: result.restored, before: result.before };
  }

  newest(file: string): Promise<BackupSummary | null> {
    return this.backups.newestHolding(file);
  }

  /** The backup at exit. */
  async close(): Promise<void> {
    await this.schedule?.close();
  }

  private assertWritable(): void {
    const reason = this.store.readOnlyWords;
    if (reason) throw new DossierError('read-only', reason);
    if (!this.store.holdsLock) throw new DossierError('read-only', phrase('backup.withoutLock'));
  }
}
