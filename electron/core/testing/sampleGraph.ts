import type { GraphData } from '../../common/model/graph';

/**
 * A small chart holding what exports must carry through: markup characters, quotes, commas and
 * line ends in names, right-to-left and astral text, a cell a spreadsheet would run as a formula,
 * pinned and unpinned nodes, graded and ungraded, dated and undated, flagged edges.
 */
export const SAMPLE_GRAPH: GraphData = {
  nodes: [
    { id: 'ent_a', label: 'AT&T <"Bell"> Labs, Inc.', type: 'organization', position: { x: -12.5, y: 300 } },
    { id: 'ent_b', label: 'وزارة الدفاع', type: 'organization', position: null },
    { id: 'ent_c', label: '=HYPERLINK("http://example.invalid")', type: 'person', position: { x: 0, y: 1e-7 } },
    { id: 'ent_d', label: 'Line one\nline two 🚀', type: 'place', position: null },
  ],
  edges: [
    {
      id: 'rel_1',
      source: 'ent_a',
      target: 'ent_b',
      type: 'supplies-arms-to',
      label: 'supplies "arms", to',
      grading: { reliability: 'B', credibility: 2 },
      start: '2024-11',
      end: '2025',
      weight: 3,
      articleIds: ['art_1', 'art_2'],
      flagged: false,
    },
    { id: 'rel_2', source: 'ent_c', target: 'ent_a', type: 'leads', label: 'leads', grading: null, start: null, end: null, weight: 1, articleIds: ['art_1'], flagged: true },
    { id: 'rel_3', source: 'ent_d', target: 'ent_d', type: 'meets', label: '-meets', grading: { reliability: 'F', credibility: 6 }, start: '2019', end: null, weight: 2, articleIds: ['art_2'], flagged: false },
  ],
};
