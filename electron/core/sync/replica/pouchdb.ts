import PouchDBCore from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import CoreLevelPouch from 'pouchdb-adapter-leveldb-core';
import { LogDown } from './logDown';
import type { PouchStatic } from './pouchTypes';

/** The adapter name a local replica is opened with. */
export const REPLICA_ADAPTER = 'dossierlog';

/**
 * pouchdb-adapter-leveldb-core opens the store as `opts.db(name)` and caches the open levelup
 * per `functionName(opts.db)` and name: the factory must be one named function for the life of
 * the process, or every open would miss the cache. Its `destroy` is what PouchDB's destroy()
 * calls when present.
 */
function dossierLogDown(location: string): LogDown {
  return new LogDown(location);
}
dossierLogDown.destroy = (location: string, callback: (error?: Error | null) => void): void => {
  LogDown.destroy(location).then(() => callback(), callback);
};

function DossierLogPouch(this: unknown, options: object, callback: (error: Error | null) => void): void {
  CoreLevelPouch.call(this, { ...options, db: dossierLogDown }, callback);
}
// Like pouchdb-adapter-leveldb on Node: always usable, and the name is the folder as given
// (no "_pouch_" prefix).
DossierLogPouch.valid = (): boolean => true;
DossierLogPouch.use_prefix = false;

let registered: PouchStatic | null = null;

// Worth knowing when writing docs into a replica: PouchDB's revision ids are deterministic, an MD5
// of the doc's JSON (pouchdb-utils `rev`), attachments included. A Buffer attachment serialises
// there as a JSON array of numbers, which doubles the time of a put with 20 KB attachments and is
// far worse for MB-sized originals: give new attachments as base64 strings.

/**
 * PouchDB with the replica adapter, the HTTP adapter (the CouchDB server) and replication,
 * registered once per process: plugins patch the shared PouchDB object, and registering an
 * adapter twice would only replace it.
 */
export function replicaPouchDB(): PouchStatic {
  if (registered) return registered;
  const PouchDB = PouchDBCore as PouchStatic & { [REGISTERED]?: true };
  // Marked on PouchDB itself, not only here: a test runner that loads this module afresh keeps
  // node_modules' PouchDB, and its replication plugin cannot be added twice.
  if (!PouchDB[REGISTERED]) {
    PouchDB.plugin(HttpAdapter).plugin(Replication);
    PouchDB.adapter(REPLICA_ADAPTER, DossierLogPouch, true);
    PouchDB[REGISTERED] = true;
  }
  registered = PouchDB;
  return PouchDB;
}

const REGISTERED = Symbol.for('dossier.pouchdb.registered');
