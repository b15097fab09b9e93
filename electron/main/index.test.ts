import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILE_NAMES } from '../core/store/files';
import { IPC_EVENT, IPC_SHELL } from '../common/ipcChannels';

// require('electron') from plain Node tries to download the binary: tests get a fake, which
// records the order of lifecycle steps so "before ready" can be checked.
const fake = vi.hoisted(() => {
  const steps: string[] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const ipcListeners = new Map<string, (...args: unknown[]) => void>();
  const paths = new Map<string, string>();
  let ready: () => void = () => {};
  const app = {
    isPackaged: false,
    singleInstance: true,
    requestSingleInstanceLock: () => (steps.push('requestSingleInstanceLock'), app.singleInstance),
    enableSandbox: () => steps.push('enableSandbox'),
    whenReady: () => new Promise<void>((resolve) => (ready = () => (steps.push('ready'), resolve()))),
    setPath: (name: string, value: string) => (steps.push(`setPath ${name}`), paths.set(name, value)),
    getPath: (name: string) => paths.get(name) ?? '/nonexistent-documents',
    getVersion: () => '0.1.0',
    getPreferredSystemLanguages: () => ['en-GB'],
    setAboutPanelOptions: vi.fn(),
    on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener),
    quit: vi.fn(() => steps.push('quit')),
    exit: vi.fn(() => steps.push('exit')),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
  };
  /** The one window: what it was sent, and whether it was brought to the front. */
  const window = {
    sent: [] as unknown[][],
    focus: vi.fn(),
    isMinimized: () => false,
    restore: vi.fn(),
    isDestroyed: () => false,
    on: () => {},
    getNormalBounds: () => ({ x: 0, y: 0, width: 1280, height: 860 }),
    isMaximized: () => false,
    isFullScreen: () => false,
    webContents: { send: (...args: unknown[]) => window.sent.push(args) },
  };
  return {
    steps,
    listeners,
    ipcListeners,
    paths,
    app,
    nativeTheme: { themeSource: 'system' as string },
    window,
    windows: [] as unknown[],
    becomeReady: () => ready(),
    showErrorBox: vi.fn(),
    createMainWindow: vi.fn((..._args: unknown[]) => {
      fake.windows = [window];
      return Promise.resolve(window);
    }),
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  crashReporter: { start: (options: unknown) => fake.steps.push(`crashReporter ${JSON.stringify(options)}`) },
  protocol: {
    registerSchemesAsPrivileged: () => fake.steps.push('registerSchemesAsPrivileged'),
    handle: () => fake.steps.push('protocol.handle'),
  },
  dialog: { showErrorBox: fake.showErrorBox, showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
  ipcMain: {
    handle: () => {},
    removeHandler: () => {},
    on: (channel: string, listener: (...args: unknown[]) => void) => fake.ipcListeners.set(channel, listener),
    removeListener: (channel: string) => fake.ipcListeners.delete(channel),
  },
  nativeTheme: fake.nativeTheme,
  safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
  Menu: { buildFromTemplate: () => ({ popup: () => {} }), setApplicationMenu: () => {} },
  BrowserWindow: { getAllWindows: () => fake.windows, fromWebContents: () => fake.window, getFocusedWindow: () => null },
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  },
}));
vi.mock('./createMainWindow', () => ({ createMainWindow: fake.createMainWindow }));

let dir: string;
const argv = process.argv;

const appDataEnv = process.env.DOSSIER_APP_DATA;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-main-'));
  process.argv = ['electron', '.', '--workspace', dir];
  // The recent workspaces go to this test's folder, never the real app-data folder.
  process.env.DOSSIER_APP_DATA = path.join(dir, 'app-data');
  vi.resetModules();
  fake.steps.length = 0;
  fake.listeners.clear();
  fake.ipcListeners.clear();
  fake.paths.clear();
  fake.windows = [];
  fake.window.sent.length = 0;
  fake.app.singleInstance = true;
  vi.clearAllMocks();
});

afterEach(async () => {
  process.argv = argv;
  if (appDataEnv === undefined) delete process.env.DOSSIER_APP_DATA;
  else process.env.DOSSIER_APP_DATA = appDataEnv;
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function startApp(): Promise<void> {
  await import('./index');
  fake.becomeReady();
}

describe('the app lifecycle', () => {
  it('registers the scheme before ready, opens the --workspace folder and its window', async () => {
    await startApp();
    await vi.waitFor(() => expect(fake.createMainWindow).toHaveBeenCalled());
    expect(fake.steps.slice(0, 6)).toEqual([
      // The app-data folder first: the single-instance lock and crash dumps live in it.
      'setPath userData',
      'crashReporter {"uploadToServer":false}',
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'requestSingleInstanceLock',
      'ready',
    ]);
    expect(fake.paths.get('userData')).toBe(path.join(dir, 'app-data'));
    // About shows the icon npm run icons made.
    const about = fake.app.setAboutPanelOptions.mock.calls[0]![0] as { iconPath: string; applicationVersion: string };
    await expect(access(about.iconPath)).resolves.toBeUndefined();
    expect(about.applicationVersion).toBe('0.1.0');
    await expect(readFile(path.join(dir, 'workspace.json'), 'utf8')).resolves.toContain('schemaVersion');
    expect(JSON.parse(await readFile(path.join(dir, FILE_NAMES.lock), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(fake.showErrorBox).not.toHaveBeenCalled();
    // The OS and File › Open Recent list it.
    expect(fake.app.addRecentDocument).toHaveBeenCalledWith(dir);
    await expect(readFile(path.join(dir, 'app-data', 'recent-workspaces.json'), 'utf8')).resolves.toContain(JSON.stringify(dir));
  });

  it('gives native menus and dialogs the theme chosen in Settings', async () => {
    const appData = await mkdtemp(path.join(os.tmpdir(), 'dossier-main-appdata-'));
    await writeFile(path.join(appData, 'settings.json'), JSON.stringify({ version: 1, theme: 'dark' }));
    vi.stubEnv('DOSSIER_APP_DATA', appData);
    try {
      await startApp();
      await vi.waitFor(() => expect(fake.createMainWindow).toHaveBeenCalled());
      expect(fake.nativeTheme.themeSource).toBe('dark');
    } finally {
      vi.unstubAllEnvs();
      fake.listeners.get('will-quit')?.({ preventDefault: () => {} });
      await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
      await rm(appData, { recursive: true, force: true });
    }
  });

  it('closes the workspace before quitting', async () => {
    await startApp();
    await vi.waitFor(() => expect(fake.createMainWindow).toHaveBeenCalled());
    const lock = path.join(dir, FILE_NAMES.lock);
    await expect(access(lock)).resolves.toBeUndefined();

    const event = { preventDefault: vi.fn() };
    fake.listeners.get('will-quit')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    await expect(access(lock)).rejects.toThrow();

    // The second will-quit (from that app.quit) lets the app go.
    const again = { preventDefault: vi.fn() };
    fake.listeners.get('will-quit')?.(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('opens the window on its start screen, not an error box, when the workspace cannot be opened', async () => {
    await writeFile(path.join(dir, 'workspace.json'), JSON.stringify({ kind: 'something else' }));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await startApp();
    await vi.waitFor(() => expect(fake.createMainWindow).toHaveBeenCalledTimes(1));
    expect(fake.showErrorBox).not.toHaveBeenCalled();
    expect(fake.app.exit).not.toHaveBeenCalled();
    // The full error goes to the local log; the window asks for the worded one (workspaces.recent).
    expect(String(logged.mock.calls[0]?.[0])).toContain(`the workspace ${dir} could not be opened`);
    // The damaged file is left as it was.
    expect(JSON.parse(await readFile(path.join(dir, 'workspace.json'), 'utf8'))).toEqual({ kind: 'something else' });
    await quit();
  });

  it('leaves at once when another Dossier is running', async () => {
    fake.app.singleInstance = false;
    await startApp();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.steps).not.toContain('protocol.handle');
  });

  /** The window's renderer saying it can take files now (from the app's own top frame, or from elsewhere). */
  function windowReady(url = 'dossier://app/index.html'): void {
    fake.ipcListeners.get(IPC_SHELL)?.({ senderFrame: { url, parent: null }, sender: {} }, { kind: 'ready' });
  }
  /** Quits as the user would, so the workspace is closed before its folder is removed. */
  async function quit(): Promise<void> {
    fake.listeners.get('will-quit')?.({ preventDefault: () => {} });
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
  }
  const opened = () => fake.window.sent.filter(([channel, name]) => channel === IPC_EVENT && name === 'app.openFiles').map(([, , payload]) => payload);

  it('brings the window to the front on a second launch, and imports the article it was given once the window is ready', async () => {
    const files = await mkdtemp(path.join(os.tmpdir(), 'dossier-files-'));
    await writeFile(path.join(files, 'report.md'), '# Report\n\nText.');
    await startApp();
    await vi.waitFor(() => expect(fake.createMainWindow).toHaveBeenCalled());
    await vi.waitFor(() => expect(fake.listeners.has('second-instance')).toBe(true));

    // As Chromium passes it: its own switches first, the file relative to where it was launched.
    fake.listeners.get('second-instance')?.({}, ['/opt/Dossier/dossier', '--allow-file-access-from-files', 'report.md', 'missing.md'], files);
    expect(fake.window.focus).toHaveBeenCalled();
    expect(opened()).toEqual([]);

    windowReady('https://evil.example/');
    expect(opened()).toEqual([]);
    windowReady();
    await vi.waitFor(() => expect(opened()).toHaveLength(1));
    expect(opened()[0]).toEqual({ files: [{ name: 'report.md', base64: Buffer.from('# Report\n\nText.').toString('base64') }] });
    expect(fake.app.addRecentDocument).toHaveBeenCalledWith(path.join(files, 'report.md'));

    // Once ready, the next launch's file goes straight to the window.
    await writeFile(path.join(files, 'second.txt'), 'More.');
    fake.listeners.get('second-instance')?.({}, ['/opt/Dossier/dossier', path.join(files, 'second.txt')], '/');
    await vi.waitFor(() => expect(opened()).toHaveLength(2));
    expect(opened()[1]).toEqual({ files: [{ name: 'second.txt', base64: Buffer.from('More.').toString('base64') }] });
    await quit();
    await rm(files, { recursive: true, force: true });
  });

  it('holds files given at launch and by macOS open-file before ready until the window can take them', async () => {
    const files = await mkdtemp(path.join(os.tmpdir(), 'dossier-files-'));
    await writeFile(path.join(files, 'first.md'), 'First.');
    await writeFile(path.join(files, 'finder.html'), '<html><body>Finder</body></html>');
    process.argv = ['electron', path.join(files, 'first.md'), '--workspace', dir];
    await import('./index');
    const event = { preventDefault: vi.fn() };
    fake.listeners.get('open-file')?.(event, path.join(files, 'finder.html'));
    expect(event.preventDefault).toHaveBeenCalled();
    fake.becomeReady();
    await vi.waitFor(() => expect(fake.createMainWindow).toHaveBeenCalled());
    await vi.waitFor(() => expect(fake.ipcListeners.has(IPC_SHELL)).toBe(true));
    expect(opened()).toEqual([]);

    windowReady();
    await vi.waitFor(() => expect(opened()).toHaveLength(1));
    expect((opened()[0] as { files: { name: string }[] }).files.map((f) => f.name)).toEqual(['first.md', 'finder.html']);
    // The open workspace is a recent document too (File › Open Recent), besides the files opened.
    expect(fake.app.addRecentDocument.mock.calls.filter(([file]) => file !== dir)).toEqual([[path.join(files, 'first.md')], [path.join(files, 'finder.html')]]);
    await quit();
    await rm(files, { recursive: true, force: true });
  });
});
