import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { INDEX_FORMAT } from './indexFile';
import { buildSearchSnapshot } from './searchBuild';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const TALKS =
  'Defence ministers meet\n\nDefence Minister Rajnath Singh will hold a bilateral meeting with Gen Nakatani in New Delhi. ' +
  'The two sides will discuss a reciprocal logistics agreement for their navies.';
const EXERCISE = 'Naval exercise off Darwin\n\nJapanese and Australian ships sailed together; logistics were rehearsed at sea.';

let tmp: string;
let dir: string;
let core: DossierCore;
let talks: string;
let exercise: string;

async function open(): Promise<DossierCore> {
  return createCore(await WorkspaceStore.open(dir, { create: true }), { creator: { name: 'Test' } });
}

async function find(query: string, extra: Record<string, unknown> = {}) {
  return (await core.api['search.query']({ query, ...extra })).results;
}

const idsOf = async (query: string, extra: Record<string, unknown> = {}) => (await find(query, extra)).map((r) => `${r.kind}:${r.id}`).sort();

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-search-'));
  dir = path.join(tmp, 'ws');
  core = await open();
  const { articles } = await core.api['articles.import']({
    files: [
      { name: 'talks.txt', base64: b64(TALKS) },
      { name: 'exercise.txt', base64: b64(EXERCISE) },
    ],
  });
  [talks, exercise] = articles.map((a) => a.id) as [string, string];
});
afterEach(async () => {
  await core.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('search', () => {
  it('finds articles with a marked snippet and the offsets of the first match in the text', async () => {
    const [first, ...rest] = await find('nakatani');
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ kind: 'article', id: talks, articleId: talks, title: 'Defence ministers meet' });
    expect(first!.snippet).toContain('<mark>Nakatani</mark>');
    const text = (await core.api['articles.get']({ id: talks })).text;
    expect(text.slice(first!.start!, first!.end!)).toBe('Nakatani');
    expect(await idsOf('logistics')).toEqual([`article:${exercise}`, `article:${talks}`].sort());
    expect(await idsOf('logistics darwin')).toEqual([`article:${exercise}`]);
  });

  it('reads phrases in quotes as words in that order', async () => {
    expect(await idsOf('"logistics agreement"')).toEqual([`article:${talks}`]);
    expect(await idsOf('"agreement logistics"')).toEqual([]);
  });

  it('follows highlights as they are made, edited, deleted, undone and redone', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId: talks, quote: 'reciprocal logistics agreement', comment: 'RPSSA talks' });
    expect(await idsOf('rpssa')).toEqual([`annotation:${annotation.id}`]);
    const [hit] = await find('rpssa');
    expect(hit).toMatchObject({ articleId: talks, start: annotation.target.position.start, end: annotation.target.position.end });

    await core.api['annotations.update']({ articleId: talks, id: annotation.id, comment: 'Supply pact', color: 'red', tags: ['navy'] });
    expect(await idsOf('rpssa')).toEqual([]);
    expect(await idsOf('supply', { kinds: ['annotation'], color: 'red', tag: 'navy' })).toEqual([`annotation:${annotation.id}`]);
    expect(await idsOf('supply', { color: 'yellow' })).toEqual([]);

    await core.api['annotations.delete']({ articleId: talks, id: annotation.id });
    expect(await idsOf('supply')).toEqual([]);
    await core.api['history.undo']({});
    expect(await idsOf('supply')).toEqual([`annotation:${annotation.id}`]);
    await core.api['history.redo']({});
    expect(await idsOf('supply')).toEqual([]);
  });

  it('follows notes as they are typed, and entities as they are made, renamed and merged', async () => {
    const { note } = await core.api['notes.create']({ title: 'Visit' });
    const content = { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Ask about the Quad summit', format: 0, style: '', mode: 'normal', detail: 0 }] }] } };
    await core.api['notes.save']({ id: note.id, content: content as never, baseRev: 1 });
    expect(await idsOf('quad summit')).toEqual([`note:${note.id}`]);

    const { entity: a } = await core.api['entities.create']({ name: 'Gen Nakatani', type: 'person' });
    const { entity: b } = await core.api['entities.create']({ name: 'Nakatani Gen', type: 'person' });
    await core.api['entities.update']({ id: a.id, patch: { description: 'Minister of Defense of Japan' } });
    expect(await idsOf('minister', { kinds: ['entity'] })).toEqual([`entity:${a.id}`]);
    await core.api['entities.merge']({ sourceId: b.id, targetId: a.id });
    expect(await idsOf('nakatani', { kinds: ['entity'] })).toEqual([`entity:${a.id}`]);
  });

  it('finds highlights restored from a W3C Web Annotation file', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId: talks, quote: 'New Delhi', comment: 'Venue of the talks' });
    const exported = await core.api['export.brief']({ articleId: talks, format: 'jsonld' });
    await core.api['annotations.delete']({ articleId: talks, id: annotation.id });
    expect(await idsOf('venue')).toEqual([]);
    const restored = await core.api['articles.import']({ files: [{ name: 'talks.jsonld', base64: b64(exported.content) }] });
    expect(restored.annotations?.[0]?.imported.anchored).toBe(1);
    expect(await idsOf('venue')).toEqual([`annotation:${annotation.id}`]);
  });

  it('takes an undone import out of the results and a new version of an article in', async () => {
    await core.api['history.undo']({ confirm: true });
    expect(await idsOf('logistics')).toEqual([]);
    await core.api['history.redo']({});
    expect(await idsOf('logistics')).toHaveLength(2);
    await core.api['articles.replace']({ id: exercise, file: { name: 'exercise-v2.txt', base64: b64('Naval exercise off Darwin\n\nThe ships practised refuelling at sea.') } });
    expect(await idsOf('refuelling')).toEqual([`article:${exercise}`]);
    expect(await idsOf('logistics')).toEqual([`article:${talks}`]);
  });

  it('keeps the index on disk, catches up with changes made by a process that never searched, and rebuilds a damaged one', async () => {
    await find('logistics');
    await core.close();
    const indexFile = path.join(dir, 'search', 'index.bin');
    expect((await fs.stat(indexFile)).size).toBeGreaterThan(0);

    // A command-line call: writes, never loads the index, only journals the change.
    core = await open();
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId: exercise, quote: 'Darwin', comment: 'Port visit' });
    await core.close();
    const saved = await fs.stat(indexFile);

    core = await open();
    expect(await idsOf('port visit')).toEqual([`annotation:${annotation.id}`]);
    await core.close();

    const bytes = await fs.readFile(indexFile);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
    await fs.writeFile(indexFile, bytes);
    core = await open();
    expect(await idsOf('port visit')).toEqual([`annotation:${annotation.id}`]);
    expect((await fs.stat(indexFile)).mtimeMs).toBeGreaterThanOrEqual(saved.mtimeMs);

    await fs.writeFile(indexFile, 'not an index');
    await core.close();
    core = await open();
    expect(await idsOf('darwin')).toEqual([`annotation:${annotation.id}`, `article:${exercise}`].sort());
  });

  it('builds an index saved in an older format again, so words are cut and folded the new way', async () => {
    await find('logistics');
    await core.close();
    const indexFile = path.join(dir, 'search', 'index.bin');
    const bytes = await fs.readFile(indexFile);
    const at = bytes.indexOf(`"format":${INDEX_FORMAT}`);
    expect(at).toBeGreaterThan(0);
    bytes.write(`"format":${INDEX_FORMAT - 1}`, at);
    await fs.writeFile(indexFile, bytes);
    core = await open();
    expect(await idsOf('darwin')).toEqual([`article:${exercise}`]);
    expect((await fs.readFile(indexFile)).indexOf(`"format":${INDEX_FORMAT}`)).toBeGreaterThan(0);
  });

  it('finds an Arabic and a Chinese word in imported articles, with the offsets of the characters as written', async () => {
    const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '..', 'import', 'fixtures', 'languages', name));
    const { articles } = await core.api['articles.import']({
      files: [
        { name: 'ar.txt', base64: fixture('ar.txt').toString('base64') },
        { name: 'zh.txt', base64: fixture('zh.txt').toString('base64') },
      ],
    });
    const [ar, zh] = articles.map((a) => a.id) as [string, string];
    for (const [query, id, written] of [
      ['الامن', ar, 'الأمنَ'],
      ['الأمنَ', ar, 'الأمنَ'],
      ['海上安全', zh, '海上安全'],
    ] as const) {
      const [hit, ...rest] = await find(query);
      expect(rest).toEqual([]);
      expect(hit).toMatchObject({ kind: 'article', id });
      const { text } = await core.api['articles.get']({ id });
      expect(text.slice(hit!.start!, hit!.end!)).toBe(written);
      expect(hit!.snippet).toContain(`<mark>${written}</mark>`);
    }
  });

  it('keeps following changes after a journal line was cut short by a crash', async () => {
    await find('logistics');
    await core.close();
    await fs.appendFile(path.join(dir, 'search', 'changes.jsonl'), '[{"subject":"annot');
    core = await open();
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId: talks, quote: 'bilateral meeting', comment: 'Format of the talks' });
    await core.close();
    core = await open();
    expect(await idsOf('format')).toEqual([`annotation:${annotation.id}`]);
  });

  it('finds what a save wrote when the process died before the save was announced', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId: talks, quote: 'bilateral meeting', comment: 'first words' });
    const { note } = await core.api['notes.create']({ title: 'Plans' });
    await find('logistics');
    await core.close();
    core = await open();
    await find('logistics');
    // The saves land in the write-ahead log; the process dies before it announces them.
    vi.spyOn(core.feed, 'publish').mockImplementation(() => undefined);
    await core.api['annotations.update']({ articleId: talks, id: annotation.id, comment: 'zanzibar corridor' });
    await core.api['notes.save']({ id: note.id, content: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: 'quokka sightings', format: 0, style: '', mode: 'normal', detail: 0 }] }] } } as never });
    const crashed = path.join(tmp, 'crashed');
    await fs.cp(dir, crashed, { recursive: true });
    await fs.rm(path.join(crashed, '.dossier.lock'), { force: true });
    vi.restoreAllMocks();
    await core.close();
    dir = crashed;
    core = await open();
    expect(await idsOf('zanzibar')).toEqual([`annotation:${annotation.id}`]);
    expect(await idsOf('quokka')).toEqual([`note:${note.id}`]);
    expect(await idsOf('first')).toEqual([]);
  });

  it('counts changes made while a snapshot is being saved as not in it', async () => {
    await find('logistics');
    const made = [];
    // Enough changes to start a snapshot, and more while it is written.
    for (let i = 0; i < 205; i++) made.push(core.api['annotations.createFromQuote']({ articleId: exercise, quote: 'Darwin', comment: `visit ${i} zq${i}` }));
    await Promise.all(made);
    await core.api['search.reindex']({});
    const late = await core.api['annotations.createFromQuote']({ articleId: exercise, quote: 'Naval', comment: 'late zqlate' });
    await core.close();
    core = await open();
    expect(await idsOf('zqlate')).toEqual([`annotation:${late.annotation.id}`]);
    expect(await idsOf('zq204')).toHaveLength(1);
  });

  it('builds an index of the rest when one article\'s files are damaged', async () => {
    await fs.writeFile(path.join(dir, 'articles', exercise, 'annotations.json'), '{ not json');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await idsOf('nakatani')).toEqual([`article:${talks}`]);
    expect(spy).toHaveBeenCalledWith(expect.stringContaining(exercise), expect.stringContaining('annotations.json'));
    spy.mockRestore();
  });

  it('rebuilds on request with progress', async () => {
    const progress: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'search.progress' && progress.push(payload));
    expect(await core.api['search.reindex']({})).toEqual({ documents: 2 });
    expect(progress).toEqual([{ done: 2, total: 2 }]);
  });

  it('has the index built where it is told (the worker thread in the app), with progress', async () => {
    await core.close();
    const built: string[] = [];
    core = createCore(await WorkspaceStore.open(dir), {
      searchBuilder: async (where, progress) => {
        built.push(where);
        return buildSearchSnapshot(where, progress);
      },
    });
    expect(await idsOf('nakatani')).toEqual([`article:${talks}`]);
    expect(built).toEqual([dir]);
  });

  it('loads the index soon after opening when asked to (the app), before any query', async () => {
    await core.close();
    await fs.rm(path.join(dir, 'search'), { recursive: true, force: true });
    core = createCore(await WorkspaceStore.open(dir), { warmSearch: true });
    await expect.poll(() => fs.stat(path.join(dir, 'search', 'index.bin')).then(() => true, () => false), { timeout: 10_000 }).toBe(true);
  });

  it('answers filters alone, newest first, and refuses a malformed grading', async () => {
    expect((await find('', { kinds: ['article'] })).map((r) => r.id).sort()).toEqual([talks, exercise].sort());
    const refused = await core.dispatch('search.query', { query: 'x', minGrading: 'Z9' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
