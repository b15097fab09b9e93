import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DossierError, phrase } from '../../common/errors';
import { writeFileDurable } from '../store/durableFile';
import { FILE_NAMES } from '../store/files';

/** The workspace's sync folder: the link, the outbox, the local replica. Never backed up (docs/SYNC.md). */
export const SYNC_DIR = FILE_NAMES.sync;

const LinkFile = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('sync-link'),
  /** The database, never with credentials. */
  url: z.string(),
  database: z.string(),
  linkedAt: z.string(),
  /** How far into the replica's changes the workspace has taken in (CouchDB sequences are opaque). */
  appliedSeq: z.union([z.string(), z.number()]).nullable(),
  lastSyncedAt: z.string().nullable(),
  /** Documents holding conflicting versions, waiting for the analyst. */
  conflicts: z.array(z.string()),
  /** Documents written in that wait for what they belong to (a highlight before its article). */
  waiting: z.array(z.string()).optional(),
});
export type SyncLink = z.infer<typeof LinkFile>;

/**
 * The link a workspace stopped syncing with (`former.json`), kept with the replica and the applied
 * revisions: linked again to the same database, the workspace goes on from where it stopped, so
 * what it changed meanwhile is sent as edits of the versions it held (conflicts where the team
 * changed them too), never replaced by the team's. Linking to another database discards them.
 */
const FormerLinkFile = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('sync-former-link'),
  url: z.string(),
  database: z.string(),
  unlinkedAt: z.string(),
  appliedSeq: LinkFile.shape.appliedSeq,
  conflicts: z.array(z.string()),
  waiting: z.array(z.string()).optional(),
});
export type FormerLink = z.infer<typeof FormerLinkFile>;

/**
 * What sync keeps beside the replica: the link (which database, how far the workspace has taken
 * in its changes, which documents are in conflict) and the outbox of local changes not yet put
 * into the replica. The outbox is appended as changes are made and is not flushed to disk: a
 * marker file says whether the last writer closed cleanly, and when it did not, the next run
 * compares the whole workspace with the replica instead of trusting it.
 */
export class SyncState {
  private constructor(
    readonly dir: string,
    private current: SyncLink | null,
    /** Whether the outbox may have missed changes (the last writer did not close cleanly). */
    public needsFullScan: boolean,
    private previous: FormerLink | null,
  ) {}

  static async open(workspace: string): Promise<SyncState> {
    const dir = path.join(workspace, SYNC_DIR);
    const link = await readLink(dir);
    const marker = path.join(dir, OPEN_MARKER);
    let unclean = false;
    if (link) {
      unclean = await fs.stat(marker).then(() => true, () => false);
      await fs.writeFile(marker, `${process.pid}\n`);
    }
    // A former link beside a link is what a crash while linking again left: the link holds.
    return new SyncState(dir, link, unclean, link ? null : await readFormer(dir));
  }

  get link(): SyncLink | null {
    return this.current;
  }

  /** The link this workspace stopped syncing with, while it is not linked (see FormerLink). */
  get former(): FormerLink | null {
    return this.previous;
  }

  async saveLink(link: SyncLink): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileDurable(path.join(this.dir, LINK_FILE), `${JSON.stringify(link, null, 2)}\n`);
    if (!this.current) {
      await fs.writeFile(path.join(this.dir, OPEN_MARKER), `${process.pid}\n`);
      // Linked again: the former link is taken up (or was discarded first), not kept beside it.
      await fs.rm(path.join(this.dir, FORMER_FILE), { force: true });
      this.previous = null;
    }
    this.current = link;
  }

  /**
   * Forgets the former link with the replica and applied revisions kept for it (the caller has
   * closed or destroyed the replica, in `replicaDir`): the workspace links to another database.
   */
  async discardFormer(replicaDir: string): Promise<void> {
    await fs.rm(replicaDir, { recursive: true, force: true });
    await fs.rm(path.join(this.dir, APPLIED_FILE), { force: true });
    await fs.rm(path.join(this.dir, FORMER_FILE), { force: true });
    this.previous = null;
  }

  /** Notes local changes to send: cheap enough to call on every change the core makes. */
  addToOutbox(ids: readonly string[]): Promise<void> {
    if (!this.current || ids.length === 0) return Promise.resolve();
    return this.serially(() => fs.appendFile(path.join(this.dir, OUTBOX_FILE), `${JSON.stringify(ids)}\n`));
  }

  /** The outbox's ids, and how many of its bytes they came from (for `clearOutbox`). */
  outbox(): Promise<{ ids: Set<string>; bytes: number }> {
    return this.serially(async () => {
      const data = await fs.readFile(path.join(this.dir, OUTBOX_FILE)).catch(() => Buffer.alloc(0));
      const ids = new Set<string>();
      for (const line of data.toString('utf8').split('\n')) {
        if (!line) continue;
        try {
          for (const id of JSON.parse(line) as unknown[]) if (typeof id === 'string') ids.add(id);
        } catch {
          // A line torn by a crash: compare everything rather than trust the rest.
          this.needsFullScan = true;
        }
      }
      return { ids, bytes: data.length };
    });
  }

  /** Forgets the outbox's first `bytes` once the replica holds their changes; later appends stay. */
  clearOutbox(bytes: number): Promise<void> {
    return this.serially(async () => {
      const file = path.join(this.dir, OUTBOX_FILE);
      const data = await fs.readFile(file).catch(() => Buffer.alloc(0));
      await writeFileDurable(file, data.subarray(Math.min(bytes, data.length)));
    });
  }

  async pendingCount(): Promise<number> {
    return (await this.outbox()).ids.size;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** One outbox operation at a time: a rewrite must not drop an append made meanwhile. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Forgets the link: the link and the outbox go, after the outbox's queued appends; later changes
   * are not noted, as in a workspace never linked. The replica (closed by the caller) and the
   * applied revisions stay, named by `former.json`, written first: linking again to the same
   * database compares the whole workspace with them (see FormerLink).
   */
  unlink(at: string): Promise<void> {
    return this.serially(async () => {
      const link = this.current;
      if (link) {
        const former: FormerLink = {
          schemaVersion: 1,
          kind: 'sync-former-link',
          url: link.url,
          database: link.database,
          unlinkedAt: at,
          appliedSeq: link.appliedSeq,
          conflicts: link.conflicts,
          ...(link.waiting ? { waiting: link.waiting } : {}),
        };
        await writeFileDurable(path.join(this.dir, FORMER_FILE), `${JSON.stringify(former, null, 2)}\n`);
        this.previous = former;
      }
      this.current = null;
      this.needsFullScan = false;
      await fs.rm(path.join(this.dir, LINK_FILE), { force: true });
      await fs.rm(path.join(this.dir, OUTBOX_FILE), { force: true });
      await fs.rm(path.join(this.dir, OPEN_MARKER), { force: true });
    });
  }

  /** The writer is done: the outbox is whole, so the next run may trust it. */
  async close(): Promise<void> {
    if (!this.current) return;
    await fs.rm(path.join(this.dir, OPEN_MARKER), { force: true });
  }
}

const LINK_FILE = 'link.json';
const OUTBOX_FILE = 'outbox.jsonl';
const OPEN_MARKER = 'open.marker';
const FORMER_FILE = 'former.json';
/** AppliedRevisions' file. */
const APPLIED_FILE = 'applied.jsonl';

/** The former link, or null when there is none or it cannot be read (the next link is then a first one). */
async function readFormer(dir: string): Promise<FormerLink | null> {
  try {
    const parsed = FormerLinkFile.safeParse(JSON.parse(await fs.readFile(path.join(dir, FORMER_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function readLink(dir: string): Promise<SyncLink | null> {
  const file = path.join(dir, LINK_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DossierError('corrupt-file', phrase('sync.linkNotJson', { file }), file);
  }
  const link = LinkFile.safeParse(parsed);
  if (!link.success) throw new DossierError('corrupt-file', phrase('sync.linkDamaged', { file, issue: String(link.error.issues[0]?.message) }), file);
  return link.data;
}
