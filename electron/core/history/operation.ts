import type { Annotation } from '../../common/model/annotation';
import type { EditableMeta, Shelf } from '../../common/model/article';
import type { Palette } from '../../common/model/palette';

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
  /** Worded for the user: "Undo add highlight". */
  label: string;
  articleId: string | null;
  ops: Operation[];
  /**
   * Consecutive changes with the same group are one undo step: a highlight and the comment typed
   * right after it, or the autosaves of one editing session.
   */
  group?: string;
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
  if (a.kind === 'palette') return true;
  if (a.kind === 'doc' && b.kind === 'doc') return a.doc === b.doc && a.articleId === b.articleId;
  if (a.kind === 'record' && b.kind === 'record') return a.collection === b.collection && a.id === b.id;
  if (a.kind === 'listing' && b.kind === 'listing') return a.articleIds.join() === b.articleIds.join();
  return 'articleId' in b && a.articleId === b.articleId;
}

/** The change that undoes `change`: each operation inverted, in reverse order. */
export function inverse(change: Change): Change {
  return { ...change, ops: [...change.ops].reverse().map(invert) };
}
