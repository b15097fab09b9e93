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
  return { id, rev: 1, title, titled: true, articleId: null, pinned: false, excerpt: '', entityIds: [], citations: [], tags: [], created: now, modified: now };
}

/** The workspace as a crash would leave it: the files as they are now, without the lock. */
async function crashCopy(): Promise<string> {
  const copy = path.join(tmp, `crash-${stores.length}`);
  await fs.cp(ws, copy, { recursive: true });
  await fs.rm(path.join(copy, '.dossier.lock'), { force: true });
  return copy;
}

const journal = (dir = ws) => path.join(dir, 'notes.journal.jsonl');
const titles = async (store: WorkspaceStore) => (await store.readWorkspaceDoc(NOTES_INDEX)).notes.map((n) => `${n.id}:${n.title}`);

describe('a journaled document (notes.json)', () => {
  it('takes a record as one journal line, not a rewrite of the file, and is whole again after a crash', async () => {
    const store = await open();
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'First'));
    const before = await fs.readFile(path.join(ws, 'notes.json'), 'utf8').catch(() => null);
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_b', note('note_b', 'Second'));
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'First, renamed'));
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_b', null);
    expect(await fs.readFile(path.join(ws, 'notes.json'), 'utf8').catch(() => null)).toBe(before);
    expect((await fs.readFile(journal(), 'utf8')).trim().split('\n')).toHaveLength(4);
    expect(await titles(store)).toEqual(['note_a:First, renamed']);

    const reopened = await open(await crashCopy());
    expect(await titles(reopened)).toEqual(['note_a:First, renamed']);
  });

  it('folds the journal into the file on close, and never applies a folded line again', async () => {
    const store = await open();
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'First'));
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'Second'));
    await store.close();
    const saved = JSON.parse(await fs.readFile(path.join(ws, 'notes.json'), 'utf8'));
    expect(saved.notes.map((n: NoteSummary) => n.title)).toEqual(['Second']);
    expect(saved.journalSeq).toBe(2);
    expect(await fs.readFile(journal(), 'utf8')).toBe('');

    // A fold that wrote the file but crashed before emptying the journal: its lines are older than the file says.
    await fs.writeFile(journal(), `${JSON.stringify({ seq: 1, id: 'note_a', record: note('note_a', 'First') })}\n`);
    const reopened = await open();
    expect(await titles(reopened)).toEqual(['note_a:Second']);
    await reopened.putWorkspaceRecord(NOTES_INDEX, 'note_c', note('note_c', 'Third'));
    expect(JSON.parse((await fs.readFile(journal(), 'utf8')).trim().split('\n').at(-1)!).seq).toBe(3);
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
    await fs.appendFile(journal(copy), '{"seq":2,"id":"note_b","rec');
    const reopened = await open(copy);
    expect(await titles(reopened)).toEqual(['note_a:Kept']);
    await reopened.putWorkspaceRecord(NOTES_INDEX, 'note_c', note('note_c', 'After'));
    const again = await open(await (async () => {
      const second = path.join(tmp, 'crash-again');
      await fs.cp(copy, second, { recursive: true });
      await fs.rm(path.join(second, '.dossier.lock'), { force: true });
      return second;
    })());
    expect(await titles(again)).toEqual(['note_a:Kept', 'note_c:After']);
  });

  it('names a journal line that does not fit the document, and leaves it alone', async () => {
    const store = await open();
    await store.putWorkspaceRecord(NOTES_INDEX, 'note_a', note('note_a', 'Fine'));
    const copy = await crashCopy();
    await fs.appendFile(journal(copy), `${JSON.stringify({ seq: 9, id: 'note_x', record: { id: 'note_x', title: 42 } })}\n`);
    const broken = await open(copy);
    await expect(broken.readWorkspaceDoc(NOTES_INDEX)).rejects.toMatchObject({ code: 'corrupt-file', file: journal(copy) });
    expect(await fs.readFile(journal(copy), 'utf8')).toContain('note_x');
  });
});
