import { existsSync } from 'node:fs';
import { DossierError, phrase } from '../../../common/errors';

/** Where Chromium-family browsers usually live, after the Debian/Ubuntu paths the issue names. */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/**
 * The Chromium to print with: $DOSSIER_CHROMIUM, else a system browser, else one Playwright
 * installed itself. Never downloads one: Dossier works offline.
 */
export function findChromium(env: NodeJS.ProcessEnv, playwrightOwn: () => string | undefined, exists: (file: string) => boolean = existsSync): string {
  const named = env.DOSSIER_CHROMIUM;
  if (named) {
    if (exists(named)) return named;
    throw new DossierError('unavailable', phrase('pdf.namedMissing', { path: named }));
  }
  const system = SYSTEM_BROWSERS.find((file) => exists(file));
  if (system) return system;
  let own: string | undefined;
  try {
    own = playwrightOwn();
  } catch {
    // Playwright has no browser of its own here.
  }
  if (own && exists(own)) return own;
  throw new DossierError(
    'unavailable',
    phrase('pdf.noChromium'),
  );
}
