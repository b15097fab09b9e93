import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { Backups } from './backups';

let tmp: string;
let ws: string;
let core: DossierCore | null;
let articleId: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-schedule-'));
  ws = path.join(tmp, 'ws');
  const setup = createCore(await WorkspaceStore.open(ws, { create: true }));
  const { articles } = await setup.api['articles.import']({
    files: [{ name: 'a.txt', base64: Buffer.from('Ministers meet\n\nThe ministers met in Delhi and agreed on logistics.').toString('base64') }],
  });
  articleId = articles[0]!.id;
  await setup.close();
  core = null;
});
afterEach(async () => {
  await core?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const reasons = async () => (await new Backups(ws).list()).map((b) => b.reason).reverse();
async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

describe('the backup schedule', () => {
  it('backs up after opening, at most once per period while changes come, and at exit', async () => {
    core = createCore(await WorkspaceStore.open(ws), { backups: { openDelayMs: 0, everyMs: 600, settleMs: 50 } });
    await until(async () => (await reasons()).length === 1);
    expect(await reasons()).toEqual(['open']);

    // Three changes in quick succession: one backup, once the period since the last has passed.
    for (const quote of ['Delhi', 'logistics', 'ministers']) await core.api['annotations.createFromQuote']({ articleId, quote });
    await sleep(300);
    expect(await reasons()).toEqual(['open']);
    await until(async () => (await reasons()).length === 2);
    expect(await reasons()).toEqual(['open', 'activity']);

    await core.api['annotations.createFromQuote']({ articleId, quote: 'agreed' });
    await core.close();
    core = null;
    expect(await reasons()).toEqual(['open', 'activity', 'exit']);
    const exit = (await new Backups(ws).list())[0]!;
    const files = await new Backups(ws).filesIn(exit.id);
    expect(files.map((f) => f.file)).toContain(`articles/${articleId}/annotations.json`);
  });

  it('takes no backup at exit when nothing changed, and none at all on a read-only workspace', async () => {
    core = createCore(await WorkspaceStore.open(ws), { backups: { openDelayMs: 0 } });
    await until(async () => (await reasons()).length === 1);
    await core.close();
    core = null;
    expect(await reasons()).toEqual(['open']);

    const reader = createCore(await WorkspaceStore.open(ws, { lock: false }), { backups: { openDelayMs: 0 } });
    await sleep(100);
    await expect(reader.api['backups.take']({})).rejects.toThrow();
    await reader.close();
    expect(await reasons()).toEqual(['open']);
  });
});
