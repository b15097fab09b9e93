import { JSDOM, VirtualConsole } from 'jsdom';

/** A URL that can never resolve (RFC 2606 `.invalid`), so a relative link has a base but nowhere to go. */
const INERT_BASE_URL = 'https://article.invalid/';

/**
 * Parses an untrusted page into a DOM that can only be read: jsdom runs no scripts without
 * `runScripts` and loads no subresources (stylesheets, frames, images) without `resources`, and
 * the console that swallows everything keeps page noise and jsdom's "not implemented" out of
 * Dossier's logs. Both options are left unset on purpose; setting either one opens a door.
 * The caller closes the window when done.
 */
export function parseInertHtml(html: string): JSDOM {
  return new JSDOM(html, {
    url: INERT_BASE_URL,
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
  });
}
