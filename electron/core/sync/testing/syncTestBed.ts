import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import CoreLevelPouch from 'pouchdb-adapter-leveldb-core';
import memdown from 'memdown';
import type { RecordChange } from '../../../common/contract';
import { ChangeFeed } from '../../changeFeed';
import { EventBus } from '../../events';
import { PouchDB } from '../pouch';
import type { Credentials } from '../remoteUrl';
import { SyncService } from '../syncService';
import { parseDocId, sameBody } from '../syncDocs';
import { emptyListBody, mergeVersions } from '../syncMerge';
import type { MirrorPort, SyncBody } from '../syncPorts';
import { startTestServer, type TestServer } from './testServer';

// A replica in memory: the service's logic, apart from the storage engine the app uses.
function MemoryPouch(this: unknown, options: object, callback: unknown) {
  (CoreLevelPouch as (this: unknown, options: object, callback: unknown) => void).call(this, { db: memdown, ...options }, callback);
}
MemoryPouch.valid = () => true;
MemoryPouch.use_prefix = false;
PouchDB.adapter('sync-test-memory', MemoryPouch, false);

/** A body of the fake workspace: any value, as the service carries it without looking. */
export function fakeBody(kind: string, value: unknown, provenance: SyncBody['provenance']): SyncBody {
  return { kind, value, provenance } as unknown as SyncBody;
}

/** A workspace reduced to what sync sees: documents by id, changed by "edits" that publish. */
export class FakeWorkspace implements MirrorPort {
  readonly docs = new Map<string, SyncBody>();
  readonly feed = new ChangeFeed(new EventBus());
  readonly published: { cause: string; ids: string[] }[] = [];

  constructor(readonly who: string) {
    this.feed.subscribe(({ cause, changes }) => this.published.push({ cause, ids: changes.map((c) => c.id) }));
  }

  edit(id: string, value: unknown): void {
    const at = new Date().toISOString();
    const before = this.docs.get(id);
    this.docs.set(id, fakeBody(id.split(':')[0]!, value, { createdBy: before?.provenance.createdBy ?? this.who, createdAt: before?.provenance.createdAt ?? at, changedBy: this.who, changedAt: at }));
    this.feed.publish('edit', [{ subject: 'note', kind: before ? 'updated' : 'created', id, articleId: null }]);
  }

  remove(id: string): void {
    this.docs.delete(id);
    this.feed.publish('edit', [{ subject: 'note', kind: 'deleted', id, articleId: null }]);
  }

  idsOf(changes: readonly RecordChange[]): string[] {
    return changes.map((c) => c.id);
  }

  async read(ids: readonly string[]) {
    return new Map(ids.map((id) => [id, this.docs.get(id) ?? null]));
  }

  async *allDocs() {
    for (const [id, body] of [...this.docs]) yield { id, body };
  }

  async apply(docs: { id: string; body: SyncBody | null }[]) {
    const changes: RecordChange[] = [];
    for (const { id, body } of docs) {
      if (body === null) this.docs.delete(id);
      else this.docs.set(id, body);
      changes.push({ subject: 'note', kind: body ? 'updated' : 'deleted', id, articleId: null });
    }
    this.feed.publish('sync', changes);
    return changes;
  }

  sameBody(a: SyncBody | null, b: SyncBody | null): boolean {
    return sameBody(a, b);
  }

  /** The mirror's own merge: the lists here are the workspace's (relation-types, dismissed-dates:…). */
  merge(_id: string, ancestor: SyncBody | null, versions: readonly SyncBody[]): SyncBody | null {
    return mergeVersions(ancestor, versions);
  }

  /** Every article is here: an emptied list of one stays a document, as the mirror keeps it. */
  async emptied(id: string): Promise<SyncBody | null> {
    const doc = parseDocId(id);
    const at = new Date().toISOString();
    return doc ? emptyListBody(doc, 1, { createdBy: this.who, createdAt: at, changedBy: this.who, changedAt: at }) : null;
  }

  check(id: string): string | null {
    return id.startsWith('_') ? `not a record: ${id}` : null;
  }

  pending(): string[] {
    return [];
  }

  values(): Record<string, unknown> {
    return Object.fromEntries([...this.docs].sort(([x], [y]) => x.localeCompare(y)).map(([id, body]) => [id, body.value]));
  }
}

export interface Side {
  workspace: FakeWorkspace;
  sync: SyncService;
  dir: string;
  replica: string;
}

export interface SideHooks {
  progress?: (phase: string, done: number) => void;
  /** Reopen a side's folder and replica (a new process after a crash). */
  dir?: string;
  replica?: string;
  /** Keep syncing after the first run, as the app does. */
  live?: boolean;
  /** A keychain's store of credentials, by database URL. */
  credentials?: Map<string, Credentials>;
  /** Why the side may not sync (an encrypted workspace's refusal). */
  refusal?: string;
}

/** A pouchdb-server on loopback and fake workspaces with in-memory replicas syncing through it. */
export async function syncTestBed() {
  const server: TestServer = await startTestServer();
  const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-sync-'));
  let counter = 0;
  const opened: SyncService[] = [];

  async function side(who: string, hooks: SideHooks = {}): Promise<Side> {
    const workspace = new FakeWorkspace(who);
    const dir = hooks.dir ?? path.join(root, `${who}-${++counter}`);
    const replica = hooks.replica ?? `replica-${who}-${++counter}`;
    const sync = await SyncService.open({
      workspaceDir: dir,
      refusal: () => hooks.refusal ?? null,
      mirror: workspace,
      feed: workspace.feed,
      openReplica: async () => {
        const db = new PouchDB(replica, { adapter: 'sync-test-memory' });
        // In memory, not in the sync folder: unlinking destroys it as deleting the folder does the app's.
        return { db, close: () => db.close(), destroy: () => db.destroy().then(() => undefined) };
      },
      progress: (phase, done) => hooks.progress?.(phase, done),
      changer: () => who,
      live: hooks.live ?? false,
      liveDelayMs: 50,
      ...(hooks.credentials
        ? {
            credentials: {
              recall: async (url: string) => hooks.credentials!.get(url) ?? null,
              remember: async (url: string, given: Credentials) => void hooks.credentials!.set(url, given),
              forget: async (url: string) => void hooks.credentials!.delete(url),
            },
          }
        : {}),
    });
    opened.push(sync);
    return { workspace, sync, dir, replica };
  }

  /** A new database's URL, signed in as the server's admin (credentials in the URL, as a user may give them). */
  function database(): string {
    return withAuth(server, `team-${++counter}`);
  }

  return {
    server,
    side,
    database,
    /** Two sides linked to a new database. */
    async pair(): Promise<[Side, Side]> {
      const url = database();
      const a = await side('ana');
      const b = await side('ben');
      await a.sync.run({ remote: url });
      await b.sync.run({ remote: url });
      return [a, b];
    },
    async close() {
      for (const sync of opened) await sync.close().catch(() => undefined);
      await server.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A database URL on a test server with its admin's credentials in it. */
export function withAuth(server: TestServer, database: string): string {
  const url = new URL(server.dbUrl(database));
  url.username = server.auth.username;
  url.password = server.auth.password;
  return url.toString();
}
