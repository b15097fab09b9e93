import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyNoteContent } from '../../common/model/note';
import { createCore, type DossierCore } from '../dossierCore';
import { SCHEMA_VERSION } from '../store/schemaFile';
import { WorkspaceStore } from '../store/workspaceStore';
import type { EventPayload } from '../../common/contract';
import { changeLine, rejection } from '../testing/testHelpers';
import { step } from '../../common/model/phrase';

let tmp: string;
let store: WorkspaceStore;
let core: DossierCore;
let articleId: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-briefs-'));
  store = await WorkspaceStore.open(tmp, { create: true });
  core = createCore(store, { creator: { name: 'R. Analyst' } });
  const { articles } = await core.api['articles.import']({
    files: [{ name: 'a.txt', base64: Buffer.from('A title\n\nSome words about Delhi and Tokyo.').toString('base64') }],
  });
  articleId = articles[0]!.id;
});

afterEach(async () => {
  await store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** briefs.json as the file holds it once the write-ahead log is folded in. */
async function onDisk(): Promise<{ schemaVersion: number; kind: string; briefs: { id: string; title: string }[] }> {
  await store.flush();
  return JSON.parse(await fs.readFile(path.join(tmp, 'briefs.json'), 'utf8'));
}

describe('briefs', () => {
  it('creates a brief with defaults, saves it in briefs.json with its header, lists and gets it', async () => {
    const { brief } = await core.api['briefs.create']({ title: 'Weekly brief', sections: [{ id: 's1', kind: 'article', articleId }] });
    expect(brief).toMatchObject({ title: 'Weekly brief', author: '', handling: '', summary: null, rev: 1 });
    expect(brief.id).toMatch(/^brf_/);
    // An article section without a filter gets the empty one: every annotation.
    expect(brief.sections).toEqual([{ id: 's1', kind: 'article', articleId, filter: {} }]);
    const file = await onDisk();
    expect(file).toMatchObject({ schemaVersion: SCHEMA_VERSION, kind: 'briefs', briefs: [{ id: brief.id, title: 'Weekly brief' }] });
    expect((await core.api['briefs.get']({ id: brief.id })).brief).toEqual(brief);
    expect((await core.api['briefs.list']({})).briefs).toEqual([
      { id: brief.id, rev: 1, title: 'Weekly brief', author: '', handling: '', created: brief.created, modified: brief.modified, createdBy: brief.createdBy, modifiedBy: brief.modifiedBy, sectionCount: 1 },
    ]);
  });

  it('updates only the fields given, bumps the revision, and refuses an edit based on another revision', async () => {
    const { brief } = await core.api['briefs.create']({ title: 'Draft', handling: 'OFFICIAL' });
    const summary = emptyNoteContent();
    const { brief: edited } = await core.api['briefs.update']({ id: brief.id, patch: { title: 'Final', summary }, baseRev: 1 });
    expect(edited).toMatchObject({ title: 'Final', handling: 'OFFICIAL', summary, rev: 2 });
    const conflict = await rejection(core.api['briefs.update']({ id: brief.id, patch: { title: 'Stale' }, baseRev: 1 }));
    expect(conflict.code).toBe('conflict');
    expect((await core.api['briefs.get']({ id: brief.id })).brief.title).toBe('Final');
  });

  it('reorders sections by saving them in their new order', async () => {
    const sections = [
      { id: 'a', kind: 'article' as const, articleId },
      { id: 'n', kind: 'note' as const, noteId: 'note_x' },
      { id: 'e', kind: 'entities' as const, entityIds: null },
    ];
    const { brief } = await core.api['briefs.create']({ title: 'B', sections });
    const { brief: moved } = await core.api['briefs.update']({ id: brief.id, patch: { sections: [sections[2]!, sections[0]!, sections[1]!] } });
    expect(moved.sections.map((s) => s.id)).toEqual(['e', 'a', 'n']);
  });

  it('refuses sections naming an unknown article, or two sections with one id', async () => {
    expect((await rejection(core.api['briefs.create']({ title: 'B', sections: [{ id: 's', kind: 'article', articleId: 'art_nope' }] }))).code).toBe('not-found');
    const twice = [
      { id: 's', kind: 'article' as const, articleId },
      { id: 's', kind: 'note' as const, noteId: 'note_x' },
    ];
    expect((await rejection(core.api['briefs.create']({ title: 'B', sections: twice }))).message).toMatch(/own id/);
    await expect(fs.access(path.join(tmp, 'briefs.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('deletes a brief; an unknown id is not found', async () => {
    const { brief } = await core.api['briefs.create']({ title: 'Gone soon' });
    await expect(core.api['briefs.delete']({ id: brief.id })).resolves.toEqual({ deleted: brief.id });
    expect((await core.api['briefs.list']({})).briefs).toEqual([]);
    expect((await rejection(core.api['briefs.get']({ id: brief.id }))).code).toBe('not-found');
    expect((await rejection(core.api['briefs.delete']({ id: brief.id }))).code).toBe('not-found');
  });

  it('undoes and redoes creating, editing and deleting, announcing each change', async () => {
    const reasons: string[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'workspace.changed') reasons.push(changeLine(payload as EventPayload<'workspace.changed'>));
    });
    const { brief } = await core.api['briefs.create']({ title: 'Weekly' });
    await core.api['briefs.update']({ id: brief.id, patch: { title: 'Weekly, revised' } });
    await core.api['briefs.delete']({ id: brief.id });
    expect((await core.api['history.state']({})).undo).toEqual(step('deleteBrief', { title: 'Weekly, revised' }));

    expect(await core.api['history.undo']({})).toMatchObject({ label: step('deleteBrief', { title: 'Weekly, revised' }), articleId: null });
    expect((await core.api['briefs.get']({ id: brief.id })).brief.title).toBe('Weekly, revised');
    await core.api['history.undo']({});
    expect((await core.api['briefs.get']({ id: brief.id })).brief.title).toBe('Weekly');
    await core.api['history.undo']({});
    expect((await core.api['briefs.list']({})).briefs).toEqual([]);
    expect((await onDisk()).briefs).toEqual([]);

    await core.api['history.redo']({});
    expect((await core.api['briefs.get']({ id: brief.id })).brief.title).toBe('Weekly');
    expect(reasons).toEqual([
      'edit brief created',
      'edit brief updated',
      'edit brief deleted',
      'undo brief created',
      'undo brief updated',
      'undo brief deleted',
      'redo brief created',
    ]);
  });

  it('undoes the edits of one editing session (one undo group) in one step', async () => {
    const { brief } = await core.api['briefs.create']({ title: 'T' });
    for (const title of ['T1', 'T12', 'T123']) await core.api['briefs.update']({ id: brief.id, patch: { title }, undoGroup: 'session-1' });
    await core.api['history.undo']({});
    expect((await core.api['briefs.get']({ id: brief.id })).brief.title).toBe('T');
  });

  it('keeps briefs across reopening the workspace', async () => {
    const { brief } = await core.api['briefs.create']({ title: 'Kept', author: 'R. Analyst', sections: [{ id: 's', kind: 'article', articleId, filter: { colors: ['green'] } }] });
    await store.close();
    store = await WorkspaceStore.open(tmp);
    core = createCore(store);
    expect((await core.api['briefs.get']({ id: brief.id })).brief).toEqual(brief);
  });
});
