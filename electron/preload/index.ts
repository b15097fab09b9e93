import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isCallName, isEventName } from '../common/callNames';
import type { DossierBridge } from '../common/contract';
import { IPC_CALL, IPC_CHOOSE_FOLDER, IPC_EVENT, IPC_SAVE_FILE, IPC_SHELL } from '../common/ipcChannels';

/**
 * `window.dossier`: the contract's calls and events, a native "Save as…" and folder picker, and
 * messages to the shell (ready, context menu), nothing else.
 * Names are checked here so a renderer bug fails fast, and again in main, which trusts nothing
 * from a renderer. Listeners get the payload only, never the IPC event (it carries the sender).
 */
const bridge: DossierBridge = {
  call(name, request) {
    if (!isCallName(name)) return Promise.reject(new Error(`Unknown Dossier call: ${String(name)}`));
    return ipcRenderer.invoke(IPC_CALL, name, request);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown Dossier event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('A Dossier event listener must be a function.');
    const relay = (_ipc: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, relay);
    };
  },
  saveFile(suggestedName, content, encoding = 'utf8') {
    if (typeof suggestedName !== 'string' || typeof content !== 'string' || (encoding !== 'utf8' && encoding !== 'base64')) {
      return Promise.reject(new TypeError('saveFile needs a file name, text content and its encoding (utf8 or base64).'));
    }
    return ipcRenderer.invoke(IPC_SAVE_FILE, suggestedName, content, encoding);
  },
  chooseFolder(purpose) {
    return ipcRenderer.invoke(IPC_CHOOSE_FOLDER, purpose === 'create' ? 'create' : 'open');
  },
  shell(message) {
    // Checked by its schema in main; here only that it is a plain object, so nothing else crosses.
    if (typeof message !== 'object' || message === null || typeof message.kind !== 'string') throw new TypeError('A shell message is an object with a kind.');
    ipcRenderer.send(IPC_SHELL, message);
  },
  addRecentFiles(files) {
    if (!Array.isArray(files)) throw new TypeError('addRecentFiles takes a list of files.');
    // A file made in the page (not picked or dropped) has no path, and is left out.
    const paths = files.slice(0, 100).flatMap((file) => {
      try {
        const where = webUtils.getPathForFile(file);
        return where ? [where] : [];
      } catch {
        return [];
      }
    });
    if (paths.length > 0) ipcRenderer.send(IPC_SHELL, { kind: 'recent', paths });
  },
};

contextBridge.exposeInMainWorld('dossier', bridge);
