import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

/**
 * The parts every "type to pick" dialog shares (the command palette, Go to…, the note picker of
 * Cite in note): a modal <dialog> opened as it mounts, the option the arrow keys are on (kept within
 * the `count` options shown) and scrolled into view, and ids for `aria-activedescendant`.
 */
export function usePickerDialog(count: number) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(count - 1, 0));
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  useLayoutEffect(() => {
    listRef.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return { id, dialog, listRef, current, setActive, optionId };
}
