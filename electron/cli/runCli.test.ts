import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../core/dossierCore';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { liveForeignPid as liveForeign } from '../core/testing/testHelpers';
import { runningDossier } from './testing/runningDossier';
import { runCli, USAGE } from './runCli';
import { sampleArticle } from '../core/testing/sampleArticle';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

/**
 * Three highlights on the sample and a corrected version of it: the first sentence stays as it
 * was, one word of the second (a long one) changes, and the paragraph of the third is removed.
 */
const KEPT = 'India and Japan are strategic partners in the Quad';
const REWORDED = 'the agreement would allow Indian warships and aircraft to receive supplies, spares, and emergency assistance at Japanese military bases';
const REWORDED_V2 = REWORDED.replace('emergency', 'urgent');
const REMOVED = 'signed an agreement for co-development of a specialised stealth radio communication equipment used by naval warships';

async function sampleV2(): Promise<string> {
  const v1 = await fs.readFile(SAMPLE, 'utf8');
  const v2 = v1.replace(REWORDED, REWORDED_V2).replace(/In November 2024, India and Japan signed[^\n]*\n\n/, '');
  expect(v2).not.toContain(REMOVED);
  expect(v2).toContain(KEPT);
  return v2;
}

let tmp: string;
let ws: string;
const children: ChildProcess[] = [];
const liveForeignPid = () => liveForeign(children);
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-cli-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const child of children.splice(0)) child.kill();
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, with DOSSIER_WORKSPACE unset. */
async function run(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** In the workspace. */
const runWs = (...args: string[]) => run(...args, '--workspace', ws);

function expectOneErrorLine(r: Run, pattern?: RegExp, options: { stdout?: boolean } = {}): void {
  expect(r.code, r.stderr).not.toBe(0);
  const lines = r.stderr.split('\n');
  expect(lines, r.stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^dossier: \S/);
  if (pattern) expect(lines[0]).toMatch(pattern);
  if (options.stdout !== false) expect(r.stdout).toBe('');
}

function json(r: Run): unknown {
  expect(r.stdout.endsWith('\n')).toBe(true);
  expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(r.stdout);
}

async function writeFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(tmp, name);
  await fs.writeFile(file, content);
  return file;
}

async function importSample(): Promise<{ id: string; title: string; sha256: string }> {
  const r = await runWs('import', SAMPLE, '--json');
  expect(r.code, r.stderr).toBe(0);
  return (json(r) as { articles: { id: string; title: string; sha256: string }[] }).articles[0]!;
}

async function expectNoLock(): Promise<void> {
  await expect(fs.access(path.join(ws, '.dossier.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
}

describe('dossier import', () => {
  it('--json prints {"articles":[{id,title,sha256}]} and creates the workspace', async () => {
    const r = await runWs('import', SAMPLE, '--json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const out = json(r) as { articles: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['articles']);
    expect(out.articles).toHaveLength(1);
    const article = out.articles[0]!;
    expect(Object.keys(article)).toEqual(['id', 'title', 'sha256']);
    expect(article.id).toMatch(/^art_[0-9a-z]{26}$/);
    expect(article.title).toBe('India, Japan defence ministers to hold talks on strategic cooperation on Monday');
    expect(article.sha256).toBe(createHash('sha256').update(await fs.readFile(SAMPLE)).digest('hex'));
    await expect(fs.access(path.join(ws, 'workspace.json'))).resolves.toBeUndefined();
    await expectNoLock();
  });

  it('says when the same bytes are already in the workspace, with the same id', async () => {
    const first = await importSample();
    const r = await runWs('import', SAMPLE, '--json');
    expect(r.code).toBe(0);
    expect(json(r)).toEqual({ articles: [first] });
    expect(r.stderr).toBe(`dossier: already in the workspace: ${first.id} "${first.title}"\n`);
    const list = json(await runWs('articles', '--json')) as { articles: unknown[] };
    expect(list.articles).toHaveLength(1);
  });

  it('names the encodings a file may be in when it cannot tell, and --encoding imports it in the one chosen', async () => {
    const file = await writeFile('which.txt', Uint8Array.from([...Buffer.from('Field note\n\nThe village is called '), 0xec, 0xe8, 0xf0, 0x0a]));
    const asked = await runWs('import', file);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toBe('');
    const lines = asked.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^dossier: .*which\.txt is in a text encoding Dossier cannot tell for sure \(perhaps windows-1251, /);
    expect(lines).toContain('dossier:   --encoding windows-1251  village is called мир');
    expect(lines.some((l) => /^dossier: {3}--encoding koi8-r +village is called ЛХП$/.test(l))).toBe(true);

    const chosen = await runWs('import', file, '--encoding', 'cp1251', '--json');
    expect(chosen).toMatchObject({ code: 0, stderr: '' });
    const [article] = (json(chosen) as { articles: { id: string }[] }).articles;
    const folder = path.join(ws, 'articles', article!.id);
    const meta = JSON.parse(await fs.readFile(path.join(folder, 'article.json'), 'utf8')) as unknown;
    expect(JSON.stringify(meta)).toContain('"encoding":"windows-1251"');
    expect(JSON.stringify(JSON.parse(await fs.readFile(path.join(folder, 'v1', 'text.json'), 'utf8')))).toContain('The village is called мир');

    const unknown = await runWs('import', file, '--encoding', 'klingon-8');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--encoding: “klingon-8” is not a text encoding Dossier knows/);
  });

  it('prints a line per article without --json', async () => {
    const r = await runWs('import', SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported art_[0-9a-z]{26} {2}India, Japan defence ministers.*\n$/);
    const again = await runWs('import', SAMPLE);
    expect(again.stdout).toMatch(/^exists {3}art_/);
  });

  it('imports the good files of a batch and names each bad one, exiting 1', async () => {
    const good = await writeFile('good.txt', 'Good article\n\nWith a body.');
    const empty = await writeFile('empty.txt', '');
    const binary = await writeFile('image.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const latin1 = await writeFile('which.txt', Uint8Array.from([0x49, 0x74, 0x65, 0x6d, 0x20, 0xec, 0xe8, 0xf0, 0x0a]));
    const missing = path.join(tmp, 'missing.txt');
    const r = await runWs('import', good, empty, missing, binary, latin1);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^imported art_[0-9a-z]{26} {2}Good article\n1 of 5 imported, 4 failed\n$/);
    const errors = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('[') && !l.startsWith('dossier:   --encoding'));
    expect(errors).toHaveLength(4);
    for (const [file, reason] of [
      [missing, /no such file/],
      [empty, /empty/],
      [binary, /binary/],
      [latin1, /text encoding Dossier cannot tell/],
    ] as const) {
      const line = errors.find((l) => l.includes(file));
      expect(line, file).toMatch(/^dossier: /);
      expect(line).toMatch(reason);
    }
  });

  it.each([
    ['a missing file', async () => path.join(tmp, 'nope.txt'), /no such file/],
    ['an empty file', () => writeFile('empty.txt', ''), /is empty/],
    ['a whitespace-only file', () => writeFile('blank.txt', ' \n\n\t '), /only whitespace/],
    ['a binary file', () => writeFile('image.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), /binary/],
    ['a folder with nothing to import', async () => tmp, /no files to import in this folder/],
  ])('fails on %s with one line naming it, and nothing on stdout', async (_label, make, reason) => {
    const file = await make();
    const r = await runWs('import', file);
    expectOneErrorLine(r, reason);
    expect(r.stderr).toContain(file);
    expect(r.code).toBe(1);
  });

  it('needs at least one file', async () => {
    const r = await runWs('import');
    expectOneErrorLine(r, /at least one FILE/);
    expect(r.code).toBe(2);
  });
});

describe('dossier articles / annotate / annotations / export', () => {
  it('articles --json prints {"articles":[{id,title,published}]}', async () => {
    const article = await importSample();
    const r = await runWs('articles', '--json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const out = json(r) as { articles: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['articles']);
    expect(out.articles).toEqual([{ id: article.id, title: article.title, published: '2025-05-04' }]);
    expect(Object.keys(out.articles[0]!)).toEqual(['id', 'title', 'published']);
    await expectNoLock();
  });

  it('articles without --json lists ids, dates and titles, or says there are none', async () => {
    await (await WorkspaceStore.open(ws, { create: true })).close();
    expect((await runWs('articles')).stdout).toMatch(/No articles yet/);
    const article = await importSample();
    expect((await runWs('articles')).stdout).toBe(`${article.id}  2025-05-04  ${article.title}\n`);
  });

  it('annotate --json prints {"annotation":{id,start,end,exact}} and annotations --json lists it', async () => {
    const article = await importSample();
    const r = await runWs('annotate', '--article', article.id, '--quote', "Ministers' Meeting-Plus", '--comment', 'ASEAN forum', '--json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const out = json(r) as { annotation: { id: string; start: number; end: number; exact: string } };
    expect(Object.keys(out)).toEqual(['annotation']);
    expect(Object.keys(out.annotation)).toEqual(['id', 'start', 'end', 'exact']);
    expect(out.annotation.exact).toBe('Ministers\u2019 Meeting-Plus');
    expect(out.annotation.end - out.annotation.start).toBe(23);
    expect(out.annotation.id).toMatch(/^ann_[0-9a-z]{26}$/);

    const list = await runWs('annotations', '--article', article.id, '--json');
    expect(list).toMatchObject({ code: 0, stderr: '' });
    const listed = json(list) as { annotations: Record<string, unknown>[] };
    expect(Object.keys(listed)).toEqual(['annotations']);
    expect(listed.annotations).toEqual([
      { id: out.annotation.id, exact: 'Ministers\u2019 Meeting-Plus', start: out.annotation.start, end: out.annotation.end, comment: 'ASEAN forum', status: 'anchored' },
    ]);
    expect(Object.keys(listed.annotations[0]!)).toEqual(['id', 'exact', 'start', 'end', 'comment', 'status']);
    await expectNoLock();
  });

  it('annotate --occurrence picks the N-th of several, and prints a line without --json', async () => {
    const article = await importSample();
    const text = sampleArticle().text;
    const second = text.indexOf('India and Japan', text.indexOf('India and Japan') + 1);
    const r = await runWs('annotate', '--article', article.id, '--quote', 'India and Japan', '--occurrence', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^annotated ann_[0-9a-z]{26}  ${second}–${second + 15}  "India and Japan"\\n$`));
    const none = await runWs('annotations', '--article', article.id);
    expect(none.stdout).toMatch(/\[anchored\] {2}"India and Japan"\n$/);
  });

  it('resolves an unambiguous prefix of an article id, with or without "art_"', async () => {
    const article = await importSample();
    for (const prefix of [article.id.slice(0, 14), article.id.slice(4, 16)]) {
      const r = await runWs('annotations', '--article', prefix, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(json(r)).toEqual({ annotations: [] });
    }
  });

  it('refuses a prefix that matches several articles', async () => {
    await importSample();
    await runWs('import', await writeFile('other.txt', 'Other article\n\nBody.'));
    const r = await runWs('annotations', '--article', 'art_', '--json');
    expectOneErrorLine(r, /matches 2 articles/);
  });

  it('export --format md --out writes a brief with the quote, the comment and a citation; refuses to overwrite without --force', async () => {
    const article = await importSample();
    json(await runWs('annotate', '--article', article.id, '--quote', "Ministers' Meeting-Plus", '--comment', 'Laos meeting', '--json'));
    const out = path.join(tmp, 'brief.md');
    const r = await runWs('export', '--article', article.id, '--format', 'md', '--out', out);
    expect(r).toEqual({ code: 0, stdout: `wrote ${out}\n`, stderr: '' });
    const brief = await fs.readFile(out, 'utf8');
    expect(brief.startsWith('# India, Japan defence ministers to hold talks')).toBe(true);
    expect(brief).toContain('> Ministers\u2019 Meeting-Plus');
    expect(brief).toContain('\nLaos meeting\n');
    // Cited by the paragraph of the sample the reader numbers, never by character offsets.
    expect(brief).toMatch(/2025-05-04, ¶ \d+\./);
    expect(brief).not.toMatch(/characters \d/);
    expect(brief).toContain('**Source:** india-japan-defence-2025-05-04.txt');

    await fs.writeFile(out, 'my own notes');
    const again = await runWs('export', '--article', article.id, '--format', 'md', '--out', out);
    expectOneErrorLine(again, /already exists.*--force/);
    expect(again.code).toBe(1);
    expect(await fs.readFile(out, 'utf8')).toBe('my own notes');

    const forced = await runWs('export', '--article', article.id, '--format', 'md', '--out', out, '--force', '--json');
    expect(forced.code).toBe(0);
    expect(json(forced)).toEqual({ out, bytes: Buffer.byteLength(brief) });
    expect(await fs.readFile(out, 'utf8')).toBe(brief);
  });
});

describe('errors are one line on stderr', () => {
  let articleId: string;
  beforeEach(async () => {
    articleId = (await importSample()).id;
  });

  it.each<[string, () => string[], RegExp, number]>([
    ['unknown article', () => ['annotations', '--article', 'art_zzzzzzzzzzzzzzzzzzzzzzzzzz', '--json'], /No article with id/, 1],
    ['ambiguous quote', () => ['annotate', '--article', articleId, '--quote', 'India and Japan', '--json'], /occurs \d+ times.*--occurrence/, 1],
    ['quote not found', () => ['annotate', '--article', articleId, '--quote', 'Tokyo summit'], /not found/, 1],
    ['occurrence out of range', () => ['annotate', '--article', articleId, '--quote', 'Laos', '--occurrence', '2'], /out of range/, 1],
    ['bad occurrence', () => ['annotate', '--article', articleId, '--quote', 'Laos', '--occurrence', 'two'], /--occurrence/, 2],
    ['missing --quote', () => ['annotate', '--article', articleId], /--quote/, 2],
    ['missing --article', () => ['annotations', '--json'], /--article/, 2],
    ['unknown flag', () => ['articles', '--bogus'], /bogus/, 2],
    ['flag without value', () => ['annotations', '--article'], /article/, 2],
    ['unknown command', () => ['frobnicate'], /unknown command 'frobnicate'/, 2],
    ['unsupported format', () => ['export', '--article', articleId, '--format', 'rtf', '--out', 'x.rtf'], /unsupported --format 'rtf' \(supported: md, html, pdf, docx, jsonld\)/, 2],
    ['missing --out', () => ['export', '--article', articleId, '--format', 'md'], /--out/, 2],
    ['bad --port', () => ['serve', '--port', '70000'], /--port/, 2],
  ])('%s', async (_label, args, pattern, code) => {
    const r = await runWs(...args());
    expectOneErrorLine(r, pattern);
    expect(r.code).toBe(code);
    await expectNoLock();
  });

  it('export into a folder that does not exist', async () => {
    const r = await runWs('export', '--article', articleId, '--format', 'md', '--out', path.join(tmp, 'no', 'such', 'brief.md'));
    expectOneErrorLine(r, /folder does not exist/);
  });

  it('a folder that is not a workspace', async () => {
    const r = await run('articles', '--json', '--workspace', path.join(tmp, 'elsewhere'));
    expectOneErrorLine(r, /not a Dossier workspace/);
    expect(r.code).toBe(1);
  });

  it('a workspace held by another live process, with DOSSIER_LOCK_WAIT=0 (no waiting)', async () => {
    const lock = JSON.stringify({ pid: liveForeignPid(), host: os.hostname(), startedAt: '2025-05-04T00:00:00.000Z' });
    await fs.writeFile(path.join(ws, '.dossier.lock'), lock);
    const err: string[] = [];
    const code = await runCli(['articles', '--json', '--workspace', ws], { stdout: () => {}, stderr: (t) => err.push(t), env: { DOSSIER_LOCK_WAIT: '0' } });
    expectOneErrorLine({ code, stdout: '', stderr: err.join('') }, /open in another Dossier/);
    expect(await fs.readFile(path.join(ws, '.dossier.lock'), 'utf8')).toBe(lock);
  });

  it('a workspace held by another live process: waits for it (saying so once), then gives up naming it', async () => {
    const lock = JSON.stringify({ pid: liveForeignPid(), host: os.hostname(), startedAt: '2025-05-04T00:00:00.000Z' });
    await fs.writeFile(path.join(ws, '.dossier.lock'), lock);
    const err: string[] = [];
    const code = await runCli(['articles', '--json', '--workspace', ws], { stdout: () => {}, stderr: (t) => err.push(t), env: { DOSSIER_LOCK_WAIT: '0.3' } });
    expect(code).toBe(1);
    const lines = err.join('').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^dossier: waiting for process \d+ to finish with the workspace$/);
    expect(lines[1]).toMatch(/^dossier: .*open in another Dossier/);
    expect(await fs.readFile(path.join(ws, '.dossier.lock'), 'utf8')).toBe(lock);
  });

  it('a workspace held by another process that finishes meanwhile: waits, then does the work', async () => {
    const article = await importSample();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 400)'], { stdio: 'ignore' });
    children.push(holder);
    await fs.writeFile(path.join(ws, '.dossier.lock'), JSON.stringify({ pid: holder.pid, host: os.hostname(), startedAt: 'x' }));
    const r = await runWs('annotate', '--article', article.id, '--quote', KEPT, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^dossier: waiting for process ${holder.pid} to finish with the workspace\n`));
    expect(r.stderr.split('\n').filter((l) => l.includes('waiting'))).toHaveLength(1);
    await expectNoLock();
  });
});

describe('a missing library.json', () => {
  it('articles still lists every article, says the library was rebuilt, and the next import keeps them', async () => {
    const article = await importSample();
    await fs.rm(path.join(ws, 'library.json'));
    const r = await runWs('articles', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect((json(r) as { articles: { id: string }[] }).articles.map((a) => a.id)).toEqual([article.id]);
    expect(r.stderr).toMatch(/^dossier: .*library\.json was missing; the library was rebuilt from the 1 article folder/);
    await fs.rm(path.join(ws, 'library.json'));
    const imported = await runWs('import', await writeFile('other.txt', 'Other talks\n\nThe talks went on.'), '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const library = JSON.parse(await fs.readFile(path.join(ws, 'library.json'), 'utf8')) as { articles: { id: string }[] };
    expect(library.articles.map((a) => a.id)).toContain(article.id);
    expect(library.articles).toHaveLength(2);
  });
});

describe('a damaged workspace file', () => {
  it.each([
    '{\n  "schemaVersion": 1,\n  "kind": "annotations",\n  oops\n}\n',
    '{"schemaVersion": 1, "kind": "annotations", "articleId": "x", "rev": 0, "annotations": "none"}',
  ])('annotations.json (%#) → moved to quarantine/ as it was, the highlights rebuilt from the history, said in one line', async (content) => {
    const article = await importSample();
    expect((await runWs('annotate', '--article', article.id, '--quote', 'Laos', '--json')).code).toBe(0);
    const file = path.join(ws, 'articles', article.id, 'annotations.json');
    await fs.writeFile(file, content);
    const r = await runWs('annotations', '--article', article.id, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).annotations.map((a: { exact: string }) => a.exact)).toEqual(['Laos']);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^dossier: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was damaged: it was moved to quarantine/`))]);
    const [stamp] = await fs.readdir(path.join(ws, 'quarantine'));
    expect(await fs.readFile(path.join(ws, 'quarantine', stamp!, 'articles', article.id, 'annotations.json'), 'utf8')).toBe(content);
    await expectNoLock();
  });

  it.each([
    ['workspace.json', '{\n  "schemaVersion": 1\n  "kind": "workspace"\n}'],
    ['workspace.json', '{"schemaVersion": 1, "kind": "library"}'],
    ['library.json', '{"schemaVersion": 1, "kind": "library", "rev": 1, "articles": [{"id": 5}]}'],
    ['library.json', 'null'],
  ])('%s (%#) → exit 1, one line naming it, file untouched (reading and writing)', async (name, content) => {
    const article = await importSample();
    const file = path.join(ws, name);
    await fs.writeFile(file, content);
    const attempts = [
      ['annotations', '--article', article.id, '--json'],
      ['annotate', '--article', article.id, '--quote', 'Laos', '--json'],
      ['import', await writeFile('new.txt', 'A new article\n\nBody.'), '--json'],
    ];
    for (const args of attempts) {
      const r = await runWs(...args);
      expectOneErrorLine(r, undefined, { stdout: args[0] !== 'import' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(file);
      expect(await fs.readFile(file, 'utf8')).toBe(content);
      await expectNoLock();
    }
  });
});

describe('dossier import --replace', () => {
  /** The sample imported and highlighted three times through the CLI; the corrected version written to a file. */
  async function highlightedSample(): Promise<{ id: string; annotations: Record<string, string>; v2: string }> {
    const article = await importSample();
    const annotations: Record<string, string> = {};
    for (const quote of [KEPT, REWORDED, REMOVED]) {
      const r = await runWs('annotate', '--article', article.id, '--quote', quote, '--json');
      expect(r.code, r.stderr).toBe(0);
      annotations[quote] = (json(r) as { annotation: { id: string } }).annotation.id;
    }
    return { id: article.id, annotations, v2: await writeFile('india-japan-corrected.txt', await sampleV2()) };
  }

  it('--json prints {"article":{id,title,version},"annotations":{anchored,drifted,orphaned}}: 1 kept, 1 reworded, 1 removed', async () => {
    const { id, annotations, v2 } = await highlightedSample();
    const r = await runWs('import', v2, '--replace', id, '--json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const out = json(r) as { article: Record<string, unknown>; annotations: Record<string, number> };
    expect(Object.keys(out)).toEqual(['article', 'annotations']);
    expect(Object.keys(out.article)).toEqual(['id', 'title', 'version']);
    expect(Object.keys(out.annotations)).toEqual(['anchored', 'drifted', 'orphaned']);
    expect(out.article).toMatchObject({ id, version: 2 });
    expect(String(out.article.title).startsWith('India, Japan defence ministers')).toBe(true);
    expect(out.annotations).toEqual({ anchored: 1, drifted: 1, orphaned: 1 });
    await expectNoLock();

    const listed = json(await runWs('annotations', '--article', id, '--json')) as { annotations: { id: string; exact: string; status: string }[] };
    expect(listed.annotations.map((a) => [a.id, a.status, a.exact])).toEqual([
      [annotations[KEPT], 'anchored', KEPT],
      [annotations[REWORDED], 'drifted', REWORDED_V2],
      [annotations[REMOVED], 'orphaned', REMOVED],
    ]);

    // Version 1 stays readable; version 2 is what the article shows now.
    const store = await WorkspaceStore.open(ws);
    cleanups.push(() => store.close());
    const api = createCore(store).api;
    const v1Text = sampleArticle().text;
    expect((await api['articles.versionText']({ id, version: 1 })).text).toBe(v1Text.trimEnd());
    const current = await api['articles.get']({ id });
    expect(current.article.versions.map((v) => [v.version, v.source])).toEqual([
      [1, 'india-japan-defence-2025-05-04.txt'],
      [2, 'india-japan-corrected.txt'],
    ]);
    expect(current.text).toContain(REWORDED_V2);
    expect(current.text).not.toContain(REMOVED);
  });

  it('prints the counts and lists the orphans without --json', async () => {
    const { id, annotations, v2 } = await highlightedSample();
    const r = await runWs('import', v2, '--replace', id.slice(0, 16));
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        `replaced ${id} with version 2: 1 anchored, 1 drifted, 1 orphaned\n` +
        `  orphaned ${annotations[REMOVED]}  "${REMOVED}"\n` +
        'Re-attach orphaned highlights in the app by selecting their new words.\n',
    });
  });

  it('prints only the counts when nothing is orphaned', async () => {
    const article = await importSample();
    await runWs('annotate', '--article', article.id, '--quote', KEPT);
    const r = await runWs('import', await writeFile('v2.txt', await sampleV2()), '--replace', article.id);
    expect(r).toEqual({ code: 0, stderr: '', stdout: `replaced ${article.id} with version 2: 1 anchored, 0 drifted, 0 orphaned\n` });
  });

  it('exports a brief of the new version with its version line and the orphan apart', async () => {
    const { id, v2 } = await highlightedSample();
    await runWs('import', v2, '--replace', id);
    const out = path.join(tmp, 'brief.md');
    expect((await runWs('export', '--article', id, '--format', 'md', '--out', out)).code).toBe(0);
    const brief = await fs.readFile(out, 'utf8');
    expect(brief).toContain('- **Version:** 2 of 2');
    expect(brief).toContain(`- **SHA-256:** \`${createHash('sha256').update(await fs.readFile(v2)).digest('hex')}\``);
    expect(brief).toContain('## Highlights (2)');
    expect(brief).toContain('text changed since highlighted');
    expect(brief).toContain('## Highlights not found in the current version (1)');
  });

  it.each<[string, (id: string) => Promise<string[]>, RegExp, number]>([
    ['no FILE', async (id) => ['import', '--replace', id], /exactly one FILE/, 2],
    ['two FILEs', async (id) => ['import', SAMPLE, SAMPLE, '--replace', id], /exactly one FILE/, 2],
    ['--replace without an id', async () => ['import', SAMPLE, '--replace'], /replace/, 2],
    ['an unknown article', async () => ['import', await writeFile('v2.txt', await sampleV2()), '--replace', 'art_zzzzzzzzzzzzzzzzzzzzzzzzzz'], /No article with id/, 1],
    ['a missing file', async (id) => ['import', path.join(tmp, 'nope.txt'), '--replace', id], /no such file/, 1],
    ['the same bytes as the current version', async (id) => ['import', SAMPLE, '--replace', id, '--json'], /already version 1/, 1],
    ['a file that is not an article', async (id) => ['import', await writeFile('stub.md', '# Stub\n\nShort.'), '--replace', id], /not an article/, 1],
  ])('refuses %s with one line on stderr, changing nothing', async (_label, args, pattern, code) => {
    const article = await importSample();
    const before = await fs.readFile(path.join(ws, 'articles', article.id, 'article.json'), 'utf8');
    const r = await runWs(...(await args(article.id)));
    expectOneErrorLine(r, pattern);
    expect(r.code).toBe(code);
    expect(await fs.readFile(path.join(ws, 'articles', article.id, 'article.json'), 'utf8')).toBe(before);
    await expectNoLock();
  });

  it('refuses the bytes of another article, naming it', async () => {
    const article = await importSample();
    const other = await writeFile('other.txt', 'Other article\n\nA different text altogether.');
    const imported = json(await runWs('import', other, '--json')) as { articles: { id: string }[] };
    const r = await runWs('import', other, '--replace', article.id);
    expectOneErrorLine(r, new RegExp(`another article.*${imported.articles[0]!.id}`));
    expect(r.code).toBe(1);
  });
});

describe('help', () => {
  it('prints usage on stdout with --help, and on stderr with exit 2 without a command', async () => {
    expect(await run('--help')).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    expect(await run()).toEqual({ code: 2, stdout: '', stderr: USAGE });
  });
});

describe('talking to a running Dossier', () => {
  const runningApp = () => runningDossier(ws, SAMPLE, { children, cleanups });

  it('lists, annotates and imports through the host instead of opening the files', async () => {
    const { core, articleId, reasons } = await runningApp();
    const annotated = await runWs('annotate', '--article', articleId.slice(0, 16), '--quote', "Ministers' Meeting-Plus", '--comment', 'via host', '--json');
    expect(annotated.stderr).toBe('');
    expect(annotated.code).toBe(0);
    expect(reasons).toEqual(['edit annotation created']);
    const { annotation } = json(annotated) as { annotation: { id: string; start: number; end: number } };

    const listed = await runWs('annotations', '--article', articleId, '--json');
    expect(listed.code).toBe(0);
    expect(json(listed)).toEqual({
      annotations: [{ id: annotation.id, exact: 'Ministers\u2019 Meeting-Plus', start: annotation.start, end: annotation.end, comment: 'via host', status: 'anchored' }],
    });

    const imported = await runWs('import', await writeFile('remote.txt', 'Remote article\n\nBody.'), '--json');
    expect(imported.code).toBe(0);
    const { articles } = json(imported) as { articles: { id: string; title: string }[] };
    expect(articles[0]!.title).toBe('Remote article');
    expect(core.store.hasArticle(articles[0]!.id)).toBe(true);
    expect(core.store.listArticles().find((a) => a.id === articles[0]!.id)?.source).toBe('remote.txt');
    expect(reasons).toEqual(['edit annotation created', 'edit article created']);
  });

  it('replaces an article through the host, and annotates and lists it there afterwards', async () => {
    const { core, articleId, reasons } = await runningApp();
    for (const quote of [KEPT, REWORDED, REMOVED]) {
      expect((await runWs('annotate', '--article', articleId, '--quote', quote, '--json')).code).toBe(0);
    }
    const replaced = await runWs('import', await writeFile('corrected.txt', await sampleV2()), '--replace', articleId, '--json');
    expect(replaced.stderr).toBe('');
    expect(json(replaced)).toEqual({
      article: { id: articleId, title: expect.stringMatching(/^India, Japan defence ministers/), version: 2 },
      annotations: { anchored: 1, drifted: 1, orphaned: 1 },
    });
    expect((await core.store.readMeta(articleId)).version).toBe(2);
    expect(reasons).toEqual(['edit annotation created', 'edit annotation created', 'edit annotation created', 'edit article updated, annotation updated']);

    const annotated = json(await runWs('annotate', '--article', articleId, '--quote', 'urgent assistance', '--json')) as { annotation: { id: string } };
    const listed = json(await runWs('annotations', '--article', articleId, '--json')) as { annotations: { id: string; status: string }[] };
    expect(listed.annotations.map((a) => a.status)).toEqual(['anchored', 'drifted', 'anchored', 'orphaned']);
    expect(listed.annotations.map((a) => a.id)).toContain(annotated.annotation.id);
    expect((await core.api['articles.versionText']({ id: articleId, version: 1 })).text).toContain(REMOVED);
  });

  it('passes the running app\u2019s errors on as one line', async () => {
    const { articleId } = await runningApp();
    const r = await runWs('annotate', '--article', articleId, '--quote', 'India and Japan', '--json');
    expectOneErrorLine(r, /occurs \d+ times/);
  });

  it('says so when the advertised app cannot be reached', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await (await WorkspaceStore.open(ws, { create: true })).close();
    await fs.writeFile(
      path.join(ws, '.dossier.lock'),
      JSON.stringify({ pid: liveForeignPid(), host: os.hostname(), startedAt: 'x', url: `http://127.0.0.1:${port}`, token: 't' }),
    );
    const r = await runWs('articles', '--json');
    expectOneErrorLine(r, /Could not reach the running Dossier/);
  });
});

describe('a workspace written by an earlier Dossier', () => {
  it('is upgraded by the first command that opens it, which says so on stderr', async () => {
    const fixture = path.join(import.meta.dirname, '..', 'core', 'store', 'fixtures', 'workspace-v1');
    const dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-cli-v1-')), 'ws');
    await fs.cp(fixture, dir, { recursive: true });
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['articles', '--json', '--workspace', dir], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {} });
    expect(code).toBe(0);
    expect(err.join('')).toMatch(/^dossier: upgraded the workspace \(schema 1 → 2: /);
    expect((JSON.parse(out.join('')) as { articles: unknown[] }).articles).toHaveLength(1);
    await fs.rm(path.dirname(dir), { recursive: true, force: true });
  });
});
