import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

/** The index a key moves to in a list of `count` rows from `current`, or null for other keys. */
export function keyMove(key: string, current: number, count: number, page = 8): number | null {
  const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1, PageDown: current + page, PageUp: current - page };
  const next = moves[key];
  return next === undefined || count === 0 ? null : Math.max(0, Math.min(next, count - 1));
}

/**
 * The keys of a picker's text field over its list (palette, Go to…, the cite pickers): arrows and
 * Page Up/Down move the active row, Enter chooses it; Home and End stay the field's (its cursor).
 */
export function pickerFieldKey(event: KeyboardEvent<HTMLElement>, current: number, count: number, setActive: (index: number) => void, choose: () => void): void {
  const next = event.key === 'Home' || event.key === 'End' ? null : keyMove(event.key, current, count);
  if (next !== null) {
    event.preventDefault();
    setActive(next);
  } else if (event.key === 'Enter') {
    event.preventDefault();
    choose();
  }
}

export interface ListKeys {
  /** The row the keyboard is on (the one tab stop of a roving list). */
  current: number;
  /** Put on each row's focusable element. */
  rowProps(index: number): { 'data-row-index': number; tabIndex?: number; onFocus(): void };
  /** Put on the list: arrows, Home, End, Page Up/Down move between rows; Enter and Space are the rows' own (buttons). */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  /** Pass as the list element's `ref`: rows are looked for in it. */
  attachList(element: HTMLElement | null): void;
}

/**
 * Keyboard movement over a windowed list: the row moved to is scrolled into the window first
 * (`reveal`), then focused once it is rendered. With `roving`, the list is one tab stop.
 */
export function useListKeys(count: number, reveal: (index: number) => void, roving = true): ListKeys {
  const listRef = useRef<HTMLElement | null>(null);
  const [active, setActive] = useState(0);
  const focusWanted = useRef<number | null>(null);
  const current = Math.min(active, Math.max(count - 1, 0));

  // After every render: the row asked for may have just entered the window.
  useLayoutEffect(() => {
    if (focusWanted.current === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-row-index="${focusWanted.current}"]`);
    if (!row) return;
    focusWanted.current = null;
    row.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Keys typed in a field inside a row (a comment box) are the field's.
    if (!(event.target instanceof HTMLElement) || event.target.dataset.rowIndex === undefined) return;
    const next = keyMove(event.key, Number(event.target.dataset.rowIndex), count);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    reveal(next);
    focusWanted.current = next;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"]`);
    if (row) {
      focusWanted.current = null;
      row.focus();
    }
  };

  const rowProps = (index: number) => ({
    'data-row-index': index,
    ...(roving ? { tabIndex: index === current ? 0 : -1 } : {}),
    onFocus: () => setActive(index),
  });

  const attachList = useCallback((element: HTMLElement | null) => {
    listRef.current = element;
  }, []);

  return { current, rowProps, onKeyDown, attachList };
}
