import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { openAppWorkspace } from '../workspace/openWorkspace';
import { WorkspaceStore } from './workspaceStore';

/**
 * An index file that the rest of the workspace says should exist (article folders, note files)
 * is damage when it is missing: rebuilt from what it lists where that can be done, reported
 * otherwise, and never replaced by an empty one.
 */

const file = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });

let tmp: string;
let ws: string;
let articleIds: string[];
let noteIds: string[];
let core: DossierCore | null = null;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-missing-'));
  ws = path.join(tmp, 'ws');
  const setup = createCore(await WorkspaceStore.open(ws, { create: true }));
  const { articles } = await setup.api['articles.import']({
    files: [file('a.txt', 'Ministers meet\n\nThe ministers met in Delhi.'), file('b.txt', 'Ports open\n\nTwo ports opened in Chennai.')],
  });
  articleIds = articles.map((a) => a.id);
  await setup.api['annotations.createFromQuote']({ articleId: articleIds[0]!, quote: 'in Delhi' });
  const paragraph = (text: string) => ({ root: { type: 'root' as const, children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } });
  noteIds = [];
  for (const text of ['First thoughts on Delhi', 'Ports #shipping']) {
    const { note } = await setup.api['notes.create']({});
    await setup.api['notes.save']({ id: note.id, content: paragraph(text) });
    noteIds.push(note.id);
  }
  await setup.close();
});
afterEach(async () => {
  await core?.close();
  core = null;
  await fs.rm(tmp, { recursive: true, force: true });
});

async function open(options: { lock?: boolean } = {}): Promise<DossierCore> {
  core = createCore(await WorkspaceStore.open(ws, options));
  return core;
}

describe('a missing library.json', () => {
  it('is rebuilt from the article folders on opening, with a notice, and saved; the next import adds to it', async () => {
    await fs.rm(path.join(ws, 'library.json'));
    const { api, store } = await open();
    expect(store.notices).toEqual([expect.stringMatching(/library\.json was missing; the library was rebuilt from the 2 article folders/)]);
    expect((await api['articles.list']({})).articles.map((a) => a.id).sort()).toEqual([...articleIds].sort());
    const saved = JSON.parse(await fs.readFile(path.join(ws, 'library.json'), 'utf8')) as { articles: { id: string }[] };
    expect(saved.articles.map((a) => a.id).sort()).toEqual([...articleIds].sort());
    await api['articles.import']({ files: [file('c.txt', 'Talks end\n\nThe talks ended on Friday.')] });
    await store.flush();
    const after = JSON.parse(await fs.readFile(path.join(ws, 'library.json'), 'utf8')) as { articles: { id: string }[] };
    expect(after.articles).toHaveLength(3);
    expect((await api['annotations.list']({ articleId: articleIds[0]! })).annotations).toHaveLength(1);
  });

  it('is rebuilt in memory only by a reader without the lock', async () => {
    await fs.rm(path.join(ws, 'library.json'));
    const { api } = await open({ lock: false });
    expect((await api['articles.list']({})).articles).toHaveLength(2);
    await expect(fs.access(path.join(ws, 'library.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves out an article folder whose article.json cannot be read, and says so', async () => {
    await fs.rm(path.join(ws, 'library.json'));
    await fs.writeFile(path.join(ws, 'articles', articleIds[1]!, 'article.json'), '{oops');
    const { api, store } = await open();
    expect((await api['articles.list']({})).articles.map((a) => a.id)).toEqual([articleIds[0]]);
    expect(store.notices[0]).toMatch(/1 folder without a readable article\.json could not be listed/);
  });
});

describe('a missing notes.json', () => {
  it('is rebuilt from the notes’ files (titles from their first line), with a notice; a new note joins them', async () => {
    await fs.rm(path.join(ws, 'notes.json'));
    const { api, store } = await open();
    const notes = (await api['notes.list']({})).notes;
    expect(notes.map((n) => n.id).sort()).toEqual([...noteIds].sort());
    expect(notes.map((n) => n.title).sort()).toEqual(['First thoughts on Delhi', 'Ports #shipping']);
    expect(notes.find((n) => n.title.startsWith('Ports'))!.tags).toEqual(['shipping']);
    expect(store.notices).toEqual([expect.stringMatching(/notes\.json was missing; the list of notes was rebuilt from the 2 note files/)]);
    await api['notes.create']({ title: 'Third' });
    // The new note's entry is journalled at once and folded into notes.json, with the rebuilt list, by close at the latest.
    await store.close();
    const saved = JSON.parse(await fs.readFile(path.join(ws, 'notes.json'), 'utf8')) as { notes: { id: string }[] };
    expect(saved.notes).toHaveLength(3);
  });

  it('is told when the app opens the workspace', async () => {
    await fs.rm(path.join(ws, 'notes.json'));
    const opened = await openAppWorkspace(ws, tmp);
    core = opened.core;
    expect(opened.notices).toEqual([expect.stringMatching(/notes\.json was missing/)]);
  });

  it('is simply empty in a workspace without notes', async () => {
    await fs.rm(path.join(ws, 'notes.json'));
    await fs.rm(path.join(ws, 'notes'), { recursive: true });
    const { api, store } = await open();
    expect((await api['notes.list']({})).notes).toEqual([]);
    expect(store.notices).toEqual([]);
  });
});

describe("a missing note file of a listed note", () => {
  it('leaves the note empty instead of failing its export', async () => {
    await fs.rm(path.join(ws, 'notes', `${noteIds[0]}.json`));
    const { api } = await open();
    expect((await api['notes.get']({ id: noteIds[0]! })).note.text).toBe('');
    const { brief } = await api['briefs.create']({ title: 'With a lost note', sections: [{ id: 'sec_1', kind: 'note', noteId: noteIds[0]! }] });
    for (const format of ['md', 'html', 'docx'] as const) {
      const exported = await api['export.brief']({ source: { briefId: brief.id }, format });
      expect(exported.filename, format).toMatch(new RegExp(`\\.${format}$`));
    }
  });
});

describe("a missing annotations.json of a listed article", () => {
  it('is rebuilt from the article’s history, with a notice, and saved', async () => {
    const annotations = path.join(ws, 'articles', articleIds[0]!, 'annotations.json');
    await fs.rm(annotations);
    const { api, store } = await open();
    expect((await api['annotations.list']({ articleId: articleIds[0]! })).annotations.map((a) => a.target.quote.exact)).toEqual(['in Delhi']);
    expect(store.notices).toEqual([`${annotations} was missing: the article's 1 highlight was rebuilt from its history.`]);
    await store.flush();
    expect(JSON.parse(await fs.readFile(annotations, 'utf8')).annotations).toHaveLength(1);
    // The other article is unaffected.
    await api['annotations.createFromQuote']({ articleId: articleIds[1]!, quote: 'Chennai' });
  });
});
