import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DossierCore } from '../core/dossierCore';
import { EventBus } from '../core/events';
import { IPC_CALL, IPC_EVENT, IPC_SAVE_FILE } from '../common/ipcChannels';
import type { EventPayload } from '../common/contract';
import { registerIpc } from './registerIpc';

// require('electron') from plain Node tries to download the binary: tests get a fake.
const fake = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  windows: [] as { isDestroyed(): boolean; webContents: { getURL(): string; send: (...args: unknown[]) => void } }[],
  showSaveDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePath: string }>>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => fake.handlers.set(channel, handler),
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  BrowserWindow: { getAllWindows: () => fake.windows, fromWebContents: () => null },
  dialog: { showSaveDialog: (...args: unknown[]) => fake.showSaveDialog(...args) },
}));

const APP_FRAME = { senderFrame: { url: 'dossier://app/index.html', parent: null }, sender: {} };

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = fake.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
}

let dir: string;
let events: EventBus;
let dispatch: ReturnType<typeof vi.fn<DossierCore['dispatch']>>;
let unbind: () => void;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-ipc-'));
  events = new EventBus();
  fake.showSaveDialog.mockReset();
  dispatch = vi.fn<DossierCore['dispatch']>(() => Promise.resolve({ ok: true, value: { articles: [] } }));
  unbind = registerIpc({ dispatch, events } as unknown as DossierCore, dir);
});

afterEach(async () => {
  vi.restoreAllMocks();
  unbind();
  fake.windows = [];
  await rm(dir, { recursive: true, force: true });
});

describe('dossier:call', () => {
  it('dispatches a call from the app to the core and returns its result', async () => {
    await expect(invoke(IPC_CALL, APP_FRAME, 'articles.list', {})).resolves.toEqual({ ok: true, value: { articles: [] } });
    expect(dispatch).toHaveBeenCalledWith('articles.list', {});
  });

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['a local file', 'file:///tmp/index.html'],
    ['another dossier host', 'dossier://other/index.html'],
    ['a look-alike scheme', 'dossierx://app/index.html'],
  ])('refuses a call from %s without reaching the core', async (_what, url) => {
    await expect(invoke(IPC_CALL, { senderFrame: { url, parent: null }, sender: {} }, 'articles.list', {})).rejects.toThrow(/outside the Dossier app/);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame is gone', async () => {
    await expect(invoke(IPC_CALL, { senderFrame: null, sender: {} }, 'articles.list', {})).rejects.toThrow();
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('every IPC handler', () => {
  const foreign = [
    { senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} },
    { senderFrame: { url: 'file:///tmp/index.html', parent: null }, sender: {} },
    // The app's URL in a subframe: the app has none, so an injected one is refused.
    { senderFrame: { url: 'dossier://app/index.html', parent: {} }, sender: {} },
    { senderFrame: null, sender: {} },
    { sender: {} },
  ];

  it('checks the sender’s frame before doing anything, whatever the channel', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual([IPC_CALL, IPC_SAVE_FILE].sort());
    for (const [channel, handler] of fake.handlers) {
      for (const event of foreign) {
        await expect(handler(event, 'articles.list', {}), `${channel} ${JSON.stringify(event)}`).rejects.toThrow(/outside the Dossier app/);
      }
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('dossier:saveFile', () => {
  it('writes the content where the user chose and returns the path', async () => {
    const chosen = path.join(dir, 'brief.md');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    await expect(invoke(IPC_SAVE_FILE, APP_FRAME, 'brief.md', '# Brief\n')).resolves.toBe(chosen);
    await expect(readFile(chosen, 'utf8')).resolves.toBe('# Brief\n');
  });

  it('decodes base64 content, so a PDF or DOCX is saved byte for byte', async () => {
    const chosen = path.join(dir, 'brief.pdf');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80]);
    await expect(invoke(IPC_SAVE_FILE, APP_FRAME, 'brief.pdf', bytes.toString('base64'), 'base64')).resolves.toBe(chosen);
    expect(await readFile(chosen)).toEqual(bytes);
  });

  it('refuses an unknown encoding before showing any dialog', async () => {
    await expect(invoke(IPC_SAVE_FILE, APP_FRAME, 'brief.pdf', 'x', 'latin1')).rejects.toThrow(/encoding/);
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });

  it('suggests only a file name, never a path of the renderer\'s choosing', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(invoke(IPC_SAVE_FILE, APP_FRAME, '../../etc/passwd', 'x')).resolves.toBeNull();
    expect(fake.showSaveDialog).toHaveBeenCalledWith({ defaultPath: path.join(dir, 'passwd') });
  });

  it('refuses a foreign sender before showing any dialog', async () => {
    await expect(invoke(IPC_SAVE_FILE, { senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} }, 'a.md', 'x')).rejects.toThrow();
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('events', () => {
  it('forwards core events to the app windows only', () => {
    const appWindow = { isDestroyed: () => false, webContents: { getURL: () => 'dossier://app/index.html', send: vi.fn() } };
    const otherWindow = { isDestroyed: () => false, webContents: { getURL: () => 'https://evil.example/', send: vi.fn() } };
    fake.windows = [appWindow, otherWindow];
    const payload: EventPayload<'workspace.changed'> = { cause: 'edit', changes: [{ subject: 'annotation', kind: 'created', id: 'ann_1', articleId: 'a1' }] };
    events.emit('workspace.changed', payload);
    expect(appWindow.webContents.send).toHaveBeenCalledWith(IPC_EVENT, 'workspace.changed', payload);
    expect(otherWindow.webContents.send).not.toHaveBeenCalled();
  });

  it('keeps a window that cannot take an event from failing the change', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { isDestroyed: () => false, webContents: { getURL: () => 'dossier://app/index.html', send: vi.fn(() => { throw new Error('render frame gone'); }) } };
    const healthy = { isDestroyed: () => false, webContents: { getURL: () => 'dossier://app/index.html', send: vi.fn() } };
    fake.windows = [broken, healthy];
    expect(() => events.emit('workspace.changed', { cause: 'edit', changes: [{ subject: 'annotation', kind: 'deleted', id: 'ann_1', articleId: 'a1' }] })).not.toThrow();
    expect(healthy.webContents.send).toHaveBeenCalled();
  });

  it('stops forwarding and handling once unbound', () => {
    const appWindow = { isDestroyed: () => false, webContents: { getURL: () => 'dossier://app/index.html', send: vi.fn() } };
    fake.windows = [appWindow];
    unbind();
    events.emit('workspace.changed', { cause: 'edit', changes: [{ subject: 'article', kind: 'created', id: 'art_1', articleId: 'art_1' }] });
    expect(appWindow.webContents.send).not.toHaveBeenCalled();
    expect(fake.handlers.size).toBe(0);
  });
});
