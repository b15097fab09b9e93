import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../common/model/annotation';
import type { HistoryScope } from '../../common/model/history';
import type { Change, Operation } from './operation';
import { UndoHistory } from './undoHistory';

const ARTICLE: HistoryScope = 'article:art_x';
const change = (label: string, ops: Operation[] = []): Change => ({ label, articleId: 'art_x', ops });
const annotationOp = (articleId: string, id: string): Operation => ({ kind: 'annotation', articleId, id, before: null, after: { id } as unknown as Annotation });

describe('UndoHistory', () => {
  it('is empty at first', () => {
    const history = new UndoHistory();
    expect(history.state()).toEqual({ undo: null, redo: null });
    expect(history.peekUndo()).toBeUndefined();
    expect(history.peekRedo()).toBeUndefined();
    expect(history.list()).toEqual([]);
  });

  it('undoes the last change first and redoes the last undone first', () => {
    const history = new UndoHistory();
    const a = history.record(change('add highlight'), [ARTICLE]);
    const b = history.record(change('edit highlight'), [ARTICLE]);
    expect(history.state()).toEqual({ undo: 'edit highlight', redo: null });
    expect(history.peekUndo()).toBe(b);
    history.markUndone(b);
    expect(history.state()).toEqual({ undo: 'add highlight', redo: 'edit highlight' });
    history.markUndone(a);
    expect(history.state()).toEqual({ undo: null, redo: 'add highlight' });
    expect(history.peekRedo()).toBe(a);
    history.markRedone(a);
    expect(history.state()).toEqual({ undo: 'add highlight', redo: 'edit highlight' });
    history.markRedone(b);
    expect(history.state()).toEqual({ undo: 'edit highlight', redo: null });
  });

  it('forgets what was undone once a new change is made', () => {
    const history = new UndoHistory();
    const a = history.record(change('a'), [ARTICLE]);
    history.markUndone(a);
    history.record(change('b'), ['notes']);
    expect(history.state()).toEqual({ undo: 'b', redo: null });
  });

  it('moves the change that was undone, even when another was recorded meanwhile', () => {
    const history = new UndoHistory();
    const a = history.record(change('a'), [ARTICLE]);
    // `a` is being undone (peeked, not yet marked) when `b` is recorded.
    expect(history.peekUndo()).toBe(a);
    history.record(change('b'), [ARTICLE]);
    history.markUndone(a);
    expect(history.state()).toEqual({ undo: 'b', redo: 'a' });
  });

  it('keeps the last 200 changes', () => {
    const history = new UndoHistory();
    for (let i = 0; i < 205; i++) history.record(change(`c${i}`), [ARTICLE]);
    let undone = 0;
    for (let next = history.peekUndo(); next; next = history.peekUndo()) {
      history.markUndone(next);
      undone++;
    }
    expect(undone).toBe(200);
    expect(history.state().redo).toBe('c5');
  });

  it('takes the latest step of a scope, passing over the steps of other views', () => {
    const history = new UndoHistory();
    const highlight = history.record(change('add highlight', [annotationOp('art_x', 'ann_1')]), [ARTICLE]);
    const imported: Change = { label: 'import “Other”', articleId: null, ops: [{ kind: 'listing', articleIds: ['art_y'], articleId: null, before: false, after: true }] };
    history.record(imported, ['library', 'article:art_y']);
    history.record(change('rename note'), ['notes']);

    expect(history.state(ARTICLE)).toEqual({ undo: 'add highlight', redo: null });
    expect(history.state('article:art_y')).toEqual({ undo: 'import “Other”', redo: null });
    expect(history.state()).toEqual({ undo: 'rename note', redo: null });
    expect(history.undoBlocker(highlight)).toBeUndefined();

    history.markUndone(highlight);
    // Nothing else of this article: its undo never reaches the other article's import.
    expect(history.state(ARTICLE)).toEqual({ undo: null, redo: 'add highlight' });
    expect(history.peekUndo(ARTICLE)).toBeUndefined();
    expect(history.state('notes')).toEqual({ undo: 'rename note', redo: null });
  });

  it('does not let a step be undone past a later step that changed the same thing', () => {
    const history = new UndoHistory();
    const created = history.record(change('add highlight', [annotationOp('art_x', 'ann_1')]), [ARTICLE]);
    const related = history.record({ label: 'relate', articleId: null, ops: [annotationOp('art_x', 'ann_1')] }, ['entities']);
    expect(history.undoBlocker(created)).toBe(related);
    expect(history.list().map((e) => [e.step.change.label, e.state, e.blockedBy?.change.label])).toEqual([
      ['relate', 'done', undefined],
      ['add highlight', 'done', 'relate'],
    ]);
    history.markUndone(related);
    expect(history.undoBlocker(created)).toBeUndefined();
    history.markUndone(created);
    // Redo mirrors it: `relate` was undone after `add highlight`, so it waits for that one.
    expect(history.redoBlocker(related)).toBe(created);
    expect(history.redoBlocker(created)).toBeUndefined();
  });

  it('takes an article out of the library only after the later changes inside it', () => {
    const history = new UndoHistory();
    const imported = history.record({ label: 'import', articleId: null, ops: [{ kind: 'listing', articleIds: ['art_y'], articleId: null, before: false, after: true }] }, ['library']);
    const highlight = history.record(change('add highlight', [annotationOp('art_y', 'ann_1')]), ['article:art_y']);
    expect(history.undoBlocker(imported)).toBe(highlight);
  });

  it('finds a step by id, done or undone', () => {
    const history = new UndoHistory();
    const a = history.record(change('a'), [ARTICLE]);
    const b = history.record(change('b'), ['notes']);
    history.markUndone(b);
    expect(history.find(a.id)).toEqual({ step: a, state: 'done' });
    expect(history.find(b.id)).toEqual({ step: b, state: 'undone' });
    expect(history.find(999)).toBeUndefined();
  });

  it('merges consecutive changes of one undo group into one step: first before, last after', () => {
    const history = new UndoHistory();
    const ann = (comment: string) => ({ comment }) as unknown as Annotation;
    const op = (before: string | null, after: string) =>
      ({ kind: 'annotation', articleId: 'art_x', id: 'ann_1', before: before === null ? null : ann(before), after: ann(after) }) as const;
    history.record({ label: 'add highlight', articleId: 'art_x', ops: [op(null, '')], group: 'g1' }, [ARTICLE]);
    history.record({ label: 'edit highlight', articleId: 'art_x', ops: [op('', 'Fir')], group: 'g1' }, [ARTICLE]);
    history.record({ label: 'edit highlight', articleId: 'art_x', ops: [op('Fir', 'First')], group: 'g1' }, [ARTICLE]);
    expect(history.state()).toEqual({ undo: 'add highlight', redo: null });
    const merged = history.peekUndo()!;
    expect(merged.change.ops).toHaveLength(1);
    expect(merged.change.ops[0]).toMatchObject({ before: null, after: { comment: 'First' } });

    history.record({ label: 'edit highlight', articleId: 'art_x', ops: [op('First', 'Second')], group: 'g2' }, [ARTICLE]);
    expect(history.state()).toEqual({ undo: 'edit highlight', redo: null });
    history.markUndone(history.peekUndo()!);
    // After an undo, a change of the group undone last starts a new step rather than merging.
    history.record({ label: 'edit highlight', articleId: 'art_x', ops: [op('First', 'Third')], group: 'g1' }, [ARTICLE]);
    expect(history.state()).toEqual({ undo: 'edit highlight', redo: null });
    history.markUndone(history.peekUndo()!);
    expect(history.state()).toEqual({ undo: 'add highlight', redo: 'edit highlight' });
  });
});
