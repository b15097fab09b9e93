import type { ChangeSubject, RecordChange } from '../../common/contract';
import { DossierError, phrase } from '../../common/errors';
import { articleScope, type HistoryScope, type RemoteHistoryEntry } from '../../common/model/history';
import type { LossPhrase, StepLabel } from '../../common/model/phrase';
import { UNKNOWN_CREATOR, type Annotation, type Creator } from '../../common/model/annotation';
import type { ChangeCause, ChangeFeed } from '../changeFeed';
import { KeyedQueue } from '../store/durableFile';
import type { DocumentKind } from '../store/documents';
import type { OperationRecord, WorkspaceStore } from '../store/workspaceStore';
import { auditLabel } from './auditLabel';
import { stampOperation } from './authorship';
import { inverse, overlaps, type Change, type Operation } from './operation';
import { UndoHistory, type HistoryStep } from './undoHistory';

/** Puts one record into a saved state; null removes it. */
export interface RecordCollection {
  /** What the change feed calls the collection's records. */
  subject: ChangeSubject;
  put(id: string, state: unknown): Promise<void>;
  /** Where a change of this record belongs besides the collection's own scope (a note on an article: that article). */
  scopesOf?(state: unknown): HistoryScope[];
  /**
   * What removing record `id` takes away that the analyst wrote after the step (a note's text),
   * as a phrase the UI words ("the note “Plan” and its text"); null when nothing. Undo asks first.
   */
  lossOf?(id: string): Promise<LossPhrase | null>;
}

/** What undo or redo did with the step it took: done, or not done and why. */
export interface StepOutcome {
  step: HistoryStep;
  change: Change;
  done: boolean;
  /** Not done: undoing it removes these; ask, then undo again by id with `confirm`. */
  confirm?: LossPhrase[];
  /** Not done: a later step changed the same things and must go first. */
  blockedBy?: HistoryStep;
}

/** Which step to take: the latest of a scope (or of everything), or one by id; `confirm` agrees to what it removes. */
export interface StepRequest {
  scope?: HistoryScope;
  id?: number;
  confirm?: boolean;
}

/** The records that differ between two states of a document, for the change feed. */
export type DocumentChanges = (before: unknown, after: unknown, articleId: string | null) => RecordChange[];

type AnyDocument = DocumentKind<{ schemaVersion: number; kind: string }>;

/** The queue key of undo and redo themselves; article ids and '(workspace)' are the others. */
const HISTORY = '(history)';

/**
 * Applies changes to the store as operations: each is saved, written to the article's history and
 * announced, and user actions can be undone and redone. Work on one article is serialised from
 * reading the current state to saving the new one, so concurrent edits never lose each other.
 */
export class ChangeLog {
  private readonly history = new UndoHistory();
  private readonly queue = new KeyedQueue();
  private readonly remoteSteps: RemoteHistoryEntry[] = [];

  /** Documents that 'doc' operations may restore, by name, with what tells their changed records. */
  private readonly documents = new Map<string, { kind: AnyDocument; changesOf: DocumentChanges; scopes: readonly HistoryScope[] }>();

  constructor(
    private readonly store: WorkspaceStore,
    private readonly feed: ChangeFeed,
    /** Who is making changes here: the display name from Settings, read at each change. */
    private readonly changer: () => Creator = () => UNKNOWN_CREATOR,
  ) {}

  /**
   * Who is changing the workspace now, for the `createdBy` and `modifiedBy` of the records a
   * service makes or changes (and that undo and redo put back, see authorship.ts).
   */
  who(): Creator {
    return { name: this.changer().name };
  }

  /** Collections whose single records 'record' operations put back, by name. */
  private readonly collections = new Map<string, RecordCollection>();

  /** Scopes of each collection's changes, by name (see `scopesOf` for the record's own). */
  private readonly collectionScopes = new Map<string, readonly HistoryScope[]>();

  registerCollection(name: string, collection: RecordCollection, scopes: readonly HistoryScope[] = []): void {
    this.collections.set(name, collection);
    this.collectionScopes.set(name, scopes);
  }

  /** `scopes`: the views whose undo takes changes of this document (an article's own documents belong to the article too). */
  registerDocument<T extends { schemaVersion: number; kind: string }>(name: string, kind: DocumentKind<T>, changesOf: DocumentChanges, scopes: readonly HistoryScope[] = []): void {
    this.documents.set(name, { kind: kind as unknown as AnyDocument, changesOf, scopes });
  }

  /** Runs `task` alone for this article (or for the workspace when articleId is null). */
  exclusive<T>(articleId: string | null, task: () => Promise<T>): Promise<T> {
    return this.queue.run(articleId ?? '(workspace)', task);
  }

  /**
   * Applies a user action and makes it undoable. Call inside `exclusive` for its article.
   * `applied`: operations of the change already carried out (an import's articles, written as
   * they were read), undone and redone with the rest but not applied again.
   */
  async commit(change: Change, applied: readonly Operation[] = []): Promise<void> {
    this.feed.intend(this.recordsOfChange(change));
    await this.apply(applied.length === 0 ? change : { ...change, ops: change.ops.filter((op) => !applied.includes(op)) }, 'do');
    this.history.record(change, this.scopesOf(change));
    this.publish('edit', change);
  }

  /** Makes a change that was already applied (an import) undoable, without applying it again. */
  remember(change: Change): void {
    this.history.record(change, this.scopesOf(change));
    this.publish('edit', change);
  }

  /**
   * Announces a write that is not an undo step of its own (a note's text, saved as it is typed and
   * undone inside its editor): it still reaches the change feed like every other write.
   */
  announce(changes: readonly RecordChange[]): void {
    this.feed.publish('edit', changes);
  }

  /**
   * Applies a change made in another workspace and synced in: saved like any change (one
   * transaction, its articles' history lines marked with who made it there), announced with cause
   * 'sync', and never an undo step of this analyst. A local step that changed the same records
   * is forgotten: undoing it would put back what the remote change replaced (for a whole
   * document, such as entities.json, every other record in it too). Call inside `exclusive` for
   * what the change touches. Answers the records it announced.
   */
  async applyRemote(change: Change, remoteOf: (op: Operation) => RemoteOrigin): Promise<RecordChange[]> {
    const records = this.recordsOfChange(change);
    this.feed.intend(records);
    await this.store.transaction(() => this.applyOps(change, 'sync', remoteOf));
    this.forgetOverlapping(change);
    const origin = change.ops[0] ? remoteOf(change.ops[0]) : null;
    if (origin) {
      this.remoteSteps.unshift({ label: change.label, by: origin.by, at: origin.at, arrived: new Date().toISOString(), articleId: change.articleId });
      this.remoteSteps.length = Math.min(this.remoteSteps.length, REMOTE_STEPS_KEPT);
    }
    this.feed.publish('sync', records);
    return records;
  }

  /** The team's changes synced in during this run, newest first (the history shows them as theirs). */
  remoteList(): readonly RemoteHistoryEntry[] {
    return this.remoteSteps;
  }

  /** Announces writes synced in that are not operations (a version's files arriving). */
  announceRemote(changes: readonly RecordChange[]): void {
    this.feed.publish('sync', changes);
  }

  /**
   * Drops the undo and redo steps that touch what `change` touched. Not queued behind undo: a
   * sync may hold an article's queue, which an undo waits for while holding the history's.
   */
  private forgetOverlapping(change: Change): void {
    this.history.forget((step) => overlaps(step, change));
  }

  /** Says, before a write that is not an operation (a note's text), which records it is about to change. */
  intend(changes: readonly RecordChange[]): void {
    this.feed.intend(changes);
  }

  /**
   * Undoes the latest step of `scope` (of everything without one), or the step `id`. One undo or
   * redo at a time: two quick Ctrl+Z must undo two changes, not the same one twice. A step that
   * would remove something the analyst wrote (a note with text, imported articles) is not undone
   * until confirmed; one that a later step depends on is not undone at all (see UndoHistory).
   */
  undo(request: StepRequest = {}): Promise<StepOutcome | null> {
    return this.queue.run(HISTORY, async () => {
      const step = request.id === undefined ? this.history.peekUndo(request.scope) : this.pick(request.id, 'done');
      if (!step) return null;
      const change = step.change;
      const blockedBy = this.history.undoBlocker(step);
      if (blockedBy) return { step, change, done: false, blockedBy };
      if (!request.confirm) {
        const confirm = await this.lossOf(inverse(change));
        if (confirm) return { step, change, done: false, confirm };
      }
      this.feed.intend(this.recordsOfChange(inverse(change)));
      await this.exclusive(change.articleId, () => this.apply(inverse(change), 'undo'));
      this.history.markUndone(step);
      this.publish('undo', inverse(change));
      return { step, change, done: true };
    });
  }

  redo(request: Omit<StepRequest, 'confirm'> = {}): Promise<StepOutcome | null> {
    return this.queue.run(HISTORY, async () => {
      const step = request.id === undefined ? this.history.peekRedo(request.scope) : this.pick(request.id, 'undone');
      if (!step) return null;
      const change = step.change;
      const blockedBy = this.history.redoBlocker(step);
      if (blockedBy) return { step, change, done: false, blockedBy };
      this.feed.intend(this.recordsOfChange(change));
      await this.exclusive(change.articleId, () => this.apply(change, 'redo'));
      this.history.markRedone(step);
      this.publish('redo', change);
      return { step, change, done: true };
    });
  }

  state(scope?: HistoryScope): { undo: StepLabel | null; redo: StepLabel | null } {
    return this.history.state(scope);
  }

  /** The steps of this run, newest first, with where each belongs and whether another must go first. */
  list(): { step: HistoryStep; state: 'done' | 'undone'; blockedBy: HistoryStep | undefined }[] {
    return this.history.list();
  }

  private pick(id: number, state: 'done' | 'undone'): HistoryStep {
    const found = this.history.find(id);
    if (!found) throw new DossierError('not-found', phrase('history.gone'));
    if (found.state !== state) throw new DossierError('conflict', phrase(state === 'done' ? 'history.alreadyUndone' : 'history.notUndone'));
    return found.step;
  }

  /** Where a change belongs: what its service says, else the scopes of the records its operations touch. */
  private scopesOf(change: Change): HistoryScope[] {
    if (change.scopes) return change.scopes;
    const scopes = new Set<HistoryScope>();
    for (const op of change.ops) {
      if (op.kind === 'annotation' || op.kind === 'meta' || op.kind === 'version') scopes.add(articleScope(op.articleId));
      else if (op.kind === 'palette' || op.kind === 'workspaceName') scopes.add('workspace');
      else if (op.kind === 'shelf') {
        // Renamed, archived or trashed: the library's change, and the article's own.
        scopes.add('library');
        scopes.add(articleScope(op.articleId));
      }
      else if (op.kind === 'listing') {
        scopes.add('library');
        for (const id of op.articleIds) scopes.add(articleScope(id));
      } else if (op.kind === 'doc') {
        if (op.articleId !== null) scopes.add(articleScope(op.articleId));
        for (const scope of this.documents.get(op.doc)?.scopes ?? []) scopes.add(scope);
      } else if (op.kind === 'record') {
        for (const scope of this.collectionScopes.get(op.collection) ?? []) scopes.add(scope);
        const collection = this.collections.get(op.collection);
        for (const state of [op.before, op.after]) for (const scope of collection?.scopesOf?.(state) ?? []) scopes.add(scope);
      }
    }
    return [...scopes];
  }

  /** What applying `change` would remove that only the analyst can judge; null when nothing. */
  private async lossOf(change: Change): Promise<LossPhrase[] | null> {
    const losses: LossPhrase[] = [];
    for (const op of change.ops) {
      if (op.kind === 'listing' && !op.after) {
        const titles = await Promise.all(op.articleIds.map(async (id) => (await this.store.readMeta(id).catch(() => null))?.title ?? id));
        losses.push(
          titles.length === 1
            ? { key: 'importedArticle', params: { title: titles[0]!.slice(0, 300) } }
            : { key: 'importedArticles', params: { count: titles.length, titles: titles.slice(0, 3).map((t) => t.slice(0, 300)) } },
        );
      } else if (op.kind === 'record' && op.after === null) {
        const loss = await this.collections.get(op.collection)?.lossOf?.(op.id);
        if (loss) losses.push(loss);
      }
    }
    return losses.length === 0 ? null : losses;
  }

  /** Drops every undo and redo step that touches these articles: they are gone for good (an emptied trash). */
  forgetArticles(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    const touches = (op: Operation) => (op.kind === 'listing' ? op.articleIds.some((id) => gone.has(id)) : 'articleId' in op && op.articleId !== null && gone.has(op.articleId));
    return this.queue.run(HISTORY, async () => this.history.forget((change) => change.ops.some(touches)));
  }

  private publish(cause: ChangeCause, change: Change): void {
    this.feed.publish(cause, this.recordsOfChange(change));
  }

  private recordsOfChange(change: Change): RecordChange[] {
    return change.ops.flatMap((op) => this.recordsOf(op));
  }

  /** The records one operation touched, as the change feed names them. */
  private recordsOf(op: Operation): RecordChange[] {
    const kindOf = (before: unknown, after: unknown) => (before === null ? 'created' : after === null ? 'deleted' : 'updated');
    switch (op.kind) {
      case 'annotation':
        return [{ subject: 'annotation', kind: kindOf(op.before, op.after), id: op.id, articleId: op.articleId }];
      case 'meta':
      case 'version':
        return [{ subject: 'article', kind: 'updated', id: op.articleId, articleId: op.articleId }];
      case 'shelf': {
        // To the trash is gone for every reader of the workspace (search, entities, timeline,
        // chart); back from it is there again; archiving only changes how the library shows it.
        const trashed = op.after.trashedAt !== null;
        const kind = trashed === (op.before.trashedAt !== null) ? 'updated' : trashed ? 'deleted' : 'created';
        return [{ subject: 'article', kind, id: op.articleId, articleId: op.articleId }];
      }
      case 'palette':
        return [{ subject: 'workspace', kind: 'updated', id: 'palette', articleId: null }];
      case 'workspaceName':
        return [{ subject: 'workspace', kind: 'updated', id: 'name', articleId: null }];
      case 'listing':
        return op.articleIds.map((id) => ({ subject: 'article', kind: op.after ? 'created' : 'deleted', id, articleId: id }));
      case 'record': {
        const subject = this.collections.get(op.collection)?.subject;
        return subject ? [{ subject, kind: kindOf(op.before, op.after), id: op.id, articleId: null }] : [];
      }
      case 'doc':
        return this.documents.get(op.doc)?.changesOf(op.before, op.after, op.articleId) ?? [];
    }
  }

  /** A change is one transaction: all its files are saved in one line of the log, or none. */
  private apply(change: Change, mode: 'do' | 'undo' | 'redo'): Promise<void> {
    return this.store.transaction(() => this.applyOps(change, mode));
  }

  private async applyOps(applied: Change, mode: Mode, remoteOf?: (op: Operation) => RemoteOrigin): Promise<void> {
    const at = new Date().toISOString();
    // Undo and redo are changes by whoever makes them, now (see authorship.ts); a synced change
    // keeps the names its sender wrote, and a change made here was stamped by its service.
    const by = mode === 'undo' || mode === 'redo' ? this.who() : null;
    const change = by ? { ...applied, ops: applied.ops.map((op) => stampOperation(op, by, at)) } : applied;
    const annotationOps = change.ops.filter((op) => op.kind === 'annotation');
    const byArticle = new Map<string, typeof annotationOps>();
    for (const op of annotationOps) byArticle.set(op.articleId, [...(byArticle.get(op.articleId) ?? []), op]);

    // Consecutive listings the same way are one write of library.json (a whole file): a clone
    // lists thousands of articles, each with its own operation for its history line.
    let listing: { after: boolean; ids: string[] } | null = null;
    const list = async () => {
      if (!listing) return;
      const { after, ids } = listing;
      listing = null;
      await (after ? this.store.relistArticles(ids) : this.store.unlistArticles(ids));
    };
    for (const op of change.ops) {
      if (op.kind === 'listing') {
        if (listing && listing.after !== op.after) await list();
        listing ??= { after: op.after, ids: [] };
        listing.ids.push(...op.articleIds);
        continue;
      }
      await list();
      if (op.kind === 'meta') {
        const meta = await this.store.readMeta(op.articleId);
        await this.store.writeMeta({ ...meta, ...op.after, rev: meta.rev + 1 });
      } else if (op.kind === 'version') {
        const meta = await this.store.readMeta(op.articleId);
        if (!meta.versions.some((v) => v.version === op.after)) {
          throw new DossierError('conflict', phrase('article.versionGone', { version: op.after }));
        }
        await this.store.writeMeta({ ...meta, version: op.after, rev: meta.rev + 1 });
      } else if (op.kind === 'palette') {
        await this.store.setPalette(op.after);
      } else if (op.kind === 'workspaceName') {
        await this.store.setName(op.after);
      } else if (op.kind === 'doc') {
        const kind = this.documents.get(op.doc)?.kind;
        if (!kind) throw new DossierError('internal', `No document kind named ${op.doc}.`);
        await this.store.setDoc(op.articleId, kind, op.after as { schemaVersion: number; kind: string });
      } else if (op.kind === 'shelf') {
        await this.store.setShelf(op.articleId, op.after);
      } else if (op.kind === 'record') {
        const collection = this.collections.get(op.collection);
        if (!collection) throw new DossierError('internal', `No collection named ${op.collection}.`);
        await collection.put(op.id, op.after);
      }
    }
    await list();
    // The change's lines in its articles' history, in the order of its operations. An article's
    // annotations are saved in one transaction with its lines, so neither is ever saved alone.
    const label = auditLabel(change.label);
    const history = change.ops.flatMap((op) => historyOf(op, label, mode, at, remoteOf?.(op)));
    for (const [articleId, ops] of byArticle) {
      const revs = new Map<string, number | undefined>((await this.store.readAnnotations(articleId)).map((a) => [a.id, a.rev]));
      const puts = ops.map((op) => {
        // A synced highlight comes with the revision its sender gave it (see WorkspaceMirror).
        const record = stateOf(op.after, revs.get(op.id), mode === 'undo' || mode === 'redo');
        revs.set(op.id, record?.rev);
        return { id: op.id, record };
      });
      await this.store.putAnnotations(articleId, puts, history.filter((record) => record.articleId === articleId));
    }
    for (const record of history) if (!byArticle.has(record.articleId)) await this.store.appendHistory(record);
  }
}

/** How a change is applied: made here, undone, redone, or synced in from another workspace. */
type Mode = 'do' | 'undo' | 'redo' | 'sync';

/** Who made a synced change in their workspace (their display name), and when. */
/** How many of the team's changes the history lists (a first sync brings thousands). */
const REMOTE_STEPS_KEPT = 200;

export interface RemoteOrigin {
  by: string;
  at: string;
}

/** The lines an operation adds to its articles' history (the audit trail); none for workspace-level ones. */
function historyOf(op: Operation, label: string, mode: Mode, at: string, remote?: RemoteOrigin): OperationRecord[] {
  const origin = remote ? { remote: { by: remote.by, at: remote.at } } : {};
  if (op.kind === 'listing') return op.articleIds.map((articleId) => ({ at, op: `listing.${mode}`, articleId, before: op.before, after: op.after, label, ...origin }));
  if (op.kind === 'palette' || op.kind === 'workspaceName' || op.kind === 'record' || (op.kind === 'doc' && op.articleId === null)) return [];
  // Whole documents are not copied into the log: the label and the kind say what happened.
  const [before, after] = op.kind === 'doc' ? [null, null] : [op.before, op.after];
  return [{ at, op: `${op.kind}.${mode}`, articleId: op.articleId!, before, after, label, ...origin }];
}

/**
 * The state an annotation is put into: `next` (null removes it). Undo and redo restore an earlier
 * state under a new revision number, so revisions only ever grow.
 */
function stateOf(next: Annotation | null, currentRev: number | undefined, bumpRev: boolean): Annotation | null {
  if (next === null || !bumpRev) return next;
  return { ...next, rev: Math.max(next.rev, currentRev ?? 0) + 1 };
}

export type { Operation };
