import { describe, expect, it } from 'vitest';
import { placePopover } from './popoverPlace';

const viewport = { width: 1440, height: 900 };
const size = { width: 280, height: 200 };

describe('placePopover', () => {
  it('goes below the selection when there is room', () => {
    expect(placePopover({ top: 100, bottom: 120, left: 600, width: 100 }, size, viewport)).toEqual({ top: 128, left: 650 });
  });

  it('flips above the selection near the bottom edge, staying inside the window', () => {
    const place = placePopover({ top: 820, bottom: 840, left: 600, width: 100 }, size, viewport);
    expect(place.top).toBe(820 - 8 - 200);
    expect(place.top + size.height).toBeLessThanOrEqual(viewport.height - 8);
  });

  it('keeps inside a window too short for either side, and away from the left and right edges', () => {
    const short = placePopover({ top: 100, bottom: 120, left: 0, width: 10 }, { width: 280, height: 250 }, { width: 1440, height: 300 });
    expect(short.top).toBe(300 - 8 - 250);
    expect(short.left).toBe(8 + 140);
    expect(placePopover({ top: 100, bottom: 120, left: 1430, width: 10 }, size, viewport).left).toBe(1440 - 8 - 140);
  });
});
