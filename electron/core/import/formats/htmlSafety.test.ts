import { existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isDossierError } from '../../../common/errors';
import { sharedTestData } from '../../testing/sharedTestData';
import { extractArticle } from '../extractArticle';
import { parseInertHtml } from './inertDom';

/**
 * Importing a page must not run anything in it or fetch anything it points to. Two detectors
 * prove it: a spy on every TCP connection Node opens (any host, any client), and a local server
 * the hostile page points at, so that an attempt reaches a socket instead of failing on DNS.
 * The control test shows both detectors fire when jsdom is allowed to run and load.
 */
const SENTENCES =
  '<p>The city council met on Monday to discuss the new tram line. Members agreed to publish the route plans in June.</p>' +
  '<p>Residents may comment on the plans for six weeks. The council will then hold a final vote before the summer recess.</p>';

let server: http.Server;
let base: string;
let hits: string[];
let connects: ReturnType<typeof vi.spyOn>;
let tmp: string;
const flag = () => (globalThis as { __dossierPwned?: unknown }).__dossierPwned;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

beforeAll(async () => {
  server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('window.__dossierPwned = "remote-script"; document.title = "pwned";');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  hits = [];
  connects = vi.spyOn(net.Socket.prototype, 'connect');
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-hostile-'));
});
afterEach(async () => {
  connects.mockRestore();
  delete (globalThis as { __dossierPwned?: unknown }).__dossierPwned;
  await fs.rm(tmp, { recursive: true, force: true });
});

function hostilePage(): string {
  const pwn = (how: string) =>
    `window.__dossierPwned='${how}';globalThis.__dossierPwned='${how}';fetch('${base}/${how}');` +
    `try{require('fs').writeFileSync(${JSON.stringify(path.join(tmp, 'pwned.txt'))},'x')}catch(e){}`;
  return `<!doctype html><html lang="en"><head>
    <meta http-equiv="refresh" content="0;url=${base}/refresh">
    <link rel="stylesheet" href="${base}/style.css"><link rel="preload" as="script" href="${base}/preload.js">
    <link rel="import" href="${base}/import.html"><link rel="icon" href="${base}/favicon.ico">
    <style>@import url(${base}/at-import.css); body { background: url(${base}/bg.png) }</style>
    <script src="${base}/remote.js"></script>
    <script>${pwn('inline-script')}</script>
    <title>Council weighs tram line</title></head>
    <body onload="${pwn('body-onload')}"><article><h1>Council weighs tram line</h1>${SENTENCES}
    <img src="missing.png" onerror="${pwn('img-onerror')}"><img src="${base}/pixel.gif" width="1" height="1">
    <iframe src="${base}/frame.html"></iframe>
    <iframe srcdoc="<script>parent.${pwn('srcdoc')}</script>"></iframe>
    <svg onload="${pwn('svg-onload')}"><image href="${base}/svg-image.png"/></svg>
    <object data="${base}/object.swf"></object><embed src="${base}/embed.swf">
    <video src="${base}/video.mp4" poster="${base}/poster.png" autoplay></video><audio src="${base}/a.mp3" autoplay></audio>
    <input autofocus onfocus="${pwn('autofocus')}"><details open ontoggle="${pwn('ontoggle')}"><summary>More</summary></details>
    <p><a href="javascript:${pwn('js-link')}">Read the plan</a> and <a href="${base}/link">the map</a>.</p>
    </article><script defer>${pwn('deferred')}</script></body></html>`;
}

describe('hostile HTML is inert during import', () => {
  it('runs no script or handler, loads no resource, and yields plain text only', async () => {
    const article = await extractArticle(new TextEncoder().encode(hostilePage()), 'hostile.html');
    await settle();
    expect(article.text.split('\n\n')).toEqual([
      'The city council met on Monday to discuss the new tram line. Members agreed to publish the route plans in June.',
      'Residents may comment on the plans for six weeks. The council will then hold a final vote before the summer recess.',
      'More',
      'Read the plan and the map.',
    ]);
    expect(article.text).not.toMatch(/<|>|onerror|onload|javascript:|__dossierPwned|127\.0\.0\.1/);
    expect(flag()).toBeUndefined();
    expect(hits).toEqual([]);
    expect(connects).not.toHaveBeenCalled();
    expect(existsSync(path.join(tmp, 'pwned.txt'))).toBe(false);
  });

  it('leaves the parsed window untouched by the page', async () => {
    const dom = parseInertHtml(hostilePage());
    await settle();
    expect((dom.window as unknown as { __dossierPwned?: unknown }).__dossierPwned).toBeUndefined();
    expect(dom.window.document.title).toBe('Council weighs tram line');
    expect(dom.window.location.href).toBe('https://article.invalid/');
    dom.window.close();
    expect(hits).toEqual([]);
    expect(connects).not.toHaveBeenCalled();
  });

  it('control: the same page in a jsdom allowed to run and load trips both detectors', async () => {
    const dom = new JSDOM(hostilePage(), { url: `${base}/`, runScripts: 'dangerously', resources: 'usable', virtualConsole: new VirtualConsole() });
    await settle();
    expect((dom.window as unknown as { __dossierPwned?: unknown }).__dossierPwned).toBeDefined();
    dom.window.close();
    expect(hits.length).toBeGreaterThan(0);
    expect(connects).toHaveBeenCalled();
  });
});

describe('DOMPurify conformance payloads through the HTML importer', () => {
  it('every payload imports inertly', async (ctx) => {
    const shared = sharedTestData('conformance/dompurify-payloads.json');
    ctx.skip(!!shared.skip, shared.skip);
    const { payloads } = JSON.parse(await fs.readFile(shared.path, 'utf8')) as { payloads: { title: string; payload: string }[] };
    expect(payloads.length).toBeGreaterThan(100);
    const dialogs = { alert: vi.fn(), confirm: vi.fn(), prompt: vi.fn() };
    Object.assign(globalThis, dialogs);
    let imported = 0;
    try {
      for (const [index, { title, payload }] of payloads.entries()) {
        const file = `payload-${index}.html`;
        const page = `<!doctype html><html><head><title>Payload ${index}</title></head><body><article>${SENTENCES}${payload}</article></body></html>`;
        const outcome = await extractArticle(new TextEncoder().encode(page), file).then(
          (article) => article,
          (error: unknown) => error,
        );
        if (isDossierError(outcome)) {
          // The only acceptable refusal: the payload broke the page so far that no article is left.
          expect(outcome.message, title).toBe(`${file} is not an article: Dossier found no readable text in it (at least a couple of sentences).`);
        } else {
          expect(outcome, title).toMatchObject({ mediaType: 'text/html', text: expect.any(String) });
          imported++;
        }
      }
      await settle();
    } finally {
      for (const name of Object.keys(dialogs)) delete (globalThis as Record<string, unknown>)[name];
    }
    expect(imported).toBeGreaterThan(payloads.length / 2);
    for (const dialog of Object.values(dialogs)) expect(dialog).not.toHaveBeenCalled();
    expect(flag()).toBeUndefined();
    expect(connects).not.toHaveBeenCalled();
  }, 120_000);
});
