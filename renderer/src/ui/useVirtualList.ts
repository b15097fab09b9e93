import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { revealRow, rowOffsets, visibleRows, type RowWindow } from './virtualWindow';

export interface VirtualList {
  /** Pass as the scrolling element's `ref`. */
  attachScroller(element: HTMLElement | null): void;
  /** The rows to render now. */
  window: RowWindow;
  /** Where each row starts (and, last, the height of the whole list). */
  offsets: readonly number[];
  /** Scrolls as little as needed to bring row `index` into view. */
  reveal(index: number): void;
}

/**
 * A list that keeps only the rows in view (plus `overscan` on each side) in the DOM, for rows of
 * known heights. The scroll position and the viewport's height are read from the element as an
 * external store, so React re-renders exactly when either changes.
 */
export function useVirtualList(heights: readonly number[], overscan = 8): VirtualList {
  const [element, setElement] = useState<HTMLElement | null>(null);
  // The same element, for scrolling it from handlers.
  const scroller = useRef<HTMLElement | null>(null);
  const attachScroller = useCallback((next: HTMLElement | null) => {
    scroller.current = next;
    setElement(next);
  }, []);
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!element) return () => {};
      element.addEventListener('scroll', changed, { passive: true });
      const resize = new ResizeObserver(changed);
      resize.observe(element);
      return () => {
        element.removeEventListener('scroll', changed);
        resize.disconnect();
      };
    },
    [element],
  );
  const scrollTop = useSyncExternalStore(subscribe, () => element?.scrollTop ?? 0);
  // Before the element is measured, render about one screen of rows.
  const viewport = useSyncExternalStore(subscribe, () => element?.clientHeight || 800);
  const offsets = useMemo(() => rowOffsets(heights), [heights]);
  const window = useMemo(() => visibleRows(offsets, scrollTop, viewport, overscan), [offsets, scrollTop, viewport, overscan]);
  const reveal = useCallback(
    (index: number) => {
      const target = scroller.current;
      if (!target) return;
      const next = revealRow(offsets, index, target.scrollTop, target.clientHeight);
      if (next !== target.scrollTop) target.scrollTop = next;
    },
    [offsets],
  );
  return { attachScroller, window, offsets, reveal };
}
