import type { Annotation } from '../../common/model/annotation';
import type { EditableMeta, Shelf } from '../../common/model/article';
import type { HistoryScope } from '../../common/model/history';
import type { Palette } from '../../common/model/palette';
import type { StepLabel } from '../../common/model/phrase';

/**
 * Every change the core makes, as data with its before and after state, so that applying the
 * "before" side undoes it. The same records are the articles' audit trail.
 */
export type Operation =
  | { kind: 'annotation'; articleId: string; id: string; before: Annotation | null; after: Annotation | null }
  | { kind: 'meta'; articleId: string; before: EditableMeta; after: EditableMeta }
  /** Which version of the text is current: replacing an article, and undoing that. */
  | { kind: 'version'; articleId: string; before: number; after: number }
  | { kind: 'palette'; before: Palette; after: Palette }
  /** The workspace's display name. */
  | { kind: 'workspaceName'; before: string; after: string }
  /** A whole document's state (entities.json, an article's mentions.json): entity reviews and merges. */
  | { kind: 'doc'; doc: string; articleId: string | null; before: unknown; after: unknown }
  /**
   * One record of a workspace-level collection (a note's entry …), put back by the collection's
   * registered handler; unlike 'doc', undoing it leaves the collection's other records alone.
   */
  | { kind: 'record'; collection: string; id: string; articleId: null; before: unknown; after: unknown }
  /** Whether imported articles are in the library: undoing an import unlists them, keeping their files. */
  | { kind: 'listing'; articleIds: string[]; articleId: null; before: boolean; after: boolean }
  /** Whether an article is archived or in the trash (emptying the trash is not an operation: it cannot be undone). */
  | { kind: 'shelf'; articleId: string; before: Shelf; after: Shelf };

/** One user action: what Ctrl/Cmd+Z undoes in one step. */
export interface Change {
  /** The step's name, worded by the UI ("Undo add highlight") and, in English, by the audit trail. */
  label: StepLabel;
  articleId: string | null;
  ops: Operation[];
  /**
   * Consecutive changes with the same group are one undo step: a highlight and the comment typed
   * right after it, or the autosaves of one editing session.
   */
  group?: string;
  /**
   * Where the change belongs, when the services know better than its operations say (an import
   * belongs to the library and its new articles, not to the entities its links touch).
   */
  scopes?: HistoryScope[];
}

export function invert(op: Operation): Operation {
  return { ...op, before: op.after, after: op.before } as Operation;
}

/**
 * One change doing what `earlier` then `later` did: per touched object, the state before the
 * first and the state after the last.
 */
export function merge(earlier: Change, later: Change): Change {
  const ops = earlier.ops.map((op) => ({ ...op }) as Operation);
  for (const op of later.ops) {
    const same = ops.findIndex((o) => sameTarget(o, op));
    if (same === -1) ops.push(op);
    else ops[same] = { ...ops[same]!, after: op.after } as Operation;
  }
  return { ...earlier, ops };
}

function sameTarget(a: Operation, b: Operation): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'annotation' && b.kind === 'annotation') return a.articleId === b.articleId && a.id === b.id;
  if (a.kind === 'palette' || a.kind === 'workspaceName') return true;
  if (a.kind === 'doc' && b.kind === 'doc') return a.doc === b.doc && a.articleId === b.articleId;
  if (a.kind === 'record' && b.kind === 'record') return a.collection === b.collection && a.id === b.id;
  if (a.kind === 'listing' && b.kind === 'listing') return a.articleIds.join() === b.articleIds.join();
  return 'articleId' in b && a.articleId === b.articleId;
}

/** The change that undoes `change`: each operation inverted, in reverse order. */
export function inverse(change: Change): Change {
  return { ...change, ops: [...change.ops].reverse().map(invert) };
}

/**
 * Whether two changes touched the same thing, so that one cannot be undone past the other. What
 * an operation touches is its record (or whole document); an article taken out of the library
 * also touches everything in it.
 */
export function overlaps(a: Change, b: Change): boolean {
  const touched = (change: Change) => {
    const keys = new Set<string>();
    const articles = new Set<string>();
    const listed = new Set<string>();
    for (const op of change.ops) {
      for (const key of targetsOf(op)) keys.add(key);
      if (op.kind === 'listing') for (const id of op.articleIds) listed.add(id);
      else if (op.kind !== 'palette' && op.kind !== 'workspaceName' && op.articleId !== null) articles.add(op.articleId);
    }
    return { keys, articles, listed };
  };
  const [x, y] = [touched(a), touched(b)];
  const meets = (p: Set<string>, q: Set<string>) => [...p].some((k) => q.has(k));
  return meets(x.keys, y.keys) || meets(x.listed, y.articles) || meets(y.listed, x.articles);
}

/** The collections that put back a note's entry or text: one note, whichever of them a step used. */
const NOTE_COLLECTIONS = new Set(['notes', 'note-content', 'note-sync']);

function targetsOf(op: Operation): string[] {
  switch (op.kind) {
    case 'annotation':
      return [`annotation:${op.articleId}:${op.id}`];
    case 'meta':
    case 'version':
    case 'shelf':
      return [`${op.kind}:${op.articleId}`];
    case 'palette':
      return ['palette'];
    case 'workspaceName':
      return ['workspaceName'];
    case 'doc':
      return [`doc:${op.doc}:${op.articleId ?? ''}`];
    // A note's entry and its text are put back by two collections, but one cannot go without the other.
    case 'record':
      return [`record:${NOTE_COLLECTIONS.has(op.collection) ? 'notes' : op.collection}:${op.id}`];
    case 'listing':
      return op.articleIds.map((id) => `listing:${id}`);
  }
}
