import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteContent } from '../../common/model/note';
import { $createCitationNode } from '../../common/notes/nodes/CitationNode';
import { $createEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';
import { buildNote } from '../../common/notes/testing/noteFixtures';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { rejection } from '../testing/testHelpers';
import { step } from '../../common/model/phrase';

let tmp: string;
let core: DossierCore;
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-notes-'));
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }), { creator: { name: 'T' } });
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const text = (words: string): NoteContent => buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode(words))));

const mentioning = (entityId: string, name: string, extra = ''): NoteContent =>
  buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode(`About ${extra}`), $createEntityMentionNode(entityId, 'person', name))));

async function importArticle(body = 'Tokyo talks. The ministers agreed to deepen cooperation on defence equipment.'): Promise<string> {
  const { articles } = await core.api['articles.import']({ files: [{ name: 'a.txt', base64: b64(body) }] });
  return articles[0]!.id;
}

async function reopen(): Promise<void> {
  const dir = core.store.dir;
  await core.store.close();
  core = createCore(await WorkspaceStore.open(dir), { creator: { name: 'T' } });
}

describe('notes', () => {
  it('creates, saves and reads back a note across a restart, with references derived on save', async () => {
    const { note } = await core.api['notes.create']({ title: 'Readout' });
    expect(note).toMatchObject({ title: 'Readout', articleId: null, pinned: false, contentRev: 1, entityIds: [] });
    const saved = await core.api['notes.save']({ id: note.id, content: mentioning('ent_a', 'Rajnath Singh', '#navy '), baseRev: note.contentRev });
    expect(saved.contentRev).toBe(2);
    expect(saved.note).toMatchObject({ entityIds: ['ent_a'], tags: ['navy'], excerpt: 'About #navy Rajnath Singh' });
    await reopen();
    const { note: back } = await core.api['notes.get']({ id: note.id });
    expect(back.text).toBe('About #navy Rajnath Singh');
    expect(back.contentRev).toBe(2);
    expect(back.entityIds).toEqual(['ent_a']);
  });

  it('names an untitled note after its first line until the analyst names it', async () => {
    const { note } = await core.api['notes.create']({ content: text('First line of thought') });
    expect(note.title).toBe('First line of thought');
    const blank = (await core.api['notes.create']({})).note;
    expect(blank.title).toBe('Untitled note');
    expect((await core.api['notes.save']({ id: blank.id, content: text('Now it says something') })).note.title).toBe('Now it says something');
    await core.api['notes.update']({ id: blank.id, patch: { title: 'Chosen' } });
    expect((await core.api['notes.save']({ id: blank.id, content: text('Other words') })).note.title).toBe('Chosen');
    expect((await core.api['notes.update']({ id: blank.id, patch: { title: '' } })).note.title).toBe('Other words');
  });

  it('refuses a save based on an older content revision, but not after a rename', async () => {
    const { note } = await core.api['notes.create']({});
    await core.api['notes.update']({ id: note.id, patch: { title: 'Renamed' } });
    const first = await core.api['notes.save']({ id: note.id, content: text('one'), baseRev: note.contentRev });
    const stale = await rejection(core.api['notes.save']({ id: note.id, content: text('two'), baseRev: note.contentRev }));
    expect(stale.code).toBe('conflict');
    await core.api['notes.save']({ id: note.id, content: text('three'), baseRev: first.contentRev });
    expect((await core.api['notes.get']({ id: note.id })).note.text).toBe('three');
  });

  it('lists pinned notes first, then the most recently changed, and filters by tag, article, entity and words', async () => {
    const articleId = await importArticle();
    const a = (await core.api['notes.create']({ title: 'Alpha', content: text('Déjà vu about the #Navy') })).note;
    await core.api['notes.create']({ title: 'Beta', articleId, content: mentioning('ent_x', 'X') });
    await core.api['notes.create']({ title: 'Gamma', content: text('nothing') });
    await core.api['notes.update']({ id: a.id, patch: { pinned: true } });
    const titles = async (filter = {}) => (await core.api['notes.list']({ filter })).notes.map((n) => n.title);
    expect(await titles()).toEqual(['Alpha', 'Gamma', 'Beta']);
    expect(await titles({ tag: '#navy' })).toEqual(['Alpha']);
    expect(await titles({ articleId })).toEqual(['Beta']);
    expect(await titles({ entityId: 'ent_x' })).toEqual(['Beta']);
    expect(await titles({ query: 'deja VU' })).toEqual(['Alpha']);
    expect(await titles({ query: 'gamma' })).toEqual(['Gamma']);
    expect(await titles({ query: 'deja gamma' })).toEqual([]);
    expect((await core.api['notes.tags']({})).tags).toEqual([{ tag: 'navy', count: 1 }]);
  });

  it('lists the notes citing an article, wherever they were written', async () => {
    const articleId = await importArticle();
    const content = buildNote(() =>
      $getRoot().append(
        $createParagraphNode().append($createCitationNode({ articleId, annotationId: null, quote: 'deepen cooperation', source: 'Talks', start: 10, end: 28 })),
      ),
    );
    const { note } = await core.api['notes.create']({ title: 'Cites', content });
    await core.api['notes.create']({ title: 'Other' });
    expect((await core.api['notes.list']({ filter: { citesArticleId: articleId } })).notes.map((n) => n.id)).toEqual([note.id]);
  });

  it('undoes and redoes delete, rename and pin, keeping what was typed in between', async () => {
    const { note } = await core.api['notes.create']({ title: 'Keep me' });
    await core.api['notes.update']({ id: note.id, patch: { title: 'New name' } });
    await core.api['notes.save']({ id: note.id, content: mentioning('ent_b', 'B') });
    await core.api['history.undo']({});
    let back = (await core.api['notes.get']({ id: note.id })).note;
    expect(back.title).toBe('Keep me');
    expect(back.entityIds).toEqual(['ent_b']);
    expect(back.text).toBe('About B');

    await core.api['notes.delete']({ id: note.id });
    expect((await rejection(core.api['notes.get']({ id: note.id }))).code).toBe('not-found');
    expect((await core.api['history.undo']({})).label).toEqual(step('deleteNote'));
    back = (await core.api['notes.get']({ id: note.id })).note;
    expect(back.text).toBe('About B');
    await core.api['history.redo']({});
    expect((await core.api['notes.list']({})).notes).toEqual([]);
  });

  it('calls an unnamed note by its first line after undo and redo, whatever it was called when the step was made', async () => {
    // Found by the model-based test: undoing the rename put back "Untitled note" over typed text.
    const { note } = await core.api['notes.create']({});
    await core.api['notes.update']({ id: note.id, patch: { title: 'Plan' } });
    await core.api['notes.save']({ id: note.id, content: text('Meeting with the agency') });
    expect((await core.api['history.undo']({})).label).toEqual(step('renameNote'));
    expect((await core.api['notes.get']({ id: note.id })).note).toMatchObject({ title: 'Meeting with the agency', titled: false });

    await core.api['notes.save']({ id: note.id, content: text('Second draft') });
    await core.api['history.redo']({});
    expect((await core.api['notes.get']({ id: note.id })).note).toMatchObject({ title: 'Plan', titled: true });
    await core.api['history.undo']({});
    expect((await core.api['notes.list']({})).notes[0]).toMatchObject({ title: 'Second draft', titled: false });

    await core.api['notes.delete']({ id: note.id });
    await core.api['history.undo']({});
    expect((await core.api['notes.get']({ id: note.id })).note.title).toBe('Second draft');
  });

  it('rejects ids that are not note ids before touching any file', async () => {
    expect((await rejection(core.api['notes.get']({ id: '../workspace' }))).code).toBe('bad-input');
    expect((await rejection(core.api['notes.create']({ articleId: 'art_missing' }))).code).toBe('not-found');
  });

  it('answers an invalid editor state at the contract boundary', async () => {
    const { note } = await core.api['notes.create']({});
    const result = await core.dispatch('notes.save', { id: note.id, content: { root: { type: 'paragraph', children: [] } } });
    expect(result.ok).toBe(false);
  });
});

describe('backlinks', () => {
  async function entityIn(articleId: string, name: string): Promise<string> {
    const { text: body } = await core.api['articles.get']({ id: articleId });
    const start = body.indexOf(name);
    const { mention } = await core.api['entities.link']({ articleId, start, end: start + name.length, name, type: 'place' });
    return mention.entityId;
  }

  it('lists on an entity page the notes that mention it, also after a rename and a merge', async () => {
    const articleId = await importArticle('Tokyo and Nippon are the same place. Delhi is another.');
    const tokyo = await entityIn(articleId, 'Tokyo');
    const nippon = await entityIn(articleId, 'Nippon');
    const { note } = await core.api['notes.create']({ title: 'On Nippon', content: mentioning(nippon, 'Nippon') });
    expect((await core.api['entities.page']({ id: nippon })).notes.map((n) => n.id)).toEqual([note.id]);
    expect((await core.api['entities.page']({ id: tokyo })).notes).toEqual([]);

    await core.api['entities.merge']({ sourceId: nippon, targetId: tokyo });
    expect((await core.api['entities.page']({ id: tokyo })).notes.map((n) => n.id)).toEqual([note.id]);
    await core.api['entities.update']({ id: tokyo, patch: { name: 'Tokyo Metropolis' } });
    const resolved = (await core.api['entities.resolve']({ ids: [nippon, 'ent_gone'] })).entities;
    expect(resolved[nippon]?.name).toBe('Tokyo Metropolis');
    expect(resolved['ent_gone']).toBeNull();
  });
});
