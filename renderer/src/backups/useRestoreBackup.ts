import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { BackupSummary } from '../../../electron/common/model/backup';
import { api } from '../api';
import { dates } from '../ui/formatDate';
import { errorMessage } from '../ui/useSaveStatus';
import { useTranslation } from 'react-i18next';
import { countOf } from '../i18n/i18n';


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
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(
    async (backup, files) => {
      const when = dates().dateTime(backup.takenAt);
      try {
        const { restored, before } = await api['backups.restore']({ id: backup.id, files });
        await queryClient.invalidateQueries();
        if (restored.length === 0) return { tone: 'info', message: t('backups:nothingToRestoreTheWorkspace', { when }) };
        const undo = async (): Promise<RestoreOutcome> => {
          try {
            await api['backups.restore']({ id: before });
            await queryClient.invalidateQueries();
            return { tone: 'info', message: t('backups:restoreUndone') };
          } catch (error) {
            return { tone: 'error', message: t('backups:couldNotUndoTheRestore', { error: errorMessage(error) }) };
          }
        };
        return { tone: 'info', message: t('backups:restoredFromTheBackupOf', { countOf: countOf(restored.length, 'file'), when }), undo };
      } catch (error) {
        return { tone: 'error', message: t('backups:couldNotRestoreFromThe', { when, error: errorMessage(error) }) };
      }
    },
    [queryClient, t],
  );
}
