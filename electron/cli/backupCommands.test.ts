import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveForeignPid } from '../core/testing/testHelpers';
import { USAGE } from './runCli';
import { runCaptured } from './testing/runCaptured';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

let tmp: string;
let ws: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-cli-backup-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  await fs.rm(tmp, { recursive: true, force: true });
});

const run = (...args: string[]) => runCaptured(args);

/** The sample imported and highlighted through the CLI; returns its id. */
async function populated(): Promise<string> {
  const { articles } = JSON.parse((await run('import', SAMPLE, '--json', '--workspace', ws)).stdout) as { articles: { id: string }[] };
  const id = articles[0]!.id;
  expect((await run('annotate', '--article', id, '--quote', 'strategic partners', '--comment', 'Quad', '--workspace', ws)).code).toBe(0);
  return id;
}

const listing = async (dir: string, id: string) => ({
  articles: (await run('articles', '--json', '--workspace', dir)).stdout,
  annotations: (await run('annotations', '--article', id, '--json', '--workspace', dir)).stdout,
});

function expectOneErrorLine(r: { code: number; stdout: string; stderr: string }, pattern: RegExp, code = 1): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^dossier: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

describe('dossier backup / restore', () => {
  it('backs up and restores into a new folder that lists the same articles and annotations', async () => {
    const id = await populated();
    const out = path.join(tmp, 'backup.zip');
    const backup = await run('backup', '--out', out, '--workspace', ws);
    expect(backup).toEqual({ code: 0, stderr: '', stdout: expect.stringMatching(new RegExp(`^backed up 7 files \\(\\d+ KB\\) to ${out}\\n$`)) });
    await expect(fs.access(path.join(ws, '.dossier.lock'))).rejects.toMatchObject({ code: 'ENOENT' });

    const restored = path.join(tmp, 'restored');
    const restore = await run('restore', out, '--workspace', restored);
    expect(restore).toEqual({ code: 0, stderr: '', stdout: `restored 1 article (7 files) from backup.zip into ${restored}\n` });
    expect(await listing(restored, id)).toEqual(await listing(ws, id));
  });

  it('--json prints {out, workspaceId, files, bytes} and {workspace, workspaceId, files, articles, encrypted}', async () => {
    await populated();
    const out = path.join(tmp, 'backup.zip');
    const backup = JSON.parse((await run('backup', '--out', out, '--json', '--workspace', ws)).stdout) as Record<string, unknown>;
    expect(Object.keys(backup)).toEqual(['out', 'workspaceId', 'files', 'bytes']);
    expect(backup).toMatchObject({ out, files: 7 });
    const restored = path.join(tmp, 'restored');
    const restore = JSON.parse((await run('restore', out, '--json', '--workspace', restored)).stdout) as Record<string, unknown>;
    expect(restore).toEqual({ workspace: restored, workspaceId: backup.workspaceId, files: 7, articles: 1, encrypted: false });
  });

  it('needs --force to overwrite an existing archive', async () => {
    await populated();
    const out = path.join(tmp, 'backup.zip');
    await fs.writeFile(out, 'mine');
    expectOneErrorLine(await run('backup', '--out', out, '--workspace', ws), /already exists; add --force to overwrite it/);
    expect(await fs.readFile(out, 'utf8')).toBe('mine');
    expect((await run('backup', '--out', out, '--force', '--workspace', ws)).code).toBe(0);
  });

  it('backs up a workspace another Dossier holds, leaving its lock alone', async () => {
    await populated();
    const lock = JSON.stringify({ pid: liveForeignPid(children), host: os.hostname(), startedAt: new Date().toISOString() });
    await fs.writeFile(path.join(ws, '.dossier.lock'), lock);
    const out = path.join(tmp, 'backup.zip');
    expect((await run('backup', '--out', out, '--workspace', ws)).code).toBe(0);
    expect(await fs.readFile(path.join(ws, '.dossier.lock'), 'utf8')).toBe(lock);
    expect((await run('restore', out, '--workspace', path.join(tmp, 'restored'))).code).toBe(0);
  });

  it('refuses to restore into a folder that is not empty, or from a changed archive, leaving nothing behind', async () => {
    await populated();
    const out = path.join(tmp, 'backup.zip');
    await run('backup', '--out', out, '--workspace', ws);
    expectOneErrorLine(await run('restore', out, '--workspace', ws), /is not empty .*restore into an empty or new folder/);

    const bytes = await fs.readFile(out);
    const name = Buffer.from('/v1/original.txt');
    const at = bytes.indexOf(name) + name.length + 400;
    bytes[at] = bytes[at]! ^ 0x01;
    await fs.writeFile(out, bytes);
    const target = path.join(tmp, 'restored');
    expectOneErrorLine(await run('restore', out, '--workspace', target), /cannot be restored|is damaged/);
    await expect(fs.access(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each<[string, string[], RegExp]>([
    ['backup without --out', ['backup'], /backup needs --out FILE\.zip/],
    ['restore without a file', ['restore'], /restore takes exactly one FILE\.zip/],
    ['restore with two files', ['restore', 'a.zip', 'b.zip'], /restore takes exactly one FILE\.zip/],
  ])('usage error: %s', async (_label, args, pattern) => {
    expectOneErrorLine(await run(...args, '--workspace', ws), pattern, 2);
  });

  it('are in the usage text', () => {
    expect(USAGE).toContain('  backup --out FILE.zip [--force]        write the whole workspace into one archive (with SHA-256 manifest)\n');
    expect(USAGE).toContain('  restore FILE.zip --workspace DIR       restore a backup into an empty or new folder\n');
    expect(USAGE).toContain('  import FILE.jsonld                     add W3C Web Annotations to the articles they were made on\n');
  });
});
