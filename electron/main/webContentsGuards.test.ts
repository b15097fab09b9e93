import { describe, expect, it, vi } from 'vitest';
import type { App, WebContents } from 'electron';
import { guardEveryWebContents } from './webContentsGuards';

type Listener = (event: { url?: string; preventDefault(): void }, ...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof windowOpen) => (windowOpen = handler),
  } as unknown as WebContents;
  const prevented = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)?.(event, {}, {});
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, prevented, windowOpen: (url: string) => windowOpen?.({ url }) };
}

describe('guardEveryWebContents', () => {
  it('guards each web page Electron creates: no webview, no new window, no navigation out', () => {
    let created: ((event: unknown, contents: WebContents) => void) | undefined;
    const app = { on: (name: string, listener: typeof created) => name === 'web-contents-created' && (created = listener) } as unknown as App;
    guardEveryWebContents(app);
    const page = fakeContents();
    created!({}, page.contents);

    expect(page.prevented('will-attach-webview')).toBe(true);
    expect(page.windowOpen('https://example.com/')).toEqual({ action: 'deny' });
    expect(page.windowOpen('dossier://app/index.html')).toEqual({ action: 'deny' });
    expect(page.prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(page.prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(page.prevented('will-navigate', 'dossier://app/index.html')).toBe(false);
    expect(page.prevented('will-redirect', 'https://example.com/')).toBe(true);
    expect(page.prevented('will-redirect', 'dossier://app/index.html')).toBe(false);
  });
});
