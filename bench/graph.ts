import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphExportFormat, GraphFilter } from '../electron/common/model/graph';
import { createCore } from '../electron/core/dossierCore';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { mergeIntoResults } from './benchReport';
import { buildGraphWorkspace, GRAPH_SCALE } from './graphWorkspace';
import { median, round } from './stats';

type Log = (line: string) => void;

const RUNS = 5;

/**
 * The link chart at 5,000 entities and 20,000 relationships (bench/graphWorkspace.ts): `graph.data`
 * unfiltered, filtered, and focused with 2 hops (on the best-connected entity and on one from the
 * middle of the ranking), each export format, pinning 50
 * nodes, and `relations.list` over the same relationships for comparison. Each call goes through
 * the core as the app makes it; the first `graph.data` of a fresh core on a workspace never
 * charted (which reads every evidence article's highlights) is reported apart from the median of
 * the next five, and so is the first of a fresh core started again afterwards.
 */
export async function graphFigures(log: Log): Promise<Record<string, number>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-bench-graph-'));
  try {
    const t0 = performance.now();
    const built = await buildGraphWorkspace(dir, GRAPH_SCALE, log);
    const buildMs = performance.now() - t0;
    const core = createCore(await WorkspaceStore.open(dir));
    const timed = async (task: () => Promise<unknown>) => {
      const start = performance.now();
      await task();
      return performance.now() - start;
    };
    const medianOf = async (task: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await timed(task));
      return round(median(times));
    };
    const data = (filter: GraphFilter) => core.api['graph.data'](filter);
    // The hub reaches nearly the whole chart in two hops (the worst case); an entity from the middle
    // of the popularity ranking is what an analyst focusing on someone usually meets.
    const focus: GraphFilter = { focus: { entityId: built.entityIds[0]!, hops: 2 } };
    const typical: GraphFilter = { focus: { entityId: built.entityIds[Math.floor(built.entityIds.length / 2)]!, hops: 2 } };

    log('graph: graph.data…');
    const firstMs = await timed(() => data({}));
    const whole = await data({});
    const focused = await data(focus);
    const around = await data(typical);
    const figures: Record<string, number> = {
      graph_entities: GRAPH_SCALE.entities,
      graph_relations: GRAPH_SCALE.relations,
      graph_build_s: round(buildMs / 1000, 1),
      graph_data_first_ms: round(firstMs),
      graph_data_ms: await medianOf(() => data({})),
      graph_nodes: whole.nodes.length,
      graph_edges: whole.edges.length,
      graph_focus_2_hops_ms: await medianOf(() => data(focus)),
      graph_focus_2_hops_nodes: focused.nodes.length,
      graph_focus_2_hops_edges: focused.edges.length,
      graph_focus_typical_2_hops_ms: await medianOf(() => data(typical)),
      graph_focus_typical_2_hops_nodes: around.nodes.length,
      graph_focus_typical_2_hops_edges: around.edges.length,
      graph_filtered_ms: await medianOf(() => data({ entityTypes: ['person', 'organization'], minGrading: { reliability: 'C', credibility: 3 }, from: '2010' })),
    };
    log('graph: exports…');
    for (const format of ['json', 'graphml', 'gexf', 'csv'] satisfies GraphExportFormat[]) {
      figures[`graph_export_${format}_ms`] = await medianOf(() => core.api['graph.export']({ filter: {}, format }));
    }
    const { files } = await core.api['graph.export']({ filter: {}, format: 'graphml' });
    figures.graph_export_graphml_mb = round(Buffer.byteLength(files[0]!.content) / 1e6, 1);
    const pins = Object.fromEntries(built.entityIds.slice(0, 50).map((id, i) => [id, { x: i, y: -i }]));
    figures.graph_set_positions_ms = await medianOf(() => core.api['graph.setPositions']({ positions: pins }));
    log('graph: relations.list, for comparison…');
    figures.relations_list_ms = await medianOf(() => core.api['relations.list']({}));
    await core.close();
    // The usual start: a fresh core on a workspace charted before, which stats the evidence
    // articles' highlight files instead of reading them (electron/core/graph/placedHighlights.ts).
    const again = createCore(await WorkspaceStore.open(dir));
    figures.graph_data_first_again_ms = round(await timed(() => again.api['graph.data']({})));
    await again.close();
    return figures;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await graphFigures((line) => process.stderr.write(`${line}\n`));
  mergeIntoResults(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), figures);
  console.log(JSON.stringify(figures, null, 2));
}
