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
    permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
    requestFilter: ((details: { url: string; resourceType: string }, callback: (response: { cancel?: boolean }) => void) => void) | undefined;
    spellChecker: boolean | undefined;
    dictionaryUrl: string | undefined;
    maximized = false;
    loadedUrl: string | undefined;
    shown = false;
    readonly webContents = {
      session: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (this.permissionHandler = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (this.permissionCheckHandler = handler),
        setSpellCheckerEnabled: (enabled: boolean) => (this.spellChecker = enabled),
        setSpellCheckerDictionaryDownloadURL: (url: string) => (this.dictionaryUrl = url),
        webRequest: {
          onBeforeRequest: (filter: FakeBrowserWindow['requestFilter']) => (this.requestFilter = filter),
        },
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
    maximize(): void {
      this.maximized = true;
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }
  return {
    FakeBrowserWindow,
    showMessageBox: vi.fn<(...args: unknown[]) => Promise<{ response: number }>>(),
    openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()),
  };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeBrowserWindow,
  dialog: { showMessageBox: (...args: unknown[]) => fake.showMessageBox(...args) },
  shell: { openExternal: (url: string) => fake.openExternal(url) },
}));

let win: InstanceType<typeof fake.FakeBrowserWindow>;

beforeEach(async () => {
  fake.showMessageBox.mockReset();
  fake.openExternal.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
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
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(win.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(win.spellChecker).toBe(false);
    // Nothing can fetch a dictionary either: the download address never resolves.
    expect(new URL(win.dictionaryUrl!).hostname).toMatch(/\.invalid$/);
  });

  it('opens where it is placed, maximized once shown when it was', async () => {
    await createMainWindow('/app/out/preload/index.cjs', { bounds: { x: 40, y: 60, width: 900, height: 700 }, maximized: true });
    const placed = fake.FakeBrowserWindow.last!;
    expect(placed.options).toMatchObject({ x: 40, y: 60, width: 900, height: 700, minWidth: 640, minHeight: 480 });
    expect(placed.maximized).toBe(false);
    placed.listeners.get('ready-to-show')?.();
    expect(placed.maximized).toBe(true);
    expect(placed.shown).toBe(true);
    // Without a placement: the default size, centred by the system, not maximized.
    expect(win.options).toMatchObject({ width: 1280, height: 860 });
    expect(win.options).not.toHaveProperty('x');
  });

  it('loads the app from its own protocol and shows once ready', () => {
    expect(win.loadedUrl).toBe(APP_ENTRY_URL);
    expect(win.shown).toBe(false);
    win.listeners.get('ready-to-show')?.();
    expect(win.shown).toBe(true);
  });

  /** Lets the promise chain of a link being opened run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('denies every window.open, offering a web link to the system browser after asking', async () => {
    fake.showMessageBox.mockResolvedValue({ response: 0 });
    expect(win.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    await settle();
    expect(fake.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fake.showMessageBox.mock.calls[0]![0]).toBe(win);
    expect(fake.showMessageBox.mock.calls[0]![1]).toMatchObject({ defaultId: 0, cancelId: 0, detail: expect.stringContaining('https://example.com/') });
    expect(fake.openExternal).not.toHaveBeenCalled();

    fake.showMessageBox.mockResolvedValue({ response: 1 });
    expect(win.windowOpenHandler?.({ url: 'https://example.com/b' })).toEqual({ action: 'deny' });
    await settle();
    expect(fake.openExternal).toHaveBeenCalledWith('https://example.com/b');

    for (const url of ['dossier://app/index.html', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x']) {
      expect(win.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    await settle();
    expect(fake.showMessageBox).toHaveBeenCalledTimes(2);
    expect(fake.openExternal).toHaveBeenCalledTimes(1);
  });

  it('keeps navigation inside the app; a followed web link goes to the browser only if confirmed', async () => {
    fake.showMessageBox.mockResolvedValue({ response: 0 });
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      win.contentListeners.get('will-navigate')?.(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('dossier://elsewhere/index.html')).toBe(true);
    expect(navigate('javascript:alert(1)')).toBe(true);
    expect(navigate('dossier://app/index.html')).toBe(false);
    await settle();
    expect(fake.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('cancels every request of the window’s session that is not the app’s own', () => {
    const request = (url: string, resourceType = 'image') => {
      const callback = vi.fn();
      win.requestFilter!({ url, resourceType }, callback);
      return callback.mock.calls[0]![0] as { cancel?: boolean };
    };
    expect(request('dossier://app/index.html', 'mainFrame')).toEqual({});
    expect(request('dossier://app/assets/index.js', 'script')).toEqual({});
    expect(request('https://evil.example/track.png')).toEqual({ cancel: true });
    expect(request('http://127.0.0.1:9999/api/call/workspace.info', 'xhr')).toEqual({ cancel: true });
    expect(request('file:///etc/passwd', 'subFrame')).toEqual({ cancel: true });
  });

  it('denies every permission request', () => {
    const callback = vi.fn();
    win.permissionHandler?.({}, 'media', callback);
    win.permissionHandler?.({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(win.permissionCheckHandler?.(null, 'clipboard-read', 'dossier://app', {})).toBe(false);
  });
});
