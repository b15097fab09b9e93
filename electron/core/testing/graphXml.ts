import { promises as fs } from 'node:fs';
import { JSDOM } from 'jsdom';
import type { GraphData, GraphEdge, GraphNode } from '../../common/model/graph';

/**
 * Readers of exported graphs for the tests: an XML parser (jsdom's, in XML mode) and the formats'
 * own rules, not the writers' code, so a round trip checks what another tool would read.
 */

const GRAPHML = 'http://graphml.graphdrawing.org/xmlns';

function parseXml(xml: string): Document {
  const { document } = new JSDOM(xml, { contentType: 'application/xml' }).window;
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return document;
}

const children = (parent: Element | Document, ns: string, name: string) => [...parent.getElementsByTagNameNS(ns, name)];

/** Attribute values as GraphData holds them, from their text and declared type. */
function typed(value: string, type: string | null): string | number | boolean {
  if (type === 'double' || type === 'float' || type === 'int' || type === 'long' || type === 'integer') return Number(value);
  if (type === 'boolean') return value === 'true';
  return value;
}

function grading(code: unknown): GraphEdge['grading'] {
  if (typeof code !== 'string') return null;
  return { reliability: code[0] as NonNullable<GraphEdge['grading']>['reliability'], credibility: Number(code.slice(1)) as NonNullable<GraphEdge['grading']>['credibility'] };
}

function edgeOf(id: string, source: string, target: string, values: Record<string, unknown>): GraphEdge {
  return {
    id,
    source,
    target,
    type: String(values.relation ?? values.kind),
    label: String(values.label),
    grading: grading(values.grading),
    start: (values.start as string | undefined) ?? null,
    end: (values.end as string | undefined) ?? null,
    weight: Number(values.weight),
    articleIds: String(values.articles ?? '').split(' ').filter(Boolean),
    flagged: values.flagged === true,
  };
}

/** A GraphML file as GraphData, reading each `<data>` by its key's attr.name and attr.type. */
export function readGraphml(xml: string): GraphData & { edgedefault: string | null } {
  const doc = parseXml(xml);
  const keys = new Map(children(doc, GRAPHML, 'key').map((k) => [k.getAttribute('id')!, { name: k.getAttribute('attr.name')!, type: k.getAttribute('attr.type') }]));
  const values = (element: Element) => {
    const out: Record<string, unknown> = {};
    for (const d of children(element, GRAPHML, 'data')) {
      const key = keys.get(d.getAttribute('key')!)!;
      out[key.name] = typed(d.textContent ?? '', key.type);
    }
    return out;
  };
  const graph = children(doc, GRAPHML, 'graph')[0]!;
  const nodes: GraphNode[] = children(graph, GRAPHML, 'node').map((n) => {
    const v = values(n);
    return { id: n.getAttribute('id')!, label: String(v.label), type: v.type as GraphNode['type'], position: v.x === undefined ? null : { x: v.x as number, y: v.y as number } };
  });
  const edges = children(graph, GRAPHML, 'edge').map((e) => edgeOf(e.getAttribute('id')!, e.getAttribute('source')!, e.getAttribute('target')!, values(e)));
  return { nodes, edges, edgedefault: graph.getAttribute('edgedefault') };
}

const GEXF = 'http://gexf.net/1.3';
const VIZ = 'http://gexf.net/1.3/viz';

/** A GEXF 1.3 file as GraphData: attvalues by their declared attribute's title and type, viz:position for pins. */
export function readGexf(xml: string): GraphData & { defaultedgetype: string | null } {
  const doc = parseXml(xml);
  const declared = new Map<string, { title: string; type: string | null }>();
  for (const group of children(doc, GEXF, 'attributes')) {
    for (const a of children(group, GEXF, 'attribute')) declared.set(`${group.getAttribute('class')}:${a.getAttribute('id')}`, { title: a.getAttribute('title')!, type: a.getAttribute('type') });
  }
  const values = (element: Element, cls: string) => {
    const out: Record<string, unknown> = {};
    for (const v of children(element, GEXF, 'attvalue')) {
      const attribute = declared.get(`${cls}:${v.getAttribute('for')}`)!;
      out[attribute.title] = typed(v.getAttribute('value')!, attribute.type);
    }
    return out;
  };
  const graph = children(doc, GEXF, 'graph')[0]!;
  const nodes: GraphNode[] = children(graph, GEXF, 'node').map((n) => {
    const position = children(n, VIZ, 'position')[0];
    return {
      id: n.getAttribute('id')!,
      label: n.getAttribute('label')!,
      type: values(n, 'node').type as GraphNode['type'],
      position: position ? { x: Number(position.getAttribute('x')), y: Number(position.getAttribute('y')) } : null,
    };
  });
  const edges = children(graph, GEXF, 'edge').map((e) =>
    edgeOf(e.getAttribute('id')!, e.getAttribute('source')!, e.getAttribute('target')!, {
      ...values(e, 'edge'),
      kind: e.getAttribute('kind'),
      label: e.getAttribute('label'),
      weight: e.getAttribute('weight'),
    }),
  );
  return { nodes, edges, defaultedgetype: graph.getAttribute('defaultedgetype') };
}

type Validate = (xml: string) => Promise<{ valid: boolean; errors: string[] }>;

/**
 * Validates GraphML against the vendored schema with xmllint (compiled to WebAssembly, so no
 * system package is needed); null when xmllint-wasm is not installed.
 */
export async function graphmlValidator(): Promise<Validate | null> {
  const xmllint = await import('xmllint-wasm').catch(() => null);
  if (!xmllint) return null;
  const read = (name: string) => fs.readFile(new URL(`../graph/schema/${name}`, import.meta.url), 'utf8');
  const [schema, xlink] = await Promise.all([read('graphml.xsd'), read('xlink.xsd')]);
  return async (xml) => {
    const result = await xmllint.validateXML({
      xml: [{ fileName: 'export.graphml', contents: xml }],
      schema: [{ fileName: 'graphml.xsd', contents: schema }],
      preload: [{ fileName: 'xlink.xsd', contents: xlink }],
    });
    return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
  };
}
