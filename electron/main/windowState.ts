import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../core';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered of the window between runs: its normal (not maximized) bounds, and whether it was maximized. */
export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 640, height: 480 };

/**
 * How much of the window's top edge must lie on some screen for it to count as reachable: enough
 * of the title bar to grab it with the mouse (a sliver of one pixel does not do).
 */
const GRAB = { width: 120, height: 32 };

/**
 * Where the window opens: where it was, unless the screen it was on is gone (a laptop undocked, a
 * projector unplugged) or shrank, in which case it is brought back, whole, onto the screen it
 * overlaps most, or the primary one. `screens` are work areas (the taskbar and menu bar excluded),
 * the primary one first. Without a saved state the window takes the default size, centred.
 */
export function placeWindow(saved: WindowState | null, screens: readonly Rect[]): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  if (!saved || screens.length === 0) return { bounds: { ...DEFAULT_SIZE }, maximized: saved?.maximized ?? false };
  const target = mostOverlapped(saved, screens) ?? screens[0]!;
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: GRAB.height };
  const reachable = screens.some((s) => {
    const seen = overlap(titleBar, s);
    return seen.width >= Math.min(GRAB.width, saved.width) && seen.height >= GRAB.height;
  });
  const fits = saved.width <= target.width && saved.height <= target.height;
  if (reachable && fits) return { bounds: pick(saved), maximized: saved.maximized };

  // Never larger than the screen it lands on, nor smaller than the window allows.
  const width = Math.max(Math.min(saved.width, target.width), Math.min(MIN_SIZE.width, target.width));
  const height = Math.max(Math.min(saved.height, target.height), Math.min(MIN_SIZE.height, target.height));
  // A window that was only too big keeps its place as far as it can; one that was off screen is centred.
  const x = reachable ? clamp(saved.x, target.x, target.x + target.width - width) : target.x + Math.round((target.width - width) / 2);
  const y = reachable ? clamp(saved.y, target.y, target.y + target.height - height) : target.y + Math.round((target.height - height) / 2);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

function pick({ x, y, width, height }: Rect): Rect {
  return { x, y, width, height };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function mostOverlapped(window: Rect, screens: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  let bestArea = 0;
  for (const screen of screens) {
    const { width, height } = overlap(window, screen);
    if (width * height > bestArea) [best, bestArea] = [screen, width * height];
  }
  return best;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/** The saved state, or null when there is none or it cannot be read (a damaged file only costs the position). */
export async function readWindowState(dir: string): Promise<WindowState | null> {
  try {
    const parsed = WindowState.safeParse(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeWindowState(dir: string, state: WindowState): Promise<void> {
  await writeFileDurable(path.join(dir, WINDOW_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** The part of a BrowserWindow that saving its state needs (a fake in tests). */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  on(event: 'close' | 'resize' | 'move' | 'maximize' | 'unmaximize', listener: () => void): unknown;
}

/**
 * Remembers where the window is: after each move or resize has settled, and on close. Normal
 * bounds are kept while maximized, so un-maximizing after a restart returns to the analyst's size.
 */
export function trackWindowState(win: TrackedWindow, dir: string, delayMs = 500): void {
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  const save = (): void => {
    clearTimeout(timer);
    // Full screen is a mode of the moment, not a size to come back to.
    if (win.isFullScreen()) return;
    const { x, y, width, height } = win.getNormalBounds();
    const state: WindowState = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized: win.isMaximized() };
    const text = JSON.stringify(state);
    if (text === last) return;
    last = text;
    writeWindowState(dir, state).catch((error: unknown) => console.error('Could not save the window position:', error));
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  // 'resize' and 'move', not 'resized'/'moved': those two are never emitted on Linux.
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', save);
}
