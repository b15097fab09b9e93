import type { Annotation } from '../../common/model/annotation';
import type { EditableMeta } from '../../common/model/article';
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
  | { kind: 'palette'; before: Palette; after: Palette };

/** One user action: what Ctrl/Cmd+Z undoes in one step. */
export interface Change {
  /** Worded for the user: "Undo add highlight". */
  label: string;
  articleId: string | null;
  ops: Operation[];
}

export function invert(op: Operation): Operation {
  return { ...op, before: op.after, after: op.before } as Operation;
}

/** The change that undoes `change`: each operation inverted, in reverse order. */
export function inverse(change: Change): Change {
  return { ...change, ops: [...change.ops].reverse().map(invert) };
}
