import { merge, type Change } from './operation';

const LIMIT = 200;

/** Undo and redo stacks of user actions, for this run of Dossier (the log on disk keeps them all). */
export class UndoHistory {
  private readonly done: Change[] = [];
  private readonly undone: Change[] = [];

  record(change: Change): void {
    const last = this.done[this.done.length - 1];
    if (change.group !== undefined && last?.group === change.group && this.undone.length === 0) {
      this.done[this.done.length - 1] = merge(last, change);
      return;
    }
    this.done.push(change);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  peekUndo(): Change | undefined {
    return this.done[this.done.length - 1];
  }

  peekRedo(): Change | undefined {
    return this.undone[this.undone.length - 1];
  }

  /**
   * Moves `change` to the redo stack once it has been undone. By identity, not "the last one":
   * another change may have been recorded while this one was being undone.
   */
  markUndone(change: Change): void {
    move(this.done, this.undone, change);
  }

  markRedone(change: Change): void {
    move(this.undone, this.done, change);
  }

  /** Removes the steps `gone` says can no longer be undone or redone. */
  forget(gone: (change: Change) => boolean): void {
    for (const stack of [this.done, this.undone]) {
      for (let i = stack.length - 1; i >= 0; i -= 1) if (gone(stack[i]!)) stack.splice(i, 1);
    }
  }

  state(): { undo: string | null; redo: string | null } {
    return { undo: this.peekUndo()?.label ?? null, redo: this.peekRedo()?.label ?? null };
  }
}

function move(from: Change[], to: Change[], change: Change): void {
  const index = from.lastIndexOf(change);
  if (index === -1) return;
  from.splice(index, 1);
  to.push(change);
}
