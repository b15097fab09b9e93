import type { GraphData, GraphEdge, GraphNode } from '../../common/model/graph';
import { xmlAttributes, xmlText } from './xmlText';

export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';

/** A GraphML `<key>`: its id in the file, what it is for, its name as tools show it, its type. */
interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: 'string' | 'double' | 'int' | 'boolean';
}

/**
 * The attributes every export declares. Names are the ones Gephi, yEd and Cytoscape read without
 * being told: `label` (a node's name, an edge's caption), `x`/`y` (a pinned position), `weight`.
 */
export const GRAPHML_KEYS = {
  label: { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  type: { id: 'n_type', for: 'node', name: 'type', type: 'string' },
  x: { id: 'n_x', for: 'node', name: 'x', type: 'double' },
  y: { id: 'n_y', for: 'node', name: 'y', type: 'double' },
  relation: { id: 'e_relation', for: 'edge', name: 'relation', type: 'string' },
  relationLabel: { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  grading: { id: 'e_grading', for: 'edge', name: 'grading', type: 'string' },
  start: { id: 'e_start', for: 'edge', name: 'start', type: 'string' },
  end: { id: 'e_end', for: 'edge', name: 'end', type: 'string' },
  weight: { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
  articles: { id: 'e_articles', for: 'edge', name: 'articles', type: 'string' },
  flagged: { id: 'e_flagged', for: 'edge', name: 'flagged', type: 'boolean' },
} as const satisfies Record<string, Key>;

/** An Admiralty grading as analysts write it: reliability letter then credibility number ("B2"). */
export function gradingCode(grading: GraphEdge['grading']): string | null {
  return grading === null ? null : `${grading.reliability}${grading.credibility}`;
}

/**
 * GraphData as GraphML (graphml.graphdrawing.org, validated against its schema in the tests):
 * a directed graph, one `<key>` per attribute, absent values left out rather than written empty.
 * `articles` lists the edge's article ids separated by spaces (ids hold none).
 */
export function toGraphml(graph: GraphData): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="${GRAPHML_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NAMESPACE} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...Object.values(GRAPHML_KEYS).map((k) => `  <key${xmlAttributes({ id: k.id, for: k.for, 'attr.name': k.name, 'attr.type': k.type })}/>`),
    '  <graph id="dossier" edgedefault="directed">',
    ...graph.nodes.flatMap(nodeLines),
    ...graph.edges.flatMap(edgeLines),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

function nodeLines(node: GraphNode): string[] {
  return [
    `    <node${xmlAttributes({ id: node.id })}>`,
    ...data([
      [GRAPHML_KEYS.label, node.label],
      [GRAPHML_KEYS.type, node.type],
      [GRAPHML_KEYS.x, node.position?.x],
      [GRAPHML_KEYS.y, node.position?.y],
    ]),
    '    </node>',
  ];
}

function edgeLines(edge: GraphEdge): string[] {
  return [
    `    <edge${xmlAttributes({ id: edge.id, source: edge.source, target: edge.target })}>`,
    ...data([
      [GRAPHML_KEYS.relation, edge.type],
      [GRAPHML_KEYS.relationLabel, edge.label],
      [GRAPHML_KEYS.grading, gradingCode(edge.grading)],
      [GRAPHML_KEYS.start, edge.start],
      [GRAPHML_KEYS.end, edge.end],
      [GRAPHML_KEYS.weight, edge.weight],
      [GRAPHML_KEYS.articles, edge.articleIds.join(' ')],
      [GRAPHML_KEYS.flagged, edge.flagged],
    ]),
    '    </edge>',
  ];
}

function data(values: [Key, string | number | boolean | null | undefined][]): string[] {
  return values.filter(([, value]) => value !== null && value !== undefined).map(([key, value]) => `      <data key="${key.id}">${xmlText(String(value))}</data>`);
}
