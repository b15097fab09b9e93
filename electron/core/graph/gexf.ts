import type { GraphData, GraphEdge, GraphNode } from '../../common/model/graph';
import { gradingCode } from './graphml';
import { xmlAttributes } from './xmlText';

export const GEXF_NAMESPACE = 'http://gexf.net/1.3';
export const GEXF_VIZ_NAMESPACE = 'http://gexf.net/1.3/viz';

/** Declared attributes (GEXF's `<attributes>`): id, title, type. The edge's own label, kind and weight need none. */
const NODE_ATTRIBUTES = [{ id: 'type', title: 'type', type: 'string' }] as const;
const EDGE_ATTRIBUTES = [
  { id: 'grading', title: 'grading', type: 'string' },
  { id: 'start', title: 'start', type: 'string' },
  { id: 'end', title: 'end', type: 'string' },
  { id: 'articles', title: 'articles', type: 'string' },
  { id: 'flagged', title: 'flagged', type: 'boolean' },
] as const;

/**
 * GraphData as GEXF 1.3 (what Gephi writes today): a static directed graph; an edge's `kind` is the
 * relationship type's key and its `label` the type's label; pinned nodes carry `viz:position`.
 * No modification date in `<meta>`: the same chart exports to the same bytes.
 */
export function toGexf(graph: GraphData): string {
  const declare = (cls: 'node' | 'edge', attributes: readonly { id: string; title: string; type: string }[]) => [
    `    <attributes class="${cls}">`,
    ...attributes.map((a) => `      <attribute${xmlAttributes(a)}/>`),
    '    </attributes>',
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${GEXF_NAMESPACE}" xmlns:viz="${GEXF_VIZ_NAMESPACE}" version="1.3">`,
    '  <meta>',
    '    <creator>Dossier</creator>',
    '    <description>Link chart: entities and the relationships between them</description>',
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    ...declare('node', NODE_ATTRIBUTES),
    ...declare('edge', EDGE_ATTRIBUTES),
    `    <nodes count="${graph.nodes.length}">`,
    ...graph.nodes.flatMap(nodeLines),
    '    </nodes>',
    `    <edges count="${graph.edges.length}">`,
    ...graph.edges.flatMap(edgeLines),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ];
  return `${lines.join('\n')}\n`;
}

function nodeLines(node: GraphNode): string[] {
  return [
    `      <node${xmlAttributes({ id: node.id, label: node.label })}>`,
    ...attvalues({ type: node.type }),
    ...(node.position ? [`        <viz:position${xmlAttributes({ x: node.position.x, y: node.position.y })}/>`] : []),
    '      </node>',
  ];
}

function edgeLines(edge: GraphEdge): string[] {
  return [
    `      <edge${xmlAttributes({ id: edge.id, source: edge.source, target: edge.target, label: edge.label, kind: edge.type, weight: edge.weight })}>`,
    ...attvalues({ grading: gradingCode(edge.grading), start: edge.start, end: edge.end, articles: edge.articleIds.join(' '), flagged: String(edge.flagged) }),
    '      </edge>',
  ];
}

function attvalues(values: Record<string, string | null>): string[] {
  const given = Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null);
  return ['        <attvalues>', ...given.map(([key, value]) => `          <attvalue${xmlAttributes({ for: key, value })}/>`), '        </attvalues>'];
}
