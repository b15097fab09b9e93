/**
 * The IPC channels between the preload and main. Only three: every API call travels through
 * `call` keyed by the contract, so adding a call never adds a channel.
 * No imports here: the sandboxed preload bundles this file.
 */
export const IPC_CALL = 'dossier:call';
export const IPC_EVENT = 'dossier:event';
export const IPC_SAVE_FILE = 'dossier:saveFile';
