import type { ExportedFile } from '../../common/model/brief';
import type { GraphData, GraphExportFormat } from '../../common/model/graph';
import { toGexf } from './gexf';
import { toCsvTables } from './graphCsv';
import { toGraphml } from './graphml';

/** The file names the app offers; the CLI writes where it is told. */
export const GRAPH_FILE = 'dossier-graph';

/** The chart's data as files: one for JSON, GraphML and GEXF; for CSV the edges table, then the nodes table. */
export function exportGraph(graph: GraphData, format: GraphExportFormat): ExportedFile[] {
  const file = (filename: string, mediaType: string, content: string): ExportedFile => ({ filename, mediaType, encoding: 'utf8', content });
  switch (format) {
    case 'json':
      return [file(`${GRAPH_FILE}.json`, 'application/json', `${JSON.stringify(graph, null, 2)}\n`)];
    case 'graphml':
      return [file(`${GRAPH_FILE}.graphml`, 'application/graphml+xml', toGraphml(graph))];
    case 'gexf':
      return [file(`${GRAPH_FILE}.gexf`, 'application/gexf+xml', toGexf(graph))];
    case 'csv': {
      const { edges, nodes } = toCsvTables(graph);
      // header=present: RFC 4180's parameter, so a reader knows the first row names the columns.
      return [file(`${GRAPH_FILE}-edges.csv`, 'text/csv; charset=utf-8; header=present', edges), file(`${GRAPH_FILE}-nodes.csv`, 'text/csv; charset=utf-8; header=present', nodes)];
    }
  }
}
