import { describe, expect, it } from 'vitest';
import { SAMPLE_GRAPH } from '../testing/sampleGraph';
import { csvCell, toCsvTables } from './graphCsv';
import { exportGraph } from './graphExport';

/** A minimal RFC 4180 reader, for checking what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  expect(cell).toBe('');
  return rows;
}

describe('CSV export (Gephi spreadsheet tables)', () => {
  it('writes the edges table as Source,Target,Type,Label,Weight with every edge Directed', () => {
    const { edges } = toCsvTables(SAMPLE_GRAPH);
    expect(readCsv(edges)).toEqual([
      ['Source', 'Target', 'Type', 'Label', 'Weight'],
      ['ent_a', 'ent_b', 'Directed', 'supplies "arms", to', '3'],
      ['ent_c', 'ent_a', 'Directed', 'leads', '1'],
      ['ent_d', 'ent_d', 'Directed', "'-meets", '2'],
    ]);
    expect(edges.split('\r\n')[1]).toBe('ent_a,ent_b,Directed,"supplies ""arms"", to",3');
  });

  it('writes the nodes table as Id,Label,Type, quoting line ends and guarding formulas', () => {
    const { nodes } = toCsvTables(SAMPLE_GRAPH);
    expect(readCsv(nodes)).toEqual([
      ['Id', 'Label', 'Type'],
      ['ent_a', 'AT&T <"Bell"> Labs, Inc.', 'organization'],
      ['ent_b', 'وزارة الدفاع', 'organization'],
      ['ent_c', `'=HYPERLINK("http://example.invalid")`, 'person'],
      ['ent_d', 'Line one\nline two 🚀', 'place'],
    ]);
    expect(nodes.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('prefixes an apostrophe to cells a spreadsheet would run, and only those', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", '"\'\rx"']);
    expect(['India', 'a=b', '1-2', ''].map(csvCell)).toEqual(['India', 'a=b', '1-2', '']);
  });
});

describe('graph export files', () => {
  it('gives one file for JSON, GraphML and GEXF, and for CSV the edges table then the nodes table', () => {
    const names = (format: Parameters<typeof exportGraph>[1]) => exportGraph(SAMPLE_GRAPH, format).map((f) => [f.filename, f.mediaType, f.encoding]);
    expect(names('json')).toEqual([['dossier-graph.json', 'application/json', 'utf8']]);
    expect(names('graphml')).toEqual([['dossier-graph.graphml', 'application/graphml+xml', 'utf8']]);
    expect(names('gexf')).toEqual([['dossier-graph.gexf', 'application/gexf+xml', 'utf8']]);
    expect(names('csv')).toEqual([
      ['dossier-graph-edges.csv', 'text/csv; charset=utf-8; header=present', 'utf8'],
      ['dossier-graph-nodes.csv', 'text/csv; charset=utf-8; header=present', 'utf8'],
    ]);
    const [edges, nodes] = exportGraph(SAMPLE_GRAPH, 'csv');
    expect(edges!.content).toMatch(/^Source,Target,Type,Label,Weight\r\n/);
    expect(nodes!.content).toMatch(/^Id,Label,Type\r\n/);
  });

  it('writes JSON as the chart data itself, pretty-printed', () => {
    const [file] = exportGraph(SAMPLE_GRAPH, 'json');
    expect(JSON.parse(file!.content)).toEqual(SAMPLE_GRAPH);
    expect(file!.content).toBe(`${JSON.stringify(SAMPLE_GRAPH, null, 2)}\n`);
  });
});
