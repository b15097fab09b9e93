import path from 'node:path';
import type { DossierApi } from '../../common/contract';
import { DossierError } from '../../common/errors';
import { Grading } from '../../common/model/annotation';
import { EntityType } from '../../common/model/entityType';
import { GRAPH_EXPORT_FORMATS, GraphExportFormat, type GraphFilter } from '../../common/model/graph';
import { RelationDate } from '../../common/model/relation';
import { FORCE_FLAG, JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { findEntity } from '../findEntity';
import { checkTarget, writeOutput } from '../outputFile';
import { resolveId } from '../resolveId';
import { UsageError } from '../usageError';

interface GraphFlags {
  format?: string;
  out?: string;
  entity?: string;
  hops?: string;
  type?: string;
  relation?: string;
  article?: string;
  minGrading?: string;
  from?: string;
  to?: string;
  force?: boolean;
  json?: boolean;
}

const FORMATS = GRAPH_EXPORT_FORMATS.join('|');

/**
 * `dossier graph --format json|graphml|gexf|csv --out FILE`: the link chart as a file for Gephi,
 * yEd, Cytoscape or i2, filtered as the chart is. CSV is two tables (Gephi's spreadsheet import):
 * the edges go to FILE and the nodes beside it, `<FILE without .csv>.nodes.csv`. Files are
 * written durably, never over existing ones without --force, one `wrote FILE` line each.
 */
export const graphCommand: CliCommand<GraphFlags> = {
  name: 'graph',
  help: [
    [
      `graph --format ${FORMATS} --out FILE [--entity NAME [--hops N]] [--type T,…] [--relation R,…] [--article ID] [--force]`,
      'the link chart of entities and relationships as a file (csv: FILE gets the edges, FILE.nodes.csv the nodes)',
    ],
  ],
  description:
    "Write the link chart (entities joined by their relationships, with pinned positions) for other graph tools: " +
    'json (the chart data), graphml, gexf (Gephi) or csv (Gephi spreadsheet tables: FILE holds the edges, and ' +
    '<FILE without .csv>.nodes.csv beside it the nodes). Filters narrow it as on the chart.',
  flags: [
    { flags: '--format <FORMAT>', description: `the file's format: ${GRAPH_EXPORT_FORMATS.join(', ')}` },
    { flags: '--out <FILE>', description: 'the file to write (csv: the edges table; the nodes table goes beside it)' },
    { flags: '--entity <NAME>', description: 'only what is within --hops relationships of this entity (a name, alias or id)' },
    { flags: '--hops <N>', description: 'how far from --entity, 1 to 6 relationships (default 1)' },
    { flags: '--type <TYPES>', description: `only relationships between entities of these types, comma-separated (${EntityType.options.join(', ')})` },
    { flags: '--relation <TYPES>', description: 'only relationships of these types, comma-separated keys or labels (see: dossier relations)' },
    { flags: '--article <ID>', description: 'only relationships with evidence in this article (an unambiguous prefix of its id will do)' },
    { flags: '--min-grading <CODE>', description: 'only relationships graded this well or better, e.g. B2' },
    { flags: '--from <DATE>', description: 'only relationships that held on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)' },
    { flags: '--to <DATE>', description: 'only relationships that held on or before this date' },
    FORCE_FLAG,
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  async run(_operands, flags, { io, withWorkspace }) {
    const format = GraphExportFormat.safeParse(flags.format);
    if (!format.success) throw new UsageError(flags.format ? `unsupported --format '${flags.format}' (supported: ${FORMATS})` : `graph needs --format ${FORMATS}`);
    if (!flags.out) throw new UsageError('graph needs --out FILE');
    if (flags.hops !== undefined && flags.entity === undefined) throw new UsageError('--hops goes with --entity NAME');
    const hops = flags.hops === undefined ? 1 : Number(flags.hops);
    if (!Number.isInteger(hops) || hops < 1 || hops > 6) throw new UsageError('--hops must be a whole number from 1 to 6');
    const entityTypes = flags.type === undefined ? undefined : list(flags.type).map((t) => {
      const type = EntityType.safeParse(t.toLowerCase());
      if (!type.success) throw new UsageError(`unknown entity type '${t}' in --type (known: ${EntityType.options.join(', ')})`);
      return type.data;
    });
    const minGrading = flags.minGrading === undefined ? undefined : gradingOf(flags.minGrading);
    for (const flag of ['from', 'to'] as const) {
      if (flags[flag] !== undefined && !RelationDate.safeParse(flags[flag]).success) throw new UsageError(`--${flag} takes a date as YYYY, YYYY-MM or YYYY-MM-DD (not '${flags[flag]}')`);
    }

    const out = path.resolve(flags.out);
    const targets = format.data === 'csv' ? [out, nodesFileOf(out)] : [out];
    const force = flags.force === true;
    return withWorkspace(async ({ api }) => {
      for (const target of targets) await checkTarget(target, force);
      const filter: GraphFilter = {
        entityTypes,
        relationTypes: flags.relation === undefined ? undefined : await relationKeys(api, list(flags.relation)),
        articleId: flags.article === undefined ? undefined : await resolveId(api, 'article', flags.article),
        minGrading,
        from: flags.from,
        to: flags.to,
        focus: flags.entity === undefined ? undefined : { entityId: (await findEntity(api, flags.entity)).id, hops },
      };
      const { files } = await api['graph.export']({ filter, format: format.data });
      const written: { out: string; bytes: number }[] = [];
      for (const [i, target] of targets.entries()) {
        const bytes = Buffer.from(files[i]!.content, files[i]!.encoding === 'base64' ? 'base64' : 'utf8');
        await writeOutput(target, bytes, force);
        written.push({ out: target, bytes: bytes.length });
      }
      if (flags.json) io.stdout(`${JSON.stringify({ files: written })}\n`);
      else for (const w of written) io.stdout(`wrote ${w.out}\n`);
      return 0;
    });
  },
};

/** Where the nodes table of a CSV export goes: `edges.csv` → `edges.nodes.csv`. */
export function nodesFileOf(out: string): string {
  return `${out.replace(/\.csv$/i, '')}.nodes.csv`;
}

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

/** An Admiralty code as analysts write it: a letter A–F and a number 1–6 ("B2"). */
function gradingOf(code: string): Grading {
  const match = /^([A-F])([1-6])$/i.exec(code.trim());
  if (!match) throw new UsageError(`--min-grading takes a reliability letter and a credibility number, like B2 (not '${code}')`);
  return Grading.parse({ reliability: match[1]!.toUpperCase(), credibility: Number(match[2]) });
}

/** Relationship types by key or label, as `dossier relate --type` takes them. */
async function relationKeys(api: DossierApi, given: string[]): Promise<string[]> {
  const { types } = await api['relations.types']({});
  return given.map((g) => {
    const key = g.toLocaleLowerCase();
    const type = types.find((t) => t.key === key || t.label.toLocaleLowerCase() === key);
    if (!type) throw new DossierError('not-found', `Unknown relationship type '${g.slice(0, 80)}' (known: ${types.map((t) => t.key).join(', ')}).`);
    return type.key;
  });
}
