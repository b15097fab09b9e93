import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDossierError } from '../../../common/errors';
import { htmlBrief } from '../htmlBrief';
import { sampleAppendices, sampleBriefContent } from '../testing/briefFixtures';
import { chromiumPdfPrinter } from './chromiumPdfPrinter';
import { findChromium } from './findChromium';

const PDFTOTEXT = '/usr/bin/pdftotext';

function chromiumOrNull(): string | null {
  try {
    return findChromium(process.env, () => chromium.executablePath());
  } catch {
    return null;
  }
}

const browser = chromiumOrNull();
const skip = !existsSync(PDFTOTEXT) ? 'pdftotext is not installed (poppler-utils)' : !browser ? 'no Chromium to print with' : null;

describe('findChromium', () => {
  const none = () => undefined;

  it('takes $DOSSIER_CHROMIUM first, and says so when it names nothing', () => {
    expect(findChromium({ DOSSIER_CHROMIUM: '/opt/c/chrome' }, none, (f) => f === '/opt/c/chrome' || f === '/usr/bin/chromium')).toBe('/opt/c/chrome');
    expect(() => findChromium({ DOSSIER_CHROMIUM: '/nope' }, none, () => false)).toThrow(/DOSSIER_CHROMIUM names \/nope/);
  });

  it('then the system Chromium, then Chrome, then Playwright\u2019s own', () => {
    expect(findChromium({}, none, (f) => f === '/usr/bin/chromium-browser' || f === '/usr/bin/google-chrome')).toBe('/usr/bin/chromium-browser');
    expect(findChromium({}, none, (f) => f === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(findChromium({}, () => '/pw/chrome', (f) => f === '/pw/chrome')).toBe('/pw/chrome');
  });

  it('is a clear "unavailable" error when there is none', () => {
    let error: unknown;
    try {
      findChromium({}, () => {
        throw new Error('no browser');
      }, () => false);
    } catch (e) {
      error = e;
    }
    expect(isDossierError(error) && error.code).toBe('unavailable');
    expect((error as Error).message).toMatch(/needs Chromium or Google Chrome.*DOSSIER_CHROMIUM/);
  });
});

describe.skipIf(skip !== null)(`chromiumPdfPrinter${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let dir: string;
  let server: http.Server;
  let origin: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-pdf-'));
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  async function pdfText(pdf: Uint8Array, ...flags: string[]): Promise<string> {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    await writeFile(file, pdf);
    return execFileSync(PDFTOTEXT, [...flags, file, '-'], { encoding: 'utf8' });
  }

  it('prints the brief with the handling line at the top and bottom of every page, page numbers, an outline and tags', async () => {
    const content = sampleBriefContent();
    const pdf = await chromiumPdfPrinter()(htmlBrief(content, { forPdf: true }), { headerFooterText: content.handling, title: content.title });
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    const pages = (await pdfText(pdf, '-layout')).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0], `page ${i + 1}`).toBe(content.handling);
      expect(lines.at(-1), `page ${i + 1}`).toMatch(new RegExp(`^${content.handling}\\s+Page ${i + 1} of ${pages.length}$`));
    });
    const all = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(all).toContain(content.title);
    expect(all).toContain('the two ministers agreed to deepen cooperation');
    expect(all).toContain('India and Japan defence ministers meet, 2025-05-04, ¶ 1');
    expect(all).toContain('B2 (usually reliable; probably true)');
    expect(all).toContain('Entity index (6)');

    const file = path.join(dir, 'brief.pdf');
    await writeFile(file, pdf);
    expect(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const outline = execFileSync('/usr/bin/pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8' });
    expect(outline).toContain('<outline>');
    expect(outline).toMatch(/<item page="\d+">Entity index \(6\)<\/item>/);
  }, 60_000);

  it('prints the appendices after the sections, in the outline, the flag in words', async () => {
    const content = { ...sampleBriefContent(), ...sampleAppendices() };
    const pdf = await chromiumPdfPrinter()(htmlBrief(content, { forPdf: true }), { headerFooterText: content.handling, title: content.title });
    const all = (await pdfText(pdf)).replace(/\s+/g, ' ');
    const order = ['Appendix: Relationships (2)', 'Japan —partner in→ ADMM-Plus', 'Flagged: no supporting passage is left in the articles', 'Appendix: Timeline (2)', 'Entity index (6)'];
    const places = order.map((text) => all.indexOf(text));
    expect(places.every((at) => at >= 0), `${order} at ${places}`).toBe(true);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(all).toContain('ASEAN defence meeting ends with call for restraint, 2024-11-21, passage deleted');
    const file = path.join(dir, 'appendices.pdf');
    await writeFile(file, pdf);
    const outline = execFileSync('/usr/bin/pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8' });
    expect(outline).toMatch(/<item page="\d+">Appendix: Timeline \(2\)<\/item>/);
  }, 60_000);

  it('runs no script and fetches nothing, even when the page asks', async () => {
    const html =
      `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="${origin}/style.css">` +
      `<style>body { background: url(${origin}/background.png) }</style></head><body>` +
      `<p>Visible text</p><img src="${origin}/image.png"><iframe src="${origin}/frame"></iframe>` +
      `<script>document.body.append('SCRIPT RAN'); fetch('${origin}/fetch')</script></body></html>`;
    const pdf = await chromiumPdfPrinter()(html, { headerFooterText: '', title: 't' });
    const text = await pdfText(pdf);
    expect(text).toContain('Visible text');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).toContain('Page 1 of 1');
    expect(requests).toEqual([]);
  }, 60_000);

  it('answers a missing DOSSIER_CHROMIUM with an error worded for the user', async () => {
    await expect(chromiumPdfPrinter({ DOSSIER_CHROMIUM: path.join(dir, 'no-chrome') })('<p>x</p>', { headerFooterText: '', title: 'x' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/DOSSIER_CHROMIUM names .*no-chrome/),
    });
  });
});
