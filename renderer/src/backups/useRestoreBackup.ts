import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { BackupSummary } from '../../../electron/common/model/backup';
import { api } from '../api';
import { dates } from '../ui/formatDate';
import { errorMessage } from '../ui/useSaveStatus';
import { countOf } from '../../../electron/common/text/plural';


/** What a restore did, worded for the analyst; `undo` puts back what it replaced. */
export interface RestoreOutcome {
  tone: 'info' | 'error';
  message: string;
  undo?: () => Promise<RestoreOutcome>;
}

/**
 * Restores the whole workspace or some files from a backup and says what it did. Every screen
 * reloads what it shows afterwards. Undoing restores the backup taken just before, which holds
 * the workspace exactly as the restore found it.
 */
export function useRestoreBackup(): (backup: Pick<BackupSummary, 'id' | 'takenAt'>, files: string[] | undefined) => Promise<RestoreOutcome> {
  const queryClient = useQueryClient();
  return useCallback(
    async (backup, files) => {
      const when = dates().dateTime(backup.takenAt);
      try {
        const { restored, before } = await api['backups.restore']({ id: backup.id, files });
        await queryClient.invalidateQueries();
        if (restored.length === 0) return { tone: 'info', message: `Nothing to restore: the workspace already matches the backup of ${when}.` };
        const undo = async (): Promise<RestoreOutcome> => {
          try {
            await api['backups.restore']({ id: before });
            await queryClient.invalidateQueries();
            return { tone: 'info', message: 'Restore undone.' };
          } catch (error) {
            return { tone: 'error', message: `Could not undo the restore: ${errorMessage(error)}` };
          }
        };
        return { tone: 'info', message: `Restored ${countOf(restored.length, 'file')} from the backup of ${when}.`, undo };
      } catch (error) {
        return { tone: 'error', message: `Could not restore from the backup of ${when}: ${errorMessage(error)}` };
      }
    },
    [queryClient],
  );
}
