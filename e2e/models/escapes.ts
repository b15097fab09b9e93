import type { Page } from '@playwright/test';

/** What a hostile document could make the page do: dialogs opened, requests sent off the machine. */
export interface Escapes {
  dialogs: string[];
  foreignRequests: string[];
}

/** Starts recording escapes on `page`; dialogs are dismissed so the page never waits on one. */
export function watchEscapes(page: Page): Escapes {
  const escapes: Escapes = { dialogs: [], foreignRequests: [] };
  const origin = new URL(page.url()).origin;
  page.on('dialog', (d) => {
    escapes.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(blob|data):/.test(r.url())) escapes.foreignRequests.push(r.url());
  });
  return escapes;
}
