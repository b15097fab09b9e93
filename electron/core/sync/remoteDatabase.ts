import { DossierError, phrase } from '../../common/errors';
import { PouchDB, type Database } from './pouch';
import { authHeaders, type SyncRemote } from './remoteUrl';

/**
 * The team's database through CouchDB's HTTP API, signed in with the remote's credentials (kept in
 * this object only). The database is created on first use when the account may create it.
 */
export function remoteDatabase(remote: SyncRemote): Database {
  const headers = authHeaders(remote);
  return new PouchDB(remote.url, {
    fetch: (url: string | Request, options?: RequestInit) => {
      const merged = new Headers(options?.headers);
      for (const [name, value] of Object.entries(headers)) merged.set(name, value);
      return PouchDB.fetch(url, { ...options, headers: merged });
    },
  } );
}

/** A failure talking to the server, in words the analyst can act on. */
export function remoteError(error: unknown, remote: SyncRemote): DossierError {
  const failure = error as { status?: number; name?: string; message?: string; reason?: string; code?: string; cause?: { code?: string } };
  const where = remote.url;
  switch (failure?.status) {
    case 401:
      return new DossierError(
        'unauthorized',
        phrase('sync.unauthorized', { url: where }),
      );
    case 403:
      return new DossierError('bad-input', phrase('sync.forbidden', { database: remote.database, origin: new URL(where).origin }));
    case 404:
      return new DossierError('not-found', phrase('sync.noSuchDatabase', { database: remote.database, origin: new URL(where).origin }));
  }
  const code = failure?.code ?? failure?.cause?.code;
  const reason = code ?? failure?.reason ?? failure?.message ?? String(error);
  if (failure?.status && failure.status >= 500) {
    return new DossierError('unavailable', phrase('sync.serverFailed', { url: where, status: String(failure.status), reason }));
  }
  return new DossierError('unavailable', phrase('sync.unreachable', { url: where, reason }));
}
