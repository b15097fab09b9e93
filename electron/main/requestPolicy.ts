import type { Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './appUrl';

/**
 * Whether the app's window may load `url`: its own files over dossier://app, and data:/blob: URLs
 * that the page made itself (an exported file, an image the CSP allows). Everything else — http(s),
 * ws(s), file://, ftp, another dossier:// host — is refused, whatever the page or an article in it
 * asks for: Dossier never fetches anything remote, and a request that tries is a sign of hostile
 * content (a tracking image, CSS that leaks what it matches).
 */
export function isAllowedRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  if (parsed.protocol === 'data:') return true;
  // A blob's URL carries the origin that made it: only the app's own.
  if (parsed.protocol === 'blob:') return parsed.pathname.startsWith(`${APP_SCHEME}://${APP_HOST}/`);
  return false;
}

/**
 * What the log may say about a blocked request: its scheme and host. The path and query are left
 * out because a hostile article can put its own text (or the analyst's, through CSS) there.
 */
export function requestSummary(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return '(not a URL)';
  }
}

/** How many distinct blocked destinations are logged; past that, one line says more were blocked. */
const LOGGED_DESTINATIONS = 50;

/** Cancels every request of `session` that `isAllowedRequest` refuses, logging each destination once. */
export function blockForeignRequests(session: Session, log: (line: string) => void = console.warn): void {
  const logged = new Set<string>();
  let saidMore = false;
  session.webRequest.onBeforeRequest((details, callback) => {
    if (isAllowedRequest(details.url)) return callback({});
    callback({ cancel: true });
    const where = requestSummary(details.url);
    if (logged.has(where)) return;
    if (logged.size < LOGGED_DESTINATIONS) {
      logged.add(where);
      log(`Dossier blocked a request to ${where} (${details.resourceType}): the app loads nothing from outside.`);
    } else if (!saidMore) {
      saidMore = true;
      log('Dossier blocked requests to more destinations; they are no longer logged one by one.');
    }
  });
}
