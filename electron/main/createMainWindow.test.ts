import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from './appUrl';
import { createMainWindow } from './createMainWindow';

// require('electron') from plain Node tries to download the binary: tests get a fake.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class FakeBrowserWindow {
    static last: FakeBrowserWindow | undefined;
    readonly listeners = new Map<string, Listener>();
    readonly contentListeners = new Map<string, Listener>();
    windowOpenHandler: ((details: unknown) => unknown) | undefined;
    permissionHandler: ((...args: unknown[]) => void) | undefined;
    spellChecker: boolean | undefined;
    loadedUrl: string | undefined;
    shown = false;
    readonly webContents = {
      session: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (this.permissionHandler = handler),
        setSpellCheckerEnabled: (enabled: boolean) => (this.spellChecker = enabled),
      },
      setWindowOpenHandler: (handler: (details: unknown) => unknown) => (this.windowOpenHandler = handler),
      on: (name: string, listener: Listener) => this.contentListeners.set(name, listener),
    };
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      FakeBrowserWindow.last = this;
    }
    once(name: string, listener: Listener): void {
      this.listeners.set(name, listener);
    }
    show(): void {
      this.shown = true;
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }
  return { FakeBrowserWindow };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }));

let win: InstanceType<typeof fake.FakeBrowserWindow>;

beforeEach(async () => {
  await createMainWindow('/app/out/preload/index.cjs');
  win = fake.FakeBrowserWindow.last!;
});

describe('createMainWindow', () => {
  it('runs the renderer isolated and sandboxed, with the bundled preload and no spellchecker', () => {
    expect(win.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
    expect(win.spellChecker).toBe(false);
  });

  it('loads the app from its own protocol and shows once ready', () => {
    expect(win.loadedUrl).toBe(APP_ENTRY_URL);
    expect(win.shown).toBe(false);
    win.listeners.get('ready-to-show')?.();
    expect(win.shown).toBe(true);
  });

  it('denies every window.open', () => {
    expect(win.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(win.windowOpenHandler?.({ url: 'dossier://app/index.html' })).toEqual({ action: 'deny' });
  });

  it('keeps navigation inside the app', () => {
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      win.contentListeners.get('will-navigate')?.(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('dossier://elsewhere/index.html')).toBe(true);
    expect(navigate('dossier://app/index.html')).toBe(false);
  });

  it('denies every permission request', () => {
    const callback = vi.fn();
    win.permissionHandler?.({}, 'media', callback);
    win.permissionHandler?.({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
  });
});
