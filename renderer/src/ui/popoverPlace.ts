import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';

/** Room kept between a popover and the window's edges. */
const MARGIN = 8;

export interface Box {
  top: number;
  bottom: number;
  left: number;
  width: number;
}

/**
 * Where a popover of `size` goes for a selection at `anchor`, in a `viewport`: below the
 * selection, or above it when there is no room below; centred on it, but never past an edge.
 * `left` is the popover's centre (it is drawn with translateX(-50%)).
 */
export function placePopover(anchor: Box, size: { width: number; height: number }, viewport: { width: number; height: number }): { top: number; left: number } {
  const below = anchor.bottom + MARGIN;
  const above = anchor.top - MARGIN - size.height;
  const top = below + size.height <= viewport.height - MARGIN ? below : above >= MARGIN ? above : Math.max(MARGIN, viewport.height - MARGIN - size.height);
  const half = size.width / 2;
  const left = Math.min(Math.max(anchor.left + anchor.width / 2, MARGIN + half), viewport.width - MARGIN - half);
  return { top, left };
}

/** Places a fixed popover by `placePopover` once its size is known (before it is painted). */
export function usePopoverPlace(anchor: Box): { ref: (element: HTMLElement | null) => void; style: CSSProperties } {
  const element = useRef<HTMLElement | null>(null);
  const [place, setPlace] = useState({ top: anchor.bottom + MARGIN, left: anchor.left + anchor.width / 2 });
  const { top, bottom, left, width } = anchor;
  useLayoutEffect(() => {
    const own = element.current?.getBoundingClientRect();
    if (!own) return;
    setPlace(placePopover({ top, bottom, left, width }, own, { width: window.innerWidth, height: window.innerHeight }));
  }, [top, bottom, left, width]);
  return {
    ref: (e) => {
      element.current = e;
    },
    style: { top: place.top, left: place.left, maxHeight: `calc(100vh - ${2 * MARGIN}px)`, overflowY: 'auto' },
  };
}
