import { describe, expect, it } from 'vitest';
import { ForceLayout, grownPositions, layoutGraph, startPositions } from './layoutGraph';

const node = (id: string, position: { x: number; y: number } | null = null) => ({ id, position });

describe('layoutGraph', () => {
  it('leaves pinned nodes where they were put and places every other one', () => {
    const positions = layoutGraph({
      nodes: [node('a', { x: 10, y: 20 }), node('b'), node('c'), node('d')],
      edges: [
        { source: 'a', target: 'b', weight: 1 },
        { source: 'b', target: 'c', weight: 2 },
      ],
    });
    expect(positions.a).toEqual({ x: 10, y: 20 });
    for (const id of ['b', 'c', 'd']) expect(Number.isFinite(positions[id]!.x) && Number.isFinite(positions[id]!.y)).toBe(true);
  });

  it('opens the same graph the same way every time', () => {
    const input = { nodes: ['a', 'b', 'c', 'd', 'e'].map((id) => node(id)), edges: [{ source: 'a', target: 'b', weight: 1 }, { source: 'c', target: 'd', weight: 1 }] };
    expect(layoutGraph(input)).toEqual(layoutGraph(input));
  });

  it('draws two clusters apart: linked nodes end closer to each other than to the other cluster', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `n${i}`);
    const edges = [];
    // Two cliques of ten, joined by nothing.
    for (const group of [ids.slice(0, 10), ids.slice(10)]) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) edges.push({ source: group[i]!, target: group[j]!, weight: 1 });
    const p = layoutGraph({ nodes: ids.map((id) => node(id)), edges });
    const centre = (group: string[]) => ({ x: group.reduce((s, id) => s + p[id]!.x, 0) / group.length, y: group.reduce((s, id) => s + p[id]!.y, 0) / group.length });
    const spread = (group: string[]) => Math.max(...group.map((id) => Math.hypot(p[id]!.x - centre(group).x, p[id]!.y - centre(group).y)));
    const [a, b] = [ids.slice(0, 10), ids.slice(10)];
    const between = Math.hypot(centre(a).x - centre(b).x, centre(a).y - centre(b).y);
    expect(between).toBeGreaterThan(spread(a));
    expect(between).toBeGreaterThan(spread(b));
  });

  it('runs in steps as in one go: each step goes on from where the last left every node, speed included', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const input = { nodes: ids.map((id, i) => node(id, i === 0 ? { x: 0, y: 0 } : null)), edges: ids.slice(1).map((id, i) => ({ source: ids[Math.floor(i / 3)]!, target: id, weight: 1 + (i % 2) })) };
    const once = new ForceLayout(input);
    once.step(30);
    const stepped = new ForceLayout(input);
    for (let i = 0; i < 10; i++) stepped.step(3);
    expect(stepped.passes).toBe(30);
    expect(stepped.positions()).toEqual(once.positions());
    expect(once.positions().n0).toEqual({ x: 0, y: 0 });
  });

  it('ignores edges that name a node the chart does not hold', () => {
    const positions = layoutGraph({ nodes: [node('a'), node('b')], edges: [{ source: 'a', target: 'missing', weight: 1 }] });
    expect(Object.keys(positions).sort()).toEqual(['a', 'b']);
  });
});

describe('startPositions', () => {
  it('starts neighbours near each other: linked pairs much closer than pairs at large', () => {
    // Ten chains of twenty, given in shuffled order.
    const ids = Array.from({ length: 200 }, (_, i) => `n${i}`);
    const edges = ids.flatMap((id, i) => (i % 20 === 19 ? [] : [{ source: id, target: ids[i + 1]!, weight: 1 }]));
    const shuffled = ids.map((id, i) => ids[(i * 73) % 200]!);
    const p = startPositions({ nodes: shuffled.map((id) => node(id)), edges });
    const distance = (a: string, b: string) => Math.hypot(p[a]!.x - p[b]!.x, p[a]!.y - p[b]!.y);
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    const linked = mean(edges.map((e) => distance(e.source, e.target)));
    const any = mean(ids.map((id, i) => distance(id, ids[(i * 37 + 11) % 200]!)));
    expect(linked * 4).toBeLessThan(any);
  });

  it('keeps pinned nodes and gives every node a distinct place', () => {
    const p = startPositions({ nodes: [node('a', { x: 5, y: 5 }), node('b'), node('c')], edges: [] });
    expect(p.a).toEqual({ x: 5, y: 5 });
    expect(p.b).not.toEqual(p.c);
  });
});

describe('grownPositions', () => {
  // A chart of two hubs far apart; each gets leaves, one entity links both, one links nothing placed.
  const placed = { h1: { x: 0, y: 0 }, h2: { x: 2000, y: 0 } };
  const leaves = (hub: string, count: number) => Array.from({ length: count }, (_, i) => `${hub}-leaf${i}`);
  const ids = ['h1', 'h2', ...leaves('h1', 300), ...leaves('h2', 5), 'bridge', 'alone', 'alone-friend'];
  const edges = [
    ...leaves('h1', 300).map((id) => ({ source: 'h1', target: id, weight: 1 })),
    ...leaves('h2', 5).map((id) => ({ source: id, target: 'h2', weight: 1 })),
    { source: 'h1', target: 'bridge', weight: 1 },
    { source: 'bridge', target: 'h2', weight: 1 },
    { source: 'alone', target: 'alone-friend', weight: 1 },
  ];
  const p = grownPositions({ nodes: ids.map((id) => node(id)), edges }, placed);
  const distance = (a: string, b: string) => Math.hypot(p[a]!.x - p[b]!.x, p[a]!.y - p[b]!.y);

  it('keeps the placed entities where they are and places every other one', () => {
    expect(p.h1).toEqual({ x: 0, y: 0 });
    expect(p.h2).toEqual({ x: 2000, y: 0 });
    expect(Object.keys(p).sort()).toEqual([...ids].sort());
  });

  it('starts each leaf near its hub, all apart from one another', () => {
    for (const id of leaves('h1', 300)) expect(distance(id, 'h1')).toBeLessThan(distance(id, 'h2'));
    for (const id of leaves('h2', 5)) expect(distance(id, 'h2')).toBeLessThan(200);
    const spots = new Set(Object.values(p).map(({ x, y }) => `${Math.round(x)},${Math.round(y)}`));
    expect(spots.size).toBe(ids.length);
  });

  it('starts an entity linked to two placed ones between them, and one linked to none outside', () => {
    expect(Math.abs(p.bridge!.x - 1000)).toBeLessThan(100);
    const reach = Math.max(...leaves('h1', 300).map((id) => distance(id, 'h1')));
    expect(Math.hypot(p.alone!.x, p.alone!.y)).toBeGreaterThan(reach);
  });

  it('keeps a pinned entity where the analyst put it', () => {
    const pinned = grownPositions({ nodes: [node('a', { x: 7, y: 7 }), node('b')], edges: [{ source: 'a', target: 'b', weight: 1 }] }, {});
    expect(pinned.a).toEqual({ x: 7, y: 7 });
    expect(Math.hypot(pinned.b!.x - 7, pinned.b!.y - 7)).toBeLessThan(200);
  });
});

describe('a small chart', () => {
  it('is spread until a typical edge can carry its label, pinned nodes staying put', () => {
    const p = layoutGraph({ nodes: [node('a'), node('b'), node('c'), node('d', { x: 0, y: 0 })], edges: [{ source: 'a', target: 'b', weight: 1 }, { source: 'b', target: 'c', weight: 1 }, { source: 'c', target: 'd', weight: 1 }] });
    const length = (s: string, t: string) => Math.hypot(p[s]!.x - p[t]!.x, p[s]!.y - p[t]!.y);
    const lengths = [length('a', 'b'), length('b', 'c'), length('c', 'd')].sort((x, y) => x - y);
    expect(lengths[1]).toBeGreaterThanOrEqual(169);
    expect(p.d).toEqual({ x: 0, y: 0 });
  });
});
