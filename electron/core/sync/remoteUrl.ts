import { DossierError, phrase } from '../../common/errors';

/** A CouchDB database to sync with: where it is, and how to sign in to it. */
export interface SyncRemote {
  /** The database's URL without credentials (what the workspace remembers, what messages show). */
  url: string;
  /** The database's name, the last segment of its path. */
  database: string;
  /** CouchDB basic auth or a proxy's bearer token; never written to the workspace. */
  auth: { username: string; password: string } | { token: string } | null;
}

export interface Credentials {
  username?: string;
  password?: string;
  token?: string;
}

/**
 * Reads a remote database URL as the analyst typed it (credentials may be in it) and decides
 * whether Dossier may use it: `https://` anywhere, `http://` only on this machine, where nothing
 * crosses a network in the clear.
 */
export function parseRemote(input: string, given: Credentials = {}): SyncRemote {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    throw new DossierError('bad-input', phrase('sync.notAUrl', { input: clip(input) }));
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new DossierError('bad-input', phrase('sync.wrongProtocol', { protocol: parsed.protocol }));
  }
  if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    throw new DossierError(
      'bad-input',
      phrase('sync.plainHttp', { host: parsed.host }),
    );
  }
  if (parsed.search || parsed.hash) throw new DossierError('bad-input', phrase('sync.queryInUrl'));
  const segments = parsed.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const database = segments.at(-1);
  if (!database) throw new DossierError('bad-input', phrase('sync.noDatabase', { origin: parsed.origin }));
  // CouchDB's rule for database names; ids of the server's own databases start with "_".
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(database)) {
    throw new DossierError('bad-input', phrase('sync.badDatabaseName', { name: clip(database) }));
  }
  const fromUrl = { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
  parsed.username = '';
  parsed.password = '';
  const url = parsed.toString().replace(/\/+$/, '');
  const username = given.username || fromUrl.username;
  const password = given.password || fromUrl.password;
  const auth = given.token ? { token: given.token } : username ? { username, password } : null;
  return { url, database, auth };
}

/** Whether a host name is this machine: the only place plain http:// is allowed. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The headers that sign in: basic auth, or a bearer token for a proxy in front of CouchDB. */
export function authHeaders(remote: SyncRemote): Record<string, string> {
  if (!remote.auth) return {};
  if ('token' in remote.auth) return { Authorization: `Bearer ${remote.auth.token}` };
  return { Authorization: `Basic ${Buffer.from(`${remote.auth.username}:${remote.auth.password}`).toString('base64')}` };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
