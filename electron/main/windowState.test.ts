import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { placeWindow, readWindowState, trackWindowState, WINDOW_STATE_FILE, type Rect, type WindowState } from './windowState';

const LAPTOP: Rect = { x: 0, y: 0, width: 1440, height: 875 };
/** A second monitor to the right of the laptop. */
const MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

const state = (s: Partial<WindowState>): WindowState => ({ x: 100, y: 80, width: 1200, height: 800, maximized: false, ...s });

describe('placeWindow', () => {
  it('opens at the default size, centred by the system, the first time', () => {
    expect(placeWindow(null, [LAPTOP])).toEqual({ bounds: { width: 1280, height: 860 }, maximized: false });
  });

  it('comes back where it was while that place is on a screen, maximized if it was', () => {
    expect(placeWindow(state({}), [LAPTOP])).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: false });
    const onMonitor = state({ x: 2000, y: 200, width: 1600, height: 1000, maximized: true });
    expect(placeWindow(onMonitor, [LAPTOP, MONITOR])).toEqual({ bounds: { x: 2000, y: 200, width: 1600, height: 1000 }, maximized: true });
  });

  it('is brought back, centred, onto the primary screen when the monitor it was on is gone', () => {
    const placed = placeWindow(state({ x: 2000, y: 200, width: 1600, height: 1000, maximized: true }), [LAPTOP]);
    // Shrunk to the laptop's work area, and whole on it.
    expect(placed).toEqual({ bounds: { x: 0, y: 0, width: 1440, height: 875 }, maximized: true });
    const small = placeWindow(state({ x: 3000, y: 300, width: 900, height: 600 }), [LAPTOP]);
    expect(small.bounds).toEqual({ x: 270, y: 138, width: 900, height: 600 });
  });

  it('is brought back when only a sliver of its title bar is left to grab, or when it is above the screen', () => {
    expect(placeWindow(state({ x: 1400, y: 100, width: 900, height: 600 }), [LAPTOP]).bounds).toEqual({ x: 270, y: 138, width: 900, height: 600 });
    expect(placeWindow(state({ x: 100, y: -700, width: 900, height: 600 }), [LAPTOP]).bounds).toEqual({ x: 270, y: 138, width: 900, height: 600 });
    // Half off the right edge, title bar well in reach: left where it is.
    expect(placeWindow(state({ x: 1000, y: 100, width: 900, height: 600 }), [LAPTOP]).bounds).toEqual({ x: 1000, y: 100, width: 900, height: 600 });
  });

  it('keeps its place but shrinks when the screen became smaller (a lower resolution)', () => {
    const placed = placeWindow(state({ x: 200, y: 100, width: 1900, height: 1000 }), [{ x: 0, y: 0, width: 1280, height: 720 }]);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    const narrower = placeWindow(state({ x: 200, y: 50, width: 1300, height: 600 }), [{ x: 0, y: 0, width: 1280, height: 720 }]);
    expect(narrower.bounds).toEqual({ x: 0, y: 50, width: 1280, height: 600 });
  });

  it('lands on the screen it overlaps most, work areas with offsets (a taskbar on the left, a monitor above)', () => {
    const left = { x: 60, y: 0, width: 1860, height: 1080 };
    const above = { x: 0, y: -1200, width: 1920, height: 1200 };
    expect(placeWindow(state({ x: 100, y: -1100, width: 800, height: 600 }), [left, above]).bounds).toEqual({ x: 100, y: -1100, width: 800, height: 600 });
    // The window straddles both screens with its title bar off the top one: it goes to the one holding most of it.
    expect(placeWindow(state({ x: 100, y: -1230, width: 800, height: 1000 }), [left, above]).bounds).toEqual({ x: 560, y: -1100, width: 800, height: 1000 });
  });

  it('takes the default when it knows no screen', () => {
    expect(placeWindow(state({ maximized: true }), [])).toEqual({ bounds: { width: 1280, height: 860 }, maximized: true });
  });
});

describe('saving the window state', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-window-'));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    const win = {
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: false,
      fullScreen: false,
      getNormalBounds: () => win.bounds,
      isMaximized: () => win.maximized,
      isFullScreen: () => win.fullScreen,
      on: (event: string, listener: () => void) => listeners.set(event, listener),
      emit: (event: string) => listeners.get(event)?.(),
    };
    return win;
  }

  it('writes the normal bounds and maximized state once a move settles and on close, and reads them back', async () => {
    const win = fakeWindow();
    trackWindowState(win, dir, 20);
    expect(await readWindowState(dir)).toBeNull();
    win.bounds = { x: 300, y: 200, width: 900, height: 650 };
    win.emit('move');
    await vi.waitFor(async () => expect(await readWindowState(dir)).toEqual({ x: 300, y: 200, width: 900, height: 650, maximized: false }));
    win.maximized = true;
    win.emit('maximize');
    await vi.waitFor(async () => expect(await readWindowState(dir)).toMatchObject({ width: 900, maximized: true }));
    // Full screen is not remembered: the state before it stays.
    win.fullScreen = true;
    win.bounds = { x: 0, y: 0, width: 2560, height: 1440 };
    win.emit('close');
    await new Promise((r) => setTimeout(r, 50));
    expect(await readWindowState(dir)).toEqual({ x: 300, y: 200, width: 900, height: 650, maximized: true });
  });

  it('ignores a damaged or foreign file rather than failing to open the window', async () => {
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{"x": 1');
    expect(await readWindowState(dir)).toBeNull();
    await writeFile(path.join(dir, WINDOW_STATE_FILE), JSON.stringify({ x: 1, y: 2, width: -5, height: 3, maximized: false }));
    expect(await readWindowState(dir)).toBeNull();
    expect(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ width: -5 });
  });
});
