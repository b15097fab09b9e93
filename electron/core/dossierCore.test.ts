import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import os from 'node:os';
import { CALL_NAMES, contract, type EventName, type EventPayload } from '../common/contract';
import { DEFAULT_PALETTE } from '../common/model/palette';
import { createCore, toErrorPayload, type DossierCore } from './dossierCore';
import { WorkspaceStore } from './store/workspaceStore';
import { AppSettingsFile } from './settings/appSettingsFile';
import { changed, changeLine } from './testing/testHelpers';
import { step } from '../common/model/phrase';

let tmp: string;
let core: DossierCore;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const CREATOR = { name: 'Test Analyst' };

/** A change-feed event in one line; listeners get every event, so they narrow by name first (progress is left out). */
function reasonOf(name: EventName, payload: EventPayload<EventName>): string[] {
  if (name === 'import.progress') return [];
  if (name !== 'workspace.changed') throw new Error(`unexpected event ${name}`);
  return [changeLine(payload as EventPayload<'workspace.changed'>)];
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-core-'));
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }), { creator: CREATOR });
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function importOne(text: string, name = 'a.txt'): Promise<string> {
  const { articles } = await core.api['articles.import']({ files: [{ name, base64: b64(text) }] });
  return articles[0]!.id;
}

describe('dispatch', () => {
  it('runs a valid call and returns its value', async () => {
    const result = await core.dispatch('workspace.info', {});
    expect(result).toEqual({ ok: true, value: { ...core.store.info(), creator: CREATOR } });
    expect(await core.dispatch('articles.list', undefined)).toEqual({ ok: true, value: { articles: [] } });
  });

  it.each(['no.such.call', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])('refuses the unknown call %j with bad-input', async (name) => {
    const result = await core.dispatch(name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('keeps an unknown call name short in the message', async () => {
    const result = await core.dispatch('x'.repeat(10_000), {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
  });

  it.each([
    ['annotations.create', { articleId: 'art_x', start: -1, end: 3 }],
    ['annotations.create', { articleId: 'art_x', start: '0', end: 3 }],
    ['annotations.create', { start: 0, end: 3 }],
    ['annotations.create', { articleId: 'art_x', start: 0.5, end: 3 }],
    ['annotations.createFromQuote', { articleId: 'art_x', quote: '' }],
    ['annotations.createFromQuote', { articleId: 'art_x', quote: 'q', occurrence: 0 }],
    ['annotations.update', { articleId: 'art_x', id: 'ann_x', comment: 'x'.repeat(20_001) }],
    ['articles.import', { files: [] }],
    ['articles.import', { files: [{ name: '', base64: '' }] }],
    ['export.brief', { articleId: 'art_x', format: 'rtf' }],
    ['export.brief', { source: { briefId: '' }, format: 'md' }],
    ['articles.get', null],
    ['articles.get', 'art_x'],
    ['articles.updateMeta', { id: 'art_x', patch: { published: '2025-02-30' } }],
    ['articles.updateMeta', { id: 'art_x' }],
    ['articles.replace', { id: 'art_x' }],
    ['articles.replace', { id: 'art_x', file: { name: 'x.txt' } }],
    ['articles.versionText', { id: 'art_x', version: 0 }],
    ['annotations.create', { articleId: 'art_x', start: 0, end: 3, grading: { reliability: 'A', credibility: 9 } }],
    ['annotations.update', { articleId: 'art_x', id: 'ann_x', tags: ['a,b'] }],
    ['annotations.reattach', { articleId: 'art_x', id: 'ann_x', start: -1, end: 3 }],
    ['replies.add', { articleId: 'art_x', body: 'x' }],
    ['replies.update', { articleId: 'art_x', annotationId: 'ann_x', body: 'x' }],
    ['replies.delete', { articleId: 'art_x', annotationId: 'ann_x' }],
    ['workspace.setPalette', { palette: [] }],
    ['workspace.setPalette', { palette: [{ key: 'yellow', label: 'Claim', color: 'yellow' }] }],
  ])('refuses an invalid %s payload %j with bad-input, without throwing', async (name, payload) => {
    const result = await core.dispatch(name, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    if (!result.ok) expect(result.error.message).toContain(name);
  });

  it('turns a user-facing error of a call into its payload', async () => {
    const result = await core.dispatch('articles.get', { id: 'art_00000000000000000000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('turns an unexpected error into "internal" without throwing', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(core.store, 'readArticle').mockRejectedValue(new TypeError('disk went away'));
    const result = await core.dispatch('articles.get', { id: 'art_00000000000000000000000000' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('disk went away') } });
    expect(spy).toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('has a handler for every call of the contract', () => {
    expect(Object.keys(core.api).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(contract).sort()).toEqual([...CALL_NAMES].sort());
  });
});

describe('the API', () => {
  it('imports, lists and gets articles, and tells listeners once per real import', async () => {
    const events: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'workspace.changed' && events.push({ name, payload }));
    const files = [{ name: 'ministers.txt', base64: b64('Ministers meet\n\nThe ministers met in Delhi.') }];
    const first = await core.api['articles.import']({ files });
    expect(first.failures).toEqual([]);
    const id = first.articles[0]!.id;
    expect(events).toEqual([{ name: 'workspace.changed', payload: { cause: 'edit', changes: [{ subject: 'article', kind: 'created', id, articleId: id }] } }]);
    const again = await core.api['articles.import']({ files });
    expect(again.articles[0]).toMatchObject({ id, duplicate: true });
    expect(events).toHaveLength(1);

    const { articles } = await core.api['articles.list']({});
    expect(articles).toEqual([
      { id, title: 'Ministers meet', published: null, sha256: first.articles[0]!.sha256, source: 'ministers.txt', outlet: null, importedAt: expect.any(String), archived: false, language: (await core.store.readMeta(id)).language },
    ]);
    const got = await core.api['articles.get']({ id });
    expect(got.text).toBe('Ministers meet\n\nThe ministers met in Delhi.');
    expect(got.article).toMatchObject({ id, title: 'Ministers meet', source: 'ministers.txt' });
  });

  it('reports failed imports without a change, with their progress', async () => {
    const events: unknown[] = [];
    core.events.subscribe((name, payload) => events.push({ name, payload }));
    const outcome = await core.api['articles.import']({ files: [{ name: 'empty.txt', base64: '' }] });
    expect(outcome).toEqual({ articles: [], failures: [{ file: 'empty.txt', message: 'empty.txt is empty.', phrase: { key: 'import.empty', params: { file: 'empty.txt' } } }] });
    expect(events).toEqual([{ name: 'import.progress', payload: { done: 1, total: 1, file: 'empty.txt' } }]);
  });

  it('opens the start article first, else the first article, else none', async () => {
    expect(await core.api['app.startup']({})).toEqual({ articleId: null });
    const a = await importOne('First\n\nbody', 'a.txt');
    const b = await importOne('Second\n\nbody', 'b.txt');
    expect(await core.api['app.startup']({})).toEqual({ articleId: a });
    await core.store.setStartArticle(b);
    expect(await core.api['app.startup']({})).toEqual({ articleId: b });
  });

  it('exports a Markdown brief of an article', async () => {
    const id = await importOne('date 2025-05-04 Ministers meet\n\nThe ministers met in Delhi.', 'talks.txt');
    await core.api['annotations.createFromQuote']({ articleId: id, quote: 'met in Delhi', comment: 'Venue' });
    const brief = await core.api['export.brief']({ articleId: id, format: 'md' });
    expect(brief.filename).toBe('ministers-meet-brief.md');
    expect(brief.mediaType).toBe('text/markdown');
    expect(brief.content).toContain('# Ministers meet');
    expect(brief.content).toContain('> met in Delhi');
    expect(brief.content).toContain('Venue');
    expect(brief.content).toMatch(/2025-05-04, ¶ \d+/);
  });

  it('keeps saving when an event listener throws', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const delivered: string[] = [];
    core.events.subscribe(() => {
      throw new Error('closed window');
    });
    core.events.subscribe((name, payload) => delivered.push(...reasonOf(name, payload)));
    const id = await importOne('Title\n\nBody text here.');
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId: id, quote: 'Body' });
    expect((await core.api['annotations.list']({ articleId: id })).annotations).toEqual([annotation]);
    expect(delivered).toEqual(['edit article created', 'edit annotation created']);
    spy.mockRestore();
  });

  it('stops telling a listener after it unsubscribes', async () => {
    const delivered: string[] = [];
    const unsubscribe = core.events.subscribe((name, payload) => delivered.push(...reasonOf(name, payload)));
    await importOne('One\n\nbody');
    unsubscribe();
    await importOne('Two\n\nbody');
    expect(delivered).toEqual(['edit article created']);
  });
});

describe('the workspace', () => {
  it('tells its palette and who annotations are attributed to', async () => {
    expect(await core.api['workspace.info']({})).toMatchObject({ palette: DEFAULT_PALETTE, creator: CREATOR, articleCount: 0 });
    const id = await importOne('Title\n\nBody text here.');
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId: id, quote: 'Body' });
    expect(annotation.creator).toEqual(CREATOR);
  });

  it('attributes records to the display name of the settings, never the login name, and follows a change at once', async () => {
    await core.store.close();
    const settings = AppSettingsFile.inMemory();
    core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws')), { settings });
    const events: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'settings.changed' && events.push(payload));
    // Not asked yet (first run): a neutral name, not `root`.
    expect((await core.api['workspace.info']({})).creator.name).toBe('Analyst');
    expect((await core.api['workspace.info']({})).creator.name).not.toBe(os.userInfo().username);

    const { settings: saved } = await core.api['settings.update']({ patch: { displayName: '  Priya Raman ', briefHandling: 'OFFICIAL' } });
    expect(saved.displayName).toBe('Priya Raman');
    expect(events).toEqual([{ settings: saved }]);
    expect((await core.api['workspace.info']({})).creator).toEqual({ name: 'Priya Raman' });
    const id = await importOne('Title\n\nBody text here.');
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId: id, quote: 'Body' });
    expect(annotation.creator).toEqual({ name: 'Priya Raman' });
    const withReply = await core.api['replies.add']({ articleId: id, annotationId: annotation.id, body: 'Checked.' });
    expect(withReply.annotation.replies[0]!.creator).toEqual({ name: 'Priya Raman' });
    // A new brief starts with the settings' author (the display name when none is set) and handling line.
    const { brief } = await core.api['briefs.create']({ title: 'Weekly' });
    expect(brief).toMatchObject({ author: 'Priya Raman', handling: 'OFFICIAL' });
    const { brief: own } = await core.api['briefs.create']({ title: 'Other', author: 'Desk B', handling: '' });
    expect(own).toMatchObject({ author: 'Desk B', handling: '' });
  });

  it('rejects a settings change it cannot keep, and changes nothing', async () => {
    const bad = await core.dispatch('settings.update', { patch: { theme: 'purple' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const unknown = await core.dispatch('settings.update', { patch: { shoeSize: 44 } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((await core.api['settings.get']({})).settings.theme).toBe('system');
  });

  it('renames a colour, saves the palette, announces it, and undoes and redoes it', async () => {
    const events: unknown[] = [];
    core.events.subscribe((name, payload) => events.push({ name, payload }));
    const renamed = DEFAULT_PALETTE.map((p) => (p.key === 'yellow' ? { ...p, label: 'Disputed claim' } : p));
    expect(await core.api['workspace.setPalette']({ palette: renamed })).toEqual({ palette: renamed });
    expect((await core.api['workspace.info']({})).palette).toEqual(renamed);
    await core.store.flush();
    expect(JSON.parse(await fs.readFile(path.join(tmp, 'ws', 'workspace.json'), 'utf8')).palette).toEqual(renamed);
    expect(await core.api['history.state']({})).toEqual({ undo: step('renameColours'), redo: null });
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('renameColours'), articleId: null });
    expect((await core.api['workspace.info']({})).palette).toEqual(DEFAULT_PALETTE);
    expect(await core.api['history.redo']({})).toMatchObject({ label: step('renameColours'), articleId: null });
    expect((await core.api['workspace.info']({})).palette).toEqual(renamed);
    expect(events).toEqual([
      { name: 'workspace.changed', payload: changed('edit', 'workspace', 'updated') },
      { name: 'workspace.changed', payload: { cause: 'undo', changes: [{ subject: 'workspace', kind: 'updated', id: 'palette', articleId: null }] } },
      { name: 'workspace.changed', payload: { cause: 'redo', changes: [{ subject: 'workspace', kind: 'updated', id: 'palette', articleId: null }] } },
    ]);
    await core.store.close();
    core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws')));
    expect((await core.api['workspace.info']({})).palette).toEqual(renamed);
  });

  it('refuses a palette with the same colour twice (bad-input), changing nothing', async () => {
    const doubled = [...DEFAULT_PALETTE, { ...DEFAULT_PALETTE[0]!, label: 'Again' }];
    const result = await core.dispatch('workspace.setPalette', { palette: doubled });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/only once/) } });
    expect((await core.api['workspace.info']({})).palette).toEqual(DEFAULT_PALETTE);
    expect(await core.api['history.state']({})).toEqual({ undo: null, redo: null });
  });

  it('answers undo and redo with nulls when there is nothing to do', async () => {
    expect(await core.api['history.state']({})).toEqual({ undo: null, redo: null });
    expect(await core.api['history.undo']({})).toEqual({ label: null, articleId: null });
    expect(await core.api['history.redo']({})).toEqual({ label: null, articleId: null });
  });

  it('names the palette\u2019s current label in an exported brief', async () => {
    const id = await importOne('Ministers meet\n\nThe ministers met in Delhi.', 'talks.txt');
    await core.api['annotations.createFromQuote']({ articleId: id, quote: 'met in Delhi', color: 'red' });
    expect((await core.api['export.brief']({ articleId: id, format: 'md' })).content).toContain('### 1. Key date');
    await core.api['workspace.setPalette']({ palette: DEFAULT_PALETTE.map((p) => (p.key === 'red' ? { ...p, label: 'Deadline' } : p)) });
    expect((await core.api['export.brief']({ articleId: id, format: 'md' })).content).toContain('### 1. Deadline');
  });
});

describe('toErrorPayload', () => {
  it('hides nothing of a user-facing error and wraps anything else as internal', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(toErrorPayload(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: expect.stringContaining('x is undefined'),
    });
    expect(toErrorPayload('plain string')).toMatchObject({ code: 'internal' });
    spy.mockRestore();
  });
});

describe('undoing an import', () => {
  it('takes the imported articles out of the library and redo brings them back whole, annotations included', async () => {
    const keep = await importOne('Kept article. It stays.', 'keep.txt');
    const { articles } = await core.api['articles.import']({
      files: [
        { name: 'a.txt', base64: b64('First article. With a sentence worth a highlight.') },
        { name: 'b.txt', base64: b64('Second article. Also here.') },
      ],
    });
    const [a, b] = articles.map((x) => x.id);
    await core.api['annotations.createFromQuote']({ articleId: a!, quote: 'worth a highlight', comment: 'c' });
    // Undo the highlight, then the import.
    await core.api['history.undo']({});
    expect((await core.api['history.undo']({ confirm: true })).label).toEqual(step('importArticles', { count: 2 }));
    expect((await core.api['articles.list']({})).articles.map((x) => x.id)).toEqual([keep]);
    expect(await fs.readdir(path.join(core.store.dir, 'articles'))).toEqual(expect.arrayContaining([a, b]));

    await core.api['history.redo']({});
    expect((await core.api['articles.list']({})).articles.map((x) => x.id)).toEqual([keep, a, b]);
    await core.api['history.redo']({});
    expect((await core.api['annotations.list']({ articleId: a! })).annotations.map((x) => x.comment)).toEqual(['c']);
    await core.store.flush();
    const history = await fs.readFile(path.join(core.store.dir, 'articles', a!, 'history.jsonl'), 'utf8');
    expect(history).toContain('"op":"listing.undo"');
    expect(history).toContain('"op":"listing.redo"');
  });
});
