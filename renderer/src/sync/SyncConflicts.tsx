import { lazy, Suspense, useState } from 'react';
import { useCommand } from '../commands/CommandProvider';

// The view and its word diff load when first opened.
const ConflictsDialog = lazy(() => import('./ConflictsDialog').then((m) => ({ default: m.ConflictsDialog })));

/** Binds "Show sync conflicts" and shows the view while it is open. */
export function SyncConflicts() {
  const [open, setOpen] = useState(false);
  useCommand('sync-conflicts', () => setOpen(true));
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ConflictsDialog onClose={() => setOpen(false)} />
    </Suspense>
  );
}
