import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteContent } from '../../common/model/note';
import { buildNote } from '../../common/notes/testing/noteFixtures';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { rejection } from '../testing/testHelpers';
import { REVISION_INTERVAL_MS, REVISION_KEEP_MS } from './noteRevisions';
import { step } from '../../common/model/phrase';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let tmp: string;
let core: DossierCore;
/** The revisions' clock: moved by the tests, never read from the machine. */
let clock: number;
const open = async (dir: string, create = false) => createCore(await WorkspaceStore.open(dir, { create }), { creator: { name: 'T' }, now: () => clock });

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-revisions-'));
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  core = await open(path.join(tmp, 'ws'), true);
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const text = (...paragraphs: string[]): NoteContent =>
  buildNote(() => $getRoot().append(...paragraphs.map((p) => $createParagraphNode().append($createTextNode(p)))));

async function newNote(words: string): Promise<string> {
  return (await core.api['notes.create']({ content: text(words) })).note.id;
}
const save = (id: string, words: string) => core.api['notes.save']({ id, content: text(words) });
const listed = async (id: string) => (await core.api['notes.revisions']({ id })).revisions;
const listedTexts = async (id: string) => Promise.all((await listed(id)).map(async (r) => (await core.api['notes.revision']({ id, revisionId: r.id })).revision.text));
const currentText = async (id: string) => (await core.api['notes.get']({ id })).note.text;
const revisionsFile = (id: string) => path.join(core.store.dir, 'notes', 'revisions', `${id}.json`);

describe('note revisions', () => {
  it('keeps at most one revision per five minutes of editing, holding the text as it was before the save', async () => {
    const id = await newNote('First draft');
    await save(id, 'First draft, longer');
    // The newest revision is the body before that save, with its content revision.
    let revisions = await listed(id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ at: new Date(clock).toISOString(), contentRev: 1, words: 2, excerpt: 'First draft' });
    const first = (await core.api['notes.revision']({ id, revisionId: revisions[0]!.id })).revision;
    expect(first.content).toEqual(text('First draft'));
    expect(first.text).toBe('First draft');

    clock += 2 * MINUTE;
    await save(id, 'Second thoughts');
    clock += REVISION_INTERVAL_MS - 2 * MINUTE - 1;
    await save(id, 'Third thoughts');
    expect(await listed(id)).toHaveLength(1);

    clock += 1;
    await save(id, 'Fourth thoughts');
    revisions = await listed(id);
    expect(revisions.map((r) => r.at)).toEqual([new Date(clock).toISOString(), new Date(clock - REVISION_INTERVAL_MS).toISOString()]);
    expect(await listedTexts(id)).toEqual(['Third thoughts', 'First draft']);
    expect(revisions[0]!.contentRev).toBe(4);
    expect(await currentText(id)).toBe('Fourth thoughts');
  });

  it('keeps nothing for an empty note, for a save that changes nothing, nor the newest revision again', async () => {
    const empty = (await core.api['notes.create']({})).note.id;
    await save(empty, 'Now it says something');
    expect(await listed(empty)).toEqual([]);

    // The editor saving back what it loaded (its fields in another order) is no change.
    const loaded = (await core.api['notes.create']({ content: reversedKeys(text('Unchanged')) as NoteContent })).note.id;
    await save(loaded, 'Unchanged');
    clock += 10 * MINUTE;
    await save(loaded, 'Unchanged');
    expect(await listed(loaded)).toEqual([]);

    // Back to the words of the newest revision, then on: that revision is not kept twice.
    const id = await newNote('Draft A');
    await save(id, 'Draft B');
    clock += MINUTE;
    await save(id, 'Draft A');
    clock += REVISION_INTERVAL_MS;
    await save(id, 'Draft C');
    expect(await listedTexts(id)).toEqual(['Draft A']);
  });

  it('drops revisions older than 30 days when the file is written, and lists none of them meanwhile', async () => {
    const id = await newNote('Old words');
    await save(id, 'Middle words');
    clock += 20 * DAY;
    await save(id, 'Newer words');
    expect(await listedTexts(id)).toEqual(['Middle words', 'Old words']);

    clock += 10 * DAY;
    // The first one is 30 days old now: no longer listed, nor readable, though still in the file.
    expect(await listedTexts(id)).toEqual(['Middle words']);
    expect((JSON.parse(await storedRevisions(id)) as { text: string }[]).map((r) => r.text)).toEqual(['Old words', 'Middle words']);

    clock += REVISION_KEEP_MS;
    await save(id, 'Latest words');
    expect(await listedTexts(id)).toEqual(['Newer words']);
    expect((JSON.parse(await storedRevisions(id)) as { text: string }[]).map((r) => r.text)).toEqual(['Newer words']);
  });

  it('restores a revision, keeping the replaced text as a revision whatever its age, as one undoable step', async () => {
    const id = await newNote('Original analysis');
    await save(id, 'Rewritten analysis');
    clock += MINUTE;
    await save(id, 'Rewritten analysis, now wrong');
    const [original] = await listed(id);

    clock += MINUTE;
    const restored = await core.api['notes.restoreRevision']({ id, revisionId: original!.id });
    expect(restored.contentRev).toBe(4);
    expect(restored.note).toMatchObject({ title: 'Original analysis', excerpt: 'Original analysis' });
    const note = (await core.api['notes.get']({ id })).note;
    expect(note).toMatchObject({ text: 'Original analysis', contentRev: 4, title: 'Original analysis' });
    expect(note.content).toEqual(text('Original analysis'));
    // Only a minute after the last revision, the replaced text is kept all the same.
    expect(await listedTexts(id)).toEqual(['Rewritten analysis, now wrong', 'Original analysis']);
    expect((await core.api['history.state']({})).undo).toEqual(step('restoreNoteVersion'));

    // An editor still at the replaced text is told it changed, rather than saving over it.
    expect((await rejection(core.api['notes.save']({ id, content: text('stale editor'), baseRev: 3 }))).code).toBe('conflict');

    expect(await core.api['history.undo']({})).toMatchObject({ label: step('restoreNoteVersion'), articleId: null });
    expect(await currentText(id)).toBe('Rewritten analysis, now wrong');
    expect((await core.api['notes.get']({ id })).note).toMatchObject({ title: 'Rewritten analysis, now wrong', contentRev: 5 });
    await core.api['history.redo']({});
    expect(await currentText(id)).toBe('Original analysis');
    expect((await core.api['notes.get']({ id })).note.contentRev).toBe(6);
  });

  it('keeps what was typed after a restore when the restore is undone', async () => {
    const id = await newNote('Version one');
    await save(id, 'Version two');
    const [one] = await listed(id);
    await core.api['notes.restoreRevision']({ id, revisionId: one!.id });
    clock += MINUTE;
    await save(id, 'Version one, with a typed addition');
    await core.api['history.undo']({});
    expect(await currentText(id)).toBe('Version two');
    expect(await listedTexts(id)).toEqual(['Version one, with a typed addition', 'Version two', 'Version one']);
  });

  it('announces a restore and its undo as a change of the note', async () => {
    const id = await newNote('Before');
    await save(id, 'After');
    const [before] = await listed(id);
    const seen: { cause: string; changes: unknown[] }[] = [];
    const off = core.events.subscribe((name, payload) => {
      if (name === 'workspace.changed') seen.push(payload as { cause: string; changes: unknown[] });
    });
    await core.api['notes.restoreRevision']({ id, revisionId: before!.id });
    await core.api['history.undo']({});
    off();
    const noteChange = [{ subject: 'note', kind: 'updated', id, articleId: null }];
    expect(seen).toEqual([
      { cause: 'edit', changes: noteChange },
      { cause: 'undo', changes: noteChange },
    ]);
  });

  it('keeps the revisions across closing and opening the workspace, in their own file', async () => {
    const id = await newNote('Kept across a restart');
    await save(id, 'Edited once');
    const dir = core.store.dir;
    await core.store.flush();
    const file = JSON.parse(await fs.readFile(revisionsFile(id), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ kind: 'note-revisions', noteId: id, revisions: [{ text: 'Kept across a restart', contentRev: 1 }] });
    // The body does not carry them: an autosave rewrites only the text.
    expect(await fs.readFile(path.join(dir, 'notes', `${id}.json`), 'utf8')).not.toContain('Kept across a restart');

    await core.store.close();
    core = await open(dir);
    expect(await listedTexts(id)).toEqual(['Kept across a restart']);
    const [kept] = await listed(id);
    await core.api['notes.restoreRevision']({ id, revisionId: kept!.id });
    expect(await currentText(id)).toBe('Kept across a restart');
  });

  it('still saves the note when its revisions file is damaged: the file goes to quarantine and the list starts afresh', async () => {
    const id = await newNote('Safe text');
    await save(id, 'Safer text');
    const dir = core.store.dir;
    await core.store.close();
    await fs.writeFile(revisionsFile(id), '{"schemaVersion":2,"kind":"note-revisions","noteId":"x","revisions":[{"id":5}]}');
    core = await open(dir);
    const notices: string[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'workspace.notice') notices.push((payload as { message: string }).message);
    });
    clock += 10 * MINUTE;
    await save(id, 'Safest text');
    expect(await currentText(id)).toBe('Safest text');
    expect(notices).toEqual([expect.stringMatching(/was damaged: it was moved to quarantine.*starts afresh/)]);
    expect(await listedTexts(id)).toEqual(['Safer text']);
    const [stamp] = await fs.readdir(path.join(dir, 'quarantine'));
    expect(await fs.readFile(path.join(dir, 'quarantine', stamp!, 'notes', 'revisions', `${id}.json`), 'utf8')).toContain('"id":5');
  });

  it('answers a revision that is not kept, or of a note that does not exist, with not-found; a bad id with bad-input', async () => {
    const id = await newNote('One');
    const other = await newNote('Two');
    await save(other, 'Two, changed');
    const [ofOther] = await listed(other);
    expect((await rejection(core.api['notes.revision']({ id, revisionId: ofOther!.id }))).code).toBe('not-found');
    expect((await rejection(core.api['notes.restoreRevision']({ id, revisionId: 'rev_missing' }))).code).toBe('not-found');
    expect(await currentText(id)).toBe('One');
    expect((await rejection(core.api['notes.revisions']({ id: 'note_missing' }))).code).toBe('not-found');
    expect((await rejection(core.api['notes.revisions']({ id: '../notes' }))).code).toBe('bad-input');
    expect((await core.api['history.state']({})).undo).not.toBe(step('restoreNoteVersion'));
  });
});

async function storedRevisions(id: string): Promise<string> {
  await core.store.flush();
  return JSON.stringify((JSON.parse(await fs.readFile(revisionsFile(id), 'utf8')) as { revisions: unknown[] }).revisions);
}

/** The same JSON with every object's keys in the opposite order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  return value;
}
