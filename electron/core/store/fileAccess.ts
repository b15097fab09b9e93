import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, phrase } from '../../common/errors';
import { appendPlainLinesOnce, writeFileDurable } from './durableFile';

/**
 * Every read and write of a workspace file's content goes through one of these (CONVENTIONS ›
 * "Keep all file I/O behind the store's adapter"): the plaintext one, or the sealed one of an
 * encrypted workspace (electron/core/crypt/sealedFiles.ts). Listing folders, renaming, removing
 * and stat stay plain `fs`: names and sizes are not content (docs/ENCRYPTION.md).
 */
export interface FileAccess {
  readonly sealed: boolean;
  /** The file's content; a missing file rejects as `fs` does (code ENOENT). */
  readFile(file: string): Promise<Buffer>;
  readText(file: string): Promise<string>;
  /**
   * The start of a sealed file's text, unauthenticated: a hint for a check the full read repeats
   * (null when the file is not sealed). The plaintext access reads the start of the file itself.
   */
  peekText?(file: string, length: number): Promise<string | null>;
  /** Temp file, fsync, rename, fsync of the folder. */
  writeFileDurable(file: string, data: string | Uint8Array, mode?: number): Promise<void>;
  /** A file that must not exist yet (flag `wx`), not yet fsynced: the caller syncs a batch of them. */
  writeNew(file: string, data: string | Uint8Array, mode?: number): Promise<void>;
  /** Appends lines to a JSON-lines file unless it already ends with them (see WriteAheadLog). */
  appendLinesOnce(file: string, lines: string[]): Promise<void>;
  /** A line as an appended file stores it (without its newline); `generation` is the write-ahead log's. */
  sealLine(file: string, line: string, generation?: number): string;
  /**
   * A stored line's text and generation; null when it does not open (a line a crash cut short, or
   * one that was changed: the caller knows which, from whether a newline ended it).
   */
  openLine(file: string, stored: string): { line: string; generation: number } | null;
  /** The name a backup stores a content of this SHA-256 under (a keyed hash when sealed: see Backups). */
  objectName(sha256: string): string;
  /** The generation the next new write-ahead log takes (0 when not sealed). */
  nextLogGeneration(): number;
  /** Records that the write-ahead log of `generation` is folded into the files, durably. */
  logFolded(generation: number): Promise<void>;
  /** Whether a log of `generation` was folded already (and so must not be replayed). */
  isFoldedLog(generation: number): boolean;
  /** Makes what this access knows of the files' generations durable (on close, after a fold). */
  checkpoint(): Promise<void>;
}

export const plainFiles: FileAccess = {
  sealed: false,
  readFile: (file) => fs.readFile(file),
  readText: (file) => fs.readFile(file, 'utf8'),
  writeFileDurable: (file, data, mode) => writeFileDurable(file, data, mode),
  writeNew: (file, data, mode = 0o644) => fs.writeFile(file, data, { mode, flag: 'wx' }),
  appendLinesOnce: (file, lines) => appendPlainLinesOnce(file, lines),
  sealLine: (_file, line) => line,
  openLine: (_file, stored) => ({ line: stored, generation: 0 }),
  objectName: (sha256) => sha256,
  nextLogGeneration: () => 0,
  logFolded: () => Promise.resolve(),
  isFoldedLog: () => false,
  checkpoint: () => Promise.resolve(),
};

/** The file that marks a folder as encrypted (see electron/core/crypt/keyFile.ts). */
export const KEYS_FILE = 'keys.json';
/** Left by an encryption or decryption cut short: the folder holds both kinds of file until it is finished. */
export const CONVERT_FILE = 'convert.json';

/**
 * The unlocked workspaces of this process, by folder. A workspace's files are sealed or not as a
 * property of its folder, and several readers of one folder (the store, `dossier check`, backups,
 * the search index) must all read it the same way: unlocking once puts the folder's access here,
 * and every one of them asks for it by path. A folder not here is plaintext — which `accessFor`
 * checks, so an encrypted folder is never read or written as plaintext by mistake.
 */
const unlocked = new Map<string, FileAccess>();

export function registerFileAccess(root: string, access: FileAccess): void {
  unlocked.set(path.resolve(root), access);
}

export function unregisterFileAccess(root: string): FileAccess | undefined {
  const key = path.resolve(root);
  const access = unlocked.get(key);
  unlocked.delete(key);
  return access;
}

/** The access of the workspace a file belongs to (plaintext outside every unlocked workspace). */
export function filesOf(file: string): FileAccess {
  if (unlocked.size === 0) return plainFiles;
  for (const [root, access] of unlocked) {
    if (file.length > root.length ? file.startsWith(root) && file[root.length] === path.sep : file === root) return access;
  }
  return plainFiles;
}

/**
 * The access of the workspace in `root`, where a workspace is opened or checked: an encrypted one
 * not unlocked in this process is refused here, before any file is read, locked or written.
 */
export function accessFor(root: string): FileAccess {
  const resolved = path.resolve(root);
  if (existsSync(path.join(resolved, CONVERT_FILE))) {
    throw new DossierError('unavailable', phrase('crypt.conversionInterrupted', { path: resolved }));
  }
  const access = unlocked.get(resolved);
  if (access) return access;
  if (existsSync(path.join(resolved, KEYS_FILE))) {
    // Naming the key file tells this refusal from a workspace locked by another Dossier (its lock file): the app then asks for the passphrase.
    throw new DossierError('locked', phrase('crypt.locked', { path: resolved }), path.join(resolved, KEYS_FILE));
  }
  return plainFiles;
}

/** Whether the folder holds an encrypted workspace (its key file). */
export function isEncryptedFolder(root: string): boolean {
  return existsSync(path.join(path.resolve(root), KEYS_FILE));
}
