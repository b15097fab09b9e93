/**
 * The renderer's address. A custom standard scheme gives the app a real, stable origin (unlike
 * file://, whose origin is opaque and which Chromium grants extra privileges).
 */
export const APP_SCHEME = 'dossier';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Compares scheme and host rather than `URL.origin`: Node's URL parser gives every non-special
 * scheme the opaque origin "null", so an origin comparison would match any such URL.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
