import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFixture, type GraphFixture } from '../testing/graphFixture';
import { graphmlValidator, readGraphml } from '../testing/graphXml';
import { SAMPLE_GRAPH } from '../testing/sampleGraph';
import { GRAPHML_KEYS, toGraphml } from './graphml';

const validate = await graphmlValidator();

describe('GraphML export', () => {
  it('reads back as the same nodes, edges and attributes, in a directed graph', () => {
    const read = readGraphml(toGraphml(SAMPLE_GRAPH));
    expect(read.edgedefault).toBe('directed');
    expect({ nodes: read.nodes, edges: read.edges }).toEqual(SAMPLE_GRAPH);
  });

  it('declares a key for each attribute, under the names graph tools read', () => {
    const xml = toGraphml(SAMPLE_GRAPH);
    for (const key of Object.values(GRAPHML_KEYS)) expect(xml).toContain(`<key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>`);
    expect(Object.values(GRAPHML_KEYS).map((k) => `${k.for}:${k.name}`)).toEqual([
      'node:label', 'node:type', 'node:x', 'node:y',
      'edge:relation', 'edge:label', 'edge:grading', 'edge:start', 'edge:end', 'edge:weight', 'edge:articles', 'edge:flagged',
    ]);
    // Absent values are left out, not written empty.
    expect(xml).not.toMatch(/<data key="\w+"><\/data>/);
  });

  it('drops characters XML cannot hold instead of writing a file no tool opens', () => {
    const graph = structuredClone(SAMPLE_GRAPH);
    graph.nodes[1]!.label = 'Ministry\u0007 of\uD800 Defence';
    expect(readGraphml(toGraphml(graph)).nodes[1]!.label).toBe('Ministry of Defence');
  });

  it('writes a graph with nothing in it', () => {
    expect(readGraphml(toGraphml({ nodes: [], edges: [] }))).toEqual({ nodes: [], edges: [], edgedefault: 'directed' });
  });

  describe.skipIf(!validate)('against the GraphML schema (xmllint)', () => {
    let w: GraphFixture;
    beforeAll(async () => {
      w = await graphFixture('dossier-graphml-');
    });
    afterAll(async () => {
      await w.close();
    });

    it('validates the sample and an empty graph, and the validator does reject a broken file', async () => {
      expect(await validate!(toGraphml(SAMPLE_GRAPH))).toEqual({ valid: true, errors: [] });
      expect((await validate!(toGraphml({ nodes: [], edges: [] }))).valid).toBe(true);
      const broken = toGraphml(SAMPLE_GRAPH).replace(' target="ent_b"', '');
      expect(await validate!(broken)).toMatchObject({ valid: false, errors: [expect.stringMatching(/target/)] });
    });

    it('validates the export of a workspace, pinned positions included, and reads back as graph.data', async () => {
      await w.core.api['graph.setPositions']({ positions: { [w.ids.India]: { x: 4, y: 2 } } });
      const { hidden, ...graph } = await w.core.api['graph.data']({});
      expect(hidden).toEqual({ nodes: 0, edges: 0 });
      const { files } = await w.core.api['graph.export']({ filter: {}, format: 'graphml' });
      expect(files).toEqual([{ filename: 'dossier-graph.graphml', mediaType: 'application/graphml+xml', encoding: 'utf8', content: toGraphml(graph) }]);
      expect(await validate!(files[0]!.content)).toEqual({ valid: true, errors: [] });
      const read = readGraphml(files[0]!.content);
      expect({ nodes: read.nodes, edges: read.edges }).toEqual(graph);
    });
  });
  if (!validate) it.skip('xmllint-wasm is not installed (npm ci installs it), so GraphML is not validated against its schema', () => {});
});
