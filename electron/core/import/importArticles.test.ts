import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findQuote } from '../../common/anchoring/textQuote';
import { ID_PATTERN } from '../../common/ids';
import { WorkspaceStore } from '../store/workspaceStore';
import { MAX_IMPORT_BYTES } from './decodeText';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, articlePdf } from './fixtures/pdfFixtures';
import { importArticles } from './importArticles';

const SAMPLE_PATH = fileURLToPath(new URL('../../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));
const FIXTURE = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
/** Markdown, HTML and PDF need a couple of sentences (100 characters) to count as an article. */
const BODY = 'Another body, long enough to be an article: the ministers met in Delhi and agreed to meet again in Tokyo next spring.';

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
  it('imports the bundled sample with the headline, outlet, URL and date of its front matter', async () => {
    const bytes = await fs.readFile(SAMPLE_PATH);
    const outcome = await importArticles(store, [{ name: SAMPLE_PATH, bytes }]);
    expect(outcome.failures).toEqual([]);
    expect(outcome.articles).toHaveLength(1);
    const imported = outcome.articles[0]!;
    expect(imported.id).toMatch(ID_PATTERN);
    expect(imported.id.startsWith('art_')).toBe(true);
    expect(imported).toMatchObject({ sha256: sha(bytes), duplicate: false });
    expect(imported.title).toBe('India, Japan defence ministers to hold talks on strategic cooperation on Monday');

    const { meta, text } = await store.readArticle(imported.id);
    expect(meta).toEqual({
      id: imported.id,
      rev: 1,
      title: imported.title,
      source: 'india-japan-defence-2025-05-04.txt',
      url: 'https://www.tribuneindia.com/news/india/india-japan-defence-ministers-to-hold-talks-on-strategic-cooperation-on-monday/',
      outlet: 'The Tribune',
      author: null,
      published: '2025-05-04',
      // The file states none: read from its text.
      language: 'en',
      importedAt: expect.any(String),
      version: 1,
      versions: [
        {
          version: 1,
          sha256: sha(bytes),
          importedAt: meta.importedAt,
          source: 'india-japan-defence-2025-05-04.txt',
          original: 'v1/original.txt',
          mediaType: 'text/plain',
          length: text.length,
        },
      ],
    });
    expect(await fs.readFile(path.join(tmp, 'ws', 'articles', imported.id, 'v1', 'original.txt'))).toEqual(bytes);
    expect(text.startsWith('In the backdrop of ongoing discussions')).toBe(true);
    expect(text).not.toContain('date 2025-05-04');
    expect(text).not.toContain('title:');
    expect(text.endsWith('Indo-Pacific region.')).toBe(true);
    const [match, ...more] = findQuote(text, "Ministers' Meeting-Plus");
    expect(more).toEqual([]);
    expect(text.slice(match!.start, match!.end)).toBe('Ministers\u2019 Meeting-Plus');
    expect(store.listArticles()).toEqual([expect.objectContaining({ id: imported.id, published: '2025-05-04', outlet: 'The Tribune', hashes: [sha(bytes)] })]);
  });

  it('still imports an old-style text file (a `date` lead-in, no front matter) with a short derived title and no outlet', async () => {
    const body = (await fs.readFile(SAMPLE_PATH, 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '');
    const bytes = enc(` date 2025-05-04 ${body}`);
    const { articles } = await importArticles(store, [{ name: 'india-japan-defence-2025-05-04.txt', bytes }]);
    const { meta, text } = await store.readArticle(articles[0]!.id);
    expect(meta).toMatchObject({ published: '2025-05-04', outlet: null, url: null, source: 'india-japan-defence-2025-05-04.txt' });
    // The first sentence, cut at a word boundary within 80 characters.
    expect(meta.title).toBe('In the backdrop of ongoing discussions between India and Japan on a reciprocal…');
    expect(meta.title.length).toBeLessThanOrEqual(80);
    expect(text.startsWith('In the backdrop of ongoing discussions')).toBe(true);
  });

  it('reads front matter at the top of a text file, and leaves a text whose --- block is not metadata whole', async () => {
    const stated = enc(`---\ntitle: Talks in Delhi\noutlet: The Hindu\nauthor: Dinakar Peri\ndate: 2025-05-05\n---\n${BODY}`);
    const ruled = enc(`---\nA line between rules\n---\n${BODY}`);
    const { articles } = await importArticles(store, [
      { name: 'stated.txt', bytes: stated },
      { name: 'ruled.txt', bytes: ruled },
    ]);
    const first = await store.readArticle(articles[0]!.id);
    expect(first.meta).toMatchObject({ title: 'Talks in Delhi', outlet: 'The Hindu', author: 'Dinakar Peri', published: '2025-05-05' });
    expect(first.text).toBe(BODY);
    const second = await store.readArticle(articles[1]!.id);
    expect(second.meta.outlet).toBeNull();
    expect(second.text.startsWith('---\nA line between rules\n---')).toBe(true);
  });

  it('fails each bad file on its own, naming it, while the others in the batch import', async () => {
    const sources = [
      { name: 'good-1.txt', bytes: enc('First good article\n\nIt has a body.') },
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      { name: 'blank.txt', bytes: enc('   \n\n\t  \r\n') },
      { name: 'image.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
      { name: 'which.txt', bytes: Uint8Array.from([...enc('Item '), 0xec, 0xe8, 0xf0, ...enc('.')]) },
      { name: 'huge.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61) },
      { name: 'date-only.txt', bytes: enc('date 2025-05-04\n') },
      { name: 'short.md', bytes: enc('# A stub\n\nToo short to be an article.') },
      { name: 'good-2.md', bytes: enc(`# Second good article\n\n${BODY}`) },
    ];
    const outcome = await importArticles(store, sources);
    expect(outcome.articles.map((a) => a.title)).toEqual(['First good article', 'Second good article']);
    expect(outcome.articles.every((a) => !a.duplicate)).toBe(true);
    expect(outcome.failures.map((f) => f.file)).toEqual(['empty.txt', 'blank.txt', 'image.png', 'which.txt', 'huge.txt', 'date-only.txt', 'short.md']);
    const reasons = [/empty/, /whitespace/, /binary/, /text encoding Dossier cannot tell/, /too large/, /no article text/, /not an article/];
    outcome.failures.forEach((f, i) => {
      expect(f.message).toContain(f.file);
      expect(f.message).toMatch(reasons[i]!);
    });
    expect(store.listArticles().map((a) => a.source)).toEqual(['good-1.txt', 'good-2.md']);
    expect((await fs.readdir(path.join(tmp, 'ws', 'articles'))).sort()).toEqual(outcome.articles.map((a) => a.id).sort());
    const md = await store.readArticle(outcome.articles[1]!.id);
    expect(md.meta).toMatchObject({ published: null, versions: [{ mediaType: 'text/markdown', original: 'v1/original.md', source: 'good-2.md' }] });
    expect(md.text).toBe(BODY);
  });

  it('asks for an encoding it cannot tell, and keeps the one chosen with the version', async () => {
    const bytes = Uint8Array.from([...enc('Item '), 0xec, 0xe8, 0xf0, ...enc('.')]);
    const asked = await importArticles(store, [{ name: 'which.txt', bytes }]);
    expect(asked.articles).toEqual([]);
    const offered = asked.failures[0]!.encodings!;
    expect(offered.length).toBeGreaterThan(1);
    expect(offered).toContainEqual({ encoding: 'windows-1251', preview: 'Item мир.' });
    expect(offered).toContainEqual({ encoding: 'koi8-r', preview: 'Item ЛХП.' });
    expect(store.listArticles()).toEqual([]);

    const chosen = await importArticles(store, [{ name: 'which.txt', bytes, encoding: 'windows-1251' }]);
    const article = await store.readArticle(chosen.articles[0]!.id);
    expect(article.text).toBe('Item мир.');
    expect(article.meta.versions[0]!.encoding).toBe('windows-1251');
    const utf8 = await importArticles(store, [{ name: 'utf8.txt', bytes: enc('Item мир, in UTF-8.') }]);
    expect((await store.readArticle(utf8.articles[0]!.id)).meta.versions[0]).not.toHaveProperty('encoding');
  });

  it.each(['big5', 'gb18030'])('imports Traditional Chinese saved in %s as the text it was written as, in Chinese', async (encoding) => {
    const bytes = await fs.readFile(FIXTURE(`encoded/zh-Hant.${encoding}.txt`));
    const written = await fs.readFile(FIXTURE('languages/zh-Hant.txt'), 'utf8');
    // The fixture is the legacy bytes themselves: no byte of it is UTF-8 text.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { articles, failures } = await importArticles(store, [{ name: `taiwan-strait-${encoding}.txt`, bytes }]);
    expect(failures).toEqual([]);
    const article = await store.readArticle(articles[0]!.id);
    expect(article.text).toBe(written.trim());
    expect(article.meta.title).toBe('台灣海峽情勢升溫 國防部加強海空巡邏');
    expect(article.meta.versions[0]!.encoding).toBe(encoding);
    expect(article.meta.language).toBe('zh-Hant');
  });

  it('offers Big5 for a few Traditional Chinese words it cannot tell, and imports them once chosen', async () => {
    const bytes = Uint8Array.from([...enc('Notes: '), ...iconv.encode('國防部', 'big5')]);
    const asked = await importArticles(store, [{ name: 'notes.txt', bytes }]);
    expect(asked.articles).toEqual([]);
    expect(asked.failures[0]!.message).toMatch(/text encoding Dossier cannot tell/);
    expect(asked.failures[0]!.encodings![0]).toEqual({ encoding: 'big5', preview: 'Notes: 國防部' });
    const chosen = await importArticles(store, [{ name: 'notes.txt', bytes, encoding: 'big5' }]);
    expect((await store.readArticle(chosen.articles[0]!.id)).text).toBe('Notes: 國防部');
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
      { onProgress: (done, total, name) => calls.push([done, total, name]) },
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

  it('fills the metadata from what a Markdown file states in its front matter', async () => {
    const bytes = await fs.readFile(FIXTURE('field-report.md'));
    const { articles, failures } = await importArticles(store, [{ name: '/downloads/field-report.md', bytes }]);
    expect(failures).toEqual([]);
    const { meta, text } = await store.readArticle(articles[0]!.id);
    expect(meta).toMatchObject({
      title: 'Grain silo at Dunmore reopens after storm repairs',
      source: 'field-report.md',
      url: 'https://valleyherald.example/2025/06/21/dunmore-silo',
      author: 'Priya Ostrander',
      outlet: 'The Valley Herald',
      published: '2025-06-21',
      language: 'en-GB',
      versions: [{ mediaType: 'text/markdown', original: 'v1/original.md', sha256: sha(bytes), length: text.length }],
    });
    expect(text.startsWith('The Dunmore grain silo reopened on Saturday')).toBe(true);
    // Bold and italic are kept with the version, at offsets of the stored text.
    expect(meta.versions[0]!.marks?.map((m) => `${m.kind}: ${text.slice(m.start, m.end)}`)).toEqual(['strong: Dunmore', 'emphasis: nearly 400 tonnes']);
    expect(articles[0]!.title).toBe(meta.title);
    expect(store.listArticles()[0]).toMatchObject({ outlet: 'The Valley Herald', published: '2025-06-21', title: meta.title });
  });

  it('keeps emphasis at the right words through the normalisation (CRLF line ends, a date lead-in, decomposed accents)', async () => {
    const source = 'date 2025-05-04 Cafe\u0301 **re\u0301sume\u0301** notes.\r\n\r\n\r\nA second paragraph with *one word* in italics, long enough to count as an article body.\r\n';
    const { articles } = await importArticles(store, [{ name: 'cafe.md', bytes: enc(source) }]);
    const { meta, text } = await store.readArticle(articles[0]!.id);
    expect(meta.published).toBe('2025-05-04');
    expect(text).not.toMatch(/[\uE000-\uE003]/);
    expect(meta.versions[0]!.marks?.map((m) => text.slice(m.start, m.end))).toEqual(['r\u00e9sum\u00e9', 'one word']);
  });

  it('stores no marks for a plain-text article', async () => {
    const { articles } = await importArticles(store, [{ name: 'plain.txt', bytes: enc(`Plain article\n\n${BODY}`) }]);
    expect((await store.readMeta(articles[0]!.id)).versions[0]).not.toHaveProperty('marks');
  });

  it('fills the metadata from what an HTML page states, keeping only the article text', async () => {
    const bytes = await fs.readFile(FIXTURE('news-page.html'));
    const { articles } = await importArticles(store, [{ name: 'news-page.html', bytes }]);
    const { meta, text } = await store.readArticle(articles[0]!.id);
    expect(meta).toMatchObject({
      title: 'Night ferry links Kestrel Bay and Marrow Island',
      url: 'https://harbourledger.example/news/2025/03/14/night-ferry',
      author: 'Ines Calloway',
      outlet: 'The Harbour Ledger',
      published: '2025-03-14',
      language: 'en-GB',
      versions: [{ mediaType: 'text/html', original: 'v1/original.html' }],
    });
    expect(text.startsWith('The regional port authority opened an overnight ferry service')).toBe(true);
    expect(text).not.toMatch(/cookies|Subscribe|dataLayer/);
  });

  it('fills the metadata from a PDF\u2019s document information', async () => {
    const bytes = await articlePdf();
    const { articles, failures } = await importArticles(store, [{ name: 'barrier.pdf', bytes }]);
    expect(failures).toEqual([]);
    const { meta, text } = await store.readArticle(articles[0]!.id);
    expect(meta).toMatchObject({
      title: ARTICLE_TITLE,
      author: 'Mara Lindqvist',
      published: '2025-04-02',
      language: 'en-GB',
      outlet: null,
      url: null,
      versions: [{ mediaType: 'application/pdf', original: 'v1/original.pdf', sha256: sha(bytes) }],
    });
    expect(text).toBe(ARTICLE_PARAGRAPHS.join('\n\n'));
  });

  it('prefers the date a file states to a date lead-in in its text', async () => {
    const md = `---\ndate: 2025-03-01\n---\n\ndate 2025-05-04 ${BODY}`;
    const { articles } = await importArticles(store, [{ name: 'dated.md', bytes: enc(md) }]);
    const { meta, text } = await store.readArticle(articles[0]!.id);
    expect(meta.published).toBe('2025-03-01');
    expect(text).toBe(BODY);
  });
});
