import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILE_NAMES } from '../core/store/files';

// require('electron') from plain Node tries to download the binary: tests get a fake, which
// records the order of lifecycle steps so "before ready" can be checked.
const fake = vi.hoisted(() => {
  const steps: string[] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let ready: () => void = () => {};
  const app = {
    isPackaged: false,
    singleInstance: true,
    requestSingleInstanceLock: () => app.singleInstance,
    enableSandbox: () => steps.push('enableSandbox'),
    whenReady: () => new Promise<void>((resolve) => (ready = () => (steps.push('ready'), resolve()))),
    getPath: () => '/nonexistent-documents',
    on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener),
    quit: vi.fn(() => steps.push('quit')),
    exit: vi.fn(() => steps.push('exit')),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
  };
  return {
    steps,
    listeners,
    app,
    nativeTheme: { themeSource: 'system' as string },
    becomeReady: () => ready(),
    showErrorBox: vi.fn(),
    createMainWindow: vi.fn(() => Promise.resolve({})),
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
  ipcMain: { handle: () => {}, removeHandler: () => {} },
  Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => {} },
  BrowserWindow: { getAllWindows: () => [] },
  nativeTheme: fake.nativeTheme,
}));
vi.mock('./createMainWindow', () => ({ createMainWindow: fake.createMainWindow }));

let dir: string;
const argv = process.argv;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-main-'));
  process.argv = ['electron', '.', '--workspace', dir];
  // The recent workspaces go to this test's folder, never the real app-data folder.
  process.env.DOSSIER_APP_DATA = path.join(dir, 'app-data');
  vi.resetModules();
  fake.steps.length = 0;
  fake.listeners.clear();
  fake.app.singleInstance = true;
  vi.clearAllMocks();
});

afterEach(async () => {
  process.argv = argv;
  delete process.env.DOSSIER_APP_DATA;
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
    expect(fake.steps.slice(0, 4)).toEqual([
      'crashReporter {"uploadToServer":false}',
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'ready',
    ]);
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

  it('shows a worded error and exits when the workspace is damaged', async () => {
    await writeFile(path.join(dir, 'workspace.json'), JSON.stringify({ kind: 'something else' }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await startApp();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    const [title, message] = fake.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Dossier cannot open the workspace');
    expect(message).toContain('workspace.json');
    expect(message).not.toMatch(/\n\s+at /);
    expect(fake.createMainWindow).not.toHaveBeenCalled();
  });

  it('leaves at once when another Dossier is running', async () => {
    fake.app.singleInstance = false;
    await startApp();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.steps).not.toContain('protocol.handle');
  });
});
