import { describe, expect, it } from 'vitest';
import type { Change } from './operation';
import { UndoHistory } from './undoHistory';

const change = (label: string): Change => ({ label, articleId: 'art_x', ops: [] });

describe('UndoHistory', () => {
  it('is empty at first', () => {
    const history = new UndoHistory();
    expect(history.state()).toEqual({ undo: null, redo: null });
    expect(history.peekUndo()).toBeUndefined();
    expect(history.peekRedo()).toBeUndefined();
  });

  it('undoes the last change first and redoes the last undone first', () => {
    const history = new UndoHistory();
    const [a, b] = [change('add highlight'), change('edit highlight')];
    history.record(a);
    history.record(b);
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
    const a = change('a');
    history.record(a);
    history.markUndone(a);
    history.record(change('b'));
    expect(history.state()).toEqual({ undo: 'b', redo: null });
  });

  it('moves the change that was undone, even when another was recorded meanwhile', () => {
    const history = new UndoHistory();
    const [a, b] = [change('a'), change('b')];
    history.record(a);
    // `a` is being undone (peeked, not yet marked) when `b` is recorded.
    expect(history.peekUndo()).toBe(a);
    history.record(b);
    history.markUndone(a);
    expect(history.state()).toEqual({ undo: 'b', redo: 'a' });
  });

  it('does nothing for a change it does not hold', () => {
    const history = new UndoHistory();
    history.markUndone(change('x'));
    history.markRedone(change('y'));
    expect(history.state()).toEqual({ undo: null, redo: null });
    const a = change('a');
    history.record(a);
    history.markRedone(a);
    expect(history.state()).toEqual({ undo: 'a', redo: null });
  });

  it('keeps the last 200 changes', () => {
    const history = new UndoHistory();
    for (let i = 0; i < 205; i++) history.record(change(`c${i}`));
    let undone = 0;
    for (let next = history.peekUndo(); next; next = history.peekUndo()) {
      history.markUndone(next);
      undone++;
    }
    expect(undone).toBe(200);
    expect(history.state().redo).toBe('c5');
  });

  it('merges consecutive changes of one undo group into one step: first before, last after', () => {
    const history = new UndoHistory();
    const ann = (comment: string) => ({ comment }) as unknown as import('../../common/model/annotation').Annotation;
    const op = (before: string | null, after: string) =>
      ({ kind: 'annotation', articleId: 'art_x', id: 'ann_1', before: before === null ? null : ann(before), after: ann(after) }) as const;
    history.record({ label: 'add highlight', articleId: 'art_x', ops: [op(null, '')], group: 'g1' });
    history.record({ label: 'edit highlight', articleId: 'art_x', ops: [op('', 'Fir')], group: 'g1' });
    history.record({ label: 'edit highlight', articleId: 'art_x', ops: [op('Fir', 'First')], group: 'g1' });
    expect(history.state()).toEqual({ undo: 'add highlight', redo: null });
    const merged = history.peekUndo()!;
    expect(merged.ops).toHaveLength(1);
    expect(merged.ops[0]).toMatchObject({ before: null, after: { comment: 'First' } });

    history.record({ label: 'edit highlight', articleId: 'art_x', ops: [op('First', 'Second')], group: 'g2' });
    expect(history.state()).toEqual({ undo: 'edit highlight', redo: null });
    history.markUndone(history.peekUndo()!);
    // After an undo, a change of the group undone last starts a new step rather than merging.
    history.record({ label: 'edit highlight', articleId: 'art_x', ops: [op('First', 'Third')], group: 'g1' });
    expect(history.state()).toEqual({ undo: 'edit highlight', redo: null });
    history.markUndone(history.peekUndo()!);
    expect(history.state()).toEqual({ undo: 'add highlight', redo: 'edit highlight' });
  });
});
