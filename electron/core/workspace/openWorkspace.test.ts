import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DossierCore } from '../dossierCore';
import { openAppWorkspace, SAMPLE_ARTICLE } from './openWorkspace';

const ASSETS_DIR = fileURLToPath(new URL('../../../assets', import.meta.url));

let tmp: string;
let ws: string;
const cores: DossierCore[] = [];
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-open-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function openApp(assets = ASSETS_DIR) {
  const opened = await openAppWorkspace(ws, assets);
  cores.push(opened.core);
  return opened;
}

describe('openAppWorkspace', () => {
  it('creates a new workspace with the sample article and opens it first', async () => {
    const { core, notices } = await openApp();
    expect(notices).toEqual([]);
    const { articles } = await core.api['articles.list']({});
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ source: SAMPLE_ARTICLE, published: '2025-05-04' });
    expect(articles[0]).toMatchObject({ title: 'India, Japan defence ministers to hold talks on strategic cooperation on Monday', outlet: 'The Tribune' });
    expect(await core.api['app.startup']({})).toEqual({ articleId: articles[0]!.id });
  });

  it('does not import the sample again when the workspace exists', async () => {
    const first = await openApp();
    const { articles } = await first.core.api['articles.list']({});
    await first.core.store.close();
    const second = await openApp();
    expect((await second.core.api['articles.list']({})).articles).toEqual(articles);
  });

  it('tells about a stale lock it took over', async () => {
    await (await openApp()).core.store.close();
    let deadPid = 999_999;
    for (; ; deadPid++) {
      try {
        process.kill(deadPid, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') break;
      }
    }
    await fs.writeFile(path.join(ws, '.dossier.lock'), JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: 'earlier' }));
    const { notices } = await openApp();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(String(deadPid));
  });

  it('releases the workspace when the sample cannot be read', async () => {
    await expect(openAppWorkspace(ws, path.join(tmp, 'no-assets'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.access(path.join(ws, '.dossier.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
