import type { GraphData } from '../../common/model/graph';

/**
 * The chart as the two tables of Gephi's spreadsheet import: edges (Source, Target, Type, Label,
 * Weight; Type is the edge's direction, which Gephi reads from that column) and nodes (Id, Label,
 * Type). RFC 4180: fields quoted when they hold a comma, a quote or a line end; CRLF between rows.
 */
export function toCsvTables(graph: GraphData): { edges: string; nodes: string } {
  return {
    edges: table(
      ['Source', 'Target', 'Type', 'Label', 'Weight'],
      graph.edges.map((e) => [e.source, e.target, 'Directed', e.label, String(e.weight)]),
    ),
    nodes: table(
      ['Id', 'Label', 'Type'],
      graph.nodes.map((n) => [n.id, n.label, n.type]),
    ),
  };
}

function table(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * One field. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which
 * some strip first) as a formula, and entity names come from the articles read: such a cell is
 * prefixed with an apostrophe, which spreadsheets show as text (OWASP's advice for CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
