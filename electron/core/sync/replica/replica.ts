import path from 'node:path';
import { replicaPouchDB, REPLICA_ADAPTER } from './pouchdb';
import type { PouchDatabase } from './pouchTypes';

export interface LocalReplica {
  readonly db: PouchDatabase;
  /** Closes the replica once every opener in this process has closed it. */
  close(): Promise<void>;
}

interface Shared {
  opening: Promise<PouchDatabase>;
  openers: number;
}

const open = new Map<string, Shared>();

/**
 * Opens (or creates) the local PouchDB replica whose files live in `dir` (`<workspace>/sync/…`).
 * One process at a time opens a workspace (its lock sees to that); inside this process a second
 * open of the same folder shares the first one's database rather than opening the log twice,
 * and the files are closed when the last opener closes.
 */
export async function openReplica(dir: string): Promise<LocalReplica> {
  const folder = path.resolve(dir);
  let shared = open.get(folder);
  if (!shared) {
    const PouchDB = replicaPouchDB();
    const opening = (async () => {
      const db = new PouchDB(folder, { adapter: REPLICA_ADAPTER });
      // PouchDB opens lazily and reports a failed open only on the next call: ask now, so a
      // damaged or unreadable replica fails here, worded by the store.
      await db.info();
      return db;
    })();
    shared = { opening, openers: 0 };
    open.set(folder, shared);
    opening.catch(() => open.delete(folder));
  }
  shared.openers += 1;
  let db: PouchDatabase;
  try {
    db = await shared.opening;
  } catch (error) {
    shared.openers -= 1;
    throw error;
  }
  let closed = false;
  const entry = shared;
  return {
    db,
    async close() {
      if (closed) return;
      closed = true;
      entry.openers -= 1;
      if (entry.openers > 0) return;
      open.delete(folder);
      await db.close();
    },
  };
}
