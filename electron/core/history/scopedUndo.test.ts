import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleScope } from '../../common/model/history';
import { buildNote } from '../../common/notes/testing/noteFixtures';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { step } from '../../common/model/phrase';

/** Undo per view, through the core's calls as the app makes them. */

let tmp: string;
let core: DossierCore;
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-scoped-undo-'));
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }), { creator: { name: 'T' } });
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function importArticle(name: string, body: string): Promise<string> {
  const { articles } = await core.api['articles.import']({ files: [{ name, base64: b64(body) }] });
  return articles[0]!.id;
}

async function highlight(articleId: string, quote: string): Promise<string> {
  return (await core.api['annotations.createFromQuote']({ articleId, quote })).annotation.id;
}

const ids = async (articleId: string) => (await core.api['annotations.list']({ articleId })).annotations.map((a) => a.id);
const listed = async () => (await core.api['articles.list']({})).articles.map((a) => a.id);

describe('undo in a scope', () => {
  it("undoes an article's own changes and never the import of another article", async () => {
    const first = await importArticle('first.txt', 'Talks in Delhi. The ministers met on Monday.');
    const h1 = await highlight(first, 'ministers met');
    const second = await importArticle('second.txt', 'A grain silo at Dunmore burned on Tuesday.');

    const scope = articleScope(first);
    expect(await core.api['history.state']({ scope })).toEqual({ undo: step('addHighlight'), redo: null });
    expect(await core.api['history.undo']({ scope })).toMatchObject({ label: step('addHighlight'), articleId: first });
    expect(await ids(first)).toEqual([]);
    expect(await ids(first)).not.toContain(h1);

    // The article's own import is next; the other article's import, made later, is never offered here.
    const next = await core.api['history.undo']({ scope });
    expect(next.label).toMatchObject({ key: 'importArticle', params: { title: expect.stringMatching(/^Talks in Delhi/) } });
    expect(next.confirm).toEqual([{ key: 'importedArticle', params: { title: expect.stringMatching(/^Talks in Delhi/) } }]);
    expect(await listed()).toEqual(expect.arrayContaining([first, second]));

    // In the other article, the latest step is that article's import.
    expect((await core.api['history.state']({ scope: articleScope(second) })).undo).toMatchObject({ key: 'importArticle', params: { title: expect.stringMatching(/^A grain silo/) } });
  });

  it('redoes in the scope it undid, after undoing elsewhere in between', async () => {
    const first = await importArticle('first.txt', 'Talks in Delhi. The ministers met on Monday.');
    const h1 = await highlight(first, 'ministers met');
    const { note } = await core.api['notes.create']({ title: 'Plan' });

    await core.api['history.undo']({ scope: articleScope(first) });
    expect(await ids(first)).toEqual([]);
    // The note is still there: the article's undo passed it over.
    expect((await core.api['notes.list']({})).notes.map((n) => n.id)).toEqual([note.id]);
    expect(await core.api['history.state']({ scope: 'notes' })).toEqual({ undo: step('newNote'), redo: null });

    expect(await core.api['history.redo']({ scope: articleScope(first) })).toMatchObject({ label: step('addHighlight'), articleId: first });
    expect(await ids(first)).toEqual([h1]);
    expect(await core.api['history.state']({ scope: articleScope(first) })).toEqual({ undo: step('addHighlight'), redo: null });
  });

  it('asks before undoing the creation of a note that has text, and undoes it once confirmed', async () => {
    const { note } = await core.api['notes.create']({ title: 'Readout' });
    const content = buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode('Three hours of notes'))));
    await core.api['notes.save']({ id: note.id, content });

    const asked = await core.api['history.undo']({ scope: 'notes' });
    expect(asked).toEqual({ label: step('newNote'), articleId: null, id: expect.any(Number), confirm: [{ key: 'noteWithText', params: { title: 'Readout' } }] });
    expect((await core.api['notes.get']({ id: note.id })).note.text).toBe('Three hours of notes');
    expect(await core.api['history.state']({ scope: 'notes' })).toEqual({ undo: step('newNote'), redo: null });

    expect(await core.api['history.undo']({ id: asked.id, confirm: true })).toMatchObject({ label: step('newNote'), id: asked.id });
    expect((await core.api['notes.list']({})).notes).toEqual([]);
    // Redo brings it back with its text.
    await core.api['history.redo']({ scope: 'notes' });
    expect((await core.api['notes.get']({ id: note.id })).note.text).toBe('Three hours of notes');
  });

  it('undoes the creation of an empty note without asking', async () => {
    await core.api['notes.create']({});
    const answer = await core.api['history.undo']({ scope: 'notes' });
    expect(answer.confirm).toBeUndefined();
    expect((await core.api['notes.list']({})).notes).toEqual([]);
  });

  it('belongs a note written on an article to that article too', async () => {
    const article = await importArticle('first.txt', 'Talks in Delhi. The ministers met on Monday.');
    await highlight(article, 'ministers met');
    await core.api['notes.create']({ articleId: article, title: 'On the talks' });
    expect(await core.api['history.state']({ scope: articleScope(article) })).toEqual({ undo: step('newNote'), redo: null });
  });

  it('does not undo a step that a later step depends on, and says which', async () => {
    const article = await importArticle('first.txt', 'Talks in Delhi. The ministers met on Monday.');
    const id = await highlight(article, 'ministers met');
    const first = (await core.api['history.list']({})).entries[0]!;
    await core.api['annotations.update']({ articleId: article, id, comment: 'Venue' });
    const answer = await core.api['history.undo']({ id: first.id });
    expect(answer).toMatchObject({ label: step('addHighlight'), blockedBy: step('editHighlight') });
    expect(await ids(article)).toEqual([id]);
  });

  it('lists the steps of this run with their scopes, newest first, then those undone', async () => {
    const article = await importArticle('first.txt', 'Talks in Delhi. The ministers met on Monday.');
    await highlight(article, 'ministers met');
    await core.api['notes.create']({ title: 'Plan' });
    await core.api['history.undo']({ scope: 'notes' });
    const { entries } = await core.api['history.list']({});
    expect(entries.map((e) => [e.label, e.state, e.scopes])).toEqual([
      [step('addHighlight'), 'done', [articleScope(article)]],
      [expect.objectContaining({ key: 'importArticle' }), 'done', ['library', articleScope(article)]],
      [step('newNote'), 'undone', ['notes']],
    ]);
    expect(entries[1]!.blockedBy).toEqual(step('addHighlight'));
    expect(entries[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses an id that is no longer held, or a redo of a step that is done', async () => {
    await core.api['notes.create']({});
    const [entry] = (await core.api['history.list']({})).entries;
    await expect(core.api['history.redo']({ id: entry!.id })).rejects.toMatchObject({ code: 'conflict' });
    await expect(core.api['history.undo']({ id: 9999 })).rejects.toMatchObject({ code: 'not-found' });
  });
});
