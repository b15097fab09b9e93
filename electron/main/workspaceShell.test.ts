import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppWorkspaces } from '../core';
import { EventBus } from '../core/events';
import { IPC_CHOOSE_FOLDER, IPC_EVENT } from '../common/ipcChannels';
import { bindWorkspaceShell } from './workspaceShell';

// require('electron') from plain Node tries to download the binary: tests get a fake.
const fake = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  menus: [] as MenuItemConstructorOptions[][],
  sent: [] as unknown[][],
  windows: [] as unknown[],
  recentDocuments: [] as string[],
  showOpenDialog: vi.fn(),
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    addRecentDocument: (p: string) => fake.recentDocuments.push(p),
    clearRecentDocuments: () => (fake.recentDocuments.length = 0),
  },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => fake.handlers.set(channel, handler),
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => (fake.menus.push(t), t), setApplicationMenu: () => undefined },
  BrowserWindow: { getFocusedWindow: () => fake.windows[0] ?? null, getAllWindows: () => fake.windows, fromWebContents: () => null },
  dialog: { showOpenDialog: (...args: unknown[]) => fake.showOpenDialog(...args), showErrorBox: vi.fn() },
}));

const APP_FRAME = { senderFrame: { url: 'dossier://app/index.html', parent: null }, sender: {} };

function fakeWorkspaces() {
  const recentListeners = new Set<() => void>();
  let list = [{ path: '/ws/a', name: 'A', lastOpened: '', missing: false }];
  const workspaces = {
    path: '/ws/a',
    events: new EventBus(),
    recent: vi.fn(async () => ({ current: workspaces.path, workspaces: list, newWorkspaceParent: '/docs' })),
    open: vi.fn(async (p: string) => ({ path: p, name: 'B' })),
    clearRecent: vi.fn(async () => undefined),
    onRecentChange: (l: () => void) => (recentListeners.add(l), () => recentListeners.delete(l)),
    /** What AppWorkspaces does on a switch: the list changes, then windows are told. */
    switchTo(p: string, name: string) {
      workspaces.path = p;
      list = [{ path: p, name, lastOpened: '', missing: false }, ...list];
      for (const l of recentListeners) l();
      workspaces.events.emit('workspace.switched', { path: p, name });
    },
  };
  return workspaces;
}

function openRecentItems(): MenuItemConstructorOptions[] {
  const file = fake.menus.at(-1)!.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
  return file.find((i) => i.label === 'Open &Recent')!.submenu as MenuItemConstructorOptions[];
}

let unbind: () => void;
let workspaces: ReturnType<typeof fakeWorkspaces>;
const showWindow = vi.fn();

beforeEach(() => {
  fake.menus.length = 0;
  fake.sent.length = 0;
  fake.windows.length = 0;
  fake.recentDocuments.length = 0;
  workspaces = fakeWorkspaces();
  unbind = bindWorkspaceShell(workspaces as unknown as AppWorkspaces, showWindow);
});
afterEach(() => unbind());

describe('bindWorkspaceShell', () => {
  it('lists the open workspace in File › Open Recent and with the OS, and rebuilds the menu on a switch', async () => {
    expect(fake.recentDocuments).toEqual(['/ws/a']);
    await vi.waitFor(() => expect(fake.menus.length).toBe(1));
    expect(openRecentItems()[0]).toMatchObject({ label: 'A — /ws/a', checked: true });

    workspaces.switchTo('/ws/b', 'B');
    await vi.waitFor(() => expect(fake.menus.length).toBe(2));
    expect(openRecentItems().slice(0, 2).map((i) => [i.label, i.checked, i.enabled])).toEqual([
      ['B — /ws/b', true, false],
      ['A — /ws/a', false, true],
    ]);
    expect(fake.recentDocuments).toEqual(['/ws/a', '/ws/b']);
  });

  it('asks the window to open a recent workspace (it saves first), or opens it itself with no window', async () => {
    workspaces.switchTo('/ws/b', 'B');
    await vi.waitFor(() => expect(fake.menus.length).toBe(2));
    const window = { isDestroyed: () => false, webContents: { send: (...args: unknown[]) => fake.sent.push(args) } };
    fake.windows.push(window);
    (openRecentItems()[1]!.click as () => void)();
    expect(fake.sent).toEqual([[IPC_EVENT, 'app.openWorkspace', { path: '/ws/a' }]]);
    expect(workspaces.open).not.toHaveBeenCalled();

    fake.windows.length = 0;
    (openRecentItems()[1]!.click as () => void)();
    await vi.waitFor(() => expect(showWindow).toHaveBeenCalled());
    expect(workspaces.open).toHaveBeenCalledWith('/ws/a');
  });

  it('offers a native folder picker to the app only', async () => {
    const handler = fake.handlers.get(IPC_CHOOSE_FOLDER)!;
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/chosen'] });
    expect(await handler(APP_FRAME, 'create')).toBe('/chosen');
    expect(fake.showOpenDialog.mock.calls[0]![0]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handler(APP_FRAME, 'open')).toBeNull();
    await expect(handler({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} }, 'open')).rejects.toThrow(/outside the Dossier app/);
    unbind();
    expect(fake.handlers.has(IPC_CHOOSE_FOLDER)).toBe(false);
    unbind = () => undefined;
  });
});
