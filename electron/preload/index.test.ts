import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DossierBridge } from '../common/contract';
import { IPC_CALL, IPC_CHOOSE_FOLDER, IPC_EVENT, IPC_SAVE_FILE, IPC_SHELL } from '../common/ipcChannels';

// require('electron') from plain Node tries to download the binary: tests get a fake.
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcRenderer: {
    invoke: vi.fn<(...args: unknown[]) => Promise<unknown>>(() => Promise.resolve({ ok: true, value: {} })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
  },
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: fake.ipcRenderer,
  webUtils: { getPathForFile: (file: { name: string; picked?: boolean }) => (file.picked ? `/home/me/${file.name}` : '') },
}));

let bridge: DossierBridge;

beforeAll(async () => {
  await import('./index');
  bridge = fake.exposed.get('dossier') as DossierBridge;
});

beforeEach(() => {
  vi.clearAllMocks();
});

describe('window.dossier', () => {
  it('exposes only the bridge, and the bridge only its six functions', () => {
    expect([...fake.exposed.keys()]).toEqual(['dossier']);
    expect(Object.keys(bridge).sort()).toEqual(['addRecentFiles', 'call', 'chooseFolder', 'on', 'saveFile', 'shell']);
  });

  it('asks main for a folder, naming only what it is for', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce('/home/me/Case');
    await expect(bridge.chooseFolder!('create')).resolves.toBe('/home/me/Case');
    await bridge.chooseFolder!('anything else' as never);
    expect(fake.ipcRenderer.invoke.mock.calls).toEqual([
      [IPC_CHOOSE_FOLDER, 'create'],
      [IPC_CHOOSE_FOLDER, 'open'],
    ]);
  });

  it('sends a contract call over the call channel', async () => {
    await expect(bridge.call('articles.list', {})).resolves.toEqual({ ok: true, value: {} });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CALL, 'articles.list', {});
  });

  it('rejects an unknown call name without touching IPC', async () => {
    for (const name of ['shell.openExternal', '__proto__', 'toString', 42]) {
      await expect(bridge.call(name as never, {})).rejects.toThrow(/Unknown Dossier call/);
    }
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('rejects an unknown event name without touching IPC', () => {
    for (const name of ['dossier:call', 'hasOwnProperty', undefined]) {
      expect(() => bridge.on(name as never, () => {})).toThrow(/Unknown Dossier event/);
    }
    expect(fake.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('delivers only the named event, passes the payload alone, and unsubscribes', () => {
    const listener = vi.fn();
    const off = bridge.on('workspace.changed', listener);
    const relay = fake.ipcRenderer.on.mock.calls[0]?.[1] as (event: unknown, name: unknown, payload: unknown) => void;
    expect(fake.ipcRenderer.on).toHaveBeenCalledWith(IPC_EVENT, relay);

    const ipcEvent = { sender: fake.ipcRenderer };
    relay(ipcEvent, 'something.else', { a: 1 });
    relay(ipcEvent, 'workspace.changed', { cause: 'edit', changes: [{ subject: 'article', kind: 'created', id: 'art_1', articleId: 'art_1' }] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ cause: 'edit', changes: [{ subject: 'article', kind: 'created', id: 'art_1', articleId: 'art_1' }] });

    off();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT, relay);
  });

  it('asks main to save a file, and refuses anything but text', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce('/home/me/brief.md');
    await expect(bridge.saveFile('brief.md', '# Brief')).resolves.toBe('/home/me/brief.md');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_SAVE_FILE, 'brief.md', '# Brief', 'utf8');

    fake.ipcRenderer.invoke.mockClear();
    await expect(bridge.saveFile('brief.md', { toString: () => 'x' } as never)).rejects.toThrow(TypeError);
    await expect(bridge.saveFile('brief.pdf', 'JVBERi0=', 'binary' as never)).rejects.toThrow(TypeError);
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('passes binary files on as base64, for main to decode', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce('/home/me/brief.pdf');
    await expect(bridge.saveFile('brief.pdf', 'JVBERi0=', 'base64')).resolves.toBe('/home/me/brief.pdf');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_SAVE_FILE, 'brief.pdf', 'JVBERi0=', 'base64');
  });

  it('sends shell messages one way, and nothing but an object with a kind', () => {
    bridge.shell({ kind: 'ready' });
    expect(fake.ipcRenderer.send).toHaveBeenCalledWith(IPC_SHELL, { kind: 'ready' });
    fake.ipcRenderer.send.mockClear();
    for (const bad of [null, 'ready', { type: 'ready' }]) expect(() => bridge.shell(bad as never)).toThrow(TypeError);
    expect(fake.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('names picked files to the shell by their paths, leaving out files made in the page', () => {
    bridge.addRecentFiles([{ name: 'a.md', picked: true }, { name: 'made.txt' }, { name: 'b.pdf', picked: true }] as never);
    expect(fake.ipcRenderer.send).toHaveBeenCalledWith(IPC_SHELL, { kind: 'recent', paths: ['/home/me/a.md', '/home/me/b.pdf'] });
    fake.ipcRenderer.send.mockClear();
    bridge.addRecentFiles([{ name: 'made.txt' }] as never);
    expect(fake.ipcRenderer.send).not.toHaveBeenCalled();
  });
});
