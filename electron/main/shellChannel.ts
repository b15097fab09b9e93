import { BrowserWindow, ipcMain, type IpcMainEvent } from 'electron';
import { ShellMessage } from '../common/contract';
import { IPC_SHELL } from '../common/ipcChannels';
import { assertAppSender } from './ipcSender';

export interface ShellHandlers {
  /** The window can take files to open now. */
  ready(win: BrowserWindow): void;
  contextMenu(win: BrowserWindow, request: Extract<ShellMessage, { kind: 'contextMenu' }>): void;
  /** Files the window imported, for the system's recent documents. */
  recent(paths: string[]): void;
  /** Runs one of the shell's own commands; one it does not own is ignored. */
  run(command: Extract<ShellMessage, { kind: 'run' }>['command']): void;
  /** What Edit › Undo and Redo would take back in the window's current view. */
  undoState(state: Omit<Extract<ShellMessage, { kind: 'undoState' }>, 'kind'>): void;
}

/**
 * Binds the window's one-way messages to the shell (ShellMessage): only from the app's own top
 * frame, only what the schema allows, and only for a window that still exists. Anything else is
 * dropped without a reply, as nothing waits for one. Returns what unbinds it.
 */
export function registerShellChannel(handlers: ShellHandlers): () => void {
  const listener = (event: IpcMainEvent, message: unknown): void => {
    try {
      assertAppSender(event);
    } catch (error) {
      // Nothing waits for a reply, and a throw here would reach the main process's uncaught handler.
      console.warn((error as Error).message);
      return;
    }
    const parsed = ShellMessage.safeParse(message);
    if (!parsed.success) return;
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win || win.isDestroyed()) return;
    if (parsed.data.kind === 'ready') handlers.ready(win);
    else if (parsed.data.kind === 'run') handlers.run(parsed.data.command);
    else if (parsed.data.kind === 'recent') handlers.recent(parsed.data.paths);
    else if (parsed.data.kind === 'undoState') {
      const { undo, redo, inField } = parsed.data;
      handlers.undoState({ undo, redo, inField });
    } else handlers.contextMenu(win, parsed.data);
  };
  ipcMain.on(IPC_SHELL, listener);
  return () => {
    ipcMain.removeListener(IPC_SHELL, listener);
  };
}
