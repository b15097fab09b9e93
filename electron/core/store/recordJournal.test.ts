import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteSummary } from '../../common/model/note';
import { NOTES_INDEX } from '../notes/noteDocuments';
import { WorkspaceStore } from './workspaceStore';

let tmp: string;
let ws: string;
const stores: WorkspaceStore[] = [];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-journal-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function open(dir = ws): Promise<WorkspaceStore> {
  const store = await WorkspaceStore.open(dir, { create: true });
  stores.push(store);
  return store;
}

function note(id: string, title: string): NoteSummary {
  const now = new Date().toISOString();
  return { id, rev: 1, title, titled: true, articleId: null, pinned: false, excerpt: '', entityIds: [], citations: [], tags: [], created: now, modified: now, createdBy: { name: 'Analyst' }, modifiedBy: { name: 'Analyst' } };
}

/** The workspace as a crash would leave it: the files as they are now, without the lock. */
async function crashCopy(): Promise<string> {
  const copy = path.join(tmp, `crash-${stores.length}`);
  await fs.cp(ws, copy, { recursive: true });
  await fs.rm(path.join(copy, '.dossier.lock'), { force: true });
  return copy;
}

const log = (dir = ws) => path.join(dir, 'journal.jsonl');
const legacyJournal = (dir = ws) => path.join(dir, 'notes.journal.jsonl');
const titles = async (store: WorkspaceStore) => (await store.readWorkspaceDoc(NOTES_INDEX)).notes.map((n) => `${n.id}:${n.title}`);

describe('a journaled document (notes.json)', () => {
  it('takes a record as one line naming it, not a rewrite of the file, and is whole again after a crash', async () => {
    const store = await open();
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'First'));
    await store.flush();
    const before = await fs.readFile(path.join(ws, 'notes.json'), 'utf8');
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_b', note('note_b', 'Second'));
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'First, renamed'));
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_b', null);
    expect(await fs.readFile(path.join(ws, 'notes.json'), 'utf8')).toBe(before);
    const lines = (await fs.readFile(log(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.writes.map((w: { op: string; id: string }) => `${w.op}:${w.id}`))).toEqual([['record:note_b'], ['record:note_a'], ['record:note_b']]);
    expect(await titles(store)).toEqual(['note_a:First, renamed']);

    const reopened = await open(await crashCopy());
    expect(await titles(reopened)).toEqual(['note_a:First, renamed']);
  });

  it('folds lines of the journal an earlier version kept beside the file, once, never applying a folded line again', async () => {
    const store = await open();
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'First'));
    await store.close();
    const file = path.join(ws, 'notes.json');
    const saved = JSON.parse(await fs.readFile(file, 'utf8'));
    await fs.writeFile(file, JSON.stringify({ ...saved, journalSeq: 1 }));
    await fs.writeFile(
      legacyJournal(),
      [
        { seq: 1, id: 'note_a', record: note('note_a', 'Folded long ago') },
        { seq: 2, id: 'note_a', record: note('note_a', 'Second') },
        { seq: 3, id: 'note_b', record: note('note_b', 'Third') },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n') + '\n{"seq":4,"id":"note_c","rec',
    );
    const reopened = await open();
    expect(await titles(reopened)).toEqual(['note_a:Second', 'note_b:Third']);
    await expect(fs.access(legacyJournal())).rejects.toMatchObject({ code: 'ENOENT' });
    await reopened.close();
    expect(JSON.parse(await fs.readFile(file, 'utf8')).journalSeq).toBe(3);
    expect(await titles(await open())).toEqual(['note_a:Second', 'note_b:Third']);
  });

  it('keeps what a whole-file change wrote over older journal lines, after a crash too', async () => {
    const store = await open();
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'From the journal'));
    await store.updateWorkspaceDoc(NOTES_INDEX, (doc) => {
      doc.notes[0]!.title = 'Written whole';
    });
    const reopened = await open(await crashCopy());
    expect(await titles(reopened)).toEqual(['note_a:Written whole']);
  });

  it('ignores a line cut short by a crash and goes on after it', async () => {
    const store = await open();
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'Kept'));
    const copy = await crashCopy();
    await fs.appendFile(log(copy), '{"seq":2,"writes":[{"op":"record","file":"notes.json","prop');
    const reopened = await open(copy);
    expect(await titles(reopened)).toEqual(['note_a:Kept']);
    await reopened.putWorkspaceRecord(NOTES_INDEX, 'note_c', note('note_c', 'After'));
    const second = path.join(tmp, 'crash-again');
    await fs.cp(copy, second, { recursive: true });
    await fs.rm(path.join(second, '.dossier.lock'), { force: true });
    expect(await titles(await open(second))).toEqual(['note_a:Kept', 'note_c:After']);
  });

  it('names a record the log holds that does not fit the document', async () => {
    const store = await open();
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'Fine'));
    await store.flush();
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_b', note('note_b', 'Also fine'));
    const copy = await crashCopy();
    const bad = { seq: 99, writes: [{ op: 'record', file: 'notes.json', property: 'notes', id: 'note_x', record: { id: 'note_x', title: 42 } }] };
    await fs.appendFile(log(copy), `${JSON.stringify(bad)}\n`);
    const broken = await open(copy);
    await expect(broken.readWorkspaceDoc(NOTES_INDEX)).rejects.toMatchObject({ code: 'corrupt-file', file: path.join(copy, 'notes.json') });
  });
});
