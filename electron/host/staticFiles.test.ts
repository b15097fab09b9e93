import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStaticFile, staticFileName } from './staticFiles';

let tmp: string;
let root: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-static-'));
  root = path.join(tmp, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), 'INDEX');
  await fs.writeFile(path.join(root, 'assets', 'app.js'), 'JS');
  await fs.writeFile(path.join(root, 'assets', 'style.css'), 'CSS');
  await fs.writeFile(path.join(root, 'assets', 'font.woff2'), 'FONT');
  await fs.writeFile(path.join(root, 'assets', 'data.bin'), 'BIN');
  await fs.writeFile(path.join(tmp, 'secret.txt'), 'SECRET');
  await fs.mkdir(path.join(tmp, 'renderer2'));
  await fs.writeFile(path.join(tmp, 'renderer2', 'x.txt'), 'SECRET');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const read = async (urlPath: string) => {
  const file = await readStaticFile(root, urlPath);
  return file.status === 200 ? { body: file.body.toString('utf8'), type: file.type } : file.status;
};

describe('readStaticFile', () => {
  it('serves index.html for / and files with their content type', async () => {
    expect(await read('/')).toEqual({ body: 'INDEX', type: 'text/html; charset=utf-8' });
    expect(await read('/assets/app.js')).toEqual({ body: 'JS', type: 'text/javascript; charset=utf-8' });
    expect(await read('/assets/style.css')).toEqual({ body: 'CSS', type: 'text/css; charset=utf-8' });
    expect(await read('/assets/font.woff2')).toEqual({ body: 'FONT', type: 'font/woff2' });
    expect(await read('/assets/data.bin')).toEqual({ body: 'BIN', type: 'application/octet-stream' });
    expect(await read('/assets/app.js?v=3')).toEqual({ body: 'JS', type: 'text/javascript; charset=utf-8' });
  });

  it('gives index.html for client routes without an extension, and nothing for missing files', async () => {
    expect(await read('/reader/art_123')).toEqual({ body: 'INDEX', type: 'text/html; charset=utf-8' });
    expect(await read('/assets')).toEqual({ body: 'INDEX', type: 'text/html; charset=utf-8' });
    expect(await read('/assets/')).toEqual({ body: 'INDEX', type: 'text/html; charset=utf-8' });
    expect(await read('/missing.js')).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/./app.js',
    '/../renderer2/x.txt',
    '/%2e%2e%2frenderer2%2fx.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/%25',
    '/secret.txt\0.js',
    '/%00',
    '/%0a',
    '/%E0%A4%A',
    '/%c0%ae%c0%ae/secret.txt',
    '/C:/secret.txt',
    '//secret.txt',
    '/assets//app.js',
    'secret.txt',
    'http://app/secret.txt',
  ])('refuses %j as a bad path, reading nothing', async (urlPath) => {
    expect(staticFileName(urlPath)).toBeNull();
    expect(await read(urlPath)).toBe(400);
  });

  it('refuses an absolute path smuggled in', async () => {
    expect(await read(`/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`)).toBe(400);
  });

  it('names the file of an ordinary path, ignoring the query', () => {
    expect(staticFileName('/')).toBe('index.html');
    expect(staticFileName('/assets/app.js?v=..%2f')).toBe('assets/app.js');
    expect(staticFileName('/notes/')).toBe('notes');
    expect(staticFileName('/assets/..app.js')).toBe('assets/..app.js');
  });

  it('answers 404 when even index.html is missing', async () => {
    await fs.rm(path.join(root, 'index.html'));
    expect(await read('/')).toBe(404);
    expect(await read('/route')).toBe(404);
  });
});
