import { describe, expect, it } from 'vitest';
import type { GraphData, GraphEdge, GraphNode } from './graph';
import { overviewOf } from './graphOverview';

const node = (id: string, position: GraphNode['position'] = null): GraphNode => ({ id, label: id, type: 'person', position });
const edge = (id: string, source: string, target: string, weight = 1): GraphEdge => ({ id, source, target, type: 'meets', label: 'meets', grading: null, start: null, end: null, weight, articleIds: [], flagged: false });

// A hub joined to ten spokes, a pair joined to each other, and a pinned loner's link.
const data: GraphData = {
  nodes: [node('hub'), ...Array.from({ length: 10 }, (_, i) => node(`s${i}`)), node('p'), node('q'), node('pinned', { x: 1, y: 2 }), node('far')],
  edges: [...Array.from({ length: 10 }, (_, i) => edge(`e${i}`, 'hub', `s${i}`, i === 3 ? 5 : 1)), edge('pq', 'p', 'q'), edge('pf', 'pinned', 'far')],
};

describe('overviewOf', () => {
  it('leaves a graph within the limits whole', () => {
    expect(overviewOf(data, 100, 100)).toEqual({ data, hiddenNodes: 0, hiddenEdges: 0 });
  });

  it('keeps the best-connected entities, and the one asked for, and says what it left out', () => {
    const { data: shown, hiddenNodes, hiddenEdges } = overviewOf(data, 3, 100, new Set(['q']));
    // The focus, the hub, then by connections and name: 'far' (a pinned loner is not preferred).
    expect(shown.nodes.map((n) => n.id).sort()).toEqual(['far', 'hub', 'q']);
    // Only edges between shown entities.
    for (const e of shown.edges) expect(shown.nodes.some((n) => n.id === e.source) && shown.nodes.some((n) => n.id === e.target)).toBe(true);
    expect(hiddenNodes).toBe(data.nodes.length - 3);
    expect(hiddenEdges).toBe(data.edges.length - shown.edges.length);
  });

  it('keeps the strongest relationships when there are too many', () => {
    const { data: shown } = overviewOf(data, 100, 2);
    expect(shown.edges.map((e) => e.id)[0]).toBe('e3');
    expect(shown.edges).toHaveLength(2);
  });
});
