/**
 * Backup moved to core/backup/. This path stays only while the command line still imports it;
 * delete it once electron/cli takes backupWorkspace from the core's index.
 */
export { backupWorkspace, type BackupProgress } from '../backup/backup';
