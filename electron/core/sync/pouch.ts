import { replicaPouchDB } from './replica/pouchdb';
import type { PouchDatabase, PouchStatic, Replication as PouchReplication, ReplicationResult } from './replica/pouchTypes';

/**
 * The one PouchDB of the process: the local replica's adapter, CouchDB's protocol (http adapter)
 * and its replicator (`_changes`, `_revs_diff`, `_bulk_docs`, checkpoints) — PouchDB's job, not ours.
 */
export const PouchDB: PouchStatic = replicaPouchDB();

export type Database = PouchDatabase;
export type Replication = PouchReplication<ReplicationResult>;
export type { PouchDoc } from './replica/pouchTypes';
