/**
 * Restore moved to core/backup/. This path stays only while the command line still imports it;
 * delete it once electron/cli takes restoreBackup from the core's index.
 */
export { restoreBackup } from '../backup/restoreBackup';
