import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/securityHeaders';
import { appProtocolHandler, registerAppScheme, serveAppProtocol } from './appProtocol';

// require('electron') from plain Node tries to download the binary: tests get a fake.
const fake = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.handlers.set(scheme, handler),
  },
}));

let dir: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  // A secret beside the renderer folder, one that a path trick would reach.
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-protocol-'));
  await writeFile(path.join(dir, 'secret.txt'), 'secret');
  await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Dossier</title>');
  await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  serve = appProtocolHandler(path.join(dir, 'renderer'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('the dossier:// protocol', () => {
  it('is registered as a standard, secure scheme and handled', () => {
    registerAppScheme();
    serveAppProtocol(path.join(dir, 'renderer'));
    expect(fake.privileged).toEqual([{ scheme: 'dossier', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.handlers.has('dossier')).toBe(true);
  });

  it('serves the renderer with the content security policy', async () => {
    const response = await get('dossier://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Dossier</title>');

    const script = await get('dossier://app/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'dossier://app/..%2Fsecret.txt',
    'dossier://app/%2e%2e%2fsecret.txt',
    'dossier://app/assets/..%2F..%2Fsecret.txt',
    'dossier://app/..%5Csecret.txt',
    'dossier://app/index.html%00.js',
  ])('refuses %s, outside the renderer folder, as a bad path', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('secret');
  });

  it('refuses an absolute path smuggled in as a bad path', async () => {
    const response = await get(`dossier://app/${encodeURIComponent(path.join(dir, 'secret.txt'))}`);
    expect(response.status).toBe(400);
  });

  it('answers only for the app host and only to reads', async () => {
    expect((await get('dossier://other/index.html')).status).toBe(404);
    expect((await get('dossier://app/index.html', 'POST')).status).toBe(405);
    const head = await get('dossier://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers a missing file with 404, not with another file', async () => {
    expect((await get('dossier://app/assets/missing.js')).status).toBe(404);
  });
});
