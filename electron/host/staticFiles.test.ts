import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStaticFile } from './staticFiles';

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
  return file && { body: file.body.toString('utf8'), type: file.type };
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
    expect(await read('/missing.js')).toBeNull();
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/../renderer2/x.txt',
    '/%2e%2e%2frenderer2%2fx.txt',
    '/..\\secret.txt',
    '/secret.txt\0.js',
    '/%00',
    '/%E0%A4%A',
  ])('never reads outside the root for %j', async (urlPath) => {
    const file = await read(urlPath);
    if (file) expect(file.body).toBe('INDEX');
  });

  it('refuses an absolute path smuggled in', async () => {
    const file = await read(`/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`);
    expect(file?.body).not.toBe('SECRET');
  });

  it('returns null when even index.html is missing', async () => {
    await fs.rm(path.join(root, 'index.html'));
    expect(await read('/')).toBeNull();
    expect(await read('/route')).toBeNull();
  });
});
