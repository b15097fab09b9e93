import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findQuote } from '../../common/anchoring/textQuote';
import { ID_PATTERN } from '../../common/ids';
import { WorkspaceStore } from '../store/workspaceStore';
import { MAX_IMPORT_BYTES } from './decodeText';
import { importArticles } from './importArticles';

const SAMPLE_PATH = fileURLToPath(new URL('../../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

let tmp: string;
let store: WorkspaceStore;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-import-'));
  store = await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true });
});
afterEach(async () => {
  await store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const enc = (s: string) => new TextEncoder().encode(s);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function listTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const stat = await fs.stat(full);
    out.set(path.relative(dir, full), `${stat.ino}:${stat.mtimeMs}:${(await fs.readFile(full)).toString('base64')}`);
  }
  return out;
}

describe('importArticles', () => {
  it('imports the bundled sample with its title, date and source', async () => {
    const bytes = await fs.readFile(SAMPLE_PATH);
    const outcome = await importArticles(store, [{ name: SAMPLE_PATH, bytes }]);
    expect(outcome.failures).toEqual([]);
    expect(outcome.articles).toHaveLength(1);
    const imported = outcome.articles[0]!;
    expect(imported.id).toMatch(ID_PATTERN);
    expect(imported.id.startsWith('art_')).toBe(true);
    expect(imported).toMatchObject({ sha256: sha(bytes), duplicate: false });
    expect(imported.title.startsWith('In the backdrop')).toBe(true);

    const { meta, text } = await store.readArticle(imported.id);
    expect(meta).toMatchObject({
      id: imported.id,
      title: imported.title,
      published: '2025-05-04',
      source: 'india-japan-defence-2025-05-04.txt',
      sha256: sha(bytes),
      length: text.length,
      original: 'original.txt',
      mediaType: 'text/plain',
      rev: 1,
    });
    expect(text.startsWith('In the backdrop of ongoing discussions')).toBe(true);
    expect(text).not.toContain('date 2025-05-04');
    expect(text.endsWith('Indo-Pacific region.')).toBe(true);
    const [match, ...more] = findQuote(text, "Ministers' Meeting-Plus");
    expect(more).toEqual([]);
    expect(text.slice(match!.start, match!.end)).toBe('Ministers\u2019 Meeting-Plus');
    expect(store.listArticles()).toEqual([expect.objectContaining({ id: imported.id, published: '2025-05-04' })]);
  });

  it('fails each bad file on its own, naming it, while the others in the batch import', async () => {
    const sources = [
      { name: 'good-1.txt', bytes: enc('First good article\n\nIt has a body.') },
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      { name: 'blank.txt', bytes: enc('   \n\n\t  \r\n') },
      { name: 'image.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
      { name: 'latin1.txt', bytes: Uint8Array.from([...enc('Un caf'), 0xe9, ...enc(' au lait.')]) },
      { name: 'huge.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61) },
      { name: 'date-only.txt', bytes: enc('date 2025-05-04\n') },
      { name: 'good-2.md', bytes: enc('# Second good article\n\nAnother body.') },
    ];
    const outcome = await importArticles(store, sources);
    expect(outcome.articles.map((a) => a.title)).toEqual(['First good article', 'Second good article']);
    expect(outcome.articles.every((a) => !a.duplicate)).toBe(true);
    expect(outcome.failures.map((f) => f.file)).toEqual(['empty.txt', 'blank.txt', 'image.png', 'latin1.txt', 'huge.txt', 'date-only.txt']);
    const reasons = [/empty/, /whitespace/, /binary/, /not UTF-8/, /too large/, /no article text/];
    outcome.failures.forEach((f, i) => {
      expect(f.message).toContain(f.file);
      expect(f.message).toMatch(reasons[i]!);
    });
    expect(store.listArticles().map((a) => a.source)).toEqual(['good-1.txt', 'good-2.md']);
    expect((await fs.readdir(path.join(tmp, 'ws', 'articles'))).sort()).toEqual(outcome.articles.map((a) => a.id).sort());
    const md = await store.readArticle(outcome.articles[1]!.id);
    expect(md.meta).toMatchObject({ mediaType: 'text/markdown', original: 'original.md', published: null });
  });

  it('returns duplicate: true with the same id for the same bytes, and stores nothing new', async () => {
    const bytes = await fs.readFile(SAMPLE_PATH);
    const first = await importArticles(store, [{ name: 'india.txt', bytes }]);
    const ws = path.join(tmp, 'ws');
    const before = await listTree(ws);
    const second = await importArticles(store, [{ name: 'renamed-copy.txt', bytes: new Uint8Array(bytes) }]);
    expect(second).toEqual({
      articles: [{ id: first.articles[0]!.id, title: first.articles[0]!.title, sha256: first.articles[0]!.sha256, duplicate: true }],
      failures: [],
    });
    expect(await listTree(ws)).toEqual(before);
    expect(store.listArticles()).toHaveLength(1);
  });

  it('counts the same bytes twice in one batch once', async () => {
    const bytes = enc('Same article\n\nTwice in one batch.');
    const { articles } = await importArticles(store, [
      { name: 'a.txt', bytes },
      { name: 'b.txt', bytes: new Uint8Array(bytes) },
    ]);
    expect(articles).toHaveLength(2);
    expect(articles[0]!.duplicate).toBe(false);
    expect(articles[1]).toEqual({ ...articles[0], duplicate: true });
    expect(store.listArticles()).toHaveLength(1);
  });

  it('reports progress after each file', async () => {
    const calls: [number, number, string][] = [];
    await importArticles(
      store,
      [
        { name: 'a.txt', bytes: enc('Alpha\n\nbody') },
        { name: 'b.txt', bytes: new Uint8Array(0) },
        { name: 'c.txt', bytes: enc('Gamma\n\nbody') },
      ],
      (done, total, name) => calls.push([done, total, name]),
    );
    expect(calls).toEqual([
      [1, 3, 'a.txt'],
      [2, 3, 'b.txt'],
      [3, 3, 'c.txt'],
    ]);
  });

  it('imports a batch larger than one index write, keeping every article', async () => {
    const sources = Array.from({ length: 205 }, (_, i) => ({ name: `n${i}.txt`, bytes: enc(`Article number ${i}\n\nBody ${i}.`) }));
    const { articles, failures } = await importArticles(store, sources);
    expect(failures).toEqual([]);
    expect(new Set(articles.map((a) => a.id)).size).toBe(205);
    expect(store.listArticles()).toHaveLength(205);
    await store.close();
    const reopened = await WorkspaceStore.open(path.join(tmp, 'ws'));
    try {
      expect(reopened.listArticles().map((a) => a.title)).toEqual(sources.map((_, i) => `Article number ${i}`));
    } finally {
      await reopened.close();
    }
  });
});
