import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../dossierCore';
import { deadPid } from '../testing/testHelpers';
import { WorkspaceStore } from './workspaceStore';

/** Temp files of saves a crash cut short (`.<name>.<hex>.tmp`) are removed when the workspace is opened. */

let tmp: string;
let ws: string;
let articleId: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-leftovers-'));
  ws = path.join(tmp, 'ws');
  const core = createCore(await WorkspaceStore.open(ws, { create: true }));
  const { articles } = await core.api['articles.import']({ files: [{ name: 'a.txt', base64: Buffer.from('Talks\n\nThe talks began.').toString('base64') }] });
  articleId = articles[0]!.id;
  await core.close();
  await fs.mkdir(path.join(ws, 'notes'), { recursive: true });
  await fs.mkdir(path.join(ws, 'search'), { recursive: true });
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

let serial = 0;
/** A temp file in `dir` (relative to the workspace), last changed `ageMs` ago; answers its path. */
async function leftover(dir: string, name: string, ageMs: number): Promise<string> {
  const file = path.join(ws, dir, `.${name}.${(serial++).toString(16).padStart(12, '0')}.tmp`);
  await fs.writeFile(file, '{"half":');
  const when = new Date(Date.now() - ageMs);
  await fs.utimes(file, when, when);
  return file;
}

const exists = (file: string) => fs.access(file).then(() => true, () => false);
const MINUTES = 60_000;

describe('opening a workspace', () => {
  it('removes temp files older than a minute, everywhere saves happen, and keeps younger ones', async () => {
    const old = [
      await leftover('.', 'library.json', 2 * MINUTES),
      await leftover('.', 'notes.json', 5 * MINUTES),
      await leftover('notes', 'note_x.json', 2 * MINUTES),
      await leftover('search', 'index.bin', 2 * MINUTES),
      await leftover(path.join('articles', articleId), 'annotations.json', 60 * MINUTES),
    ];
    const young = [await leftover('.', 'entities.json', 5_000), await leftover(path.join('articles', articleId), 'annotations.json', 5_000)];
    const store = await WorkspaceStore.open(ws);
    await store.close();
    for (const file of old) expect(await exists(file), file).toBe(false);
    for (const file of young) expect(await exists(file), file).toBe(true);
    expect(await exists(path.join(ws, 'library.json'))).toBe(true);
  });

  it('after taking over the lock of a process that died, removes every temp file from before (but not lock attempts)', async () => {
    await fs.writeFile(path.join(ws, '.dossier.lock'), JSON.stringify({ pid: deadPid(), host: os.hostname(), startedAt: 'x' }));
    const left = [await leftover('.', 'library.json', 5_000), await leftover(path.join('articles', articleId), 'annotations.json', 5_000)];
    const lockAttempt = await leftover('.', '.dossier.lock', 5_000);
    const store = await WorkspaceStore.open(ws);
    expect(store.lockTakeoverMessage).toMatch(/no longer running/);
    for (const file of left) expect(await exists(file), file).toBe(false);
    expect(await exists(lockAttempt)).toBe(true);
    await store.close();
  });

  it('leaves them to the writer when opened without the lock', async () => {
    const file = await leftover('.', 'library.json', 2 * MINUTES);
    const store = await WorkspaceStore.open(ws, { lock: false });
    await store.close();
    expect(await exists(file)).toBe(true);
  });
});
