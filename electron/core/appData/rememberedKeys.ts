import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { open as openSealed } from '../crypt/envelope';
import { readKeyFile, type KeyFile } from '../crypt/keyFile';
import { writeFileDurable } from '../store/durableFile';
import { FILE_NAMES } from '../store/files';

/**
 * Whether the system can keep a secret for this user here: `available`; `basic-text` on Linux
 * without a keyring (Electron's safeStorage then "encrypts" with a key written in its own source,
 * which protects nothing), or `unavailable` (no keychain at all).
 */
export type KeychainState = 'available' | 'basic-text' | 'unavailable';

/**
 * The desktop shell's sealing of a secret with the system's keychain (Electron's safeStorage:
 * Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux). The core never imports
 * electron: the shell hands this in, and `dossier serve` and the CLI have none.
 */
export interface KeychainSealer {
  state(): KeychainState;
  seal(text: string): Buffer;
  /** Throws when the keychain cannot open it (another user, the keychain reset). */
  open(sealed: Buffer): string;
}

export const REMEMBERED_FILE = 'remembered-keys.json';

const Entry = z.object({
  /** The workspace key (base64), sealed by the keychain, in base64. */
  sealed: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  /** Which passphrase wrap of keys.json it was remembered under: a new passphrase voids it. */
  binding: z.string(),
  savedAt: z.string(),
});
const RememberedFile = z.object({
  kind: z.literal('dossier-remembered-keys'),
  format: z.literal(1),
  /** By workspace id (keys.json's `workspaceId`), never by folder: a moved workspace is still known. */
  workspaces: z.record(z.string(), Entry),
});
type RememberedFile = z.infer<typeof RememberedFile>;

/**
 * "Remember the passphrase on this computer" (docs/ENCRYPTION.md › Remembered on this computer):
 * the workspace key — not the passphrase, which the analyst may use elsewhere too — sealed by the
 * system's keychain, in the app-data folder (`remembered-keys.json`), never in the workspace.
 *
 * An entry is bound to the passphrase wrap in keys.json when it was made, so a passphrase changed
 * anywhere (the app, the CLI, another computer sharing the folder) or a decrypted workspace voids
 * it; and a key recalled must open the workspace's own workspace.json before it is used, so a
 * wrong key is never given to the store (which would report every file damaged).
 */
export class RememberedKeys {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly appDataDir: string,
    private readonly sealer: KeychainSealer | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get file(): string {
    return path.join(this.appDataDir, REMEMBERED_FILE);
  }

  /** What this shell can do; `unavailable` without a keychain (the CLI, `dossier serve`). */
  state(): KeychainState {
    try {
      return this.sealer?.state() ?? 'unavailable';
    } catch {
      return 'unavailable';
    }
  }

  /** Keeps the key of the encrypted workspace in `root`, sealed by the keychain. */
  async remember(root: string, key: Uint8Array): Promise<void> {
    const state = this.state();
    if (state !== 'available' || !this.sealer) throw new Error(`The system keychain cannot keep secrets here (${state}).`);
    const keys = await readKeyFile(path.resolve(root));
    if (!keys) throw new Error(`${root} is not encrypted.`);
    const sealed = this.sealer.seal(Buffer.from(key).toString('base64')).toString('base64');
    await this.change((file) => ({ ...file, workspaces: { ...file.workspaces, [keys.workspaceId]: { sealed, binding: bindingOf(keys), savedAt: this.now().toISOString() } } }));
  }

  /** Whether a key is remembered for the workspace in `root` under its current passphrase (nothing is unsealed). */
  async has(root: string): Promise<boolean> {
    const keys = await readKeyFile(path.resolve(root)).catch(() => null);
    if (!keys) return false;
    return (await this.read()).workspaces[keys.workspaceId]?.binding === bindingOf(keys);
  }

  /**
   * The remembered key of the workspace in `root`, checked against it; null when none is, or it no
   * longer fits (the passphrase changed, the keychain cannot open it, it does not open the
   * workspace), and then the entry is forgotten.
   */
  async recall(root: string): Promise<Buffer | null> {
    const dir = path.resolve(root);
    const keys = await readKeyFile(dir).catch(() => null);
    if (!keys || !this.sealer || this.state() !== 'available') return null;
    const entry = (await this.read()).workspaces[keys.workspaceId];
    if (!entry) return null;
    let key: Buffer | null = null;
    if (entry.binding === bindingOf(keys)) {
      try {
        key = Buffer.from(this.sealer.open(Buffer.from(entry.sealed, 'base64')), 'base64');
      } catch {
        key = null;
      }
    }
    if (key && key.length === 32 && (await opensWorkspace(dir, key))) return key;
    await this.forgetWorkspace(keys.workspaceId);
    return null;
  }

  /** Forgets the key of the workspace in `root` (its keys.json names it). */
  async forget(root: string): Promise<void> {
    const keys = await readKeyFile(path.resolve(root)).catch(() => null);
    if (keys) await this.forgetWorkspace(keys.workspaceId);
  }

  /** Forgets the key of the workspace with this id (after decrypting it, when keys.json is gone). */
  async forgetWorkspace(workspaceId: string): Promise<void> {
    if (!(workspaceId in (await this.read()).workspaces)) return;
    await this.change((file) => ({ ...file, workspaces: Object.fromEntries(Object.entries(file.workspaces).filter(([id]) => id !== workspaceId)) }));
  }

  private change(edit: (file: RememberedFile) => RememberedFile): Promise<void> {
    const next = this.queue.then(async () => {
      const file = edit(await this.read());
      await fs.mkdir(this.appDataDir, { recursive: true });
      // The analyst's alone: sealed, but nobody else's business which workspaces are remembered.
      await writeFileDurable(this.file, `${JSON.stringify(file, null, 2)}\n`, 0o600);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<RememberedFile> {
    const empty: RememberedFile = { kind: 'dossier-remembered-keys', format: 1, workspaces: {} };
    let raw: string;
    try {
      raw = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty;
      throw error;
    }
    try {
      const parsed = RememberedFile.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: damaged
    }
    // The app's own memory, not the analyst's work: the passphrase is simply asked for again.
    console.error(`Dossier: ${this.file} is damaged; remembered passphrases are forgotten.`);
    return empty;
  }
}

/** Changes with every new passphrase (a new salt and wrap), and names the workspace. */
function bindingOf(keys: KeyFile): string {
  return createHash('sha256').update(`${keys.workspaceId}\n${keys.passphrase.salt}\n${keys.passphrase.wrapped}`).digest('base64');
}

/** Whether the key opens the workspace's sealed workspace.json (its envelope authenticates). */
async function opensWorkspace(dir: string, key: Buffer): Promise<boolean> {
  try {
    openSealed(key, FILE_NAMES.workspace, await fs.readFile(path.join(dir, FILE_NAMES.workspace)));
    return true;
  } catch {
    return false;
  }
}
