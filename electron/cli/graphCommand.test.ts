import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../common/model/graph';
import { graphFixture, type GraphFixture } from '../core/testing/graphFixture';
import { graphmlValidator, readGexf, readGraphml } from '../core/testing/graphXml';
import { cliScratch } from './testing/cliScratch';
import { runCaptured } from './testing/runCaptured';
import { runningDossier } from './testing/runningDossier';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));
const scratch = cliScratch('dossier-cli-graph-');
const validate = await graphmlValidator();

/** The link chart fixture, closed so the CLI opens it on its own. */
async function workspace(): Promise<GraphFixture> {
  const w = await graphFixture('dossier-cli-graph-ws-');
  await w.store.close();
  scratch.cleanups.push(() => fs.rm(w.dir, { recursive: true, force: true }));
  return w;
}

const out = (name: string) => path.join(scratch.tmp, name);

async function usage(w: GraphFixture, args: string[], code: number, pattern: RegExp): Promise<void> {
  const r = await runCaptured(['graph', ...args, '--workspace', w.dir]);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^dossier: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

describe('dossier graph', () => {
  it('writes GraphML that validates and reads back as the whole chart, one line per file written', async () => {
    const w = await workspace();
    const r = await runCaptured(['graph', '--workspace', w.dir, '--format', 'graphml', '--out', out('chart.graphml')]);
    expect(r).toEqual({ code: 0, stdout: `wrote ${out('chart.graphml')}\n`, stderr: '' });
    const xml = await fs.readFile(out('chart.graphml'), 'utf8');
    if (validate) expect(await validate(xml)).toEqual({ valid: true, errors: [] });
    const graph = readGraphml(xml);
    expect(graph.nodes.map((n) => n.label)).toEqual(['India', 'Japan', 'Narendra Modi', 'Quad', 'Rajnath Singh', 'Tokyo']);
    expect(graph.edges.map((e) => e.id).sort()).toEqual(Object.values(w.rel).sort());
  });

  it('writes CSV as the edges table in FILE and the nodes table beside it', async () => {
    const w = await workspace();
    const r = await runCaptured(['graph', '--workspace', w.dir, '--format', 'csv', '--out', out('chart.csv'), '--json']);
    expect(r.stderr).toBe('');
    const { files } = JSON.parse(r.stdout) as { files: { out: string; bytes: number }[] };
    expect(files.map((f) => f.out)).toEqual([out('chart.csv'), out('chart.nodes.csv')]);
    const edges = await fs.readFile(out('chart.csv'), 'utf8');
    const nodes = await fs.readFile(out('chart.nodes.csv'), 'utf8');
    expect(files.map((f) => f.bytes)).toEqual([Buffer.byteLength(edges), Buffer.byteLength(nodes)]);
    expect(edges.split('\r\n')[0]).toBe('Source,Target,Type,Label,Weight');
    expect(edges).toContain(`${w.ids.Japan},${w.ids.Quad},Directed,partner in,2\r\n`);
    expect(nodes.split('\r\n').slice(0, 2)).toEqual(['Id,Label,Type', `${w.ids.India},India,place`]);
    // A name without .csv gets the suffix added rather than cut.
    const plain = await runCaptured(['graph', '--workspace', w.dir, '--format', 'csv', '--out', out('edges')]);
    expect(plain.stdout).toBe(`wrote ${out('edges')}\nwrote ${out('edges.nodes.csv')}\n`);
  });

  it('narrows the chart with the filters of the chart', async () => {
    const w = await workspace();
    const edges = async (...filters: string[]) => {
      const file = out(`f${Math.random().toString(36).slice(2)}.json`);
      const r = await runCaptured(['graph', '--workspace', w.dir, '--format', 'json', '--out', file, ...filters]);
      expect(r.code, r.stderr).toBe(0);
      const graph = JSON.parse(await fs.readFile(file, 'utf8')) as GraphData;
      const role = new Map(Object.entries(w.rel).map(([name, id]) => [id, name]));
      return graph.edges.map((e) => role.get(e.id)).sort();
    };
    expect(await edges('--entity', 'rajnath singh', '--hops', '2')).toEqual(['indiaQuad', 'modiIndia', 'rajnathIndia']);
    expect(await edges('--entity', 'Rajnath Singh')).toEqual(['rajnathIndia']);
    expect(await edges('--type', 'place,Organization')).toEqual(['indiaQuad', 'japanQuad', 'tokyoJapan']);
    expect(await edges('--relation', 'partner in,leads')).toEqual(['indiaQuad', 'japanQuad', 'modiIndia']);
    expect(await edges('--article', w.articles.B.slice(4))).toEqual(['japanQuad', 'rajnathIndia']);
    expect(await edges('--min-grading', 'b2')).toEqual(['indiaQuad', 'japanQuad']);
    expect(await edges('--from', '2022')).toEqual(['indiaQuad', 'rajnathIndia']);
    expect(await edges('--to', '2019-04')).toEqual(['rajnathIndia', 'tokyoJapan']);
  });

  it('says in one line what is wrong, and writes nothing over a file without --force', async () => {
    const w = await workspace();
    const file = out('chart.gexf');
    await usage(w, ['--format', 'xml', '--out', file], 2, /unsupported --format 'xml' \(supported: json\|graphml\|gexf\|csv\)/);
    await usage(w, ['--out', file], 2, /graph needs --format json\|graphml\|gexf\|csv/);
    await usage(w, ['--format', 'gexf'], 2, /graph needs --out FILE/);
    await usage(w, ['--format', 'gexf', '--out', file, '--hops', '2'], 2, /--hops goes with --entity NAME/);
    await usage(w, ['--format', 'gexf', '--out', file, '--entity', 'India', '--hops', '9'], 2, /--hops must be a whole number from 1 to 6/);
    await usage(w, ['--format', 'gexf', '--out', file, '--type', 'country'], 2, /unknown entity type 'country' in --type/);
    await usage(w, ['--format', 'gexf', '--out', file, '--min-grading', 'G9'], 2, /--min-grading takes a reliability letter and a credibility number, like B2/);
    await usage(w, ['--format', 'gexf', '--out', file, '--from', '2024-13'], 2, /--from takes a date as YYYY, YYYY-MM or YYYY-MM-DD/);
    await usage(w, ['--format', 'gexf', '--out', file, '--relation', 'allied with'], 1, /Unknown relationship type 'allied with' \(known: defence-minister-of, /);
    await usage(w, ['--format', 'gexf', '--out', file, '--entity', 'Atlantis'], 1, /No entity named 'Atlantis'/);
    await usage(w, ['--format', 'gexf', '--out', out('missing/chart.gexf')], 1, /its folder does not exist/);
    await expect(fs.readdir(scratch.tmp)).resolves.not.toContain('chart.gexf');

    await fs.writeFile(file, 'keep me');
    await usage(w, ['--format', 'gexf', '--out', file], 1, /already exists; add --force to overwrite it/);
    expect(await fs.readFile(file, 'utf8')).toBe('keep me');
    // For CSV both tables are checked before either is written.
    await fs.writeFile(out('t.nodes.csv'), 'keep me');
    await usage(w, ['--format', 'csv', '--out', out('t.csv')], 1, /t\.nodes\.csv already exists/);
    await expect(fs.readdir(scratch.tmp)).resolves.not.toContain('t.csv');

    const forced = await runCaptured(['graph', '--workspace', w.dir, '--format', 'gexf', '--out', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readGexf(await fs.readFile(file, 'utf8')).edges).toHaveLength(5);
  });

  it('exports through the running app when it holds the workspace, pinned positions included', async () => {
    const dir = path.join(scratch.tmp, 'app');
    const app = await runningDossier(dir, SAMPLE, scratch);
    const ids: string[] = [];
    for (const name of ['India', 'Japan']) ids.push((await app.core.api['entities.create']({ name, type: 'place' })).entity.id);
    await app.core.api['relations.create']({ from: 'India', to: 'Japan', type: 'meets', evidence: [{ articleId: app.articleId, quote: 'bilateral meeting' }] });
    await app.core.api['graph.setPositions']({ positions: { [ids[0]!]: { x: 12, y: -3 } } });

    const r = await runCaptured(['graph', '--workspace', dir, '--format', 'gexf', '--out', out('app.gexf'), '--entity', 'Japan']);
    expect(r).toEqual({ code: 0, stdout: `wrote ${out('app.gexf')}\n`, stderr: '' });
    const graph = readGexf(await fs.readFile(out('app.gexf'), 'utf8'));
    expect(graph.nodes).toEqual([
      { id: ids[0], label: 'India', type: 'place', position: { x: 12, y: -3 } },
      { id: ids[1], label: 'Japan', type: 'place', position: null },
    ]);
    expect(graph.edges).toEqual([expect.objectContaining({ source: ids[0], target: ids[1], type: 'meets', label: 'meets', weight: 1 })]);
  });
});
