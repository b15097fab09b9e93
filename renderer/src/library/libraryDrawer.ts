import { useCallback, useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';
import './libraryDrawer.css';

/**
 * Below this width the library no longer fits beside the reader (the reading column must keep
 * 520 px, with the side panel beside it down to 901 px): it becomes a drawer over the content,
 * opened by the Library button in the top bar or the "Show or hide the library" command.
 * libraryDrawer.css holds the same number.
 */
export const DRAWER_QUERY = '(max-width: 1023.98px)';
/** The top-bar button that opens the drawer; focus goes back to it when the drawer closes. */
export const LIBRARY_TOGGLE_ID = 'library-toggle';
export const LIBRARY_DRAWER_ID = 'library-drawer';

let open = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setOpen(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const listener of listeners) listener();
}

function media(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DRAWER_QUERY) : null;
}

/** Whether the window is narrow enough that the library is a drawer. */
export function isNarrowWindow(): boolean {
  return media()?.matches ?? false;
}

export function toggleLibraryDrawer(): void {
  setOpen(!open);
}

export function closeLibraryDrawer(): void {
  setOpen(false);
}

/** Whether the window is narrow (re-renders as it crosses the breakpoint). */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(
    useCallback((onChange: () => void) => {
      const query = media();
      query?.addEventListener('change', onChange);
      return () => query?.removeEventListener('change', onChange);
    }, []),
    isNarrowWindow,
  );
}

/** Whether the drawer is open (never in a wide window). */
export function useLibraryDrawerOpen(): boolean {
  const narrow = useNarrowWindow();
  return useSyncExternalStore(subscribe, () => open) && narrow;
}

const FOCUSABLE = 'input:not([disabled]), button:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The drawer's behaviour, for the element that holds the library: while it is open the rest of
 * the window is inert (focus and screen readers stay in the drawer), focus starts in its filter
 * field, Escape closes it, and on closing focus goes back to the Library button. Growing the
 * window past the breakpoint closes it.
 */
export function useLibraryDrawer(drawer: RefObject<HTMLElement | null>): { open: boolean; close(): void; onKeyDown(event: React.KeyboardEvent): void } {
  const narrow = useNarrowWindow();
  const isOpen = useLibraryDrawerOpen();
  const wasOpen = useRef(false);

  useEffect(() => {
    if (!narrow) closeLibraryDrawer();
  }, [narrow]);

  useEffect(() => {
    const element = drawer.current;
    if (!isOpen || !element) {
      if (wasOpen.current) document.getElementById(LIBRARY_TOGGLE_ID)?.focus();
      wasOpen.current = false;
      return;
    }
    wasOpen.current = true;
    // What the drawer lies over: the top bar and the view. Dialogs (the library's Rename…, the
    // palette) stay live: a modal dialog makes everything else inert by itself.
    const others = [...(element.parentElement?.querySelectorAll<HTMLElement>(':scope > .topbar, :scope > .content') ?? [])];
    for (const other of others) other.inert = true;
    (element.querySelector<HTMLElement>('.library-filter') ?? element.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      for (const other of others) other.inert = false;
    };
  }, [isOpen, drawer]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (!isOpen || event.defaultPrevented) return;
      // A menu or dialog of the library keeps its own keys (its Escape closes it first).
      if ((event.target as Element).closest('dialog, [role="menu"]')) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        closeLibraryDrawer();
      } else if (event.key === 'Tab') {
        // The rest of the window is inert, but past the drawer's last control focus would leave
        // the page (to the browser's own bar): it goes round to the first instead.
        const focusable = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null);
        const first = focusable[0];
        const last = focusable.at(-1);
        if (event.shiftKey && document.activeElement === first) last?.focus();
        else if (!event.shiftKey && document.activeElement === last) first?.focus();
        else return;
        event.preventDefault();
      }
    },
    [isOpen],
  );

  return { open: isOpen, close: closeLibraryDrawer, onKeyDown };
}
