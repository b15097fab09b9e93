import { describe, expect, it } from 'vitest';
import { mayCross, nearestSegment, squaredDistanceToSegment } from './edgeLayer';

describe('squaredDistanceToSegment', () => {
  it('measures to the nearest point of the segment, its ends included', () => {
    expect(squaredDistanceToSegment(5, 3, 0, 0, 10, 0)).toBe(9);
    // Beyond an end: to that end.
    expect(squaredDistanceToSegment(13, 4, 0, 0, 10, 0)).toBe(25);
    expect(squaredDistanceToSegment(-3, 0, 0, 0, 10, 0)).toBe(9);
    // A segment of no length is a point.
    expect(squaredDistanceToSegment(3, 4, 0, 0, 0, 0)).toBe(25);
  });
});

describe('nearestSegment', () => {
  // Nodes 0 (0,0), 1 (100,0), 2 (0,100), 3 (100,100); segments 0–1 (top), 0–2 (left), 2–3 (bottom).
  const xs = [0, 100, 0, 100];
  const ys = [0, 0, 100, 100];
  const from = [0, 0, 2];
  const to = [1, 2, 3];

  it('finds the segment passing nearest the point, within the tolerance', () => {
    expect(nearestSegment(50, 3, xs, ys, from, to, 5)).toBe(0);
    expect(nearestSegment(2, 50, xs, ys, from, to, 5)).toBe(1);
    expect(nearestSegment(50, 98, xs, ys, from, to, 5)).toBe(2);
    // Near a corner two pass close: the nearer wins.
    expect(nearestSegment(1, 4, xs, ys, from, to, 5)).toBe(1);
  });

  it('finds none when none is that close, and leaves skipped segments out', () => {
    expect(nearestSegment(50, 50, xs, ys, from, to, 5)).toBe(-1);
    expect(nearestSegment(50, 3, xs, ys, from, to, 2)).toBe(-1);
    expect(nearestSegment(50, 3, xs, ys, from, to, 5, (i) => i === 0)).toBe(-1);
  });
});

describe('mayCross', () => {
  it('leaves out a segment whose ends are both beyond one side of the view, and keeps one that crosses it', () => {
    expect(mayCross(-50, 10, -10, 90, 0, 0, 100, 100)).toBe(false);
    expect(mayCross(10, 150, 90, 120, 0, 0, 100, 100)).toBe(false);
    // Both ends outside, on opposite sides: it crosses.
    expect(mayCross(-50, 50, 150, 50, 0, 0, 100, 100)).toBe(true);
    expect(mayCross(50, 50, 500, 500, 0, 0, 100, 100)).toBe(true);
  });
});
