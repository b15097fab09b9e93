import path from 'node:path';
import { BrowserWindow, dialog, ipcMain } from 'electron';
import { DossierError, phrase, wordsOf } from '../common/errors';
import { writeFileDurable, type DossierCore } from '../core';
import { isAppUrl } from './appUrl';
import { assertAppSender } from './ipcSender';
import { IPC_CALL, IPC_EVENT, IPC_SAVE_FILE } from '../common/ipcChannels';

/**
 * Binds the contract to IPC: every call goes through `core.dispatch`, which validates the payload
 * with the contract's schema, and only frames showing the app may ask. Returns a function that
 * unbinds everything (before the workspace closes on quit).
 */
export function registerIpc(core: Pick<DossierCore, 'dispatch' | 'events'>, saveDir: string): () => void {
  ipcMain.handle(IPC_CALL, async (event, name: unknown, request: unknown) => {
    assertAppSender(event);
    return core.dispatch(String(name), request);
  });

  ipcMain.handle(IPC_SAVE_FILE, async (event, suggestedName: unknown, content: unknown, encoding: unknown = 'utf8') => {
    assertAppSender(event);
    if (typeof suggestedName !== 'string' || typeof content !== 'string' || (encoding !== 'utf8' && encoding !== 'base64')) {
      throw new DossierError('bad-input', 'saveFile needs a file name, text content and its encoding (utf8 or base64).');
    }
    const data = encoding === 'base64' ? Buffer.from(content, 'base64') : content;
    // Only a name: the renderer may suggest what to call the file, never where it goes.
    const options = { defaultPath: path.join(saveDir, path.basename(suggestedName)) };
    const parent = BrowserWindow.fromWebContents(event.sender);
    const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (canceled || !filePath) return null;
    try {
      // Durable like the workspace: a full disk must not leave a truncated brief behind.
      await writeFileDurable(filePath, data);
    } catch (error) {
      throw new DossierError('unavailable', phrase('export.couldNotSave', { file: filePath, reason: wordsOf(error) }));
    }
    return filePath;
  });

  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (win.isDestroyed() || !isAppUrl(win.webContents.getURL())) continue;
      // Events are emitted after a change is saved: a window that cannot take one (crashed,
      // closing) must not turn that saved change into a failed call.
      try {
        win.webContents.send(IPC_EVENT, name, payload);
      } catch (error) {
        console.error(error);
      }
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL);
    ipcMain.removeHandler(IPC_SAVE_FILE);
  };
}
