import { describe, expect, it } from 'vitest';
import type { GraphData, GraphEdge, GraphNode } from '../../../electron/common/model/graph';
import { isLayered, LAYERED_EDGES, planChart, type OnChart } from './chartElements';

const node = (id: string): GraphNode => ({ id, label: id.toUpperCase(), type: 'person', position: null });
const edge = (id: string, source: string, target: string): GraphEdge => ({ id, source, target, type: 'partner-in', label: 'partner in', grading: null, start: null, end: null, weight: 1, articleIds: [], flagged: false });
const onChart = (nodes: string[], edges: [string, string, string][]): OnChart => ({ nodes: new Set(nodes), edges: new Map(edges.map(([id, source, target]) => [id, { source, target }])) });
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id).sort();

describe('planChart', () => {
  const overview = onChart(['a', 'b', 'c'], [['ab', 'a', 'b'], ['bc', 'b', 'c']]);

  it('keeps what the chart holds and adds only the rest when it grows', () => {
    const data: GraphData = { nodes: ['a', 'b', 'c', 'd'].map(node), edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('cd', 'c', 'd')] };
    const plan = planChart(data, overview, false);
    expect(ids(plan.addNodes)).toEqual(['d']);
    expect(ids(plan.keepNodes)).toEqual(['a', 'b', 'c']);
    expect(ids(plan.addEdges)).toEqual(['cd']);
    expect(ids(plan.keepEdges)).toEqual(['ab', 'bc']);
    expect(plan.remove).toEqual([]);
    expect(plan.layerEdges).toEqual([]);
  });

  it('takes off what the new data no longer has', () => {
    const data: GraphData = { nodes: ['a', 'b'].map(node), edges: [edge('ab', 'a', 'b')] };
    const plan = planChart(data, overview, false);
    expect(plan.remove.sort()).toEqual(['bc', 'c']);
    expect(plan.addNodes).toEqual([]);
  });

  it('replaces an edge whose ends changed (a merge) rather than keeping it', () => {
    const data: GraphData = { nodes: ['a', 'b', 'c'].map(node), edges: [edge('ab', 'a', 'c'), edge('bc', 'b', 'c')] };
    const plan = planChart(data, overview, false);
    expect(plan.remove).toEqual(['ab']);
    expect(ids(plan.addEdges)).toEqual(['ab']);
    expect(ids(plan.keepEdges)).toEqual(['bc']);
  });

  it('hands every edge of a layered chart to the layer and takes cytoscape’s own edges off', () => {
    const data: GraphData = { nodes: ['a', 'b', 'c', 'd'].map(node), edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('cd', 'c', 'd')] };
    const plan = planChart(data, overview, true);
    expect(ids(plan.addNodes)).toEqual(['d']);
    expect(ids(plan.keepNodes)).toEqual(['a', 'b', 'c']);
    expect(plan.addEdges).toEqual([]);
    expect(plan.keepEdges).toEqual([]);
    expect(plan.remove.sort()).toEqual(['ab', 'bc']);
    expect(ids(plan.layerEdges)).toEqual(['ab', 'bc', 'cd']);
  });
});

describe('isLayered', () => {
  it('layers the edges of a chart with thousands of relationships, not the overview’s or a small chart’s', () => {
    expect(isLayered(4702, 20_000)).toBe(true);
    expect(isLayered(500, 2000)).toBe(false);
    expect(isLayered(10, LAYERED_EDGES - 1)).toBe(false);
    expect(isLayered(10, LAYERED_EDGES)).toBe(true);
  });
});
