import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { EventPayload } from '../../common/contract';
import { DossierError, englishText, phrase, wordsOf, type ErrorPhrase, type Words } from '../../common/errors';
import type { ConflictVersion, SyncConflict, SyncCounts, SyncStatus, SyncTarget } from '../../common/model/sync';
import type { ChangeFeed } from '../changeFeed';
import { AppliedRevisions } from './appliedRevisions';
import { mergeConflict } from './conflictMerge';
import type { Database, PouchDoc, Replication } from './pouch';
import type { ReplicationResult } from './replica/pouchTypes';
import { fromPouchDoc, hasAttachments, toPouchDoc, type PouchSyncDoc } from './pouchBodies';
import { remoteDatabase, remoteError } from './remoteDatabase';
import { parseRemote, type Credentials, type SyncRemote } from './remoteUrl';
import { articleDocPrefixes } from './syncDocs';
import type { MirrorPort, SyncBody } from './syncPorts';
import { SyncState, type SyncLink } from './syncState';

export interface LocalReplica {
  db: Database;
  close(): Promise<void>;
  /**
   * Closes the replica and deletes its data, when it is kept somewhere other than the sync folder
   * (tests keep it in memory); the app's lives in the folder, which unlinking removes.
   */
  destroy?(): Promise<void>;
}

export interface SyncServiceOptions {
  workspaceDir: string;
  /** Why the workspace may not sync, when it may not (an encrypted one: docs/SYNC.md). */
  refusal(): Words | null;
  mirror: MirrorPort;
  feed: ChangeFeed;
  openReplica(dir: string): Promise<LocalReplica>;
  progress(phase: 'prepare' | 'push' | 'pull' | 'apply', done: number, total?: number): void;
  /** The display name a resolution is saved under. */
  changer(): string;
  /** Something the analyst should know (documents from the server that could not be used). */
  notice?(message: string): void;
  /** Told whenever where sync stands changes (the app's status bar). */
  onStatus?(status: SyncStatus): void;
  /**
   * Keep syncing while the core runs (the app and the host): after a run with credentials, live
   * replication both ways, retried with backoff while the server is away. One-shot CLI runs do not.
   */
  live?: boolean;
  /**
   * Where the desktop app keeps the database's credentials between launches (the system keychain),
   * so live sync resumes on opening; absent elsewhere, where they are asked each time.
   */
  credentials?: {
    recall(url: string): Promise<Credentials | null>;
    remember(url: string, credentials: Credentials): Promise<void>;
    /** Stop syncing: the database's credentials are not kept for a link that is gone. */
    forget(url: string): Promise<void>;
  };
  /** How soon local edits go to the replica, and remote ones into the workspace (ms). */
  liveDelayMs?: number;
  now?: () => Date;
}

/**
 * Documents put into the replica, or taken from it into the workspace, at a time: each batch is one
 * write of the replica's log and of applied.jsonl (an fdatasync each), and one transaction of the
 * workspace per file it touches, so a first sync of 150,000 documents is 300 of them, not 1,500.
 */
const BATCH = 500;
/** Documents per request to the server, and requests under way at once (PouchDB's `batch_size`, `batches_limit`). */
const REPLICATION_BATCH = 100;
const REPLICATION_BATCHES = 4;

/**
 * The workspace's sync with the team's CouchDB database (docs/SYNC.md). A run puts the local
 * changes the outbox names into the local replica, lets PouchDB's replicator exchange documents
 * with the server both ways, and writes what came in into the workspace. PouchDB keeps the
 * revision trees and picks the same winner as CouchDB on every side; losing versions stay in the
 * replica as conflicts until the analyst settles them.
 */
export class SyncService {
  private replica: LocalReplica | null = null;
  private applied: AppliedRevisions | null = null;
  private running: Promise<SyncCounts> | null = null;
  private lastError: Words | null = null;
  private readonly unsubscribe: () => void;
  /**
   * The credentials of the last successful run that gave some (in its fields or in its URL), in
   * memory only: live sync signs in with them, and so does a later run that gives none ("Sync now").
   */
  private auth: SyncRemote['auth'] = null;
  /** A run has succeeded in this process, so live sync may start. */
  private ranOnce = false;
  private live: LiveReplication | null = null;
  private liveState: 'syncing' | 'idle' | 'offline' = 'idle';
  /** Flushes, takings-in and runs, one at a time. */
  private serial: Promise<unknown> = Promise.resolve();
  /**
   * Documents this process wrote into the workspace from the replica (at the revision `applied`
   * names) while a whole-workspace comparison is due: that comparison need not read them back
   * from the replica unless they were edited since (the outbox says so). In memory only: what
   * an earlier process wrote is compared.
   */
  private takenIn = new Set<string>();

  private constructor(
    private readonly options: SyncServiceOptions,
    private readonly state: SyncState,
  ) {
    // Published changes are on disk; a crash before publishing leaves the open marker behind,
    // and the next run compares everything instead.
    this.unsubscribe = options.feed.subscribe((event) => this.note(event));
  }

  static async open(options: SyncServiceOptions): Promise<SyncService> {
    // Changes published while the link is read are held, so none goes unnoted.
    const early: EventPayload<'workspace.changed'>[] = [];
    const off = options.feed.subscribe((event) => early.push(event));
    let state: SyncState;
    try {
      state = await SyncState.open(options.workspaceDir);
    } finally {
      off();
    }
    const service = new SyncService(options, state);
    for (const event of early) service.note(event);
    if (options.live) void service.resume();
    return service;
  }

  /** In the app: a linked workspace whose credentials the keychain kept syncs again on opening. */
  private async resume(): Promise<void> {
    const link = this.state.link;
    if (!link || !this.options.credentials || this.options.refusal()) return;
    const credentials = await this.options.credentials.recall(link.url).catch(() => null);
    if (!credentials) return;
    // A failure is shown in the status (offline, wrong password), not thrown at nobody.
    await this.run({ ...credentials }).catch(() => undefined);
  }

  /** Notes a published change for the next run (remote changes written in are not sent back). */
  private note({ cause, changes }: EventPayload<'workspace.changed'>): void {
    if (cause === ('sync' as string)) return;
    const ids = this.options.mirror.idsOf(changes);
    if (ids.length === 0) return;
    void this.state
      .addToOutbox(ids)
      .then(() => this.live?.soon('flush'))
      .catch((error: unknown) => console.error('Dossier: a change could not be noted for sync:', error));
  }

  async status(): Promise<SyncStatus> {
    const link = this.state.link;
    const refusal = this.options.refusal();
    if (!link) return { remote: null, state: 'unlinked', lastSyncedAt: null, pending: 0, conflicts: 0, error: null, live: false, ...wordedRefusal(refusal) };
    return {
      remote: link.url,
      state: this.running ? 'syncing' : this.lastError ? 'error' : this.live ? this.liveState : 'idle',
      lastSyncedAt: link.lastSyncedAt,
      pending: await this.state.pendingCount(),
      conflicts: link.conflicts.length,
      error: this.lastError === null ? null : englishText(this.lastError),
      ...(this.lastError !== null && typeof this.lastError !== 'string' ? { errorPhrase: this.lastError } : {}),
      live: this.live !== null,
      ...wordedRefusal(refusal),
    };
  }

  /** One run at a time: a second caller waits for the run under way and gets its answer. */
  run(target: SyncTarget): Promise<SyncCounts> {
    if (this.running) return this.running;
    const run = this.exclusive(() => this.runOnce(target))
      .then(async (counts) => {
        const auth = this.remoteOf(target).auth;
        this.auth = auth;
        this.ranOnce = true;
        // The desktop app keeps them sealed by the keychain, so live sync resumes at the next launch.
        if (auth) {
          const kept = 'token' in auth ? { token: auth.token } : { username: auth.username, password: auth.password };
          await this.options.credentials?.remember(this.state.link!.url, kept).catch(() => undefined);
        }
        if (this.options.live) this.startLive();
        return counts;
      })
      .finally(() => {
        this.running = null;
        void this.announce();
      });
    this.running = run;
    void this.announce();
    return run;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.serial.then(task, task);
    this.serial = next.catch(() => undefined);
    return next;
  }

  private async announce(): Promise<void> {
    if (!this.options.onStatus) return;
    this.options.onStatus(await this.status());
  }

  /** Live replication with the linked database, once a run has given credentials (they stay in memory). */
  private startLive(): void {
    if (this.live || !this.ranOnce || !this.replica) return;
    const remote = this.remoteOf({});
    const live = new LiveReplication(this.replica.db, remoteDatabase(remote), this.options.liveDelayMs ?? 300, {
      // Pending changes and conflicts move with these: the status bar hears of it.
      flush: () => this.exclusive(() => this.flush(this.replica!.db)).finally(() => void this.announce()),
      takeIn: () => this.exclusive(() => this.takeIn(this.replica!.db)).finally(() => void this.announce()),
      state: (state, error) => {
        this.liveState = state;
        this.lastError = error ? wordsOf(remoteError(error, remote)) : null;
        void this.announce();
      },
    });
    this.live = live;
    live.start();
  }

  /** Whether live sync is running (the app; tests). */
  get isLive(): boolean {
    return this.live !== null;
  }

  private async runOnce(target: SyncTarget): Promise<SyncCounts> {
    const refusal = this.options.refusal();
    if (refusal) throw new DossierError('unavailable', refusal);
    const remote = this.remoteOf(target);
    const server = remoteDatabase(remote);
    const talk = async <T>(task: () => Promise<T>): Promise<T> => {
      try {
        return await task();
      } catch (error) {
        throw remoteError(error, remote);
      }
    };
    try {
      // Linked only once the server answers (creating the database when the account may), so a
      // mistyped URL is not remembered.
      if (!this.state.link) {
        await talk(() => server.info());
        await this.link(remote);
      }
      const { db } = await this.openReplica();
      let pushed = 0;
      let pulled = 0;
      if (this.state.link!.appliedSeq === null) {
        // The first run takes the team's documents in before sending: a clone (or a workspace
        // joining the team) adopts the shared workspace name and vocabularies rather than
        // setting its fresh defaults beside them as conflicts.
        pulled = await talk(() => this.replicate(server, db, 'pull'));
        await this.takeIn(db);
        await this.flush(db);
        // Everything the replica holds now is in the workspace (what came in, and what was just
        // put from it): the next run reads the replica's changes from here, not all of them again.
        if (this.state.link!.appliedSeq === null) await this.state.saveLink({ ...this.state.link!, appliedSeq: (await db.info()).update_seq });
        pushed = await talk(() => this.replicate(db, server, 'push'));
      } else {
        await this.flush(db);
        pushed = await talk(() => this.replicate(db, server, 'push'));
        pulled = await talk(() => this.replicate(server, db, 'pull'));
        // Edits made here during the run were kept beside what came in: they go up now, not next time.
        if (await this.takeIn(db)) pushed += await talk(() => this.replicate(db, server, 'push'));
      }
      await this.state.saveLink({ ...this.state.link!, lastSyncedAt: this.now().toISOString() });
      this.lastError = null;
      return { pushed, pulled, conflicts: this.state.link!.conflicts.length };
    } catch (error) {
      this.lastError = wordsOf(error);
      throw error;
    } finally {
      await server.close().catch(() => undefined);
    }
  }

  /**
   * The remote the call names, else the linked one; a workspace syncs with one database. A call
   * that gives no credentials signs in with those remembered from the last run that gave some.
   */
  private remoteOf(target: SyncTarget): SyncRemote {
    const linked = this.state.link;
    const given = { username: target.username, password: target.password, token: target.token };
    let remote: SyncRemote;
    if (!target.remote) {
      if (!linked) throw new DossierError('bad-input', phrase('sync.notLinked'));
      remote = parseRemote(linked.url, given);
    } else {
      remote = parseRemote(target.remote, given);
      if (linked && linked.url !== remote.url) {
        throw new DossierError(
          'bad-input',
          phrase('sync.otherDatabase', { linked: linked.url, given: remote.url, folder: this.state.dir }),
        );
      }
    }
    return remote.auth ? remote : { ...remote, auth: this.auth };
  }

  private async link(remote: SyncRemote): Promise<void> {
    if (this.state.link) return;
    const former = this.state.former;
    const resumed = former?.url === remote.url ? former : null;
    if (!resumed) await this.discardFormer();
    const link: SyncLink = {
      schemaVersion: 1,
      kind: 'sync-link',
      url: remote.url,
      database: remote.database,
      linkedAt: this.now().toISOString(),
      // The same database as before Stop syncing: the replica and the applied revisions were kept,
      // so the run goes on from there (local changes first, as edits of what the workspace held).
      appliedSeq: resumed?.appliedSeq ?? null,
      lastSyncedAt: null,
      conflicts: resumed?.conflicts ?? [],
      ...(resumed?.waiting ? { waiting: resumed.waiting } : {}),
    };
    await this.state.saveLink(link);
    // Everything the workspace holds goes to the replica on the first run; after a former link,
    // compared with it (nothing noted the changes made while unlinked).
    this.state.needsFullScan = true;
  }

  /** A former link's replica and applied revisions go: this link is to another database. */
  private async discardFormer(): Promise<void> {
    const dir = path.join(this.state.dir, 'replica');
    if (this.state.former) {
      const replica = await this.options.openReplica(dir);
      await (replica.destroy ? replica.destroy() : replica.close());
    }
    await this.state.discardFormer(dir);
  }

  private async openReplica(): Promise<LocalReplica> {
    if (!this.replica) {
      this.replica = await this.options.openReplica(path.join(this.state.dir, 'replica'));
      this.applied = await AppliedRevisions.open(this.state.dir);
    }
    return this.replica;
  }

  /** Puts the workspace's changes since the last run into the replica. */
  private async flush(db: Database): Promise<void> {
    const { ids, bytes } = await this.state.outbox();
    const fullScan = this.state.needsFullScan;
    if (fullScan) {
      let seen = 0;
      this.options.progress('prepare', 0);
      const local = new Set<string>();
      let batch: { id: string; body: SyncBody }[] = [];
      const compare = async () => {
        await this.putChanged(db, batch);
        seen += batch.length;
        this.options.progress('prepare', seen);
        batch = [];
      };
      for await (const doc of this.options.mirror.allDocs()) {
        local.add(doc.id);
        // Written here from the replica in this process and not edited since: the replica holds it.
        const edited = ids.delete(doc.id);
        if (!edited && this.takenIn.has(doc.id)) {
          if (++seen % BATCH === 0) this.options.progress('prepare', seen);
          continue;
        }
        batch.push(doc);
        if (batch.length >= BATCH) await compare();
      }
      await compare();
      // What the workspace had from the replica and no longer has was deleted here.
      const gone = [...this.applied!.ids()].filter((id) => !local.has(id));
      for (let i = 0; i < gone.length; i += BATCH) await this.putBodies(db, new Map(gone.slice(i, i + BATCH).map((id) => [id, null])));
      this.takenIn.clear();
    }
    const pending = [...ids];
    for (let i = 0; i < pending.length; i += BATCH) {
      const slice = pending.slice(i, i + BATCH);
      const bodies = await this.options.mirror.read(slice);
      await this.putBodies(db, bodies);
      // An article gone for good (its trash emptied) takes its highlights, versions and the rest along.
      for (const [id, body] of bodies) if (body === null && id.startsWith('article:')) await this.removeArticleDocs(db, id.slice('article:'.length));
    }
    await this.state.clearOutbox(bytes);
    if (fullScan) this.state.needsFullScan = false;
  }

  private async removeArticleDocs(db: Database, articleId: string): Promise<void> {
    const ids: string[] = [];
    for (const prefix of articleDocPrefixes(articleId)) {
      const rows = await db.allDocs({ startkey: prefix, endkey: `${prefix}\uffff` });
      ids.push(...rows.rows.map((row) => row.id));
    }
    for (let i = 0; i < ids.length; i += BATCH) await this.putBodies(db, new Map(ids.slice(i, i + BATCH).map((id) => [id, null])));
  }

  private async putChanged(db: Database, docs: readonly { id: string; body: SyncBody }[]): Promise<void> {
    await this.putBodies(db, new Map(docs.map(({ id, body }) => [id, body])));
  }

  /**
   * Saves local bodies as new revisions, a batch in one write. A body equal to the replica's is no
   * change. An edit goes on top of the revision the workspace holds: when a remote revision
   * arrived meanwhile (not yet written into the workspace), the edit becomes a sibling of it, a
   * conflict, as it would had both been made offline.
   */
  private async putBodies(db: Database, given: ReadonlyMap<string, SyncBody | null>): Promise<void> {
    if (given.size === 0) return;
    const bodies = new Map(given);
    // A list emptied here stays a document with an empty list (syncMerge.emptyListBody).
    for (const [id, body] of given) if (body === null) bodies.set(id, await this.options.mirror.emptied(id));
    const ids = [...bodies.keys()];
    const current = await this.winners(db, ids, (id) => bodies.get(id) !== null);
    const applied: [string, string | null][] = [];
    const onTop: object[] = [];
    const branches: object[] = [];
    for (const [index, id] of ids.entries()) {
      const body = bodies.get(id)!;
      const row = current[index];
      const winner = row?.value && !row.value.deleted ? row.value.rev : undefined;
      const base = this.applied!.get(id);
      if (body === null) {
        if (!winner) continue;
        applied.push([id, null]);
        if (base === undefined || base === winner) onTop.push({ _id: id, _rev: winner, _deleted: true });
        else branches.push(await this.branch(db, id, null, base));
        continue;
      }
      if (winner && row?.doc && this.options.mirror.sameBody(fromPouchDoc(row.doc), body)) {
        if (base !== winner) applied.push([id, winner]);
        continue;
      }
      // An empty list nobody ever held as a document needs none.
      if (!winner && this.options.mirror.sameBody(body, null)) continue;
      if (base === undefined || base === winner || !winner) onTop.push(toPouchDoc(id, body, winner));
      else branches.push(await this.branch(db, id, body, base));
    }
    if (onTop.length > 0) {
      const results = await db.bulkDocs(onTop as PouchDoc[]);
      for (const result of results) {
        if ('error' in result && result.error) throw new DossierError('internal', `The sync replica refused ${result.id}: ${result.reason ?? result.error}.`);
        const written = onTop.find((doc) => (doc as { _id: string })._id === result.id) as { _deleted?: boolean };
        if (!written._deleted) applied.push([result.id!, result.rev!]);
      }
    }
    if (branches.length > 0) {
      await db.bulkDocs(branches as PouchDoc[], { new_edits: false });
      for (const doc of branches as { _id: string; _rev: string; _deleted?: boolean }[]) if (!doc._deleted) applied.push([doc._id, doc._rev]);
    }
    await this.applied!.set(applied);
  }

  /**
   * The replica's winning revision of each id, with the document (attachments included) where
   * `compare` asks for it and the replica has one. Revisions first, bodies only of the documents
   * there: a first sync puts 150,000 documents into an empty replica and reads none back.
   */
  private async winners(db: Database, ids: readonly string[], compare: (id: string) => boolean): Promise<(ReplicaRow | undefined)[]> {
    const revs = (await db.allDocs({ keys: [...ids] })).rows as ReplicaRow[];
    const wanted = ids.filter((id, i) => revs[i]?.value && !revs[i]!.value!.deleted && compare(id));
    if (wanted.length === 0) return revs;
    const docs = await db.allDocs({ keys: wanted, include_docs: true, attachments: true, binary: true });
    const byId = new Map(docs.rows.map((row) => [row.id, row as ReplicaRow]));
    return ids.map((id, i) => byId.get(id) ?? revs[i]);
  }

  /** A body (null: a deletion) as a child of `base`, written with its ancestry as replication writes. */
  private async branch(db: Database, id: string, body: SyncBody | null, base: string): Promise<object> {
    const history = await revisionsOf(db, id, base);
    const generation = history.start + 1;
    const hash = randomUUID().replace(/-/g, '');
    return {
      ...(body === null ? { _id: id, _deleted: true } : toPouchDoc(id, body)),
      _rev: `${generation}-${hash}`,
      _revisions: { start: generation, ids: [hash, ...history.ids] },
    };
  }

  private async replicate(source: Database, target: Database, phase: 'push' | 'pull'): Promise<number> {
    let written = 0;
    this.options.progress(phase, 0);
    const replication = source.replicate.to(target, { batch_size: REPLICATION_BATCH, batches_limit: REPLICATION_BATCHES, retry: false });
    replication.on('change', (info) => {
      written = (info as ReplicationResult).docs_written;
      this.options.progress(phase, written);
    });
    const result = await replication;
    return result.docs_written ?? written;
  }

  /**
   * Writes into the workspace what the replica holds that the workspace does not, and notes
   * conflicts. Answers whether local edits were saved into the replica meanwhile (to send).
   */
  private async takeIn(db: Database): Promise<boolean> {
    let savedHere = false;
    let link = this.state.link!;
    const conflicts = new Set(link.conflicts);
    let since: string | number = link.appliedSeq ?? 0;
    let done = 0;
    const rejected: string[] = [];
    // Conflicts noted before lists merged on their own (or while a version was not valid) are tried again.
    for (const id of link.conflicts) {
      const doc = (await db.get(id, { conflicts: true }).catch(() => null)) as unknown as PouchSyncDoc | null;
      if (doc?._conflicts?.length && (await mergeConflict(db, id, doc, this.options.mirror))) savedHere = true;
    }
    // What waited for its article when the last process stopped is asked of the replica again.
    if (link.waiting?.length) {
      const again = await db.allDocs({ keys: link.waiting, include_docs: true, attachments: true, binary: true, conflicts: true });
      const docs = again.rows.flatMap((row) => (row.doc && !row.doc._deleted ? [{ id: row.id, body: fromPouchDoc(row.doc as PouchSyncDoc), rev: row.doc._rev! }] : []));
      if (await this.writeIn(db, docs)) savedHere = true;
    }
    for (;;) {
      // Without attachments first: most of what a run finds is its own (put by the flush, or sent
      // back by the server), and only the documents to write in are read whole.
      const page = await db.changes({ since, limit: BATCH, include_docs: true, conflicts: true });
      if (page.results.length === 0) break;
      const whole = await this.withAttachments(
        db,
        page.results.flatMap((change) => {
          const doc = change.doc as unknown as PouchSyncDoc | undefined;
          return doc && !doc._deleted && hasAttachments(doc) && this.applied!.get(change.id) !== doc._rev ? [change.id] : [];
        }),
      );
      const incoming: { id: string; body: SyncBody | null; rev: string }[] = [];
      for (const change of page.results) {
        const doc = whole.get(change.id) ?? (change.doc as unknown as PouchSyncDoc | undefined);
        if (!doc) continue;
        if (doc._conflicts?.length && (await mergeConflict(db, change.id, doc, this.options.mirror))) {
          // Merged: its new revision is written in from a later page of this same reading.
          conflicts.delete(change.id);
          savedHere = true;
          continue;
        }
        if (doc._conflicts?.length) conflicts.add(change.id);
        else conflicts.delete(change.id);
        const rev = doc._rev!;
        if (this.applied!.get(change.id) === rev) continue;
        if (change.deleted || doc._deleted) {
          if (this.applied!.get(change.id) === undefined) continue;
          incoming.push({ id: change.id, body: null, rev });
          continue;
        }
        const body = fromPouchDoc(doc);
        const problem = this.options.mirror.check(change.id, body);
        if (problem) {
          // Not written here, and not in the way of what follows; the analyst is told once per run.
          rejected.push(problem);
          continue;
        }
        incoming.push({ id: change.id, body, rev });
      }
      if (await this.writeIn(db, incoming)) savedHere = true;
      done += incoming.length;
      this.options.progress('apply', done);
      since = page.last_seq;
      link = { ...this.state.link!, appliedSeq: since, conflicts: [...conflicts], waiting: this.options.mirror.pending() };
      await this.state.saveLink(link);
    }
    if (rejected.length > 0) this.options.notice?.(`Sync left out ${rejected.length} document${rejected.length === 1 ? '' : 's'} it could not use: ${rejected[0]}`);
    return savedHere;
  }

  /** The documents as the replica holds them now, their attachments' bytes included, by id. */
  private async withAttachments(db: Database, ids: readonly string[]): Promise<Map<string, PouchSyncDoc>> {
    if (ids.length === 0) return new Map();
    const { rows } = await db.allDocs({ keys: [...ids], include_docs: true, conflicts: true, attachments: true, binary: true });
    return new Map(rows.flatMap((row) => (row.doc ? [[row.id, row.doc as unknown as PouchSyncDoc] as const] : [])));
  }

  /**
   * Writes remote winners into the workspace. A document edited here since the last flush is put
   * into the replica first (beside the remote revision, so both versions are kept), and the
   * winner between them is what the workspace then shows.
   */
  private async writeIn(db: Database, incoming: { id: string; body: SyncBody | null; rev: string }[]): Promise<boolean> {
    if (incoming.length === 0) return false;
    const { ids: pending } = await this.state.outbox();
    const editedHere = incoming.filter((doc) => pending.has(doc.id)).map((doc) => doc.id);
    if (editedHere.length > 0) {
      await this.putBodies(db, await this.options.mirror.read(editedHere));
      for (const doc of incoming) {
        if (!editedHere.includes(doc.id)) continue;
        const winner = (await db.get(doc.id, { attachments: true, binary: true, conflicts: true }).catch(() => null)) as unknown as PouchSyncDoc | null;
        doc.body = winner && !winner._deleted ? fromPouchDoc(winner) : null;
        doc.rev = winner?._rev ?? doc.rev;
      }
    }
    await this.options.mirror.apply(incoming.map(({ id, body }) => ({ id, body })));
    await this.applied!.set(incoming.map(({ id, body, rev }) => [id, body === null ? null : rev] as const));
    if (this.state.needsFullScan) {
      // Those still waiting for what they belong to are not in the workspace yet.
      const waiting = new Set(this.options.mirror.pending());
      for (const { id, body } of incoming) if (body !== null && !waiting.has(id)) this.takenIn.add(id);
    }
    return editedHere.length > 0;
  }

  /**
   * Stops syncing (docs/SYNC.md › Stop syncing): live sync ends, the link and the outbox go and the
   * keychain forgets the database's credentials. The workspace's records stay as they are; it is an
   * ordinary workspace again. The replica and the applied revisions stay beside a note of the former
   * link: linked again to the same database, the workspace goes on from where it stopped, its
   * changes made meanwhile sent as edits of the versions it held (a conflict where the team changed
   * the same record). Linked to another database, they are discarded and its first run takes the
   * team's documents in first.
   */
  async unlink(): Promise<SyncStatus> {
    // A run under way finishes first (its ending starts live sync, stopped here).
    await this.running?.catch(() => undefined);
    await this.exclusive(async () => {
      const link = this.state.link;
      if (!link) return;
      await this.live?.stop();
      this.live = null;
      this.liveState = 'idle';
      const replica = this.replica;
      this.replica = null;
      this.applied = null;
      // Kept, closed, for linking again to the same database (SyncState.unlink).
      await replica?.close();
      // What this process wrote in is no longer known unedited: nothing notes edits while unlinked.
      this.takenIn.clear();
      await this.state.unlink(this.now().toISOString());
      this.auth = null;
      this.ranOnce = false;
      this.lastError = null;
      await this.options.credentials?.forget(link.url).catch((error: unknown) => console.error('Dossier: the sync credentials could not be forgotten:', error));
    });
    void this.announce();
    return this.status();
  }

  async conflicts(): Promise<SyncConflict[]> {
    const link = this.state.link;
    if (!link || link.conflicts.length === 0) return [];
    const { db } = await this.openReplica();
    const found: SyncConflict[] = [];
    for (const id of link.conflicts) {
      const versions = await this.versionsOf(db, id);
      if (versions.length >= 2) found.push({ kind: versions[0]!.kind, id, versions: versions.map(({ kind: _kind, ...version }) => version) });
    }
    return found;
  }

  private async versionsOf(db: Database, id: string): Promise<(ConflictVersion & { kind: string })[]> {
    const winner = (await db.get(id, { conflicts: true }).catch(() => null)) as unknown as PouchSyncDoc | null;
    if (!winner) return [];
    const losers = await Promise.all((winner._conflicts ?? []).map((rev) => db.get(id, { rev }) as unknown as Promise<PouchSyncDoc>));
    return [winner, ...losers].map((doc, index) => ({
      kind: doc.kind,
      rev: doc._rev!,
      value: doc.value,
      changedBy: doc.provenance?.changedBy,
      changedAt: doc.provenance?.changedAt,
      winner: index === 0,
    }));
  }

  /**
   * Settles a conflict: the kept version (or the analyst's merge) becomes a new revision on top of
   * the winner, and every other branch is closed, so each side ends with one version.
   */
  resolve(id: string, keep: string | undefined, value: unknown): Promise<{ id: string; rev: string }> {
    return this.exclusive(() => this.resolveNow(id, keep, value)).finally(() => void this.announce());
  }

  private async resolveNow(id: string, keep: string | undefined, value: unknown): Promise<{ id: string; rev: string }> {
    const link = this.state.link;
    if (!link) throw new DossierError('bad-input', phrase('sync.noConflictsUnlinked'));
    const { db } = await this.openReplica();
    const winner = (await db.get(id, { conflicts: true, attachments: true, binary: true }).catch(() => null)) as unknown as PouchSyncDoc | null;
    if (!winner || !winner._conflicts?.length) throw new DossierError('not-found', phrase('sync.noConflictingVersions', { id }));
    const leaves = [winner._rev!, ...winner._conflicts];
    if ((keep === undefined) === (value === undefined)) throw new DossierError('bad-input', phrase('sync.sayWhichVersion'));
    if (keep !== undefined && !leaves.includes(keep)) {
      throw new DossierError('not-found', phrase('sync.noSuchVersion', { id, rev: keep, revs: leaves }));
    }
    const chosen = keep === undefined ? winner : ((await db.get(id, { rev: keep, attachments: true, binary: true })) as unknown as PouchSyncDoc);
    const body = {
      ...fromPouchDoc(chosen),
      ...(value === undefined ? {} : { value }),
      // The analyst who settled it changed the record last.
      provenance: { ...chosen.provenance, changedBy: this.options.changer(), changedAt: this.now().toISOString() },
    } as SyncBody;
    const problem = this.options.mirror.check(id, body);
    if (problem) throw new DossierError('bad-input', problem);
    const saved = await db.put(toPouchDoc(id, body, winner._rev));
    await db.bulkDocs(winner._conflicts.map((rev) => ({ _id: id, _rev: rev, _deleted: true })));
    await this.options.mirror.apply([{ id, body }]);
    await this.applied!.set([[id, saved.rev]]);
    await this.state.saveLink({ ...this.state.link!, conflicts: this.state.link!.conflicts.filter((c) => c !== id) });
    return { id, rev: saved.rev };
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.live?.stop();
    this.live = null;
    await this.running?.catch(() => undefined);
    await this.replica?.close();
    this.replica = null;
    await this.state.close();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** A row of the replica's allDocs by keys: its winning revision (none when missing), and the document when asked for. */
interface ReplicaRow {
  value?: { rev: string; deleted?: boolean };
  doc?: PouchSyncDoc | null;
}

/** A revision's ancestry as `_revisions` spells it: its generation and hashes, newest first. */
async function revisionsOf(db: Database, id: string, rev: string): Promise<{ start: number; ids: string[] }> {
  const doc = (await db.get(id, { rev, revs: true })) as unknown as { _revisions: { start: number; ids: string[] } };
  return doc._revisions;
}

interface LiveHooks {
  flush(): Promise<void>;
  takeIn(): Promise<boolean>;
  state(state: 'syncing' | 'idle' | 'offline', error: unknown): void;
}

/**
 * PouchDB's live replication both ways, retried with its backoff while the server is away. Local
 * edits reach the replica a moment after they are made (the push then sends them); what the pull
 * brings is written into the workspace a moment after it lands.
 */
class LiveReplication {
  private push: Replication | null = null;
  private pull: Replication | null = null;
  private timers: { flush?: NodeJS.Timeout; takeIn?: NodeJS.Timeout } = {};
  private stopped = false;
  private readonly active = { push: false, pull: false };

  constructor(
    private readonly local: Database,
    private readonly server: Database,
    private readonly delayMs: number,
    private readonly hooks: LiveHooks,
  ) {}

  start(): void {
    const options = { live: true, retry: true, batch_size: REPLICATION_BATCH, batches_limit: REPLICATION_BATCHES, back_off_function: backOff };
    this.push = this.local.replicate.to(this.server, options);
    this.pull = this.local.replicate.from(this.server, options);
    this.watch(this.push, 'push');
    this.watch(this.pull, 'pull');
  }

  private watch(replication: Replication, direction: 'push' | 'pull'): void {
    replication.on('change', () => {
      if (direction === 'pull') this.soon('takeIn');
    });
    replication.on('active', () => {
      this.active[direction] = true;
      this.hooks.state('syncing', null);
    });
    replication.on('paused', (error) => {
      this.active[direction] = false;
      if (error) this.hooks.state('offline', error);
      else if (!this.active.push && !this.active.pull) this.hooks.state('idle', null);
    });
    replication.on('error', (error) => this.hooks.state('offline', error));
    replication.on('denied', (error) => this.hooks.state('offline', error));
  }

  /** Runs a flush or a taking-in a moment from now, once for however many calls meanwhile. */
  soon(what: 'flush' | 'takeIn'): void {
    if (this.stopped || this.timers[what]) return;
    this.timers[what] = setTimeout(() => {
      this.timers[what] = undefined;
      const task = what === 'flush' ? this.hooks.flush() : this.hooks.takeIn();
      task.catch((error: unknown) => console.error(`Dossier: live sync could not ${what === 'flush' ? 'save local changes for sending' : 'take in remote changes'}:`, error));
    }, this.delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timers.flush);
    clearTimeout(this.timers.takeIn);
    this.push?.cancel();
    this.pull?.cancel();
    await this.server.close().catch(() => undefined);
  }
}

/** Waits between retries while the server is away: doubling from 1 s up to a minute. */
function backOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(delay * 2, 60_000);
}

/** A refusal in English for the status, with its words for the window when it has them. */
function wordedRefusal(refusal: Words | null): { refusal: string | null; refusalPhrase?: ErrorPhrase } {
  if (refusal === null) return { refusal: null };
  return typeof refusal === 'string' ? { refusal } : { refusal: englishText(refusal), refusalPhrase: refusal };
}
