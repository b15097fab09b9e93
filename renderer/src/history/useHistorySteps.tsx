import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { HistoryScope, HistoryStepResponse } from '../../../electron/common/model/history';
import type { LossPhrase, StepLabel } from '../../../electron/common/model/phrase';
import { api } from '../api';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { capitalised } from './scopes';
import { UndoConfirmDialog } from './UndoConfirmDialog';
import { lossName, stepName, t } from '../i18n/i18n';

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
  const [asking, setAsking] = useState<Question | null>(null);

  const context = useMemo<StepContext>(() => ({ notify, ask: setAsking, onDone }), [notify, onDone]);
  const undo = useCallback((target: StepTarget) => takeStep(context, 'undo', target), [context]);
  const redo = useCallback((target: StepTarget) => takeStep(context, 'redo', target), [context]);

  const dialog = asking && (
    <UndoConfirmDialog
      label={stepName(asking.label)}
      removes={lossName(asking.confirm)}
      onCancel={() => setAsking(null)}
      onConfirm={() => {
        setAsking(null);
        void takeStep(context, 'undo', { id: asking.id }, true);
      }}
    />
  );

  return { undo, redo, dialog };
}

/** A step that removes what the analyst wrote or brought in, asked about before it is undone. */
interface Question {
  id: number;
  label: StepLabel;
  confirm: LossPhrase[];
}

interface StepContext {
  notify: ReturnType<typeof useNotify>;
  ask(question: Question): void;
  onDone?: (answer: HistoryStepResponse, target: StepTarget) => void;
}

async function takeStep(context: StepContext, direction: 'undo' | 'redo', target: StepTarget, confirm = false): Promise<void> {
  const { notify, ask, onDone } = context;
  let answer: HistoryStepResponse;
  try {
    answer = direction === 'undo' ? await api['history.undo']({ ...target, ...(confirm ? { confirm } : {}) }) : await api['history.redo'](target);
  } catch (error) {
    notify({ tone: 'error', message: t(direction === 'undo' ? 'history:couldNotUndo' : 'history:couldNotRedo', { error: errorMessage(error) }) });
    return;
  }
  const { label, id, blockedBy } = answer;
  const here = 'scope' in target && target.scope !== undefined;
  if (!label || id === undefined) {
    const nothing = direction === 'undo' ? (here ? 'history:nothingToUndoHere' : 'history:nothingToUndo') : here ? 'history:nothingToRedoHere' : 'history:nothingToRedo';
    return notify({ tone: 'info', message: t(nothing) });
  }
  if (answer.confirm) return ask({ id, label, confirm: answer.confirm });
  if (blockedBy) {
    return notify({
      tone: 'info',
      message: t(direction === 'undo' ? 'history:cannotBeUndoneYet' : 'history:cannotBeRedoneYet', { label: capitalised(stepName(label)), blockedBy: stepName(blockedBy) }),
    });
  }
  onDone?.(answer, target);
  // The way back names this very step, whatever is done meanwhile.
  const back = direction === 'undo' ? 'redo' : 'undo';
  notify({
    tone: 'info',
    message: t('history:stepDone', { done: direction === 'undo' ? t('history:undone') : t('history:redone'), step: stepName(label) }),
    action: { label: t(`history:command.${back}`), run: () => void takeStep(context, back, { id }) },
  });
}
