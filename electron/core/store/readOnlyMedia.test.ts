import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { canMount } from '../testing/mounts';
import { rejection } from '../testing/testHelpers';
import { WorkspaceStore } from './workspaceStore';

/** Files the analyst made read-only, and workspaces on storage that cannot be written. */
const TEXT = 'The ministers met in Delhi.\n\nThey agreed on logistics.';

let tmp: string;
let ws: string;
let articleId: string;
const cores: DossierCore[] = [];

beforeEach(async () => {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'dossier-readonly-'));
  ws = path.join(tmp, 'ws');
  const core = createCore(await WorkspaceStore.open(ws, { create: true }));
  const { articles } = await core.api['articles.import']({ files: [{ name: 'a.txt', base64: Buffer.from(TEXT).toString('base64') }] });
  articleId = articles[0]!.id;
  await core.api['annotations.createFromQuote']({ articleId, quote: 'Delhi', comment: 'kept' });
  await core.store.close();
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const core of cores.splice(0)) await core.store.close();
  await fsp.rm(tmp, { recursive: true, force: true });
});

async function open(dir = ws): Promise<DossierCore> {
  const core = createCore(await WorkspaceStore.open(dir, {}));
  cores.push(core);
  return core;
}

describe('a workspace file made read-only (chmod 444)', () => {
  it('is never replaced: the save is refused naming the file, which keeps its bytes and its mode', async () => {
    const file = path.join(ws, 'articles', articleId, 'annotations.json');
    await fsp.chmod(file, 0o444);
    const before = await fsp.readFile(file, 'utf8');
    const core = await open();
    const error = await rejection(core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' }));
    expect(error).toMatchObject({ code: 'read-only', file, message: expect.stringContaining('is read-only (its permissions say so)') });
    await core.store.close();
    expect(await fsp.readFile(file, 'utf8')).toBe(before);
    expect((await fsp.stat(file)).mode & 0o777).toBe(0o444);

    await fsp.chmod(file, 0o644);
    const again = await open();
    await again.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    expect((await again.api['annotations.list']({ articleId })).annotations).toHaveLength(2);
  });

  it('keeps the permissions of a file it replaces', async () => {
    const file = path.join(ws, 'articles', articleId, 'annotations.json');
    await fsp.chmod(file, 0o600);
    const core = await open();
    await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    await core.store.close();
    expect((await fsp.stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe('a workspace on storage that cannot be written', () => {
  it('opens read-only, says why, serves everything it holds and refuses changes', async () => {
    const link = fsp.link.bind(fsp);
    vi.spyOn(fsp, 'writeFile').mockImplementation(async (file) => {
      throw Object.assign(new Error(`EROFS: read-only file system, open '${String(file)}'`), { code: 'EROFS', syscall: 'open', path: String(file) });
    });
    vi.spyOn(fsp, 'link').mockImplementation(link);
    const core = await open();
    const info = await core.api['workspace.info']({});
    expect(info).toMatchObject({ readOnly: true, readOnlyReason: `${ws} cannot be written (the disk is read-only), so the workspace is open read-only.` });
    expect((await core.api['annotations.list']({ articleId })).annotations.map((a) => a.comment)).toEqual(['kept']);
    expect((await rejection(core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' }))).code).toBe('read-only');
    await expect(fsp.access(path.join(ws, '.dossier.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.runIf(canMount())('opens read-only from a real read-only mount', async () => {
    const mount = path.join(tmp, 'mnt');
    await fsp.mkdir(mount);
    execFileSync('mount', ['--bind', ws, mount]);
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', mount]);
      const core = await open(mount);
      expect(await core.api['workspace.info']({})).toMatchObject({ readOnly: true, readOnlyReason: expect.stringContaining('the disk is read-only') });
      expect((await core.api['annotations.list']({ articleId })).annotations).toHaveLength(1);
      expect((await rejection(core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' }))).code).toBe('read-only');
      await cores.pop()!.store.close();
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});
