import { describe, expect, it, vi } from 'vitest';
import { IPC_SHELL } from '../common/ipcChannels';
import { registerShellChannel } from './shellChannel';
import { step } from '../common/model/phrase';

const fake = vi.hoisted(() => ({
  listeners: new Map<string, (...args: unknown[]) => void>(),
  window: { isDestroyed: () => false } as { isDestroyed(): boolean } | null,
}));

vi.mock('electron', () => ({
  ipcMain: {
    on: (channel: string, listener: (...args: unknown[]) => void) => fake.listeners.set(channel, listener),
    removeListener: (channel: string) => fake.listeners.delete(channel),
  },
  BrowserWindow: { fromWebContents: () => fake.window },
}));

const APP = { senderFrame: { url: 'dossier://app/index.html', parent: null }, sender: {} };

describe('the shell channel', () => {
  it("passes the app's ready and context-menu messages on, and drops anything else", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const handlers = { ready: vi.fn(), contextMenu: vi.fn(), run: vi.fn(), recent: vi.fn(), undoState: vi.fn() };
    const unbind = registerShellChannel(handlers);
    const send = (event: unknown, message: unknown) => fake.listeners.get(IPC_SHELL)?.(event, message);

    send(APP, { kind: 'ready' });
    expect(handlers.ready).toHaveBeenCalledWith(fake.window);
    const menu = { kind: 'contextMenu', editable: false, selection: true, commands: ['highlight'] };
    send(APP, menu);
    expect(handlers.contextMenu).toHaveBeenCalledWith(fake.window, menu);
    send(APP, { kind: 'run', command: 'check-updates' });
    expect(handlers.run).toHaveBeenCalledWith('check-updates');
    send(APP, { kind: 'recent', paths: ['/home/me/a.md'] });
    expect(handlers.recent).toHaveBeenCalledWith(['/home/me/a.md']);
    send(APP, { kind: 'undoState', undo: step('addHighlight'), redo: null, inField: false });
    expect(handlers.undoState).toHaveBeenCalledWith({ undo: step('addHighlight'), redo: null, inField: false });
    // A label no step has (a megabyte of text) is not a menu item's.
    send(APP, { kind: 'undoState', undo: 'x'.repeat(1_000_000), redo: null, inField: false });
    expect(handlers.undoState).toHaveBeenCalledTimes(1);

    // From a subframe or another page, of an unknown kind, naming a command that does not exist.
    send({ ...APP, senderFrame: { url: 'dossier://app/index.html', parent: {} } }, { kind: 'ready' });
    send({ ...APP, senderFrame: { url: 'https://example.org/', parent: null } }, { kind: 'ready' });
    send(APP, { kind: 'openExternal', url: 'https://example.org/' });
    send(APP, { ...menu, commands: ['shell.openExternal'] });
    send(APP, { kind: 'run', command: 'quit' });
    expect(handlers.ready).toHaveBeenCalledTimes(1);
    expect(handlers.contextMenu).toHaveBeenCalledTimes(1);
    expect(handlers.run).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(2);

    fake.window = null;
    send(APP, { kind: 'ready' });
    expect(handlers.ready).toHaveBeenCalledTimes(1);

    unbind();
    expect(fake.listeners.has(IPC_SHELL)).toBe(false);
  });
});
