import { describe, expect, it } from 'vitest';
import { readGexf } from '../testing/graphXml';
import { SAMPLE_GRAPH } from '../testing/sampleGraph';
import { toGexf } from './gexf';

describe('GEXF export', () => {
  it('reads back as the same nodes, edges and attributes, in a directed graph', () => {
    const read = readGexf(toGexf(SAMPLE_GRAPH));
    expect(read.defaultedgetype).toBe('directed');
    expect({ nodes: read.nodes, edges: read.edges }).toEqual(SAMPLE_GRAPH);
  });

  it('is GEXF 1.3: its namespaces and version, a node type attribute, edges with label, kind and weight', () => {
    const xml = toGexf(SAMPLE_GRAPH);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/gexf\.net\/1\.3" xmlns:viz="http:\/\/gexf\.net\/1\.3\/viz" version="1\.3">\n/);
    expect(xml).toContain('<graph mode="static" defaultedgetype="directed">');
    expect(xml).toContain('<attributes class="node">\n      <attribute id="type" title="type" type="string"/>');
    expect(xml).toContain('<edge id="rel_1" source="ent_a" target="ent_b" label="supplies &quot;arms&quot;, to" kind="supplies-arms-to" weight="3">');
    expect(xml).toContain('<attvalue for="grading" value="B2"/>');
    expect(xml).toContain('<nodes count="4">');
    expect(xml).toContain('<edges count="3">');
  });

  it('gives pinned nodes a viz:position and the others none', () => {
    const xml = toGexf(SAMPLE_GRAPH);
    expect(xml).toContain('<node id="ent_a" label="AT&amp;T &lt;&quot;Bell&quot;&gt; Labs, Inc.">\n        <attvalues>\n          <attvalue for="type" value="organization"/>\n        </attvalues>\n        <viz:position x="-12.5" y="300"/>\n      </node>');
    expect(xml.match(/<viz:position /g)).toHaveLength(2);
  });

  it('exports the same bytes for the same chart', () => {
    expect(toGexf(structuredClone(SAMPLE_GRAPH))).toBe(toGexf(SAMPLE_GRAPH));
  });
});
