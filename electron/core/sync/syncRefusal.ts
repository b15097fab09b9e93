import { phrase, type Words } from '../../common/errors';
import { filesOf } from '../store/fileAccess';
import type { WorkspaceStore } from '../store/workspaceStore';

/**
 * Why this workspace may not sync, or null. An encrypted one does not: the server would hold the
 * plaintext that encryption at rest keeps off the disk (docs/SYNC.md). A read-only one cannot
 * take in what the others changed.
 */
export function syncRefusal(store: WorkspaceStore): Words | null {
  const root = store.info().path;
  if (filesOf(root).sealed) return phrase('sync.encrypted');
  const readOnly = store.readOnlyWords;
  if (readOnly) return phrase('sync.readOnly', { reason: readOnly });
  return null;
}
