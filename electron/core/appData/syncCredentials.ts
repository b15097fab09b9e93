import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../store/durableFile';
import type { Credentials } from '../sync/remoteUrl';
import type { KeychainSealer } from './rememberedKeys';

export const SYNC_CREDENTIALS_FILE = 'sync-credentials.json';

const Secret = z.union([z.object({ username: z.string(), password: z.string() }), z.object({ token: z.string() })]);

const CredentialsFile = z.object({
  kind: z.literal('dossier-sync-credentials'),
  format: z.literal(1),
  /** By workspace id, then database URL (without credentials): the keychain-sealed secret in base64. */
  workspaces: z.record(z.string(), z.record(z.string(), z.string())),
});
type CredentialsFile = z.infer<typeof CredentialsFile>;

/**
 * Where the desktop app keeps the team database's credentials between launches: sealed by the
 * system's keychain (Electron's safeStorage), in the app-data folder, never in the workspace. Only
 * where the keychain really protects them; elsewhere (`dossier serve`, the CLI, Linux without a
 * keyring) they are asked each time and held in memory (docs/SYNC.md › Security).
 */
export class SyncCredentialStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly appDataDir: string,
    private readonly keychain: KeychainSealer,
  ) {}

  get available(): boolean {
    return this.keychain.state() === 'available';
  }

  async remember(workspaceId: string, url: string, credentials: Credentials): Promise<void> {
    if (!this.available) return;
    const secret = credentials.token ? { token: credentials.token } : credentials.username ? { username: credentials.username, password: credentials.password ?? '' } : null;
    if (!secret) return;
    const sealed = this.keychain.seal(JSON.stringify(secret)).toString('base64');
    await this.change((file) => {
      file.workspaces[workspaceId] = { ...(file.workspaces[workspaceId] ?? {}), [url]: sealed };
    });
  }

  /** The credentials kept for this workspace's database, or null (none, or the keychain cannot open them). */
  async recall(workspaceId: string, url: string): Promise<Credentials | null> {
    if (!this.available) return null;
    const sealed = (await this.read()).workspaces[workspaceId]?.[url];
    if (!sealed) return null;
    try {
      const secret = Secret.parse(JSON.parse(this.keychain.open(Buffer.from(sealed, 'base64'))));
      return secret;
    } catch {
      // Another user's or a reset keychain: asked again, and the stale entry goes.
      await this.forget(workspaceId);
      return null;
    }
  }

  /** Forgets what is kept for one database of the workspace (its link was removed), or for all of them. */
  async forget(workspaceId: string, url?: string): Promise<void> {
    await this.change((file) => {
      const kept = file.workspaces[workspaceId];
      if (!kept || (url !== undefined && !(url in kept))) return false;
      if (url !== undefined) delete kept[url];
      if (url === undefined || Object.keys(kept).length === 0) delete file.workspaces[workspaceId];
    });
  }

  private async read(): Promise<CredentialsFile> {
    const text = await fs.readFile(path.join(this.appDataDir, SYNC_CREDENTIALS_FILE), 'utf8').catch(() => null);
    if (text === null) return { kind: 'dossier-sync-credentials', format: 1, workspaces: {} };
    try {
      return CredentialsFile.parse(JSON.parse(text));
    } catch {
      // A damaged file holds nothing usable: credentials are asked again and the file rewritten.
      return { kind: 'dossier-sync-credentials', format: 1, workspaces: {} };
    }
  }

  /** Rewrites the file with an edit, unless the edit answers false (nothing to change). */
  private change(edit: (file: CredentialsFile) => boolean | void): Promise<void> {
    const next = this.queue.then(async () => {
      const file = await this.read();
      if (edit(file) === false) return;
      await fs.mkdir(this.appDataDir, { recursive: true });
      await writeFileDurable(path.join(this.appDataDir, SYNC_CREDENTIALS_FILE), `${JSON.stringify(file, null, 2)}\n`, 0o600);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
