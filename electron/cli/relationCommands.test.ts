import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core/dossierCore';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { cliScratch } from './testing/cliScratch';
import { runCaptured } from './testing/runCaptured';
import { runningDossier } from './testing/runningDossier';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));
const scratch = cliScratch('dossier-cli-relations-');

const run = (...args: string[]) => runCaptured([...args, '--workspace', scratch.ws]);

interface Row {
  id: string;
  from: string;
  to: string;
  type: string;
  label: string;
  grading: { reliability: string; credibility: number } | null;
  evidence: { articleId: string; start: number | null; end: number | null; exact: string }[];
}

/** The sample imported, with the entities the examples name. */
async function workspace(dir = scratch.ws): Promise<string> {
  const core = createCore(await WorkspaceStore.open(dir, { create: true }));
  const { articles } = await core.api['articles.import']({ files: [{ name: 'sample.txt', base64: (await fs.readFile(SAMPLE)).toString('base64') }] });
  for (const [name, type] of [
    ['India', 'place'],
    ['Japan', 'place'],
    ['Quad', 'organization'],
    ['Rajnath Singh', 'person'],
  ] as const) {
    await core.api['entities.create']({ name, type });
  }
  await core.store.close();
  return articles[0]!.id;
}

describe('dossier relate and dossier relations', () => {
  it('relates two entities by name with a quoted passage, and lists relationships in the exact JSON shape', async () => {
    const articleId = await workspace();
    const related = await run('relate', '--from', 'India', '--to', 'quad', '--type', 'partner in', '--article', articleId.slice(0, 12), '--quote', 'strategic partners in the Quad', '--json');
    expect(related.stderr).toBe('');
    expect(related.code).toBe(0);
    const { relation } = JSON.parse(related.stdout) as { relation: Row };
    expect(Object.keys(relation)).toEqual(['id', 'from', 'to', 'type', 'label', 'grading', 'evidence']);
    expect(relation).toMatchObject({ from: 'India', to: 'Quad', type: 'partner-in', label: 'partner in', grading: null });
    expect(relation.evidence).toHaveLength(1);
    const [evidence] = relation.evidence;
    expect(Object.keys(evidence!)).toEqual(['articleId', 'start', 'end', 'exact']);
    const { text } = JSON.parse(await fs.readFile(path.join(scratch.ws, 'articles', articleId, 'v1', 'text.json'), 'utf8')) as { text: string };
    expect(evidence).toEqual({ articleId, start: text.indexOf('strategic partners in the Quad'), end: text.indexOf('strategic partners in the Quad') + 30, exact: 'strategic partners in the Quad' });
    expect(text.slice(evidence!.start!, evidence!.end!)).toBe(evidence!.exact);

    expect((await run('relate', '--from', 'Rajnath Singh', '--to', 'India', '--type', 'defence-minister-of', '--article', articleId, '--quote', 'Defence Minister Rajnath Singh')).stdout).toMatch(
      /^related rel_\w+ {2}Rajnath Singh —defence minister of→ India\n {4}"Defence Minister Rajnath Singh" {2}art_\w+ {2}\d+–\d+\n$/,
    );

    const all = await run('relations', '--json');
    expect(all.code).toBe(0);
    const { relations } = JSON.parse(all.stdout) as { relations: Row[] };
    expect(Object.keys(JSON.parse(all.stdout))).toEqual(['relations']);
    expect(relations[0]).toEqual(relation);
    expect(relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toEqual(['India partner-in Quad', 'Rajnath Singh defence-minister-of India']);

    const quad = JSON.parse((await run('relations', '--entity', 'Quad', '--json')).stdout) as { relations: Row[] };
    expect(quad.relations.map((r) => r.id)).toEqual([relation.id]);
    // For people, a relationship coming in reads by the type's inverse label.
    expect((await run('relations', '--entity', 'Quad')).stdout).toMatch(/^rel_\w+ {2}Quad —has partner→ India\n/);
  });

  it('says in one line what is wrong: an unknown entity or type, an ambiguous quote, a missing flag', async () => {
    const articleId = await workspace();
    const relate = (...args: string[]) => run('relate', '--article', articleId, ...args);

    const unknown = await relate('--from', 'Atlantis', '--to', 'India', '--type', 'meets', '--quote', 'bilateral meeting');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("dossier: No entity named 'Atlantis' in this workspace (see: dossier entity list).\n");

    const type = await relate('--from', 'India', '--to', 'Japan', '--type', 'allied with', '--quote', 'bilateral meeting');
    expect(type.code).toBe(1);
    expect(type.stderr).toMatch(/^dossier: Unknown relationship type 'allied with' \(known: defence-minister-of, partner-in, .*\)\.\n$/);

    const ambiguous = await relate('--from', 'India', '--to', 'Japan', '--type', 'meets', '--quote', 'India and Japan');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/^dossier: The quote occurs \d+ times in the article; choose one with --occurrence 1\.\.\d+\.\n$/);
    const chosen = await relate('--from', 'India', '--to', 'Japan', '--type', 'meets', '--quote', 'India and Japan', '--occurrence', '2', '--json');
    expect(chosen.code).toBe(0);

    const missing = await relate('--from', 'India', '--to', 'Japan', '--quote', 'India and Japan');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/--type/);

    const entity = await run('relations', '--entity', 'Atlantis', '--json');
    expect(entity.code).toBe(1);
    expect(entity.stderr.trim().split('\n')).toHaveLength(1);
    // Only the relationship that was asked for well was made.
    expect((JSON.parse((await run('relations', '--json')).stdout) as { relations: Row[] }).relations).toHaveLength(1);
  });

  it('relates through the running app when it holds the workspace', async () => {
    const dir = path.join(scratch.tmp, 'app');
    const app = await runningDossier(dir, SAMPLE, scratch);
    for (const name of ['India', 'Japan']) await app.core.api['entities.create']({ name, type: 'place' });
    const r = await runCaptured(['relate', '--from', 'India', '--to', 'Japan', '--type', 'meets', '--article', app.articleId, '--quote', 'bilateral meeting', '--json', '--workspace', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await app.core.api['relations.list']({})).relations.map((x) => `${x.from.name} ${x.label} ${x.to.name}`)).toEqual(['India meets Japan']);
    expect(app.reasons.at(-1)).toBe('edit annotation created, relation created');
  });
});
