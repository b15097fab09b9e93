import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { HistoryScope, HistoryStepResponse } from '../../../electron/common/model/history';
import { api } from '../api';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { capitalised } from './scopes';
import { UndoConfirmDialog } from './UndoConfirmDialog';

/** Which step: the latest of a scope (of everything when none), or one from the history list. */
export type StepTarget = { scope?: HistoryScope } | { id: number };

export interface HistorySteps {
  undo(target: StepTarget): Promise<void>;
  redo(target: StepTarget): Promise<void>;
  /** The question "remove this?" while one is open. */
  dialog: ReactNode;
}

/**
 * Undo and redo as the window does them: a toast says what was done and offers the way back
 * (Redo after an undo, Undo after a redo); a step that would remove a note with text, or an
 * import, is asked about first; a step another one depends on is explained, not done.
 * `onDone`: after a step taken with no scope (the search view), to show where it happened.
 */
export function useHistorySteps(onDone?: (answer: HistoryStepResponse, target: StepTarget) => void): HistorySteps {
  const notify = useNotify();
  const [asking, setAsking] = useState<{ id: number; label: string; confirm: string } | null>(null);

  const context = useMemo<StepContext>(() => ({ notify, ask: setAsking, onDone }), [notify, onDone]);
  const undo = useCallback((target: StepTarget) => takeStep(context, 'undo', target), [context]);
  const redo = useCallback((target: StepTarget) => takeStep(context, 'redo', target), [context]);

  const dialog = asking && (
    <UndoConfirmDialog
      label={asking.label}
      removes={asking.confirm}
      onCancel={() => setAsking(null)}
      onConfirm={() => {
        setAsking(null);
        void takeStep(context, 'undo', { id: asking.id }, true);
      }}
    />
  );

  return { undo, redo, dialog };
}

interface StepContext {
  notify: ReturnType<typeof useNotify>;
  ask(question: { id: number; label: string; confirm: string }): void;
  onDone?: (answer: HistoryStepResponse, target: StepTarget) => void;
}

async function takeStep(context: StepContext, direction: 'undo' | 'redo', target: StepTarget, confirm = false): Promise<void> {
  const { notify, ask, onDone } = context;
  let answer: HistoryStepResponse;
  try {
    answer = direction === 'undo' ? await api['history.undo']({ ...target, ...(confirm ? { confirm } : {}) }) : await api['history.redo'](target);
  } catch (error) {
    notify({ tone: 'error', message: `Could not ${direction}: ${errorMessage(error)}` });
    return;
  }
  const { label, id, blockedBy } = answer;
  const here = 'scope' in target && target.scope ? ' here' : '';
  if (!label || id === undefined) return notify({ tone: 'info', message: direction === 'undo' ? `Nothing to undo${here}.` : `Nothing to redo${here}.` });
  if (answer.confirm) return ask({ id, label, confirm: answer.confirm });
  if (blockedBy) {
    return notify({
      tone: 'info',
      message: `“${capitalised(label)}” cannot be ${direction === 'undo' ? 'undone' : 'redone'} yet: “${blockedBy}” changed the same things later. ${capitalised(direction)} that first.`,
    });
  }
  onDone?.(answer, target);
  // The way back names this very step, whatever is done meanwhile.
  const back = direction === 'undo' ? 'redo' : 'undo';
  notify({
    tone: 'info',
    message: `${direction === 'undo' ? 'Undone' : 'Redone'}: ${label}.`,
    action: { label: capitalised(back), run: () => void takeStep(context, back, { id }) },
  });
}
