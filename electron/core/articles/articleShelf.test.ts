import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../common/contract';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { changed, rejection } from '../testing/testHelpers';
import { step } from '../../common/model/phrase';

/** Renaming, archiving and the trash: operations with their inverse, and the one that has none. */

const BODY = 'Defence Minister Rajnath Singh will meet his Japanese counterpart Gen Nakatani in New Delhi on Monday.';
const TALKS = `Delhi talks on logistics\n\n${BODY}\n\nThe Ministry of Defence said the two sides will discuss a reciprocal logistics agreement.`;
const OTHER = 'Quad partners meet in Tokyo\n\nAustralia, India, Japan and the United States met in Tokyo to review maritime security.';
const b64 = (s: string) => Buffer.from(s).toString('base64');

let tmp: string;
let ws: string;
let core: DossierCore;
let talks: string;
let other: string;
let feed: EventPayload<'workspace.changed'>[];

async function open(): Promise<void> {
  core = createCore(await WorkspaceStore.open(ws, { create: true }), { creator: { name: 'Test Analyst' } });
  feed = [];
  core.events.subscribe((name, payload) => name === 'workspace.changed' && feed.push(payload as EventPayload<'workspace.changed'>));
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-shelf-'));
  ws = path.join(tmp, 'ws');
  await open();
  const { articles } = await core.api['articles.import']({
    files: [
      { name: 'talks.txt', base64: b64(TALKS) },
      { name: 'quad.txt', base64: b64(OTHER) },
    ],
  });
  [talks, other] = articles.map((a) => a.id) as [string, string];
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const listed = async () => (await core.api['articles.list']({})).articles;
const trashed = async () => (await core.api['articles.trashed']({})).articles;
const search = async (query: string) => (await core.api['search.query']({ query })).results.map((r) => r.articleId ?? r.id);

async function restart(): Promise<void> {
  await core.store.close();
  await open();
}

describe('renaming an article', () => {
  it('changes its display title everywhere it is listed, not its text, and is undone and redone', async () => {
    const { article } = await core.api['articles.rename']({ id: talks, title: '  Singh and Nakatani meet  ' });
    expect(article.title).toBe('Singh and Nakatani meet');
    expect((await listed()).find((a) => a.id === talks)?.title).toBe('Singh and Nakatani meet');
    expect((await core.api['articles.get']({ id: talks })).text).toBe(TALKS);
    expect(feed.at(-1)).toEqual(changed('edit', 'article', 'updated', { id: talks }));
    expect(await core.api['history.state']({})).toEqual({ undo: step('renameArticle'), redo: null });

    expect(await core.api['history.undo']({})).toMatchObject({ label: step('renameArticle'), articleId: talks });
    expect((await core.api['articles.get']({ id: talks })).article.title).toBe('Delhi talks on logistics');
    await core.api['history.redo']({});
    expect((await core.api['articles.get']({ id: talks })).article.title).toBe('Singh and Nakatani meet');
  });

  it('refuses an empty title, changing nothing', async () => {
    const error = await rejection(core.api['articles.rename']({ id: talks, title: '   ' }));
    expect(error.code).toBe('bad-input');
    expect(error.message).toMatch(/title cannot be empty/);
    expect((await core.api['articles.get']({ id: talks })).article.title).toBe('Delhi talks on logistics');
  });
});

describe('archiving an article', () => {
  it('marks it archived in the list (still searched), and is undone and redone', async () => {
    await core.api['articles.archive']({ id: talks, archived: true });
    expect((await listed()).map((a) => [a.id, a.archived])).toEqual([
      [talks, true],
      [other, false],
    ]);
    expect(await search('Nakatani')).toContain(talks);
    expect(feed.at(-1)).toEqual(changed('edit', 'article', 'updated', { id: talks }));
    await core.api['history.undo']({});
    expect((await listed()).find((a) => a.id === talks)?.archived).toBe(false);
    await core.api['history.redo']({});
    expect((await listed()).find((a) => a.id === talks)?.archived).toBe(true);
    await core.api['articles.archive']({ id: talks, archived: false });
    expect((await listed()).find((a) => a.id === talks)?.archived).toBe(false);
    expect((await core.api['history.state']({})).undo).toEqual(step('unarchiveArticle'));
  });
});

describe('the trash', () => {
  it('takes a trashed article out of the library, search, entity pages and the timeline; undo brings it back', async () => {
    const { entity } = await core.api['entities.create']({ name: 'Gen Nakatani', type: 'person' });
    const at = TALKS.indexOf('Gen Nakatani');
    await core.api['entities.link']({ articleId: talks, start: at, end: at + 'Gen Nakatani'.length, entityId: entity.id });
    await core.api['timeline.add']({ articleId: talks, start: at, end: at + 12, exact: 'Gen Nakatani', date: '2025-05-05', label: 'Talks' });
    expect(await search('Nakatani')).toContain(talks);
    expect((await core.api['entities.page']({ id: entity.id })).mentions.length).toBeGreaterThan(0);

    await core.api['articles.trash']({ id: talks });
    expect((await listed()).map((a) => a.id)).toEqual([other]);
    expect((await trashed()).map((a) => [a.id, a.title])).toEqual([[talks, 'Delhi talks on logistics']]);
    expect(feed.at(-1)).toEqual(changed('edit', 'article', 'deleted', { id: talks }));
    expect(await search('Nakatani')).not.toContain(talks);
    expect((await core.api['entities.page']({ id: entity.id })).mentions).toEqual([]);
    expect((await core.api['timeline.list']({})).events).toEqual([]);
    expect((await rejection(core.api['articles.get']({ id: talks }))).code).toBe('not-found');

    expect(await core.api['history.undo']({})).toMatchObject({ label: step('moveArticleToTrash'), articleId: talks });
    expect((await listed()).map((a) => a.id).sort()).toEqual([talks, other].sort());
    expect(await trashed()).toEqual([]);
    expect(await search('Nakatani')).toContain(talks);
    expect((await core.api['entities.page']({ id: entity.id })).mentions.length).toBeGreaterThan(0);
    expect((await core.api['timeline.list']({})).events).toHaveLength(1);

    await core.api['history.redo']({});
    expect((await trashed()).map((a) => a.id)).toEqual([talks]);
  });

  it('restores an article to where it was (archived stays archived), as an undoable step', async () => {
    await core.api['articles.archive']({ id: talks, archived: true });
    await core.api['articles.trash']({ id: talks });
    expect((await trashed())[0]).toMatchObject({ id: talks, archived: true });
    await core.api['articles.restore']({ id: talks });
    expect((await listed()).find((a) => a.id === talks)).toMatchObject({ archived: true });
    expect(feed.at(-1)).toEqual(changed('edit', 'article', 'created', { id: talks }));
    expect((await core.api['history.state']({})).undo).toEqual(step('restoreArticleFromTrash'));
    await core.api['history.undo']({});
    expect((await trashed()).map((a) => a.id)).toEqual([talks]);
  });

  it('survives a restart, and a library rebuilt from the article folders', async () => {
    await core.api['articles.trash']({ id: talks });
    await restart();
    expect((await listed()).map((a) => a.id)).toEqual([other]);
    expect((await trashed()).map((a) => a.id)).toEqual([talks]);

    await core.store.close();
    await fs.rm(path.join(ws, 'library.json'));
    await open();
    expect((await listed()).map((a) => a.id)).toEqual([other]);
    expect((await trashed()).map((a) => a.id)).toEqual([talks]);
  });

  it('refuses to import a second copy of a trashed article, saying where it is', async () => {
    await core.api['articles.trash']({ id: talks });
    const { articles, failures } = await core.api['articles.import']({ files: [{ name: 'again.txt', base64: b64(TALKS) }] });
    expect(articles).toEqual([]);
    expect(failures).toEqual([
      {
        file: 'again.txt',
        message: 'again.txt is in the trash as “Delhi talks on logistics”: restore it from there.',
        phrase: { key: 'import.inTrash', params: { file: 'again.txt', title: 'Delhi talks on logistics' } },
      },
    ]);
  });

  it('is emptied for good: the folders go, no undo step is left that needs them, and it stays empty after a restart', async () => {
    await core.api['annotations.createFromQuote']({ articleId: other, quote: 'maritime security' });
    await core.api['articles.trash']({ id: talks });
    expect(await core.api['articles.emptyTrash']({})).toEqual({ removed: 1 });
    expect(feed.at(-1)).toEqual(changed('edit', 'article', 'deleted', { id: talks }));
    await expect(fs.access(path.join(ws, 'articles', talks))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await trashed()).toEqual([]);
    // The trash step went with the article; the highlight before it is still undoable.
    expect((await core.api['history.state']({})).undo).toEqual(step('addHighlight'));
    await core.api['history.undo']({});
    expect((await core.api['annotations.list']({ articleId: other })).annotations).toEqual([]);
    await restart();
    expect((await listed()).map((a) => a.id)).toEqual([other]);
    expect(await trashed()).toEqual([]);
    expect(await core.api['articles.emptyTrash']({})).toEqual({ removed: 0 });
  });

  it('empties only the articles named, and never touches a listed one', async () => {
    await core.api['articles.trash']({ id: talks });
    expect(await core.api['articles.emptyTrash']({ ids: [other] })).toEqual({ removed: 0 });
    await expect(fs.access(path.join(ws, 'articles', other))).resolves.toBeUndefined();
    expect(await core.api['articles.emptyTrash']({ ids: [talks] })).toEqual({ removed: 1 });
    expect((await listed()).map((a) => a.id)).toEqual([other]);
  });

  it('refuses to trash what is not in the library, or restore what is not in the trash', async () => {
    await core.api['articles.trash']({ id: talks });
    expect((await rejection(core.api['articles.trash']({ id: talks }))).message).toMatch(/in the library/);
    expect((await rejection(core.api['articles.restore']({ id: other }))).message).toMatch(/in the trash/);
  });
});
