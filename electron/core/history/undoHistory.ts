import type { Change } from './operation';

const LIMIT = 200;

/** Undo and redo stacks of user actions, for this run of Dossier (the log on disk keeps them all). */
export class UndoHistory {
  private readonly done: Change[] = [];
  private readonly undone: Change[] = [];

  record(change: Change): void {
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

  /** Moves the last change to the redo stack once it has been undone. */
  markUndone(): void {
    const change = this.done.pop();
    if (change) this.undone.push(change);
  }

  markRedone(): void {
    const change = this.undone.pop();
    if (change) this.done.push(change);
  }

  state(): { undo: string | null; redo: string | null } {
    return { undo: this.peekUndo()?.label ?? null, redo: this.peekRedo()?.label ?? null };
  }
}
