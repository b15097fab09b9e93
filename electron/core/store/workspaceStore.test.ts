import { type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierError } from '../../common/errors';
import { ID_PATTERN, newId } from '../../common/ids';
import { currentVersion, type ArticleMeta } from '../../common/model/article';
import { DEFAULT_PALETTE } from '../../common/model/palette';
import { createCore } from '../dossierCore';
import { annotationOn, deadPid, liveForeignPid as liveForeign } from '../testing/testHelpers';
import { SCHEMA_VERSION } from './schemaFile';
import { sha256Hex, WorkspaceStore, type NewArticle } from './workspaceStore';

let tmp: string;
let ws: string;
const stores: WorkspaceStore[] = [];
const children: ChildProcess[] = [];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-store-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const child of children.splice(0)) child.kill();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function open(dir = ws, options: { create?: boolean; lock?: boolean } = { create: true }): Promise<WorkspaceStore> {
  const store = await WorkspaceStore.open(dir, options);
  stores.push(store);
  return store;
}

async function openError(dir: string, options?: { create?: boolean; lock?: boolean }): Promise<DossierError> {
  const error = await WorkspaceStore.open(dir, options).then(
    (store) => {
      stores.push(store);
      return new Error('expected open to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DossierError);
  return error as DossierError;
}

function newArticle(text: string, name = 'article.txt'): NewArticle {
  const original = new TextEncoder().encode(`${text}\n`);
  const importedAt = new Date().toISOString();
  return {
    meta: {
      id: newId('art'),
      rev: 1,
      title: text.split(/\s+/).slice(0, 4).join(' '),
      source: name,
      url: null,
      outlet: 'The Hindu',
      author: null,
      published: '2025-05-04',
      language: 'en',
      importedAt,
      version: 1,
      versions: [
        { version: 1, sha256: sha256Hex(original), importedAt, source: name, original: 'v1/original.txt', mediaType: 'text/plain', length: text.length },
      ],
    },
    text,
    original,
  };
}

const sha256Of = (article: NewArticle) => currentVersion(article.meta).sha256;

/** `meta` with `text` as its next version (whose original is `bytes`), made current. */
function nextVersion(meta: ArticleMeta, text: string, bytes = new TextEncoder().encode(`${text}\n`)): { meta: ArticleMeta; text: string; bytes: Uint8Array } {
  const version = Math.max(...meta.versions.map((v) => v.version)) + 1;
  const importedAt = new Date().toISOString();
  return {
    meta: {
      ...meta,
      rev: meta.rev + 1,
      version,
      versions: [
        ...meta.versions,
        { version, sha256: sha256Hex(bytes), importedAt, source: 'v.md', original: `v${version}/original.md`, mediaType: 'text/markdown', length: text.length },
      ],
    },
    text,
    bytes,
  };
}

interface FileState {
  bytes: string;
  ino: number;
  mtimeMs: number;
}

/** Every file under `dir` with its bytes, inode and mtime: a rewrite changes at least the inode. */
async function snapshot(dir: string): Promise<Map<string, FileState>> {
  const out = new Map<string, FileState>();
  async function walk(current: string): Promise<void> {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const stat = await fs.stat(full);
        out.set(path.relative(dir, full), {
          bytes: (await fs.readFile(full)).toString('base64'),
          ino: stat.ino,
          mtimeMs: stat.mtimeMs,
        });
      }
    }
  }
  await walk(dir);
  return out;
}

const TEXT_A = 'India and Japan are strategic partners in the Quad. The ministers met in New Delhi.';
const TEXT_B = 'The Ministry of Defence stated on Sunday that both sides will exchange views.';

describe('creating and opening', () => {
  it('creates a workspace in an empty folder, every file with schemaVersion and kind', async () => {
    await fs.mkdir(ws);
    const store = await open();
    expect(store.info()).toMatchObject({
      name: 'ws',
      path: ws,
      schemaVersion: SCHEMA_VERSION,
      readOnly: false,
      readOnlyReason: null,
      articleCount: 0,
      palette: DEFAULT_PALETTE,
    });
    expect(store.info().id).toMatch(ID_PATTERN);
    expect((await fs.readdir(ws)).sort()).toEqual(['.dossier.lock', 'articles', 'library.json', 'workspace.json']);
    expect(JSON.parse(await fs.readFile(path.join(ws, 'workspace.json'), 'utf8'))).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      kind: 'workspace',
      startArticleId: null,
      palette: DEFAULT_PALETTE,
    });
    expect(JSON.parse(await fs.readFile(path.join(ws, 'library.json'), 'utf8'))).toEqual({
      schemaVersion: SCHEMA_VERSION,
      kind: 'library',
      rev: 0,
      articles: [],
      trash: [],
    });
  });

  it('creates the folder itself when it does not exist yet', async () => {
    const store = await open(path.join(tmp, 'deep', 'er', 'ws'));
    expect(store.info().name).toBe('ws');
    await expect(fs.access(path.join(tmp, 'deep', 'er', 'ws', 'workspace.json'))).resolves.toBeUndefined();
  });

  it('creates in a folder that holds only hidden files', async () => {
    await fs.mkdir(ws);
    await fs.writeFile(path.join(ws, '.DS_Store'), 'x');
    await expect(open()).resolves.toBeInstanceOf(WorkspaceStore);
  });

  it('refuses to create a workspace in a folder that holds other files, and writes nothing', async () => {
    await fs.mkdir(ws);
    await fs.writeFile(path.join(ws, 'thesis.docx'), 'my work');
    const error = await openError(ws, { create: true });
    expect(error.code).toBe('bad-input');
    expect(error.message).toContain(ws);
    expect(await fs.readdir(ws)).toEqual(['thesis.docx']);
    expect(await fs.readFile(path.join(ws, 'thesis.docx'), 'utf8')).toBe('my work');
  });

  it('says "not found" for a folder that is not a workspace when not asked to create, and writes nothing', async () => {
    await fs.mkdir(ws);
    const error = await openError(ws, {});
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/not a Dossier workspace/);
    expect(await fs.readdir(ws)).toEqual([]);
    expect((await openError(path.join(tmp, 'missing'), {})).code).toBe('not-found');
  });

  it('reopens an existing workspace with create: true without resetting it', async () => {
    const first = await open();
    const { id } = first.info();
    await first.addArticles([newArticle(TEXT_A)]);
    await first.close();
    const again = await open();
    expect(again.info()).toMatchObject({ id, articleCount: 1 });
  });

  it('keeps articles and annotations across close and reopen', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    const ann = annotationOn(article.meta.id, TEXT_A, 'strategic partners');
    await store.updateAnnotations(article.meta.id, (all) => all.push(ann));
    await store.close();

    const reopened = await open(ws, {});
    expect(reopened.listArticles().map((a) => a.id)).toEqual([article.meta.id]);
    expect(await reopened.readArticle(article.meta.id)).toEqual({ meta: article.meta, text: TEXT_A });
    expect(await reopened.readAnnotations(article.meta.id)).toEqual([ann]);
  });

  it('looks articles up by id and by sha256', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    expect(store.hasArticle(article.meta.id)).toBe(true);
    expect(store.hasArticle('art_00000000000000000000000000')).toBe(false);
    expect(store.findArticleBySha256(sha256Of(article))?.id).toBe(article.meta.id);
    expect(store.findArticleBySha256('0'.repeat(64))).toBeUndefined();
    await expect(store.readArticle('art_00000000000000000000000000')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('never builds a path from an id that is not one', async () => {
    const store = await open();
    for (const id of ['../../etc', 'art_../x', 'ART_1', '']) {
      expect(() => store.articleDir(id), id).toThrow(DossierError);
    }
  });
});

describe('damaged files are named and never rewritten', () => {
  const damaged: [string, string][] = [
    ['invalid JSON', '{"schemaVersion": 1,\n  "kind": "x"\n  oops'],
    ['valid JSON failing the schema', '{"schemaVersion": 1, "kind": "wrong", "x": []}'],
    ['the right kind with wrong fields', ''],
  ];

  it.each(damaged)('workspace.json with %s → corrupt-file, bytes unchanged, no lock left', async (_label, content) => {
    await (await open()).close();
    const file = path.join(ws, 'workspace.json');
    const raw = content || JSON.stringify({ schemaVersion: 1, kind: 'workspace', id: 7 });
    await fs.writeFile(file, raw);
    const before = await snapshot(ws);
    for (const options of [{}, { create: true }]) {
      const error = await openError(ws, options);
      expect(error.code).toBe('corrupt-file');
      expect(error.file).toBe(file);
      expect(error.message).toContain(file);
      expect(error.message).not.toMatch(/\n/);
    }
    expect(await snapshot(ws)).toEqual(before);
  });

  it.each(damaged)('library.json with %s → corrupt-file, bytes unchanged, lock released', async (_label, content) => {
    await (await open()).close();
    const file = path.join(ws, 'library.json');
    const raw = content || JSON.stringify({ schemaVersion: 1, kind: 'library', rev: 0, articles: [{ id: 1 }] });
    await fs.writeFile(file, raw);
    const before = await snapshot(ws);
    const error = await openError(ws, {});
    expect(error).toMatchObject({ code: 'corrupt-file', file });
    expect(error.message).toContain(file);
    expect(await snapshot(ws)).toEqual(before);
    expect((await fs.readdir(ws)).includes('.dossier.lock')).toBe(false);
  });

  it.each(damaged)('annotations.json with %s → moved to quarantine/ byte for byte, rebuilt from the history, and said', async (_label, content) => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    const quad = annotationOn(article.meta.id, TEXT_A, 'Quad');
    await createCore(store).api['annotations.create']({ articleId: article.meta.id, start: quad.target.position.start, end: quad.target.position.end, comment: 'kept' });
    await store.close();
    const file = path.join(ws, 'articles', article.meta.id, 'annotations.json');
    const raw =
      content ||
      JSON.stringify({ schemaVersion: 1, kind: 'annotations', articleId: article.meta.id, rev: 1, annotations: [{ id: 'x' }] });
    await fs.writeFile(file, raw);

    // A reader without the lock never repairs: it names the file and leaves it as it is.
    const reader = await open(ws, { lock: false });
    await expect(reader.readAnnotations(article.meta.id)).rejects.toMatchObject({ code: 'corrupt-file', file });
    expect(await fs.readFile(file, 'utf8')).toBe(raw);
    await reader.close();

    const reopened = await open(ws, {});
    expect((await createCore(reopened).api['annotations.list']({ articleId: article.meta.id })).annotations.map((a) => a.comment)).toEqual(['kept']);
    expect(reopened.notices).toEqual([expect.stringMatching(/annotations\.json was damaged: it was moved to quarantine\/.+, and the article's 1 highlight was rebuilt from its history\.$/)]);
    const [stamp] = await fs.readdir(path.join(ws, 'quarantine'));
    expect(await fs.readFile(path.join(ws, 'quarantine', stamp!, 'articles', article.meta.id, 'annotations.json'), 'utf8')).toBe(raw);
    await reopened.close();
    expect(JSON.parse(await fs.readFile(file, 'utf8')).annotations.map((a: { comment: string }) => a.comment)).toEqual(['kept']);
  });

  it('lets a reader read annotations.json again once it has been repaired', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    await store.close();
    const file = path.join(ws, 'articles', article.meta.id, 'annotations.json');
    const good = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, '{broken');
    const reader = await open(ws, { lock: false });
    await expect(reader.readAnnotations(article.meta.id)).rejects.toMatchObject({ code: 'corrupt-file' });
    await fs.writeFile(file, good);
    expect(await reader.readAnnotations(article.meta.id)).toEqual([]);
  });

  it('names a damaged or missing text.json and article.json when reading the article', async () => {
    const store = await open();
    const a = newArticle(TEXT_A);
    const b = newArticle(TEXT_B);
    await store.addArticles([a]);
    await store.addArticles([b]);
    const textFile = path.join(ws, 'articles', a.meta.id, 'v1', 'text.json');
    await fs.writeFile(textFile, '{"schemaVersion":1,"kind":"text"}');
    await expect(store.readArticle(a.meta.id)).rejects.toMatchObject({ code: 'corrupt-file', file: textFile });
    expect(await fs.readFile(textFile, 'utf8')).toBe('{"schemaVersion":1,"kind":"text"}');
    const articleFile = path.join(ws, 'articles', b.meta.id, 'article.json');
    await fs.rm(articleFile);
    await expect(store.readArticle(b.meta.id)).rejects.toMatchObject({ code: 'corrupt-file', file: articleFile });
  });
});

describe('a workspace from a newer Dossier', () => {
  it('opens read-only: writes throw read-only, no file is touched, no lock is taken', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    await store.close();
    const file = path.join(ws, 'workspace.json');
    const workspace = JSON.parse(await fs.readFile(file, 'utf8'));
    await fs.writeFile(file, JSON.stringify({ ...workspace, schemaVersion: 99, futureField: { x: 1 } }, null, 2));
    const before = await snapshot(ws);

    const readOnly = await open(ws, {});
    expect(readOnly.info()).toMatchObject({ readOnly: true, schemaVersion: 99, articleCount: 1 });
    expect(readOnly.info().readOnlyReason).toMatch(/newer Dossier/);
    expect(readOnly.readOnlyReason).toBe(readOnly.info().readOnlyReason);
    expect(await readOnly.readArticle(article.meta.id)).toMatchObject({ text: TEXT_A });
    expect(await readOnly.readAnnotations(article.meta.id)).toEqual([]);

    const writes: [string, () => Promise<unknown>][] = [
      ['setStartArticle', () => readOnly.setStartArticle(article.meta.id)],
      ['addArticle', () => readOnly.addArticles([newArticle(TEXT_B)])],
      ['addVersion', () => readOnly.addVersion(nextVersion(article.meta, TEXT_B).meta, TEXT_B, new Uint8Array([1]))],
      ['writeMeta', () => readOnly.writeMeta({ ...article.meta, title: 'Renamed' })],
      ['setPalette', () => readOnly.setPalette([{ key: 'red', label: 'Red', color: '#ff0000' }])],
      ['updateAnnotations', () => readOnly.updateAnnotations(article.meta.id, (all) => all.push(annotationOn(article.meta.id, TEXT_A, 'Quad')))],
      ['appendHistory', () => readOnly.appendHistory({ at: 'x', op: 'annotation.create', articleId: article.meta.id, before: null, after: null })],
      ['api create', () => createCore(readOnly).api['annotations.createFromQuote']({ articleId: article.meta.id, quote: 'Quad' })],
    ];
    for (const [label, write] of writes) {
      await expect(write(), label).rejects.toMatchObject({ code: 'read-only' });
    }
    await readOnly.close();
    expect(await snapshot(ws)).toEqual(before);
  });
});

describe('saving', () => {
  it('rewrites only that article\u2019s annotations.json when an annotation is saved', async () => {
    const store = await open();
    const a = newArticle(TEXT_A, 'a.txt');
    const b = newArticle(TEXT_B, 'b.txt');
    await store.addArticles([a]);
    await store.addArticles([b]);
    await store.updateAnnotations(b.meta.id, (all) => all.push(annotationOn(b.meta.id, TEXT_B, 'Sunday')));
    await store.flush();
    const before = await snapshot(ws);

    const ann = annotationOn(a.meta.id, TEXT_A, 'strategic partners');
    await store.updateAnnotations(a.meta.id, (all) => all.push(ann));
    // The save is one line of the write-ahead log; folded, it has changed that one file.
    expect([...(await snapshot(ws)).keys()].filter((k) => !before.has(k))).toEqual(['journal.jsonl']);
    await store.flush();

    const after = await snapshot(ws);
    const changed = [...after.keys()].filter((k) => JSON.stringify(after.get(k)) !== JSON.stringify(before.get(k)));
    expect(changed).toEqual([path.join('articles', a.meta.id, 'annotations.json')]);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const saved = JSON.parse(await fs.readFile(path.join(ws, 'articles', a.meta.id, 'annotations.json'), 'utf8'));
    expect(saved).toEqual({ schemaVersion: SCHEMA_VERSION, kind: 'annotations', articleId: a.meta.id, rev: 1, annotations: [ann] });
  });

  it('gives every JSON file it writes a schemaVersion and the kind its name implies', async () => {
    const store = await open();
    const a = newArticle(TEXT_A);
    await store.addArticles([a]);
    await store.addArticles([newArticle(TEXT_B)]);
    await store.setStartArticle(a.meta.id);
    await store.updateAnnotations(a.meta.id, (all) => all.push(annotationOn(a.meta.id, TEXT_A, 'Quad')));
    const kinds: Record<string, string> = {
      'workspace.json': 'workspace',
      'library.json': 'library',
      'article.json': 'article',
      'text.json': 'text',
      'annotations.json': 'annotations',
    };
    const files = [...(await snapshot(ws)).keys()].filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(2 + 3 * 2);
    for (const file of files) {
      const json = JSON.parse(await fs.readFile(path.join(ws, file), 'utf8'));
      expect(json.schemaVersion, file).toBe(SCHEMA_VERSION);
      expect(json.kind, file).toBe(kinds[path.basename(file)]);
    }
  });

  it('keeps the original bytes read-only, with their sha256, and the text apart, in the version\u2019s folder', async () => {
    const store = await open();
    const article = newArticle('Caf\u00e9 \u2014 r\u00e9sum\u00e9\r\nsecond line');
    await store.addArticles([article]);
    const dir = path.join(ws, 'articles', article.meta.id);
    expect((await fs.readdir(dir, { recursive: true })).sort()).toEqual(
      ['annotations.json', 'article.json', 'history.jsonl', 'v1', path.join('v1', 'original.txt'), path.join('v1', 'text.json')].sort(),
    );
    const original = await fs.readFile(path.join(dir, 'v1', 'original.txt'));
    expect(new Uint8Array(original)).toEqual(article.original);
    expect(createHash('sha256').update(original).digest('hex')).toBe(sha256Of(article));
    if (process.platform !== 'win32') expect((await fs.stat(path.join(dir, 'v1', 'original.txt'))).mode & 0o777).toBe(0o444);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'v1', 'text.json'), 'utf8'))).toEqual({
      schemaVersion: SCHEMA_VERSION,
      kind: 'text',
      articleId: article.meta.id,
      version: 1,
      text: article.text,
    });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'article.json'), 'utf8')).article).toEqual(article.meta);
    expect(store.listArticles()).toEqual([
      {
        id: article.meta.id,
        title: article.meta.title,
        published: article.meta.published,
        sha256: sha256Of(article),
        source: article.meta.source,
        outlet: 'The Hindu',
        importedAt: article.meta.importedAt,
        archived: false,
        language: article.meta.language,
        hashes: [sha256Of(article)],
      },
    ]);
    await store.flush();
    expect(JSON.parse(await fs.readFile(path.join(ws, 'library.json'), 'utf8')).articles).toEqual(store.listArticles());
  });

  it('adds a batch of articles with one write of the library index', async () => {
    const store = await open();
    const batch = [newArticle(TEXT_A, 'a.txt'), newArticle(TEXT_B, 'b.txt'), newArticle('Third article text.', 'c.txt')];
    await store.addArticles(batch);
    await store.addArticles([]);
    await store.flush();
    const library = JSON.parse(await fs.readFile(path.join(ws, 'library.json'), 'utf8'));
    expect(library.rev).toBe(1);
    expect(library.articles.map((a: { id: string }) => a.id)).toEqual(batch.map((a) => a.meta.id));
    expect(store.info().articleCount).toBe(3);
    for (const a of batch) {
      expect(store.hasArticle(a.meta.id)).toBe(true);
      expect(store.findArticleBySha256(sha256Of(a))?.id).toBe(a.meta.id);
      expect((await store.readArticle(a.meta.id)).text).toBe(a.text);
    }
    expect((await fs.readdir(path.join(ws, 'articles'))).sort()).toEqual(batch.map((a) => a.meta.id).sort());
  });

  it('appends one history line per operation, with before and after', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    const ann = annotationOn(article.meta.id, TEXT_A, 'Quad');
    await store.appendHistory({ at: 't1', op: 'annotation.create', articleId: article.meta.id, before: null, after: ann });
    await store.appendHistory({ at: 't2', op: 'annotation.delete', articleId: article.meta.id, before: ann, after: null });
    await store.flush();
    const lines = (await fs.readFile(path.join(ws, 'articles', article.meta.id, 'history.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { at: article.meta.importedAt, op: 'article.import', articleId: article.meta.id, before: null, after: { sha256: sha256Of(article) } },
      { at: 't1', op: 'annotation.create', articleId: article.meta.id, before: null, after: ann },
      { at: 't2', op: 'annotation.delete', articleId: article.meta.id, before: ann, after: null },
    ]);
  });

  it('bumps the file revision on every save and leaves data unchanged when the change throws', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    const file = path.join(ws, 'articles', article.meta.id, 'annotations.json');
    await store.updateAnnotations(article.meta.id, (all) => all.push(annotationOn(article.meta.id, TEXT_A, 'Quad')));
    await store.updateAnnotations(article.meta.id, (all) => all.push(annotationOn(article.meta.id, TEXT_A, 'Delhi')));
    await store.flush();
    const raw = await fs.readFile(file, 'utf8');
    expect(JSON.parse(raw).rev).toBe(2);
    await expect(
      store.updateAnnotations(article.meta.id, (all) => {
        all.splice(0);
        throw new DossierError('conflict', 'no');
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.readAnnotations(article.meta.id)).toHaveLength(2);
    await store.flush();
    expect(await fs.readFile(file, 'utf8')).toBe(raw);
  });

  it('loses no annotation when many are saved at once on a freshly opened workspace', async () => {
    const first = await open();
    const article = newArticle(TEXT_A);
    await first.addArticles([article]);
    await first.close();
    const store = await open(ws, {});
    const words = ['India', 'Japan', 'strategic', 'partners', 'Quad', 'ministers', 'met', 'New', 'Delhi'];
    await Promise.all(
      words.map((w) => store.updateAnnotations(article.meta.id, (all) => all.push(annotationOn(article.meta.id, TEXT_A, w)))),
    );
    expect((await store.readAnnotations(article.meta.id)).map((a) => a.target.quote.exact).sort()).toEqual([...words].sort());
    await store.flush();
    const saved = JSON.parse(await fs.readFile(path.join(ws, 'articles', article.meta.id, 'annotations.json'), 'utf8'));
    expect(saved.rev).toBe(words.length);
    expect(saved.annotations).toHaveLength(words.length);
  });

  it('remembers the start article', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    expect(store.startArticleId).toBeNull();
    await store.setStartArticle(article.meta.id);
    await store.close();
    expect((await open(ws, {})).startArticleId).toBe(article.meta.id);
  });

  it('refuses writes once closed', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    await store.close();
    await expect(store.addArticles([newArticle(TEXT_B)])).rejects.toMatchObject({ code: 'unavailable' });
    await expect(store.updateAnnotations(article.meta.id, () => undefined)).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('versions, metadata and the palette', () => {
  it('reads the metadata and the text of a version', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    expect(await store.readMeta(article.meta.id)).toEqual(article.meta);
    expect(await store.readVersionText(article.meta.id, 1)).toBe(TEXT_A);
    await expect(store.readVersionText(article.meta.id, 2)).rejects.toMatchObject({
      code: 'corrupt-file',
      file: path.join(ws, 'articles', article.meta.id, 'v2', 'text.json'),
    });
    await expect(store.readMeta('art_00000000000000000000000000')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.readVersionText('art_00000000000000000000000000', 1)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stores a new version beside the old one without touching it, and makes it current', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    const v1Dir = path.join(ws, 'articles', article.meta.id, 'v1');
    const v1Before = await snapshot(v1Dir);
    const next = nextVersion(article.meta, TEXT_B);

    await store.addVersion(next.meta, next.text, next.bytes);

    expect(await snapshot(v1Dir)).toEqual(v1Before);
    const v2Dir = path.join(ws, 'articles', article.meta.id, 'v2');
    expect((await fs.readdir(v2Dir)).sort()).toEqual(['original.md', 'text.json']);
    expect(new Uint8Array(await fs.readFile(path.join(v2Dir, 'original.md')))).toEqual(next.bytes);
    if (process.platform !== 'win32') expect((await fs.stat(path.join(v2Dir, 'original.md'))).mode & 0o777).toBe(0o444);
    expect(JSON.parse(await fs.readFile(path.join(v2Dir, 'text.json'), 'utf8'))).toEqual({
      schemaVersion: SCHEMA_VERSION,
      kind: 'text',
      articleId: article.meta.id,
      version: 2,
      text: TEXT_B,
    });
    expect(await store.readArticle(article.meta.id)).toEqual({ meta: next.meta, text: TEXT_B });
    expect(await store.readVersionText(article.meta.id, 1)).toBe(TEXT_A);
    expect(await store.readVersionText(article.meta.id, 2)).toBe(TEXT_B);

    const v2Sha = currentVersion(next.meta).sha256;
    expect(store.listArticles()).toEqual([expect.objectContaining({ id: article.meta.id, sha256: v2Sha, hashes: [sha256Of(article), v2Sha] })]);
    expect(store.findArticleBySha256(sha256Of(article))?.id).toBe(article.meta.id);
    expect(store.findArticleBySha256(v2Sha)?.id).toBe(article.meta.id);

    await store.close();
    const reopened = await open(ws, {});
    expect(await reopened.readArticle(article.meta.id)).toEqual({ meta: next.meta, text: TEXT_B });
    expect(reopened.findArticleBySha256(sha256Of(article))?.id).toBe(article.meta.id);
  });

  it('retries a version whose folder an interrupted replace left behind, and never overwrites a listed version', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    const leftover = path.join(ws, 'articles', article.meta.id, 'v2');
    await fs.mkdir(leftover);
    await fs.writeFile(path.join(leftover, 'original.md'), 'half written', { mode: 0o444 });
    const next = nextVersion(article.meta, TEXT_B);
    await store.addVersion(next.meta, next.text, next.bytes);
    expect(new Uint8Array(await fs.readFile(path.join(leftover, 'original.md')))).toEqual(next.bytes);
    expect((await store.readArticle(article.meta.id)).text).toBe(TEXT_B);

    const v2Before = await snapshot(leftover);
    const again = { ...next.meta, rev: next.meta.rev + 1 };
    await expect(store.addVersion(again, 'Other text', new Uint8Array([1]))).rejects.toMatchObject({ code: 'conflict' });
    expect(await snapshot(leftover)).toEqual(v2Before);
    expect(await store.readMeta(article.meta.id)).toEqual(next.meta);
  });

  it('saves edited metadata to article.json and the library, and serves it without reading the text again', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    expect((await store.readArticle(article.meta.id)).text).toBe(TEXT_A);
    const edited: ArticleMeta = { ...article.meta, rev: 2, title: 'Edited title', outlet: 'Nikkei Asia', author: 'K. Sato' };
    await store.writeMeta(edited);
    await store.flush();

    expect(JSON.parse(await fs.readFile(path.join(ws, 'articles', article.meta.id, 'article.json'), 'utf8')).article).toEqual(edited);
    expect(store.listArticles()).toEqual([expect.objectContaining({ id: article.meta.id, title: 'Edited title', outlet: 'Nikkei Asia' })]);
    expect(JSON.parse(await fs.readFile(path.join(ws, 'library.json'), 'utf8')).articles[0]).toMatchObject({ title: 'Edited title', outlet: 'Nikkei Asia' });
    expect(await store.readArticle(article.meta.id)).toEqual({ meta: edited, text: TEXT_A });
    await expect(store.writeMeta({ ...edited, id: 'art_00000000000000000000000000' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps recently read articles in memory, and drops the cached text when the current version changes', async () => {
    const store = await open();
    const article = newArticle(TEXT_A);
    await store.addArticles([article]);
    const next = nextVersion(article.meta, TEXT_B);
    await store.addVersion(next.meta, next.text, next.bytes);
    expect((await store.readArticle(article.meta.id)).text).toBe(TEXT_B);

    // Served from memory: a text file damaged after the read is not read again.
    const v2Text = path.join(ws, 'articles', article.meta.id, 'v2', 'text.json');
    const good = await fs.readFile(v2Text, 'utf8');
    await fs.writeFile(v2Text, '{broken');
    expect((await store.readArticle(article.meta.id)).text).toBe(TEXT_B);
    await fs.writeFile(v2Text, good);

    // Making version 1 current again (an undone replace) must not serve version 2's text.
    await store.writeMeta({ ...next.meta, rev: next.meta.rev + 1, version: 1 });
    expect(await store.readArticle(article.meta.id)).toEqual({ meta: { ...next.meta, rev: next.meta.rev + 1, version: 1 }, text: TEXT_A });
    expect(store.listArticles()[0]).toMatchObject({ sha256: sha256Of(article), hashes: [sha256Of(article), currentVersion(next.meta).sha256] });
  });

  it('saves a renamed palette in workspace.json', async () => {
    const store = await open();
    const before = JSON.parse(await fs.readFile(path.join(ws, 'workspace.json'), 'utf8'));
    const palette = DEFAULT_PALETTE.map((p) => (p.key === 'yellow' ? { ...p, label: 'Disputed claim' } : p));
    await store.setPalette(palette);
    expect(store.info().palette).toEqual(palette);
    await store.flush();
    const after = JSON.parse(await fs.readFile(path.join(ws, 'workspace.json'), 'utf8'));
    expect(after).toEqual({ ...before, palette, rev: before.rev + 1 });
    await store.close();
    expect((await open(ws, {})).info().palette).toEqual(palette);
  });
});

describe('the workspace lock', () => {
  const liveForeignPid = () => liveForeign(children);
  const lockFile = () => path.join(ws, '.dossier.lock');

  it('is held while open and released by close()', async () => {
    const store = await open();
    expect(JSON.parse(await fs.readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(store.lockTakeoverMessage).toBeNull();
    await store.close();
    await expect(fs.access(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });
    await store.close();
  });

  it('is not taken with lock: false', async () => {
    await (await open()).close();
    await open(ws, { lock: false });
    await expect(fs.access(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a second open from the same process, and allows it once the first is closed', async () => {
    const first = await open();
    const error = await openError(ws, {});
    expect(error.code).toBe('locked');
    expect(error.message).toContain('already open');
    await first.close();
    await expect(open(ws, {})).resolves.toBeInstanceOf(WorkspaceStore);
  });

  it('takes over a stale lock of a dead process with a message', async () => {
    await (await open()).close();
    const pid = deadPid();
    await fs.writeFile(lockFile(), JSON.stringify({ pid, host: os.hostname(), startedAt: '2025-05-04T10:00:00.000Z' }));
    const store = await open(ws, {});
    expect(store.lockTakeoverMessage).toContain(String(pid));
    expect(JSON.parse(await fs.readFile(lockFile(), 'utf8')).pid).toBe(process.pid);
  });

  it('is refused while another live process holds it, touching nothing', async () => {
    await (await open()).close();
    const pid = liveForeignPid();
    await fs.writeFile(lockFile(), JSON.stringify({ pid, host: os.hostname(), startedAt: '2025-05-04T10:00:00.000Z' }));
    const before = await snapshot(ws);
    const error = await openError(ws, {});
    expect(error.code).toBe('locked');
    expect(error.message).toContain(String(pid));
    expect(await snapshot(ws)).toEqual(before);
  });
});
