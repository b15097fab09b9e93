import type { ChangeSubject, RecordChange } from '../../common/contract';
import { DossierError } from '../../common/errors';
import type { Annotation } from '../../common/model/annotation';
import type { ChangeCause, ChangeFeed } from '../changeFeed';
import { KeyedQueue } from '../store/durableFile';
import type { DocumentKind } from '../store/documents';
import type { OperationRecord, WorkspaceStore } from '../store/workspaceStore';
import { inverse, type Change, type Operation } from './operation';
import { UndoHistory } from './undoHistory';

/** Puts one record into a saved state; null removes it. */
export interface RecordCollection {
  /** What the change feed calls the collection's records. */
  subject: ChangeSubject;
  put(id: string, state: unknown): Promise<void>;
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

  /** Documents that 'doc' operations may restore, by name, with what tells their changed records. */
  private readonly documents = new Map<string, { kind: AnyDocument; changesOf: DocumentChanges }>();

  constructor(
    private readonly store: WorkspaceStore,
    private readonly feed: ChangeFeed,
  ) {}

  /** Collections whose single records 'record' operations put back, by name. */
  private readonly collections = new Map<string, RecordCollection>();

  registerCollection(name: string, collection: RecordCollection): void {
    this.collections.set(name, collection);
  }

  registerDocument<T extends { schemaVersion: number; kind: string }>(name: string, kind: DocumentKind<T>, changesOf: DocumentChanges): void {
    this.documents.set(name, { kind: kind as unknown as AnyDocument, changesOf });
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
    this.history.record(change);
    this.publish('edit', change);
  }

  /** Makes a change that was already applied (an import) undoable, without applying it again. */
  remember(change: Change): void {
    this.history.record(change);
    this.publish('edit', change);
  }

  /**
   * Announces a write that is not an undo step of its own (a note's text, saved as it is typed and
   * undone inside its editor): it still reaches the change feed like every other write.
   */
  announce(changes: readonly RecordChange[]): void {
    this.feed.publish('edit', changes);
  }

  /** Says, before a write that is not an operation (a note's text), which records it is about to change. */
  intend(changes: readonly RecordChange[]): void {
    this.feed.intend(changes);
  }

  /** One undo or redo at a time: two quick Ctrl+Z must undo two changes, not the same one twice. */
  undo(): Promise<Change | null> {
    return this.queue.run(HISTORY, async () => {
      const change = this.history.peekUndo();
      if (!change) return null;
      this.feed.intend(this.recordsOfChange(inverse(change)));
      await this.exclusive(change.articleId, () => this.apply(inverse(change), 'undo'));
      this.history.markUndone(change);
      this.publish('undo', inverse(change));
      return change;
    });
  }

  redo(): Promise<Change | null> {
    return this.queue.run(HISTORY, async () => {
      const change = this.history.peekRedo();
      if (!change) return null;
      this.feed.intend(this.recordsOfChange(change));
      await this.exclusive(change.articleId, () => this.apply(change, 'redo'));
      this.history.markRedone(change);
      this.publish('redo', change);
      return change;
    });
  }

  state(): { undo: string | null; redo: string | null } {
    return this.history.state();
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

  private async applyOps(change: Change, mode: 'do' | 'undo' | 'redo'): Promise<void> {
    const at = new Date().toISOString();
    const annotationOps = change.ops.filter((op) => op.kind === 'annotation');
    const byArticle = new Map<string, typeof annotationOps>();
    for (const op of annotationOps) byArticle.set(op.articleId, [...(byArticle.get(op.articleId) ?? []), op]);

    for (const op of change.ops) {
      if (op.kind === 'meta') {
        const meta = await this.store.readMeta(op.articleId);
        await this.store.writeMeta({ ...meta, ...op.after, rev: meta.rev + 1 });
      } else if (op.kind === 'version') {
        const meta = await this.store.readMeta(op.articleId);
        if (!meta.versions.some((v) => v.version === op.after)) {
          throw new DossierError('conflict', `Version ${op.after} of this article no longer exists.`);
        }
        await this.store.writeMeta({ ...meta, version: op.after, rev: meta.rev + 1 });
      } else if (op.kind === 'palette') {
        await this.store.setPalette(op.after);
      } else if (op.kind === 'doc') {
        const kind = this.documents.get(op.doc)?.kind;
        if (!kind) throw new DossierError('internal', `No document kind named ${op.doc}.`);
        await this.store.setDoc(op.articleId, kind, op.after as { schemaVersion: number; kind: string });
      } else if (op.kind === 'shelf') {
        await this.store.setShelf(op.articleId, op.after);
      } else if (op.kind === 'listing') {
        await (op.after ? this.store.relistArticles(op.articleIds) : this.store.unlistArticles(op.articleIds));
      } else if (op.kind === 'record') {
        const collection = this.collections.get(op.collection);
        if (!collection) throw new DossierError('internal', `No collection named ${op.collection}.`);
        await collection.put(op.id, op.after);
      }
    }
    // The change's lines in its articles' history, in the order of its operations. An article's
    // annotations are saved in one transaction with its lines, so neither is ever saved alone.
    const history = change.ops.flatMap((op) => historyOf(op, change.label, mode, at));
    for (const [articleId, ops] of byArticle) {
      const revs = new Map<string, number | undefined>((await this.store.readAnnotations(articleId)).map((a) => [a.id, a.rev]));
      const puts = ops.map((op) => {
        const record = stateOf(op.after, revs.get(op.id), mode !== 'do');
        revs.set(op.id, record?.rev);
        return { id: op.id, record };
      });
      await this.store.putAnnotations(articleId, puts, history.filter((record) => record.articleId === articleId));
    }
    for (const record of history) if (!byArticle.has(record.articleId)) await this.store.appendHistory(record);
  }
}

/** The lines an operation adds to its articles' history (the audit trail); none for workspace-level ones. */
function historyOf(op: Operation, label: string, mode: 'do' | 'undo' | 'redo', at: string): OperationRecord[] {
  if (op.kind === 'listing') return op.articleIds.map((articleId) => ({ at, op: `listing.${mode}`, articleId, before: op.before, after: op.after, label }));
  if (op.kind === 'palette' || op.kind === 'record' || (op.kind === 'doc' && op.articleId === null)) return [];
  // Whole documents are not copied into the log: the label and the kind say what happened.
  const [before, after] = op.kind === 'doc' ? [null, null] : [op.before, op.after];
  return [{ at, op: `${op.kind}.${mode}`, articleId: op.articleId!, before, after, label }];
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
