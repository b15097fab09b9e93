import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliScratch } from './testing/cliScratch';
import { runCaptured } from './testing/runCaptured';
import { runningDossier } from './testing/runningDossier';

const scratch = cliScratch('dossier-cli-search-');

const run = (...args: string[]) => runCaptured([...args, '--workspace', scratch.ws]);
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { results: { kind: string; id: string; articleId: string | null; title: string; snippet: string; score: number; start: number | null; end: number | null }[] };

async function article(name: string, text: string): Promise<string> {
  const file = path.join(scratch.tmp, name);
  await fs.writeFile(file, text);
  return file;
}

describe('dossier search', () => {
  it('finds articles and highlights in the exact JSON shape, filtered by kind and limited', async () => {
    const talks = await article('talks.txt', 'Defence ministers meet\n\nRajnath Singh met Gen Nakatani in New Delhi to discuss a logistics agreement.');
    const drill = await article('drill.txt', 'Naval drill\n\nShips rehearsed logistics at sea off Darwin.');
    expect((await run('import', talks, drill)).code).toBe(0);
    const articles = JSON.parse((await run('articles', '--json')).stdout).articles as { id: string; title: string }[];
    const talksId = articles.find((a) => a.title === 'Defence ministers meet')!.id;
    const annotated = await run('annotate', '--article', talksId, '--quote', 'logistics agreement', '--comment', 'RPSSA talks', '--json');
    expect(annotated.code).toBe(0);

    const all = json(await run('search', 'logistics', '--json'));
    expect(all.results.map((r) => r.kind).sort()).toEqual(['annotation', 'article', 'article']);
    for (const r of all.results) expect(Object.keys(r)).toEqual(['kind', 'id', 'articleId', 'title', 'snippet', 'score', 'start', 'end']);
    const article1 = all.results.find((r) => r.kind === 'article' && r.articleId === talksId)!;
    expect(article1.snippet).toContain('<mark>logistics</mark>');
    expect(article1.start).toBeGreaterThan(0);

    expect(json(await run('search', 'rpssa', '--kind', 'annotation', '--json')).results).toEqual([
      expect.objectContaining({ kind: 'annotation', articleId: talksId, title: 'logistics agreement' }),
    ]);
    expect(json(await run('search', 'logistics', '--kind', 'note,entity', '--json')).results).toEqual([]);
    expect(json(await run('search', 'logistics', '--limit', '1', '--json')).results).toHaveLength(1);
    expect(json(await run('search', 'nakatami', '--json')).results.map((r) => r.articleId)).toEqual([talksId]);

    const text = await run('search', 'darwin');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^article\s+art_\S+\s+Naval drill\n\s+.*\*Darwin\*/);
  });

  it('refuses a kind it does not know, a bad limit and a missing query, naming them', async () => {
    for (const [args, message] of [
      [['search', 'x', '--kind', 'brief'], /--kind must be one of article, annotation, note, entity, relation, not brief/],
      [['search', 'x', '--limit', '0'], /--limit must be a whole number/],
      [['search'], /search takes one QUERY/],
      [['search', 'x', '--quote', 'y'], /search does not take --quote/],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('reindexes with progress, and searches through the running app', async () => {
    const file = await article('a.txt', 'Quad summit\n\nThe leaders of the Quad met in Tokyo.');
    expect((await run('import', file)).code).toBe(0);
    const reindexed = await run('reindex', '--json');
    expect(reindexed.code).toBe(0);
    expect(JSON.parse(reindexed.stdout)).toEqual({ documents: 1, seconds: expect.any(Number) });
    expect(reindexed.stderr).toContain('[1/1] indexed');

    const sample = path.join(scratch.tmp, 'sample.txt');
    await fs.writeFile(sample, 'Ministers meet\n\nGen Nakatani met Rajnath Singh in New Delhi.');
    const app = await runningDossier(path.join(scratch.tmp, 'app'), sample, scratch);
    const r = await runCaptured(['search', 'nakatani', '--json', '--workspace', path.join(scratch.tmp, 'app')]);
    expect(r.code).toBe(0);
    expect(json(r).results).toEqual([expect.objectContaining({ kind: 'article', id: app.articleId })]);
  });
});
