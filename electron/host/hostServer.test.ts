import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type DossierCore } from '../core/dossierCore';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { startHost, type RunningHost } from './hostServer';
import { CONTENT_SECURITY_POLICY } from './securityHeaders';
import { step } from '../common/model/phrase';

const INDEX_HTML = '<!doctype html><html><head><title>Dossier test</title></head><body></body></html>';
const SECRET = 'TOP-SECRET-OUTSIDE-RENDERER';

let tmp: string;
let core: DossierCore;
let host: RunningHost;
let articleId: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-host-'));
  const rendererDir = path.join(tmp, 'renderer');
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  // Things a path traversal would love to reach.
  await fs.writeFile(path.join(tmp, 'secret.txt'), SECRET);
  await fs.writeFile(path.join(tmp, 'package.json'), `{"secret":"${SECRET}"}`);
  await fs.mkdir(path.join(tmp, 'renderer-evil'));
  await fs.writeFile(path.join(tmp, 'renderer-evil', 'x.txt'), SECRET);

  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }));
  const { articles } = await core.api['articles.import']({
    files: [{ name: 'talks.txt', base64: Buffer.from('Ministers meet\n\nThe ministers met in Delhi on Monday.').toString('base64') }],
  });
  articleId = articles[0]!.id;
  host = await startHost({ core, rendererDir });
});
afterEach(async () => {
  await host.close();
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the path and headers given (fetch normalises paths and forbids Host). */
function raw(options: { path: string; method?: string; headers?: Record<string, string>; body?: string; setHost?: boolean }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
        setHost: options.setHost ?? true,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Authorization: `Bearer ${host.token}` });

function call(name: string, body: unknown, headers: Record<string, string> = auth()): Promise<Response> {
  return fetch(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('startHost', () => {
  it('listens on 127.0.0.1 only, with a random token carried in the URL fragment', async () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const listen = vi.spyOn(http.Server.prototype, 'listen');
    const second = await startHost({ core, rendererDir: path.join(tmp, 'renderer') });
    try {
      expect(listen).toHaveBeenCalledTimes(1);
      const server = listen.mock.contexts[0] as http.Server;
      expect(server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: second.port });
      expect(second.token).not.toBe(host.token);
    } finally {
      listen.mockRestore();
      await second.close();
    }
  });

  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal);
  it.skipIf(!external)('is not reachable on the machine\u2019s other addresses', async () => {
    await expect(
      new Promise((resolve, reject) => {
        const req = http.get({ host: external!.address, port: host.port, path: '/', timeout: 2000 }, resolve);
        req.on('error', reject);
        req.on('timeout', () => req.destroy(new Error('timeout')));
      }),
    ).rejects.toThrow();
  });

  it('serves index.html with the Content-Security-Policy and other security headers', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('serves the renderer\u2019s files, index.html for client routes, and 404 for missing files', async () => {
    const js = await fetch(`${host.origin}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await js.text()).toBe('console.log("app");');
    expect(await (await fetch(`${host.origin}/reader/some-article`)).text()).toBe(INDEX_HTML);
    expect((await fetch(`${host.origin}/assets/missing.js`)).status).toBe(404);
    const head = await raw({ path: '/', method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    expect((await raw({ path: '/', method: 'POST' })).status).toBe(405);
  });

  // Every encoded way of climbing out of the renderer folder is refused as a bad request (400),
  // not answered with a 404 that would tell a prober which names exist.
  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/../package.json',
    '/assets/../../secret.txt',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/.%2e/secret.txt',
    '/%2e%2e%2fpackage.json',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%2frenderer-evil%2fx.txt',
    '/../renderer-evil/x.txt',
    '/..%5csecret.txt',
    '/..%5Csecret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%252fsecret.txt',
    '/%25252e%25252e/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/secret.txt%00.html',
    '/%00',
    '/%E0%A4%A',
    '/%',
    '/C:%5Csecret.txt',
    '/C:/secret.txt',
    '//secret.txt',
    '/{ABSOLUTE}',
    'http://127.0.0.1/../secret.txt',
  ])('refuses the path %s with 400, serving nothing', async (template) => {
    const p = template.replace('{ABSOLUTE}', encodeURIComponent(path.join(tmp, 'secret.txt')));
    const res = await raw({ path: p });
    expect(res.body).not.toContain(SECRET);
    expect(res.status).toBe(400);
    expect(res.body).not.toBe(INDEX_HTML);
  });

  it('answers an ordinary missing name with 404 and a client route with index.html', async () => {
    expect((await raw({ path: '/secret.txt' })).status).toBe(404);
    expect((await raw({ path: '/assets/..app.js' })).status).toBe(404);
    const route = await raw({ path: '/notes/note_1?x=..%2f' });
    expect(route).toMatchObject({ status: 200, body: INDEX_HTML });
  });
});

describe('the API', () => {
  it('refuses a call without a token, or with a wrong one (401)', async () => {
    const wrongSameLength = host.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: `Bearer ${wrongSameLength}` },
      { Authorization: 'Bearer short' },
      { Authorization: host.token },
      { Authorization: `Basic ${host.token}` },
    ];
    for (const headers of attempts) {
      const res = await call('workspace.info', {}, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    }
    expect((await fetch(`${host.origin}/api/events`)).status).toBe(401);
  });

  it('answers a call with the right token', async () => {
    const res = await call('workspace.info', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, value: await core.api['workspace.info']({}) });
    const list = (await (await call('articles.list', {})).json()) as { value: { articles: { id: string }[] } };
    expect(list.value.articles.map((a) => a.id)).toEqual([articleId]);
  });

  it('answers bad input as bad input', async () => {
    expect(await (await call('annotations.create', { articleId, start: -1, end: 2 })).json()).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
    const notJson = await fetch(`${host.origin}/api/call/workspace.info`, { method: 'POST', headers: auth(), body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await fetch(`${host.origin}/api/call/workspace.info`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${host.origin}/api/other`, { method: 'POST', headers: auth() })).status).toBe(404);
    const empty = await fetch(`${host.origin}/api/call/workspace.info`, { method: 'POST', headers: auth() });
    expect(await empty.json()).toMatchObject({ ok: true });
  });

  // The call name is looked up in the contract's own list, never on an object: a name that an
  // object inherits (or a handler map could be made to hold) is as unknown as any other.
  it.each(['no.such.call', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype', 'articles.list.constructor', 'articles'])(
    'answers the unknown call name %j with 404, reaching no handler',
    async (name) => {
      const dispatch = vi.spyOn(core, 'dispatch');
      const res = await call(name, {});
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('Unknown call') } });
      expect(dispatch).not.toHaveBeenCalled();
      dispatch.mockRestore();
    },
  );

  it.each(['%5F%5Fproto%5F%5F', 'articles.list%00', 'articles.list/x', '..%2fworkspace.info', 'articles.list%20'])(
    'answers the encoded call path %s with 404',
    async (name) => {
      const res = await raw({ path: `/api/call/${name}`, method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(404);
    },
  );

  it('answers a request larger than the limit with 413 and a JSON error, logging no error', async () => {
    const logged = vi.spyOn(console, 'error');
    const small = await startHost({ core, rendererDir: path.join(tmp, 'renderer'), maxBodyBytes: 1024 });
    try {
      const big = JSON.stringify({ files: [{ name: 'a.txt', base64: 'A'.repeat(200_000) }] });
      // With a Content-Length (as browsers send it) …
      const declared = await fetch(`${small.origin}/api/call/articles.import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${small.token}` },
        body: big,
      });
      expect(declared.status).toBe(413);
      expect(declared.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await declared.json()).toEqual({ ok: false, error: { code: 'bad-input', message: 'Request too large: the limit is 1 KB.' } });
      // … and streamed without one.
      const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: small.port, path: '/api/call/articles.import', method: 'POST', agent: false, headers: { Authorization: `Bearer ${small.token}` } },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, body }));
          },
        );
        req.on('error', reject);
        for (let i = 0; i < 20; i++) req.write('B'.repeat(10_000));
        req.end();
      });
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
      // A request within the limit still works on the same host.
      expect(await (await fetch(`${small.origin}/api/call/workspace.info`, { method: 'POST', headers: { Authorization: `Bearer ${small.token}` }, body: '{}' })).json()).toMatchObject({ ok: true });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await small.close();
    }
  });

  it('passes user-facing errors through', async () => {
    const body = await (await call('annotations.createFromQuote', { articleId, quote: 'Tokyo' })).json();
    expect(body).toMatchObject({ ok: false, error: { code: 'quote-not-found' } });
  });

  it('refuses a Host header that does not name this server (421), even with the token', async () => {
    for (const hostHeader of [
      `evil.example:${host.port}`,
      'evil.example',
      '127.0.0.1',
      'localhost',
      `127.0.0.1:${host.port + 1}`,
      `127.0.0.1.evil.example:${host.port}`,
      `evil.example:${host.port}@127.0.0.1:${host.port}`,
      `[::1]:${host.port}`,
      `0.0.0.0:${host.port}`,
    ]) {
      expect((await raw({ path: '/', headers: { Host: hostHeader } })).status, hostHeader).toBe(421);
      const api = await raw({
        path: '/api/call/workspace.info',
        method: 'POST',
        headers: { Host: hostHeader, ...auth(), 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(api.status).toBe(421);
      expect(api.body).not.toContain(core.store.info().id);
    }
    // Without a Host header Node itself refuses the HTTP/1.1 request (400); an empty one is ours to refuse.
    expect((await raw({ path: '/', setHost: false })).status).toBe(400);
    expect((await raw({ path: '/', headers: { Host: '' }, setHost: false })).status).toBe(421);
    expect((await raw({ path: '/', headers: { Host: `localhost:${host.port}` } })).status).toBe(200);
    expect((await raw({ path: '/', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(200);
  });

  it('refuses a request from another origin (403), even with the token', async () => {
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${host.port}`,
      'null',
      '',
      `https://127.0.0.1:${host.port}`,
      // No scheme: not an origin a browser sends, and not this server's.
      `127.0.0.1:${host.port}`,
      `localhost:${host.port}`,
      `http://127.0.0.1:${host.port}.evil.example`,
      `http://127.0.0.1:${host.port}/`,
      `http://127.0.0.1:${host.port + 1}`,
      `http://[::1]:${host.port}`,
    ]) {
      const res = await raw({
        path: '/api/call/annotations.createFromQuote',
        method: 'POST',
        headers: { Origin: origin, ...auth(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ articleId, quote: 'Delhi' }),
      });
      expect(res.status, origin).toBe(403);
    }
    expect(await core.api['annotations.list']({ articleId })).toEqual({ annotations: [] });
    const same = await raw({
      path: '/api/call/workspace.info',
      method: 'POST',
      headers: { Origin: host.origin, ...auth() },
      body: '{}',
    });
    expect(same.status).toBe(200);
    const viaLocalhost = await raw({
      path: '/api/call/workspace.info',
      method: 'POST',
      headers: { Host: `localhost:${host.port}`, Origin: `http://localhost:${host.port}`, ...auth() },
      body: '{}',
    });
    expect(viaLocalhost.status).toBe(200);
  });

  /** The host's event stream, read as text up to what a test waits for. */
  async function openEvents() {
    const controller = new AbortController();
    const res = await fetch(`${host.origin}/api/events`, { headers: auth(), signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}; got ${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    return { res, controller, readUntil, received: () => text };
  }

  it('streams a workspace.changed event after an annotation is created through the API', async () => {
    const { res, controller, readUntil, received } = await openEvents();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    await readUntil(': connected');
    const created = (await (await call('annotations.createFromQuote', { articleId, quote: 'Delhi' })).json()) as { ok: boolean };
    expect(created.ok).toBe(true);
    const id = (created as unknown as { value: { annotation: { id: string } } }).value.annotation.id;
    const payload = { cause: 'edit', changes: [{ subject: 'annotation', kind: 'created', id, articleId }] };
    await readUntil(`${JSON.stringify(payload)}\n\n`);
    const frame = received().slice(received().indexOf('event: ')).split('\n\n')[0]!;
    expect(frame).toBe(`event: workspace.changed\ndata: ${JSON.stringify(payload)}`);
    controller.abort();
  });

  it('streams every kind of event, undo and the shell\u2019s commands included', async () => {
    const { controller, readUntil } = await openEvents();
    await readUntil(': connected');
    await call('annotations.createFromQuote', { articleId, quote: 'Delhi' });
    const undo = (await (await call('history.undo', {})).json()) as { ok: boolean; value: unknown };
    expect(undo).toEqual({ ok: true, value: { label: step('addHighlight'), articleId, id: expect.any(Number) } });
    await readUntil('{"cause":"undo","changes":[{"subject":"annotation","kind":"deleted"');
    core.events.emit('app.command', { command: 'import' });
    await readUntil('event: app.command\ndata: {"command":"import"}\n\n');
    controller.abort();
  });

  it('ends open event streams on close and stops listening', async () => {
    const res = await fetch(`${host.origin}/api/events`, { headers: auth() });
    const reader = res.body!.getReader();
    await reader.read();
    await host.close();
    for (;;) {
      const { done } = await reader.read().catch(() => ({ done: true }));
      if (done) break;
    }
    await expect(fetch(`${host.origin}/`)).rejects.toThrow();
    host = await startHost({ core, rendererDir: path.join(tmp, 'renderer') });
  });
});
