import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../common/contract';
import { BATCH_LIMITS } from './inputFiles';
import { cliScratch } from './testing/cliScratch';
import { runCaptured, type CliRun } from './testing/runCaptured';
import { runningDossier } from './testing/runningDossier';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

const scratch = cliScratch('dossier-cli-dir-');

const run = (...args: string[]) => runCaptured(args);

async function put(file: string, content: string | Uint8Array): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
  return file;
}

/**
 * `count` small articles spread over nested folders, named so that name order is import order,
 * plus what a folder import leaves out: hidden files and folders, and files of other kinds.
 */
async function folderOfArticles(dir: string, count: number): Promise<string[]> {
  const titles: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = `Article ${String(i).padStart(5, '0')}`;
    const ext = ['.txt', '.md', '.html'][i % 3]!;
    const text = `The body of article ${i} reports on a meeting in Tokyo. It names the ministers who came, and says they will meet again next year.`;
    const body = ext === '.html' ? `<!doctype html><title>${title}</title><h1>${title}</h1><p>${text}</p>` : `${title}\n\n${text}\n`;
    await put(path.join(dir, `g${Math.floor(i / 500)}`, `s${Math.floor(i / 50) % 10}`, `${title.replace(' ', '-')}${ext}`), body);
    titles.push(title);
  }
  await put(path.join(dir, '.cache', 'hidden.txt'), 'Hidden\n\nNot imported.');
  await put(path.join(dir, 'g0', '.draft.txt'), 'Draft\n\nNot imported.');
  await put(path.join(dir, 'g0', 'photo.png'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  await put(path.join(dir, 'g1', 'notes.docx'), 'not a docx');
  await put(path.join(dir, 'g1', 'data.json'), '{"not": "annotations"}');
  return titles;
}

function progressLines(r: CliRun): string[] {
  return r.stderr.split('\n').filter((l) => l.startsWith('['));
}

describe('dossier import DIR', () => {
  it('imports ~2,000 files under a folder, recursively, in name order, with progress, leaving out hidden and unsupported files', async () => {
    const dir = path.join(scratch.tmp, 'batch');
    const titles = await folderOfArticles(dir, 2000);
    const r = await run('import', dir, '--workspace', scratch.ws);
    expect(r.code, r.stderr.slice(-500)).toBe(0);

    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('2000 of 2000 imported, 0 failed');
    expect(lines.slice(0, -1).map((l) => l.replace(/^imported art_[0-9a-z]{26} {2}/, ''))).toEqual(titles);

    const progress = progressLines(r);
    expect(progress).toHaveLength(2000);
    expect(progress[0]).toBe('[1/2000] Article-00000.txt');
    expect(progress[1999]).toBe('[2000/2000] Article-01999.md');
    expect(progress.map((l) => Number(/^\[(\d+)\//.exec(l)![1]))).toEqual(titles.map((_t, i) => i + 1));
    const other = r.stderr.split('\n').filter((l) => l && !l.startsWith('['));
    expect(other).toEqual([`dossier: skipped 3 unsupported files under ${dir}`]);

    const listed = JSON.parse((await run('articles', '--json', '--workspace', scratch.ws)).stdout) as { articles: { title: string }[] };
    expect(listed.articles.map((a) => a.title).sort()).toEqual(titles);
  }, 180_000);

  it('--json: one JSON object, no progress; a second run finds every file already there', async () => {
    const dir = path.join(scratch.tmp, 'small');
    const titles = await folderOfArticles(dir, 7);
    const first = await run('import', dir, '--json', '--workspace', scratch.ws);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`dossier: skipped 3 unsupported files under ${dir}\n`);
    const { articles } = JSON.parse(first.stdout) as { articles: { id: string; title: string }[] };
    expect(articles.map((a) => a.title)).toEqual(titles);

    const again = await run('import', dir, '--workspace', scratch.ws);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${articles.map((a) => `exists   ${a.id}  ${a.title}\n`).join('')}7 of 7 imported, 0 failed\n`);
  });

  it('takes folders and files together, and names the bad files without stopping', async () => {
    const dir = path.join(scratch.tmp, 'mixed');
    await put(path.join(dir, 'a.txt'), 'First\n\nThe first article has a body. It is long enough to count as one, with a second sentence about nothing much.');
    await put(path.join(dir, 'b.txt'), '');
    await put(path.join(dir, 'sub', 'c.md'), '# Third\n\nThe body of the third article is here. It is long enough to count, with a second sentence too, and a third one after it.');
    const r = await run('import', dir, SAMPLE, path.join(scratch.tmp, 'missing.txt'), '--workspace', scratch.ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^imported art_\w+ {2}First\nimported art_\w+ {2}Third\nimported art_\w+ {2}India, Japan defence ministers[^\n]*\n3 of 5 imported, 2 failed\n$/);
    const errors = r.stderr.split('\n').filter((l) => l && !l.startsWith('['));
    expect(errors).toHaveLength(2);
    expect(errors.find((l) => l.includes(path.join(dir, 'b.txt')))).toMatch(/^dossier: .*empty/);
    expect(errors.find((l) => l.includes('missing.txt'))).toMatch(/^dossier: .*no such file/);
  });

  it('puts W3C annotation files found in a folder on the articles of the same import, whatever their names', async () => {
    const source = path.join(scratch.tmp, 'source');
    const { articles } = JSON.parse((await run('import', SAMPLE, '--json', '--workspace', source)).stdout) as { articles: { id: string }[] };
    await run('annotate', '--article', articles[0]!.id, '--quote', 'strategic partners', '--workspace', source);
    const dir = path.join(scratch.tmp, 'exchange');
    await fs.mkdir(dir);
    // "a.jsonld" sorts before the article it annotates.
    expect((await run('export', '--all', '--format', 'jsonld', '--out', path.join(dir, 'a.jsonld'), '--workspace', source)).code).toBe(0);
    await fs.copyFile(SAMPLE, path.join(dir, 'z-sample.txt'));

    const r = await run('import', dir, '--json', '--workspace', scratch.ws);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { articles: unknown[]; annotations: { file: string; imported: { anchored: number } }[] };
    expect(out.articles).toHaveLength(1);
    expect(out.annotations).toEqual([expect.objectContaining({ file: 'a.jsonld', imported: expect.objectContaining({ anchored: 1 }) })]);
  });

  it.each([
    ['an empty folder', async (dir: string) => fs.mkdir(dir), /no files to import in this folder\.$/],
    [
      'a folder of files Dossier does not import',
      async (dir: string) => {
        await put(path.join(dir, 'photo.png'), 'x');
        await put(path.join(dir, '.hidden.txt'), 'Hidden\n\nBody.');
      },
      /no files to import in this folder \(1 unsupported file skipped\)\.$/,
    ],
  ])('refuses %s with one line, creating no workspace', async (_label, make, pattern) => {
    const dir = path.join(scratch.tmp, 'nothing');
    await make(dir);
    const r = await run('import', dir, '--workspace', scratch.ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^dossier: [^\n]+\n$/);
    expect(r.stderr).toContain(dir);
    expect(r.stderr.trimEnd()).toMatch(pattern);
    await expect(fs.access(scratch.ws)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('dossier import DIR through a running Dossier', () => {
  it('sends the files to the app in batches, with progress per file', async () => {
    const { core } = await runningDossier(scratch.ws, SAMPLE, scratch);
    const totals: number[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'import.progress') totals.push((payload as EventPayload<'import.progress'>).total);
    });
    const dir = path.join(scratch.tmp, 'remote');
    const count = BATCH_LIMITS.files * 2 + 17;
    const titles = await folderOfArticles(dir, count);

    const r = await run('import', dir, '--workspace', scratch.ws);
    expect(r.code, r.stderr.slice(-500)).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`${count} of ${count} imported, 0 failed`);
    const progress = progressLines(r);
    expect(progress).toHaveLength(count);
    expect(progress.at(-1)).toBe(`[${count}/${count}] Article-${String(count - 1).padStart(5, '0')}${['.txt', '.md', '.html'][(count - 1) % 3]}`);
    // One articles.import call per batch: the app saw batches of the limit and the rest.
    expect([...new Set(totals)]).toEqual([BATCH_LIMITS.files, 17]);
    const stored = core.store.listArticles().map((a) => a.title);
    expect(stored).toEqual(expect.arrayContaining(titles));
    expect(stored).toHaveLength(count + 1);
  }, 120_000);
});
