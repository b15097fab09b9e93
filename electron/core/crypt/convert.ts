import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathExists } from '../store/pathExists';
import { DossierError, phrase } from '../../common/errors';
import { fsyncDir, fsyncDirs, syncFilesDurable, TEMP_FILE, writeFileDurable } from '../store/durableFile';
import { CONVERT_FILE, registerFileAccess, unregisterFileAccess } from '../store/fileAccess';
import { FILE_NAMES } from '../store/files';
import { acquireLock } from '../store/lock';
import { WorkspaceStore } from '../store/workspaceStore';
import { isSealed, isSealedLine, open, openLine, seal, sealLine } from './envelope';
import { KEYS_FILE, newKeyFile, readKeyFile, rewrapped, unlockKeyFile, withNewRecoveryKey, writeKeyFile, type KdfParams } from './keyFile';
import { aadPath, GENERATIONS_FILE, isLines, SealedFileAccess } from './sealedFiles';

export interface ConvertOptions {
  /** The cost of the key derivation (tests use less than the default). */
  kdf?: KdfParams;
  /** Told before each step (a copy written, a copy renamed into place); throwing stops there, as a crash would. */
  onStep?: (step: number) => void;
  /** How far it has got: files read and copied, then copies renamed into place (the total is known once all are read). */
  onProgress?: (done: number, total: number) => void;
}

type Direction = 'encrypt' | 'decrypt';

/** Files of the conversion itself, never converted. */
const OWN_FILES = new Set([FILE_NAMES.lock, KEYS_FILE, CONVERT_FILE, GENERATIONS_FILE]);

/**
 * Encrypts a workspace in place (docs/ENCRYPTION.md › Conversion): the log folded, the key file
 * written, every file's sealed copy written and made durable beside it, and only then renamed over
 * the plaintext one. Run again after a crash, it takes up where it stopped (the passphrase must be
 * the same) and shows a new recovery key, since the first was never shown.
 */
export async function encryptWorkspace(dir: string, passphrase: string, options: ConvertOptions = {}): Promise<{ files: number; recoveryKey: string; resumed: boolean }> {
  const root = path.resolve(dir);
  const marker = await readMarker(root);
  if (marker === 'decrypt') throw new DossierError('unavailable', phrase('crypt.decryptionInterrupted', { path: root }));
  if (marker === null) {
    if (await readKeyFile(root)) throw new DossierError('bad-input', phrase('crypt.encryptedAlready', { path: root }));
    if (passphrase === '') throw new DossierError('bad-input', phrase('crypt.emptyPassphrase'));
    if (await pathExists(path.join(root, FILE_NAMES.sync, 'link.json'))) {
      throw new DossierError(
        'bad-input',
        phrase('crypt.syncsWithTeam', { path: root }),
      );
    }
    // Opening folds the log and upgrades an older workspace, so what is converted is the files alone.
    const store = await WorkspaceStore.open(root);
    const workspaceId = store.info().id;
    await store.close();
    const lock = await acquireLock(root);
    try {
      await writeMarker(root, 'encrypt');
      const made = await newKeyFile(workspaceId, passphrase, options.kdf);
      await writeKeyFile(root, made.file);
      const files = await convertFiles(root, 'encrypt', made.key, options);
      await removeMarker(root);
      return { files, recoveryKey: made.recoveryKey, resumed: false };
    } finally {
      await lock.release();
    }
  }
  const lock = await acquireLock(root);
  try {
    let keyFile = await readKeyFile(root);
    let key: Buffer;
    let recoveryKey: string;
    if (keyFile === null) {
      // Cut short before the key file was written: nothing is sealed yet.
      const workspace = JSON.parse(await fs.readFile(path.join(root, FILE_NAMES.workspace), 'utf8')) as { id: string };
      const made = await newKeyFile(workspace.id, passphrase, options.kdf);
      ({ key, recoveryKey } = made);
      keyFile = made.file;
    } else {
      const unlocked = await unlockKeyFile(keyFile, passphrase);
      if (!unlocked) throw new DossierError('locked', phrase('crypt.wrongPassphraseInterrupted', { path: root }));
      key = unlocked;
      ({ file: keyFile, recoveryKey } = await withNewRecoveryKey(keyFile, key));
    }
    await writeKeyFile(root, keyFile);
    const files = await convertFiles(root, 'encrypt', key, options);
    await removeMarker(root);
    return { files, recoveryKey, resumed: true };
  } finally {
    await lock.release();
  }
}

/**
 * Decrypts a workspace in place, the same way round: every plaintext copy durable before the
 * first sealed file is replaced; the key file goes last, so an interrupted decryption is taken up
 * again with the same passphrase.
 */
export async function decryptWorkspace(dir: string, passphrase: string, options: ConvertOptions = {}): Promise<{ files: number; resumed: boolean }> {
  const root = path.resolve(dir);
  const marker = await readMarker(root);
  if (marker === 'encrypt') throw new DossierError('unavailable', phrase('crypt.encryptionInterrupted', { path: root }));
  const keyFile = await readKeyFile(root);
  if (marker === null && keyFile === null) throw new DossierError('bad-input', phrase('crypt.notEncrypted', { path: root }));
  const key = keyFile ? await unlockKeyFile(keyFile, passphrase) : null;
  if (keyFile && !key) throw new DossierError('locked', phrase('crypt.wrongPassphrase', { path: root }));
  if (marker === null) {
    // The log folded (sealed) first; the store is closed again before any file changes.
    const before = unregisterFileAccess(root);
    registerFileAccess(root, await SealedFileAccess.open(root, key!));
    try {
      await (await WorkspaceStore.open(root)).close();
    } finally {
      unregisterFileAccess(root);
      if (before) registerFileAccess(root, before);
    }
  }
  const lock = await acquireLock(root);
  try {
    if (marker === null) await writeMarker(root, 'decrypt');
    const files = key ? await convertFiles(root, 'decrypt', key, options) : 0;
    await fs.rm(path.join(root, GENERATIONS_FILE), { force: true });
    await fs.rm(path.join(root, KEYS_FILE), { force: true });
    await fsyncDir(root);
    unregisterFileAccess(root);
    await removeMarker(root);
    return { files, resumed: marker !== null };
  } finally {
    await lock.release();
  }
}

/** Wraps the workspace key under a new passphrase: keys.json alone is rewritten. */
export async function changePassphrase(dir: string, current: string, next: string): Promise<void> {
  const root = path.resolve(dir);
  const keyFile = await readKeyFile(root);
  if (!keyFile) throw new DossierError('bad-input', phrase('crypt.notEncrypted', { path: root }));
  if (next === '') throw new DossierError('bad-input', phrase('crypt.emptyNewPassphrase'));
  const key = await unlockKeyFile(keyFile, current);
  if (!key) throw new DossierError('locked', phrase('crypt.wrongPassphrase', { path: root }));
  await writeKeyFile(root, await rewrapped(keyFile, key, next));
}

async function readMarker(root: string): Promise<Direction | null> {
  try {
    const { direction } = JSON.parse(await fs.readFile(path.join(root, CONVERT_FILE), 'utf8')) as { direction?: unknown };
    if (direction === 'encrypt' || direction === 'decrypt') return direction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  }
  throw new DossierError('corrupt-file', phrase('crypt.markerDamaged', { file: path.join(root, CONVERT_FILE) }));
}

async function writeMarker(root: string, direction: Direction): Promise<void> {
  await writeFileDurable(path.join(root, CONVERT_FILE), `${JSON.stringify({ direction })}\n`);
}

async function removeMarker(root: string): Promise<void> {
  await fs.rm(path.join(root, CONVERT_FILE), { force: true });
  await fsyncDir(root);
}

/** Every file of the workspace but the conversion's own, '/'-separated; temp files a crash left are removed. */
async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (!rel && OWN_FILES.has(entry.name)) continue;
      if (TEMP_FILE.test(entry.name)) {
        // This process holds the lock: no save of anyone else's is in flight.
        if (!entry.name.startsWith(`.${FILE_NAMES.lock}.`)) await fs.rm(path.join(root, child), { force: true });
        continue;
      }
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  await walk('');
  return out.sort();
}

const OBJECT = /^backups\/objects\/[^/]+\/([0-9a-f]{64})$/;

/** The file's bytes converted, and where they go (a backup's copy is renamed with its content's name), or null when it is converted already. */
function converted(rel: string, raw: Buffer, direction: Direction, key: Buffer, root: string): { bytes: Buffer; target: string } | null {
  const where = aadPath(rel);
  const fail = (why: string) =>
    new DossierError('corrupt-file', phrase('crypt.cannotDecrypt', { file: path.join(root, rel), why }), path.join(root, rel));
  if (isLines(rel)) {
    const text = raw.toString('utf8');
    // A last line a crash cut short was never acknowledged: it is left out.
    const whole = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').slice(0, -1);
    const sealed = whole.some((line) => isSealedLine(line));
    if ((direction === 'encrypt') === sealed && whole.length > 0) return null;
    if (whole.length === 0 && text === '') return null;
    const lines = whole.map((line) => {
      if (direction === 'encrypt') return sealLine(key, where, 0, line);
      try {
        return openLine(key, where, line).line;
      } catch (error) {
        throw fail((error as Error).message);
      }
    });
    return { bytes: Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8'), target: rel };
  }
  const object = OBJECT.exec(rel);
  if (direction === 'encrypt') {
    if (isSealed(raw)) return null;
    const name = object ? SealedFileAccess.objectName(key, object[1]!) : null;
    const target = name ? `backups/objects/${name.slice(0, 2)}/${name}` : rel;
    return { bytes: seal(key, object ? target : where, 1, raw), target };
  }
  if (!isSealed(raw)) return null;
  let plaintext: Buffer;
  try {
    plaintext = open(key, where, raw).plaintext;
  } catch (error) {
    throw fail((error as Error).message);
  }
  if (!object) return { bytes: plaintext, target: rel };
  const sha256 = createHash('sha256').update(plaintext).digest('hex');
  return { bytes: plaintext, target: `backups/objects/${sha256.slice(0, 2)}/${sha256}` };
}

/**
 * Writes every converted copy beside its file and makes them all durable, then renames them into
 * place: the files of the other kind are gone only once every copy is on disk.
 */
async function convertFiles(root: string, direction: Direction, key: Buffer, { onStep, onProgress }: ConvertOptions): Promise<number> {
  let step = 0;
  const tick = () => onStep?.(step++);
  const moves: { tmp: string; target: string; source: string }[] = [];
  const files = await listFiles(root);
  // Until every file is read, each is counted as one read and one rename.
  onProgress?.(0, files.length * 2);
  for (const [index, rel] of files.entries()) {
    onProgress?.(index, files.length * 2);
    const source = path.join(root, ...rel.split('/'));
    const raw = await fs.readFile(source);
    const next = converted(rel, raw, direction, key, root);
    if (!next) continue;
    tick();
    const target = path.join(root, ...next.target.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const mode = (await fs.stat(source)).mode & 0o777;
    await fs.writeFile(tmp, next.bytes, { mode, flag: 'wx' });
    moves.push({ tmp, target, source });
  }
  await syncFilesDurable(moves.map((m) => m.tmp));
  for (const [index, move] of moves.entries()) {
    onProgress?.(files.length + index, files.length + moves.length);
    tick();
    await fs.rename(move.tmp, move.target);
    if (move.source !== move.target) await fs.rm(move.source, { force: true });
  }
  await fsyncDirs(moves.flatMap((m) => [path.dirname(m.target), path.dirname(m.source)]));
  onProgress?.(files.length + moves.length, files.length + moves.length);
  return moves.length;
}
