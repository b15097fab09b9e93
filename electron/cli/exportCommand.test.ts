import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core/dossierCore';
import { findChromium } from '../core/export/pdf/findChromium';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { USAGE } from './runCli';
import { cliScratch } from './testing/cliScratch';
import { runCaptured } from './testing/runCaptured';
import { runningDossier } from './testing/runningDossier';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));
const QUOTE = "Ministers' Meeting-Plus";
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>';

const canPrint = (() => {
  try {
    findChromium(process.env, () => chromium.executablePath());
    return existsSync('/usr/bin/pdftotext');
  } catch {
    return false;
  }
})();

const scratch = cliScratch('dossier-cli-export-');

const run = (...args: string[]) => runCaptured([...args, '--workspace', scratch.ws]);

function expectOneErrorLine(r: { code: number; stdout: string; stderr: string }, pattern: RegExp, code: number): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^dossier: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

/** The sample, highlighted with a hostile comment; returns its id. */
async function annotatedSample(): Promise<string> {
  const { articles } = JSON.parse((await run('import', SAMPLE, '--json')).stdout) as { articles: { id: string }[] };
  const id = articles[0]!.id;
  expect((await run('annotate', '--article', id, '--quote', QUOTE, '--comment', HOSTILE)).code).toBe(0);
  return id;
}

const out = (name: string) => path.join(scratch.tmp, name);

describe('dossier export', () => {
  it('writes each format of one article, with the hostile comment inert in every one', async () => {
    const id = await annotatedSample();
    const formats = ['md', 'html', 'docx', 'jsonld', ...(canPrint ? ['pdf'] : [])];
    for (const format of formats) {
      const r = await run('export', '--article', id, '--format', format, '--out', out(`brief.${format}`), '--json');
      expect(r.stderr, format).toBe('');
      expect(r.code, format).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ out: out(`brief.${format}`), bytes: (await fs.stat(out(`brief.${format}`))).size });
    }

    const md = await fs.readFile(out('brief.md'), 'utf8');
    const tree = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    expect(JSON.stringify(tree)).not.toContain('"type":"html"');
    expect(md).toContain('\\<script>alert(1)\\</script>');

    const doc = new JSDOM(await fs.readFile(out('brief.html'), 'utf8')).window.document;
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
    expect(doc.querySelector('.comment')?.textContent).toBe(HOSTILE);

    const docx = unzipSync(await fs.readFile(out('brief.docx')));
    const xml = Object.entries(docx)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(xml).not.toContain('<script');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const jsonld = JSON.parse(await fs.readFile(out('brief.jsonld'), 'utf8')) as { type: string; first: { items: { body?: { value: string }[] }[] } };
    expect(jsonld.type).toBe('AnnotationCollection');
    expect(jsonld.first.items[0]!.body?.[0]?.value).toBe(HOSTILE);

    if (canPrint) {
      const pdf = await fs.readFile(out('brief.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('/usr/bin/pdftotext', [out('brief.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(HOSTILE);
      expect(text).toContain('Ministers’ Meeting-Plus');
      expect(text).toMatch(/Page 1 of \d+/);
    }
  }, 60_000);

  it('refuses to overwrite without --force, changing nothing, and overwrites atomically with it', async () => {
    const id = await annotatedSample();
    const target = out('brief.html');
    await fs.writeFile(target, 'my own notes');
    const refused = await run('export', '--article', id, '--format', 'html', '--out', target);
    expectOneErrorLine(refused, /already exists; add --force to overwrite it/, 1);
    expect(await fs.readFile(target, 'utf8')).toBe('my own notes');

    const forced = await run('export', '--article', id, '--format', 'html', '--out', target, '--force');
    expect(forced).toEqual({ code: 0, stdout: `wrote ${target}\n`, stderr: '' });
    expect(await fs.readFile(target, 'utf8')).toMatch(/^<!doctype html>/);
    // No temp file is left beside it.
    expect((await fs.readdir(scratch.tmp)).sort()).toEqual(['brief.html', 'ws']);
  });

  it('writes ISO dates unless --date-format asks for another format', async () => {
    const id = await annotatedSample();
    const published = async (...flags: string[]) => {
      const file = out(`dated-${flags.join('-') || 'default'}.md`);
      const r = await run('export', '--article', id, '--format', 'md', '--out', file, ...flags);
      expect(r, r.stderr).toEqual({ code: 0, stdout: `wrote ${file}\n`, stderr: '' });
      return (await fs.readFile(file, 'utf8')).split('\n').find((line) => line.startsWith('- **Published:**'));
    };
    expect(await published()).toBe('- **Published:** 2025-05-04');
    expect(await published('--date-format', 'day-month-year')).toBe('- **Published:** 4 May 2025');
    expectOneErrorLine(await run('export', '--article', id, '--format', 'md', '--out', out('x.md'), '--date-format', 'us'), /unsupported --date-format 'us' \(supported: locale, iso, day-month-year\)/, 2);
  });

  it('exports a saved brief by id or prefix, listed by `dossier briefs`', async () => {
    const id = await annotatedSample();
    const store = await WorkspaceStore.open(scratch.ws);
    const { brief } = await createCore(store).api['briefs.create']({ title: 'Weekly brief', handling: 'OFFICIAL', sections: [{ id: 's', kind: 'article', articleId: id }] });
    await store.close();

    const listed = await run('briefs', '--json');
    expect(JSON.parse(listed.stdout)).toEqual({ briefs: [expect.objectContaining({ id: brief.id, title: 'Weekly brief', sectionCount: 1 })] });
    expect((await run('briefs')).stdout).toMatch(new RegExp(`^${brief.id}  \\d{4}-\\d{2}-\\d{2}  Weekly brief  \\(1 section\\)\\n$`));

    const r = await run('export', '--brief', brief.id.slice(0, 12), '--format', 'md', '--out', out('weekly.md'));
    expect(r.code, r.stderr).toBe(0);
    const md = await fs.readFile(out('weekly.md'), 'utf8');
    expect(md.startsWith('**OFFICIAL**\n\n# Weekly brief\n')).toBe(true);
    expectOneErrorLine(await run('export', '--brief', 'brf_nope', '--format', 'md', '--out', out('x.md')), /No brief with id 'brf_nope'/, 1);
  });

  it('exports the whole workspace, with progress on stderr when there are many articles', async () => {
    const files = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const file = out(`a${i}.txt`);
        await fs.writeFile(file, `Article number ${i}\n\nSome words about Delhi and Tokyo, number ${i}.`);
        return file;
      }),
    );
    expect((await run('import', ...files, '--json')).code).toBe(0);
    const r = await run('export', '--all', '--format', 'md', '--out', out('all.md'));
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('exporting: 12 of 12 articles');
    expect(lines.every((l) => /^exporting: \d+ of 12 articles$/.test(l))).toBe(true);
    const md = await fs.readFile(out('all.md'), 'utf8');
    for (let i = 0; i < 12; i++) expect(md).toContain(`## Article number ${i}`);
  });

  it.each<[string, string[], RegExp]>([
    ['no source', ['export', '--format', 'md', '--out', 'x.md'], /one of --article ID, --brief ID or --all/],
    ['two sources', ['export', '--all', '--brief', 'brf_x', '--format', 'md', '--out', 'x.md'], /one of --article ID, --brief ID or --all/],
    ['no format', ['export', '--all', '--out', 'x.md'], /needs --format \(md, html, pdf, docx, jsonld\)/],
    ['no --out', ['export', '--all', '--format', 'md'], /--out FILE/],
  ])('refuses %s with usage exit 2', async (_what, args, pattern) => {
    await annotatedSample();
    expectOneErrorLine(await run(...args), pattern, 2);
  });

  it('writes JSON-LD of a saved brief: the annotations its article sections show, through their filters', async () => {
    const id = await annotatedSample();
    const store = await WorkspaceStore.open(scratch.ws);
    const core = createCore(store);
    const { annotations } = await core.api['annotations.list']({ articleId: id });
    await core.api['annotations.update']({ articleId: id, id: annotations[0]!.id, color: 'red' });
    const { text } = await core.api['articles.get']({ id });
    await core.api['annotations.create']({ articleId: id, start: 0, end: 10, exact: text.slice(0, 10), color: 'blue' });
    const { brief } = await core.api['briefs.create']({
      title: 'Red only',
      sections: [{ id: 'sec_1', kind: 'article', articleId: id, filter: { colors: ['red'] } }],
    });
    await store.close();
    expect((await run('export', '--brief', brief.id, '--format', 'jsonld', '--out', out('b.jsonld'))).code).toBe(0);
    const collection = JSON.parse(await fs.readFile(out('b.jsonld'), 'utf8')) as { label: string; total: number; first: { items: { target: { selector: { type: string; exact?: string }[] } }[] } };
    expect(collection.label).toBe('Annotations in the brief “Red only”');
    expect(collection.total).toBe(1);
    expect(collection.first.items[0]!.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe(annotations[0]!.target.quote.exact);
  });

  it('documents the command in the help', () => {
    expect(USAGE).toContain('export (--article ID | --brief ID | --all) --format md|html|pdf|docx|jsonld --out FILE [--force]');
    expect(USAGE).toContain('briefs --json');
  });
});

describe('dossier export through a running Dossier', () => {
  it('asks the app, which renders the PDF with its own printer, and writes the bytes it sends', async () => {
    const printed: string[] = [];
    const { articleId, articleTitle } = await runningDossier(scratch.ws, SAMPLE, scratch, {
      pdfPrinter: async (_html, options) => {
        printed.push(options.title);
        return new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
      },
    });

    const r = await run('export', '--article', articleId, '--format', 'pdf', '--out', out('remote.pdf'));
    expect(r).toEqual({ code: 0, stdout: `wrote ${out('remote.pdf')}\n`, stderr: '' });
    expect([...(await fs.readFile(out('remote.pdf')))]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
    expect(printed).toEqual([articleTitle]);
  });
});
