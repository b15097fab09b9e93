import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLock } from '../../core/store/lock';
import { RENDERER_DIR } from '../paths';
import { serve } from './serve';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-serve-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** `dossier serve` on `dir`, once it has printed its URL: what it wrote, how to stop it, where it listens. */
async function startServing(dir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  let printed!: () => void;
  const urlPrinted = new Promise<void>((resolve) => (printed = resolve));
  const running = serve(
    dir,
    0,
    {
      stdout: (t) => {
        out.push(t);
        printed();
      },
      stderr: (t) => err.push(t),
      env: { DOSSIER_APP_DATA: path.join(tmp, 'app-data') },
    },
    controller.signal,
  );
  await urlPrinted;
  const url = out[0]!.trim();
  return { out, err, controller, running, url, origin: url.slice(0, url.indexOf('/#')), token: url.slice(url.indexOf('#token=') + 7) };
}

// `dossier serve` serves the built renderer; before `npm run build` there is nothing to serve.
describe.skipIf(!existsSync(path.join(RENDERER_DIR, 'index.html')))('serve', () => {
  it('creates the workspace with the sample, prints the URL, advertises it in the lock and cleans up when stopped', async () => {
    const ws = path.join(tmp, 'ws');
    const sigint = process.listenerCount('SIGINT');
    const sigterm = process.listenerCount('SIGTERM');
    const { err, controller, running, url, origin, token } = await startServing(ws);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(await readLock(ws)).toMatchObject({ pid: process.pid, url: origin, token });

    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const list = (await (
      await fetch(`${origin}/api/call/articles.list`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' })
    ).json()) as { ok: boolean; value: { articles: { source: string }[] } };
    expect(list.value.articles.map((a) => a.source)).toEqual(['india-japan-defence-2025-05-04.txt']);
    expect(err.join('')).toMatch(/^dossier: serving /);

    controller.abort();
    expect(await running).toBe(0);
    await expect(fs.access(path.join(ws, '.dossier.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fetch(`${origin}/`)).rejects.toThrow();
    // Stopping through the signal leaves no handler behind that would swallow a later Ctrl+C.
    expect(process.listenerCount('SIGINT')).toBe(sigint);
    expect(process.listenerCount('SIGTERM')).toBe(sigterm);
  });

  it('switches to another workspace for the page: the lock moves, and a CLI call naming the old one is refused', async () => {
    const first = path.join(tmp, 'first');
    const second = path.join(tmp, 'second');
    const { err, controller, running, origin, token } = await startServing(first);
    const post = async (name: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${origin}/api/call/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } } };
    };

    expect((await post('workspaces.create', { path: second, name: 'Second' })).body).toEqual({ ok: true, value: { path: second, name: 'Second' } });
    expect(await readLock(first)).toBeNull();
    expect(await readLock(second)).toMatchObject({ pid: process.pid, url: origin, token });
    expect(err.join('')).toContain(`now serving the workspace ${second}`);
    const named = (dir: string) => ({ 'X-Dossier-Workspace': encodeURIComponent(dir) });
    expect(await post('articles.list', {}, named(first))).toMatchObject({ status: 409, body: { ok: false, error: { code: 'conflict' } } });
    expect(await post('articles.list', {}, named(second))).toEqual({ status: 200, body: { ok: true, value: { articles: [] } } });
    const recent = (await post('workspaces.recent', {})).body.value as { workspaces: { name: string }[] };
    expect(recent.workspaces.map((w) => w.name)).toEqual(['Second', 'first']);

    controller.abort();
    expect(await running).toBe(0);
    expect(await readLock(second)).toBeNull();
  });

  it('serves the start screen, saying why, when the workspace cannot be opened', async () => {
    const papers = path.join(tmp, 'papers');
    await fs.mkdir(papers);
    await fs.writeFile(path.join(papers, 'report.docx'), 'x');
    const { err, controller, running, origin, token } = await startServing(papers);
    const post = async (name: string) =>
      (await (await fetch(`${origin}/api/call/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' })).json()) as {
        ok: boolean;
        value?: { current: string | null; problem?: { path: string; message: string } };
        error?: { code: string };
      };
    expect((await fetch(`${origin}/`)).status).toBe(200);
    expect(await post('workspaces.recent')).toMatchObject({ ok: true, value: { current: null, problem: { path: papers, message: expect.stringContaining('already holds other files') } } });
    expect(await post('articles.list')).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
    expect(err.join('')).toContain('serving the start screen');
    await expect(fs.access(path.join(papers, 'workspace.json'))).rejects.toThrow();

    controller.abort();
    expect(await running).toBe(0);
  });
});
