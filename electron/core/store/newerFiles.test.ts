import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { rejection } from '../testing/testHelpers';
import { SCHEMA_VERSION } from './schemaFile';
import { WorkspaceStore } from './workspaceStore';

/**
 * A file written by a newer Dossier may hold fields this one does not know: it is read, but the
 * workspace is then read-only and the file is never rewritten (which would drop those fields).
 */

const TEXT = 'Ministers meet\n\nThe ministers met in Delhi on Monday and agreed on a plan.';
const NEWER = SCHEMA_VERSION + 1;

let tmp: string;
let ws: string;
let articleId: string;
let noteId: string;
let core: DossierCore | null = null;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-newer-'));
  ws = path.join(tmp, 'ws');
  const setup = createCore(await WorkspaceStore.open(ws, { create: true }));
  const { articles } = await setup.api['articles.import']({ files: [{ name: 'talks.txt', base64: Buffer.from(TEXT).toString('base64') }] });
  articleId = articles[0]!.id;
  await setup.api['annotations.createFromQuote']({ articleId, quote: 'in Delhi' });
  noteId = (await setup.api['notes.create']({ title: 'Plan' })).note.id;
  await setup.close();
});
afterEach(async () => {
  await core?.close();
  core = null;
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Marks a file as written by a newer Dossier, with a field this one does not know; answers its bytes. */
async function makeNewer(relative: string): Promise<string> {
  const file = path.join(ws, relative);
  const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  const raw = `${JSON.stringify({ ...doc, schemaVersion: NEWER, futureField: { kept: true } }, null, 2)}\n`;
  await fs.writeFile(file, raw);
  return raw;
}

async function open(): Promise<DossierCore> {
  core = createCore(await WorkspaceStore.open(ws));
  return core;
}

async function expectReadOnly(promise: Promise<unknown>, name: string): Promise<void> {
  const error = await rejection(promise);
  expect(error.code).toBe('read-only');
  expect(error.message).toContain(name);
  expect(error.message).toMatch(/newer Dossier/);
}

describe('a file written by a newer Dossier', () => {
  it("an article's annotations.json: annotating is refused, the file is kept byte for byte, the workspace says it is read-only", async () => {
    const relative = path.join('articles', articleId, 'annotations.json');
    const raw = await makeNewer(relative);
    const { api } = await open();
    expect((await api['annotations.list']({ articleId })).annotations).toHaveLength(1);
    await expectReadOnly(api['annotations.createFromQuote']({ articleId, quote: 'a plan' }), 'annotations.json');
    expect(await fs.readFile(path.join(ws, relative), 'utf8')).toBe(raw);
    const history = await fs.readFile(path.join(ws, 'articles', articleId, 'history.jsonl'), 'utf8');
    expect(history.trim().split('\n')).toHaveLength(2);
    expect((await api['workspace.info']({})).readOnlyReason).toMatch(/annotations\.json was written by a newer Dossier/);
  });

  it('library.json: the workspace opens read-only, importing is refused, the file is kept', async () => {
    const raw = await makeNewer('library.json');
    const { api } = await open();
    expect((await api['workspace.info']({})).readOnly).toBe(true);
    expect((await api['articles.list']({})).articles.map((a) => a.id)).toEqual([articleId]);
    await expectReadOnly(api['articles.import']({ files: [{ name: 'b.txt', base64: Buffer.from('Other\n\nAnother text.').toString('base64') }] }), 'library.json');
    expect(await fs.readFile(path.join(ws, 'library.json'), 'utf8')).toBe(raw);
    expect(await fs.readdir(path.join(ws, 'articles'))).toEqual([articleId]);
  });

  it('notes.json: creating or renaming a note is refused before anything is written', async () => {
    const raw = await makeNewer('notes.json');
    const { api } = await open();
    await expectReadOnly(api['notes.create']({ title: 'Another' }), 'notes.json');
    await expectReadOnly(api['notes.update']({ id: noteId, patch: { title: 'Renamed' } }), 'notes.json');
    expect(await fs.readFile(path.join(ws, 'notes.json'), 'utf8')).toBe(raw);
    expect(await fs.readdir(path.join(ws, 'notes'))).toEqual([`${noteId}.json`]);
  });

  it("a note's file: saving it is refused, the note and the index are kept", async () => {
    const relative = path.join('notes', `${noteId}.json`);
    const raw = await makeNewer(relative);
    const index = await fs.readFile(path.join(ws, 'notes.json'), 'utf8');
    const { api } = await open();
    const content = { root: { type: 'root' as const, children: [] } };
    await expectReadOnly(api['notes.save']({ id: noteId, content }), `${noteId}.json`);
    expect(await fs.readFile(path.join(ws, relative), 'utf8')).toBe(raw);
    expect(await fs.readFile(path.join(ws, 'notes.json'), 'utf8')).toBe(index);
  });

  it('article.json: editing the metadata is refused, the file is not rewritten down', async () => {
    const relative = path.join('articles', articleId, 'article.json');
    const raw = await makeNewer(relative);
    const library = await fs.readFile(path.join(ws, 'library.json'), 'utf8');
    const { api } = await open();
    await expectReadOnly(api['articles.updateMeta']({ id: articleId, patch: { title: 'Renamed' } }), 'article.json');
    expect(await fs.readFile(path.join(ws, relative), 'utf8')).toBe(raw);
    expect(await fs.readFile(path.join(ws, 'library.json'), 'utf8')).toBe(library);
  });

  it('an upgrade from an earlier schema leaves a newer file as it is', async () => {
    const raw = await makeNewer('entities.json').catch(async () => {
      await fs.writeFile(path.join(ws, 'entities.json'), `${JSON.stringify({ schemaVersion: NEWER, kind: 'entities', rev: 0, entities: [], rejected: [], presence: {}, futureField: 1 }, null, 2)}\n`);
      return fs.readFile(path.join(ws, 'entities.json'), 'utf8');
    });
    const workspace = JSON.parse(await fs.readFile(path.join(ws, 'workspace.json'), 'utf8')) as Record<string, unknown>;
    await fs.writeFile(path.join(ws, 'workspace.json'), JSON.stringify({ ...workspace, schemaVersion: 1 }));
    const { api } = await open();
    expect(await fs.readFile(path.join(ws, 'entities.json'), 'utf8')).toBe(raw);
    expect((await api['workspace.info']({})).readOnlyReason).toMatch(/entities\.json was written by a newer Dossier/);
  });
});

describe('in an encrypted workspace', () => {
  it('a newer notes.json, sealed, makes the workspace read-only from the moment it opens', async () => {
    const { encryptWorkspace } = await import('../crypt/convert');
    const { lockWorkspace, unlockWorkspace } = await import('../crypt/keyring');
    const { filesOf } = await import('./fileAccess');
    await encryptWorkspace(ws, 'a passphrase');
    await unlockWorkspace(ws, 'a passphrase');
    const file = path.join(ws, 'notes.json');
    const doc = JSON.parse(await filesOf(file).readText(file)) as Record<string, unknown>;
    await filesOf(file).writeFileDurable(file, `${JSON.stringify({ ...doc, schemaVersion: NEWER })}\n`);
    await lockWorkspace(ws);
    await unlockWorkspace(ws, 'a passphrase');
    try {
      const { api } = await open();
      // Said on opening, from the start of the sealed file alone, before any note is read.
      expect((await api['workspace.info']({})).readOnly).toBe(true);
      await expectReadOnly(api['notes.create']({ title: 'Another' }), 'notes.json');
    } finally {
      await core?.close();
      core = null;
      await lockWorkspace(ws);
    }
  });
});
