import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportWebAnnotations } from '../core/export/jsonld/exportWebAnnotations';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { runCaptured } from './testing/runCaptured';
import { runningDossier } from './testing/runningDossier';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));
const TITLE_START = 'India, Japan defence ministers';

let tmp: string;
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-cli-jsonld-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const child of children.splice(0)) child.kill();
  await fs.rm(tmp, { recursive: true, force: true });
});

const run = (...args: string[]) => runCaptured(args);

/** Workspace "a" with the sample highlighted twice (one with a comment), exported to a.jsonld. */
async function exported(): Promise<{ file: string; ids: string[] }> {
  const a = path.join(tmp, 'a');
  const { articles } = JSON.parse((await run('import', SAMPLE, '--json', '--workspace', a)).stdout) as { articles: { id: string }[] };
  const ids: string[] = [];
  for (const [quote, comment] of [['strategic partners', 'Quad'], ['Rajnath Singh', '']]) {
    const r = await run('annotate', '--article', articles[0]!.id, '--quote', quote!, '--comment', comment!, '--json', '--workspace', a);
    ids.push((JSON.parse(r.stdout) as { annotation: { id: string } }).annotation.id);
  }
  const store = await WorkspaceStore.open(a);
  const file = path.join(tmp, 'a.jsonld');
  await fs.writeFile(file, JSON.stringify(await exportWebAnnotations(store)));
  await store.close();
  return { file, ids };
}

async function workspaceWithSample(name: string): Promise<{ dir: string; articleId: string }> {
  const dir = path.join(tmp, name);
  const r = await run('import', SAMPLE, '--json', '--workspace', dir);
  return { dir, articleId: (JSON.parse(r.stdout) as { articles: { id: string }[] }).articles[0]!.id };
}

describe('dossier import FILE.jsonld', () => {
  it('puts the annotations on the matching article and prints a summary', async () => {
    const { file } = await exported();
    const { dir, articleId } = await workspaceWithSample('b');
    const r = await run('import', file, '--workspace', dir);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: expect.stringMatching(new RegExp(`^annotations from a\\.jsonld: 2 anchored, 0 drifted, 0 orphaned\\n  onto ${articleId}  ${TITLE_START}.*  \\(2\\)\\n$`)),
    });
    const listed = JSON.parse((await run('annotations', '--article', articleId, '--json', '--workspace', dir)).stdout) as { annotations: { exact: string; comment: string }[] };
    expect(listed.annotations.map((a) => [a.exact, a.comment]).sort()).toEqual([
      ['Rajnath Singh', ''],
      ['strategic partners', 'Quad'],
    ]);
    await expect(fs.access(path.join(dir, '.dossier.lock'))).rejects.toMatchObject({ code: 'ENOENT' });

    const again = await run('import', file, '--workspace', dir);
    expect(again).toEqual({ code: 0, stderr: '', stdout: 'annotations from a.jsonld: 0 anchored, 0 drifted, 0 orphaned; 2 already there\n' });
  });

  it('round-trips through the command line: export --all --format jsonld, then import into another workspace', async () => {
    await exported();
    const file = path.join(tmp, 'cli.jsonld');
    expect((await run('export', '--all', '--format', 'jsonld', '--out', file, '--workspace', path.join(tmp, 'a'))).code).toBe(0);
    const { dir, articleId } = await workspaceWithSample('b');
    expect((await run('import', file, '--workspace', dir)).stdout).toMatch(/^annotations from cli\.jsonld: 2 anchored, 0 drifted, 0 orphaned\n/);
    const source = JSON.parse((await run('articles', '--json', '--workspace', path.join(tmp, 'a'))).stdout) as { articles: { id: string }[] };
    const strip = (r: { stdout: string }) => (JSON.parse(r.stdout) as { annotations: Record<string, unknown>[] }).annotations;
    expect(strip(await run('annotations', '--article', articleId, '--json', '--workspace', dir))).toEqual(
      strip(await run('annotations', '--article', source.articles[0]!.id, '--json', '--workspace', path.join(tmp, 'a'))),
    );
  });

  it('--json adds one report per annotation file to {"articles": […]}', async () => {
    const { file } = await exported();
    const { dir, articleId } = await workspaceWithSample('b');
    const r = await run('import', file, '--json', '--workspace', dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['articles', 'annotations']);
    expect(out).toEqual({
      articles: [],
      annotations: [
        {
          file: 'a.jsonld',
          total: 2,
          imported: { anchored: 2, drifted: 0, orphaned: 0 },
          existing: 0,
          replies: 0,
          articles: [{ id: articleId, title: expect.stringMatching(TITLE_START), annotations: 2 }],
          unmatched: [],
        },
      ],
    });
  });

  it('imports an article and its annotations given together, creating the workspace', async () => {
    const { file } = await exported();
    const dir = path.join(tmp, 'new');
    const r = await run('import', file, SAMPLE, '--workspace', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported art_\S+ {2}India, Japan defence ministers.*\nannotations from a\.jsonld: 2 anchored, 0 drifted, 0 orphaned\n {2}onto art_/);
  });

  it('names each annotation it cannot place on stderr and exits 1', async () => {
    const { file, ids } = await exported();
    const dir = path.join(tmp, 'c');
    await run('import', await write('other.txt', 'Other article\n\nNothing in common.'), '--workspace', dir);
    const r = await run('import', file, '--workspace', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('annotations from a.jsonld: 0 anchored, 0 drifted, 0 orphaned\n');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    // In document order: the name comes before the phrase in the sample.
    expect(lines[0]).toMatch(new RegExp(`^dossier: not imported: urn:dossier:annotation:${ids[1]}  "Rajnath Singh" \\(India, Japan defence ministers.*\\): no article in this workspace holds its source`));
    expect(lines[1]).toMatch(new RegExp(`^dossier: not imported: urn:dossier:annotation:${ids[0]}  "strategic partners"`));
  });

  it.each([
    ['not JSON', 'x.jsonld', 'oops', /x\.jsonld is not a W3C Web Annotation file: it is not valid JSON/],
    ['without the W3C context', 'y.jsonld', '{"@context": "https://schema.org", "type": "Thing"}', /y\.jsonld is not a W3C Web Annotation file: its @context/],
  ])('refuses a file that is %s with one line, exit 1', async (_label, name, content, message) => {
    const { dir } = await workspaceWithSample('b');
    const r = await run('import', await write(name, content), '--workspace', dir);
    expect(r).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(new RegExp(`^dossier: ${message.source}[^\\n]*\\n$`)) });
  });

  it('does not create a workspace for annotations alone', async () => {
    const { file } = await exported();
    const r = await run('import', file, '--workspace', path.join(tmp, 'none'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dossier: This folder is not a Dossier workspace/);
    await expect(fs.access(path.join(tmp, 'none'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('goes through the running Dossier when one holds the workspace', async () => {
    const { file } = await exported();
    const dir = path.join(tmp, 'app');
    const { core, articleId, reasons } = await runningDossier(dir, SAMPLE, { children, cleanups });
    const r = await run('import', file, '--workspace', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(reasons).toEqual(['edit annotation created']);
    expect((await core.api['annotations.list']({ articleId })).annotations).toHaveLength(2);
  });
});

async function write(name: string, content: string): Promise<string> {
  const file = path.join(tmp, name);
  await fs.writeFile(file, content);
  return file;
}
