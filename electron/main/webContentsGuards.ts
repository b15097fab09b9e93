import type { App, WebContents } from 'electron';
import { isAppUrl } from './appUrl';

/**
 * For every web page Electron creates (the main window, the hidden PDF printer, anything a
 * future feature adds): no <webview>, no new windows and no navigation away from the app unless
 * that page's own code allows it. The main window and the printer set stricter rules of their own
 * on top (their window-open handler replaces this one).
 */
export function guardEveryWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export function guardWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
}
