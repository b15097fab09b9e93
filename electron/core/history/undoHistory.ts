import type { HistoryScope } from '../../common/model/history';
import type { StepLabel } from '../../common/model/phrase';
import { merge, overlaps, type Change } from './operation';

const LIMIT = 200;

/** One undo step: the change, where it belongs, and when it was made. */
export interface HistoryStep {
  readonly id: number;
  change: Change;
  readonly scopes: readonly HistoryScope[];
  at: string;
}

/**
 * Undo and redo stacks of user actions, for this run of Dossier (the log on disk keeps them all).
 *
 * Steps are kept in the order they were made, whatever their scope. Undo in a scope takes the
 * latest step of that scope; a step in the middle of the stack may be undone only while no later
 * step changed the same things (its `blocker`), else undoing it would put back states the later
 * step has replaced. Redo mirrors it: a step is redone only while nothing undone after it changed
 * the same things. A new change still empties the redo stack, as in any editor.
 */
export class UndoHistory {
  private readonly done: HistoryStep[] = [];
  private readonly undone: HistoryStep[] = [];
  private nextId = 1;

  constructor(private readonly now: () => string = () => new Date().toISOString()) {}

  record(change: Change, scopes: readonly HistoryScope[]): HistoryStep {
    const last = this.done[this.done.length - 1];
    if (change.group !== undefined && last?.change.group === change.group && this.undone.length === 0) {
      last.change = merge(last.change, change);
      last.at = this.now();
      // A group is one step in the scopes of each of its changes.
      (last as { scopes: readonly HistoryScope[] }).scopes = [...new Set([...last.scopes, ...scopes])];
      return last;
    }
    const step: HistoryStep = { id: this.nextId++, change, scopes: [...new Set(scopes)], at: this.now() };
    this.done.push(step);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone.length = 0;
    return step;
  }

  /** The latest step undo would take in `scope` (of everything when none is given). */
  peekUndo(scope?: HistoryScope): HistoryStep | undefined {
    return latest(this.done, scope);
  }

  peekRedo(scope?: HistoryScope): HistoryStep | undefined {
    return latest(this.undone, scope);
  }

  /** A step still held, by id, and whether it is done or undone. */
  find(id: number): { step: HistoryStep; state: 'done' | 'undone' } | undefined {
    const done = this.done.find((s) => s.id === id);
    if (done) return { step: done, state: 'done' };
    const undone = this.undone.find((s) => s.id === id);
    return undone && { step: undone, state: 'undone' };
  }

  /** The latest later step that changed what `step` changed: undo that first. */
  undoBlocker(step: HistoryStep): HistoryStep | undefined {
    return blocker(this.done, step);
  }

  /** The latest step undone after `step` that changed what it changed: redo that first. */
  redoBlocker(step: HistoryStep): HistoryStep | undefined {
    return blocker(this.undone, step);
  }

  /**
   * Moves `step` to the redo stack once it has been undone. By identity, not "the last one":
   * another change may have been recorded while this one was being undone.
   */
  markUndone(step: HistoryStep): void {
    move(this.done, this.undone, step);
  }

  markRedone(step: HistoryStep): void {
    move(this.undone, this.done, step);
  }

  /** Removes the steps `gone` says can no longer be undone or redone. */
  forget(gone: (change: Change) => boolean): void {
    for (const stack of [this.done, this.undone]) {
      for (let i = stack.length - 1; i >= 0; i -= 1) if (gone(stack[i]!.change)) stack.splice(i, 1);
    }
  }

  state(scope?: HistoryScope): { undo: StepLabel | null; redo: StepLabel | null } {
    return { undo: this.peekUndo(scope)?.change.label ?? null, redo: this.peekRedo(scope)?.change.label ?? null };
  }

  /** Every step held, newest first: those done, then those undone (the next redo first). */
  list(): { step: HistoryStep; state: 'done' | 'undone'; blockedBy: HistoryStep | undefined }[] {
    return [
      ...[...this.done].reverse().map((step) => ({ step, state: 'done' as const, blockedBy: this.undoBlocker(step) })),
      ...[...this.undone].reverse().map((step) => ({ step, state: 'undone' as const, blockedBy: this.redoBlocker(step) })),
    ];
  }
}

function latest(stack: HistoryStep[], scope: HistoryScope | undefined): HistoryStep | undefined {
  for (let i = stack.length - 1; i >= 0; i--) if (scope === undefined || stack[i]!.scopes.includes(scope)) return stack[i];
  return undefined;
}

function blocker(stack: HistoryStep[], step: HistoryStep): HistoryStep | undefined {
  const at = stack.indexOf(step);
  if (at === -1) return undefined;
  for (let i = stack.length - 1; i > at; i--) if (overlaps(stack[i]!.change, step.change)) return stack[i];
  return undefined;
}

function move(from: HistoryStep[], to: HistoryStep[], step: HistoryStep): void {
  const index = from.lastIndexOf(step);
  if (index === -1) return;
  from.splice(index, 1);
  to.push(step);
}
