/**
 * The IPC channels between the preload and main. Only four: every API call travels through
 * `call` keyed by the contract, so adding a call never adds a channel. In electron/common because
 * both sides use them. No imports: the sandboxed preload is one bundled file.
 */
export const IPC_CALL = 'dossier:call';
export const IPC_EVENT = 'dossier:event';
export const IPC_SAVE_FILE = 'dossier:saveFile';
/** The native folder picker for a workspace's folder (the start screen's Open and Create). */
export const IPC_CHOOSE_FOLDER = 'dossier:chooseFolder';
/** One-way messages from the window to the shell (ShellMessage: ready, context menu). */
export const IPC_SHELL = 'dossier:shell';
