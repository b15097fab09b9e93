import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../common/model/annotation';
import type { HistoryScope } from '../../common/model/history';
import type { Change, Operation } from './operation';
import { UndoHistory } from './undoHistory';
import { step, type StepLabel } from '../../common/model/phrase';

const ARTICLE: HistoryScope = 'article:art_x';
const change = (label: StepLabel, ops: Operation[] = []): Change => ({ label, articleId: 'art_x', ops });
/** A step told apart from others by a name: the entity it creates. */
const named = (name: string): StepLabel => step('createEntity', { name });
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
    const a = history.record(change(step('addHighlight')), [ARTICLE]);
    const b = history.record(change(step('editHighlight')), [ARTICLE]);
    expect(history.state()).toEqual({ undo: step('editHighlight'), redo: null });
    expect(history.peekUndo()).toBe(b);
    history.markUndone(b);
    expect(history.state()).toEqual({ undo: step('addHighlight'), redo: step('editHighlight') });
    history.markUndone(a);
    expect(history.state()).toEqual({ undo: null, redo: step('addHighlight') });
    expect(history.peekRedo()).toBe(a);
    history.markRedone(a);
    expect(history.state()).toEqual({ undo: step('addHighlight'), redo: step('editHighlight') });
    history.markRedone(b);
    expect(history.state()).toEqual({ undo: step('editHighlight'), redo: null });
  });

  it('forgets what was undone once a new change is made', () => {
    const history = new UndoHistory();
    const a = history.record(change(named('a')), [ARTICLE]);
    history.markUndone(a);
    history.record(change(named('b')), ['notes']);
    expect(history.state()).toEqual({ undo: named('b'), redo: null });
  });

  it('moves the change that was undone, even when another was recorded meanwhile', () => {
    const history = new UndoHistory();
    const a = history.record(change(named('a')), [ARTICLE]);
    // `a` is being undone (peeked, not yet marked) when `b` is recorded.
    expect(history.peekUndo()).toBe(a);
    history.record(change(named('b')), [ARTICLE]);
    history.markUndone(a);
    expect(history.state()).toEqual({ undo: named('b'), redo: named('a') });
  });

  it('keeps the last 200 changes', () => {
    const history = new UndoHistory();
    for (let i = 0; i < 205; i++) history.record(change(named(`c${i}`)), [ARTICLE]);
    let undone = 0;
    for (let next = history.peekUndo(); next; next = history.peekUndo()) {
      history.markUndone(next);
      undone++;
    }
    expect(undone).toBe(200);
    expect(history.state().redo).toEqual(named('c5'));
  });

  it('takes the latest step of a scope, passing over the steps of other views', () => {
    const history = new UndoHistory();
    const highlight = history.record(change(step('addHighlight'), [annotationOp('art_x', 'ann_1')]), [ARTICLE]);
    const imported: Change = { label: step('importArticle', { title: 'Other' }), articleId: null, ops: [{ kind: 'listing', articleIds: ['art_y'], articleId: null, before: false, after: true }] };
    history.record(imported, ['library', 'article:art_y']);
    history.record(change(step('renameNote')), ['notes']);

    expect(history.state(ARTICLE)).toEqual({ undo: step('addHighlight'), redo: null });
    expect(history.state('article:art_y')).toEqual({ undo: step('importArticle', { title: 'Other' }), redo: null });
    expect(history.state()).toEqual({ undo: step('renameNote'), redo: null });
    expect(history.undoBlocker(highlight)).toBeUndefined();

    history.markUndone(highlight);
    // Nothing else of this article: its undo never reaches the other article's import.
    expect(history.state(ARTICLE)).toEqual({ undo: null, redo: step('addHighlight') });
    expect(history.peekUndo(ARTICLE)).toBeUndefined();
    expect(history.state('notes')).toEqual({ undo: step('renameNote'), redo: null });
  });

  it('does not let a step be undone past a later step that changed the same thing', () => {
    const history = new UndoHistory();
    const created = history.record(change(step('addHighlight'), [annotationOp('art_x', 'ann_1')]), [ARTICLE]);
    const related = history.record({ label: step('relate', { from: 'India', to: 'Japan' }), articleId: null, ops: [annotationOp('art_x', 'ann_1')] }, ['entities']);
    expect(history.undoBlocker(created)).toBe(related);
    expect(history.list().map((e) => [e.step.change.label, e.state, e.blockedBy?.change.label])).toEqual([
      [step('relate', { from: 'India', to: 'Japan' }), 'done', undefined],
      [step('addHighlight'), 'done', step('relate', { from: 'India', to: 'Japan' })],
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
    const imported = history.record({ label: step('importArticles', { count: 1 }), articleId: null, ops: [{ kind: 'listing', articleIds: ['art_y'], articleId: null, before: false, after: true }] }, ['library']);
    const highlight = history.record(change(step('addHighlight'), [annotationOp('art_y', 'ann_1')]), ['article:art_y']);
    expect(history.undoBlocker(imported)).toBe(highlight);
  });

  it('finds a step by id, done or undone', () => {
    const history = new UndoHistory();
    const a = history.record(change(named('a')), [ARTICLE]);
    const b = history.record(change(named('b')), ['notes']);
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
    history.record({ label: step('addHighlight'), articleId: 'art_x', ops: [op(null, '')], group: 'g1' }, [ARTICLE]);
    history.record({ label: step('editHighlight'), articleId: 'art_x', ops: [op('', 'Fir')], group: 'g1' }, [ARTICLE]);
    history.record({ label: step('editHighlight'), articleId: 'art_x', ops: [op('Fir', 'First')], group: 'g1' }, [ARTICLE]);
    expect(history.state()).toEqual({ undo: step('addHighlight'), redo: null });
    const merged = history.peekUndo()!;
    expect(merged.change.ops).toHaveLength(1);
    expect(merged.change.ops[0]).toMatchObject({ before: null, after: { comment: 'First' } });

    history.record({ label: step('editHighlight'), articleId: 'art_x', ops: [op('First', 'Second')], group: 'g2' }, [ARTICLE]);
    expect(history.state()).toEqual({ undo: step('editHighlight'), redo: null });
    history.markUndone(history.peekUndo()!);
    // After an undo, a change of the group undone last starts a new step rather than merging.
    history.record({ label: step('editHighlight'), articleId: 'art_x', ops: [op('First', 'Third')], group: 'g1' }, [ARTICLE]);
    expect(history.state()).toEqual({ undo: step('editHighlight'), redo: null });
    history.markUndone(history.peekUndo()!);
    expect(history.state()).toEqual({ undo: step('addHighlight'), redo: step('editHighlight') });
  });
});
