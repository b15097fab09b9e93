import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export interface BrowserChoice {
  executablePath?: string;
  /** Why no browser could be used; the browser specs skip with this line. */
  missing?: string;
}

/**
 * The browser the e2e specs drive: `DOSSIER_E2E_BROWSER` if set, else Debian's Chromium, else a
 * browser Playwright installed itself. Never downloads one.
 */
export function chooseBrowser(env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  const named = env.DOSSIER_E2E_BROWSER;
  if (named) {
    return existsSync(named) ? { executablePath: named } : { missing: `DOSSIER_E2E_BROWSER=${named} does not exist` };
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return { executablePath: candidate };
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { executablePath: own };
  } catch {
    // Playwright has no browser of its own here.
  }
  return { missing: 'no Chromium found (install Debian chromium, or set DOSSIER_E2E_BROWSER to a Chromium binary)' };
}

/** Flags for a quiet, sandboxed-for-CI headless run on a closed network. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** Root cannot use Chromium's sandbox; everyone else keeps it. */
export function sandboxArgs(): string[] {
  return process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}
