import { useEffect, useState } from 'react';
import type { StepLabel } from '../../../electron/common/model/phrase';
import { tellShell, transportKind } from '../api';
import { isEditingText } from '../ui/shortcuts';

/**
 * Tells the desktop shell what Edit › Undo and Redo would take back in the current view (its
 * scope's latest steps), so the menu names them ("Undo add highlight"), and whether a text field
 * or a note's editor has the focus, where they are the field's own. Sent when either changes;
 * the browser has no native menu (its palette and top bar name the steps themselves).
 */
export function useUndoMenuState(next: { undo: StepLabel | null; redo: StepLabel | null }): void {
  const inField = useFieldFocus();
  const { undo, redo } = next;
  useEffect(() => {
    tellShell({ kind: 'undoState', undo, redo, inField });
  }, [undo, redo, inField]);
}

/** Whether a text field or an editor has the focus, followed as the focus moves (Electron only). */
function useFieldFocus(): boolean {
  const [inField, setInField] = useState(() => isEditingText(document.activeElement));
  useEffect(() => {
    if (transportKind !== 'electron') return;
    // focusout names where the focus goes, so the state never passes through "nothing focused".
    const onFocusIn = (event: FocusEvent) => setInField(isEditingText(event.target));
    const onFocusOut = (event: FocusEvent) => setInField(isEditingText(event.relatedTarget));
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
  return inField;
}
