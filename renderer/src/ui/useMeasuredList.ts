import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualList, type VirtualList } from './useVirtualList';

export interface MeasuredList extends VirtualList {
  /** Put on each rendered row, with `data-row-key` set to its key: its height is measured and kept. */
  measureRef(element: HTMLElement | null): (() => void) | undefined;
}

/**
 * A virtual list of rows whose heights are only known once rendered (cards that wrap, open an
 * editor, grow replies). Unrendered rows count as `estimate(index)`; a rendered row's height is
 * measured at once (before paint) and again whenever it changes, plus `gap` below each row. When
 * rows above the top of the view change height, the view is moved by as much, so what the analyst
 * is looking at stays put.
 */
export function useMeasuredList(keys: readonly string[], estimate: (index: number) => number, gap = 0, overscan = 4): MeasuredList {
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(() => new Map());
  const heights = useMemo(() => keys.map((key, i) => measured.get(key) ?? estimate(i)), [keys, measured, estimate]);
  const list = useVirtualList(heights, overscan);
  const scroller = useRef<HTMLElement | null>(null);
  const rows = useRef(new Set<HTMLElement>());
  const shift = useRef(0);
  // What the callbacks below read, as of the last render (set first among this hook's layout effects).
  const latest = useRef({ keys, heights, offsets: list.offsets });
  useLayoutEffect(() => {
    latest.current = { keys, heights, offsets: list.offsets };
  });

  const remeasure = useCallback((elements: Iterable<HTMLElement>) => {
    const { keys: order, heights: known, offsets } = latest.current;
    const index = new Map(order.map((key, i) => [key, i]));
    const top = scroller.current?.scrollTop ?? 0;
    let changes: Map<string, number> | null = null;
    for (const element of elements) {
      const key = element.dataset.rowKey;
      const i = key === undefined ? undefined : index.get(key);
      if (key === undefined || i === undefined || !element.isConnected) continue;
      const height = element.offsetHeight + gap;
      if (height === known[i]) continue;
      changes ??= new Map();
      changes.set(key, height);
      if (offsets[i]! < top) shift.current += height - known[i]!;
    }
    if (!changes) return;
    const found = changes;
    setMeasured((current) => new Map([...current, ...found]));
  }, [gap]);

  // Later changes of a rendered card (an editor opens, a reply is added) re-render the card alone.
  const observer = useRef<ResizeObserver | null>(null);
  const measureRef = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return undefined;
      observer.current ??= new ResizeObserver((entries) => remeasure(entries.map((e) => e.target as HTMLElement)));
      const watching = observer.current;
      rows.current.add(element);
      watching.observe(element);
      return () => {
        rows.current.delete(element);
        watching.unobserve(element);
      };
    },
    [remeasure],
  );

  // Rows that entered the window with this render are measured before the browser paints them.
  useLayoutEffect(() => {
    remeasure(rows.current);
    if (shift.current !== 0 && scroller.current) {
      scroller.current.scrollTop += shift.current;
      shift.current = 0;
    }
  });

  const { attachScroller: attachList } = list;
  const attachScroller = useCallback(
    (element: HTMLElement | null) => {
      scroller.current = element;
      attachList(element);
    },
    [attachList],
  );

  return { ...list, attachScroller, measureRef };
}
