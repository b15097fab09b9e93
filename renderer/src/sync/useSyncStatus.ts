import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SyncStatus } from '../../../electron/common/model/sync';
import { isDossierError } from '../../../electron/common/errors';
import { api, onEvent } from '../api';

/** The status and the conflicts are asked of the core and kept fresh by its `sync.status` event. */
export const SYNC_STATUS_KEY = ['sync.status', {}] as const;
export const SYNC_CONFLICTS_KEY = ['sync.conflicts', {}] as const;

/**
 * Where the workspace's team sync stands. The core says when it changes (a run, live sync going
 * offline, conflicts found); the answer replaces the cached one, and the conflicts are asked again
 * when their count moved.
 */
export function useSyncStatus(refetchOnMount: boolean | 'always' = true) {
  const client = useQueryClient();
  useEffect(
    () =>
      onEvent('sync.status', (status) => {
        const before = client.getQueryData<SyncStatus>(SYNC_STATUS_KEY);
        client.setQueryData(SYNC_STATUS_KEY, status);
        if (before?.conflicts !== status.conflicts) void client.invalidateQueries({ queryKey: SYNC_CONFLICTS_KEY });
      }),
    [client],
  );
  return useQuery({ queryKey: SYNC_STATUS_KEY, queryFn: () => api['sync.status']({}), refetchOnMount });
}

/** Whether a failed run was the server refusing the sign-in (401): the app then asks for the password again. */
export function needsCredentials(error: unknown): boolean {
  return isDossierError(error) && error.code === 'unauthorized';
}
