import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptWorkspace } from '../crypt/convert';
import { lockWorkspace, unlockWorkspace } from '../crypt/keyring';
import { createCore, type DossierCore } from '../dossierCore';
import { filesOf } from './fileAccess';
import { SCHEMA_VERSION } from './schemaFile';
import { WorkspaceStore } from './workspaceStore';

/**
 * A workspace written by the Dossier of schema 3, by "Asha Rao": one article with a highlight and
 * a timeline event, two entities, a relationship, a note and a brief. Schema 4 gives every record
 * who created it and who changed it last.
 */
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'workspace-v3');
const ASHA = { name: 'Asha Rao' };

let tmp: string;
let dir: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-migrate-v3-'));
  dir = path.join(tmp, 'ws');
  await fs.cp(FIXTURE, dir, { recursive: true });
});
afterEach(async () => {
  await lockWorkspace(dir);
  await fs.rm(tmp, { recursive: true, force: true });
});

const readJson = async (file: string) => JSON.parse(await filesOf(path.join(dir, file)).readText(path.join(dir, file))) as Record<string, unknown>;
const articleDir = async () => path.join('articles', (await fs.readdir(path.join(dir, 'articles')))[0]!);

/** Every record the analyst sees, with the names it carries. */
async function namesOf(core: DossierCore): Promise<Record<string, { createdBy: string; modifiedBy: string }[]>> {
  const [articleId] = (await core.api['articles.list']({})).articles.map((a) => a.id);
  const names = (r: { createdBy: { name: string }; modifiedBy: { name: string } }) => ({ createdBy: r.createdBy.name, modifiedBy: r.modifiedBy.name });
  const { annotations } = await core.api['annotations.list']({ articleId: articleId! });
  const notes = (await core.api['notes.list']({})).notes;
  const entities = await Promise.all((await core.api['entities.list']({})).entities.map(async (e) => (await core.api['entities.page']({ id: e.id })).entity));
  return {
    annotations: annotations.map((a) => names({ ...a, createdBy: a.creator })),
    notes: notes.map(names),
    entities: entities.map(names),
    relations: (await core.api['relations.list']({})).relations.map(names),
    briefs: await Promise.all((await core.api['briefs.list']({})).briefs.map(async (b) => names((await core.api['briefs.get']({ id: b.id })).brief))),
    events: (await core.api['timeline.list']({})).events.map(names),
  };
}

const everyRecordBy = (name: string, counts = { notes: 1 }) => ({
  annotations: [{ createdBy: name, modifiedBy: name }],
  notes: Array.from({ length: counts.notes }, () => ({ createdBy: name, modifiedBy: name })),
  entities: [
    { createdBy: name, modifiedBy: name },
    { createdBy: name, modifiedBy: name },
  ],
  relations: [{ createdBy: name, modifiedBy: name }],
  briefs: [{ createdBy: name, modifiedBy: name }],
  events: [{ createdBy: name, modifiedBy: name }],
});

describe('opening a schema 3 workspace', () => {
  it('names its highlights\u2019 creator as who created and last changed every record, and marks each file schema 4', async () => {
    const store = await WorkspaceStore.open(dir);
    try {
      expect(store.info().schemaVersion).toBe(SCHEMA_VERSION);
      expect(store.migrations).toEqual([expect.stringContaining('schema 3 → 4')]);
      // Someone else opens it: the upgrade names who made the records, not who opened it.
      expect(await namesOf(createCore(store, { creator: { name: 'Ben Colleague' } }))).toEqual(everyRecordBy(ASHA.name));
    } finally {
      await store.close();
    }
    const folder = await articleDir();
    for (const file of ['workspace.json', 'entities.json', 'notes.json', 'relations.json', 'briefs.json', `${folder}/annotations.json`, `${folder}/timeline.json`]) {
      expect(await readJson(file), file).toMatchObject({ schemaVersion: 4 });
    }
    expect(((await readJson('entities.json')).entities as unknown[])[0]).toMatchObject({ createdBy: ASHA, modifiedBy: ASHA });
    expect(((await readJson(`${folder}/annotations.json`)).annotations as unknown[])[0]).toMatchObject({ creator: ASHA, modifiedBy: ASHA });
    // The library's entry has the article's language, which schema 3 kept only in article.json.
    expect(((await readJson('library.json')).articles as unknown[])[0]).toMatchObject({ language: 'en' });
  });

  it('names the records an earlier run left in the journals: the write-ahead log and the notes\u2019 own journal', async () => {
    const notes = await readJson('notes.json');
    const [first] = notes.notes as { id: string; created: string }[];
    const summary = (id: string, title: string) => ({ ...first!, id, title, excerpt: title, rev: 1 });
    // A note saved just before a crash: a line of journal.jsonl, not folded into notes.json.
    await fs.writeFile(
      path.join(dir, 'journal.jsonl'),
      `${JSON.stringify({ seq: 1, writes: [{ op: 'record', file: 'notes.json', property: 'notes', id: 'note_01m96wmw5mk6tph6j34b6jh3e1', record: summary('note_01m96wmw5mk6tph6j34b6jh3e1', 'Logged') }] })}\n`,
    );
    // And one in the journal an earlier Dossier kept beside notes.json.
    await fs.writeFile(path.join(dir, 'notes.journal.jsonl'), `${JSON.stringify({ seq: 1, id: 'note_01m96wmw5mk6tph6j34b6jh3e2', record: summary('note_01m96wmw5mk6tph6j34b6jh3e2', 'Journaled') })}\n`);
    const store = await WorkspaceStore.open(dir);
    try {
      const core = createCore(store);
      expect((await core.api['notes.list']({})).notes.map((n) => n.title).sort()).toEqual(['Journaled', 'Logged', 'Pact']);
      expect(await namesOf(core)).toEqual(everyRecordBy(ASHA.name, { notes: 3 }));
    } finally {
      await store.close();
    }
    expect((await readJson('notes.json')).notes as unknown[]).toHaveLength(3);
    await expect(fs.access(path.join(dir, 'notes.journal.jsonl'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('upgrades an encrypted workspace through its sealed files', async () => {
    const plain = await Promise.all(
      ['workspace.json', 'entities.json', 'notes.json', 'relations.json', 'briefs.json'].map(async (f) => [f, await fs.readFile(path.join(dir, f), 'utf8')] as const),
    );
    const folder = await articleDir();
    const inArticle = await Promise.all(['annotations.json', 'timeline.json'].map(async (f) => [`${folder}/${f}`, await fs.readFile(path.join(dir, folder, f), 'utf8')] as const));
    // Encrypting opens (and so upgrades) the workspace: the schema 3 files are sealed back over it,
    // as an encrypted workspace of schema 3 holds them.
    await encryptWorkspace(dir, 'passphrase', { kdf: { N: 1024, r: 8, p: 1 } });
    await unlockWorkspace(dir, 'passphrase');
    for (const [file, text] of [...plain, ...inArticle]) await filesOf(path.join(dir, file)).writeFileDurable(path.join(dir, file), text);
    expect(await readJson('workspace.json')).toMatchObject({ schemaVersion: 3 });

    const store = await WorkspaceStore.open(dir);
    try {
      expect(store.migrations).toEqual([expect.stringContaining('schema 3 → 4')]);
      expect(await namesOf(createCore(store))).toEqual(everyRecordBy(ASHA.name));
    } finally {
      await store.close();
    }
    expect(await readJson('entities.json')).toMatchObject({ schemaVersion: 4 });
    // Still sealed on disk: the names are not there in plain text.
    expect(await fs.readFile(path.join(dir, 'entities.json'), 'utf8')).not.toContain(ASHA.name);
  });

  it('migrates once, and never rewrites a file a newer Dossier wrote', async () => {
    const newer = { schemaVersion: SCHEMA_VERSION + 1, kind: 'briefs', rev: 1, briefs: [], future: true };
    await fs.writeFile(path.join(dir, 'briefs.json'), JSON.stringify(newer));
    const store = await WorkspaceStore.open(dir);
    expect(store.readOnlyReason).toContain('briefs.json');
    await store.close();
    expect(await readJson('briefs.json')).toEqual(newer);
    const entities = await fs.readFile(path.join(dir, 'entities.json'), 'utf8');
    const again = await WorkspaceStore.open(dir);
    expect(again.migrations).toEqual([]);
    await again.close();
    expect(await fs.readFile(path.join(dir, 'entities.json'), 'utf8')).toBe(entities);
  });

  it('reads it unchanged without the lock, the records\u2019 names unknown', async () => {
    const store = await WorkspaceStore.open(dir, { lock: false });
    try {
      expect(store.info().schemaVersion).toBe(3);
      const names = await namesOf(createCore(store));
      expect(names.entities).toEqual([
        { createdBy: '(unknown)', modifiedBy: '(unknown)' },
        { createdBy: '(unknown)', modifiedBy: '(unknown)' },
      ]);
      expect(names.annotations).toEqual([{ createdBy: ASHA.name, modifiedBy: '(unknown)' }]);
    } finally {
      await store.close();
    }
    expect(await readJson('entities.json')).toMatchObject({ schemaVersion: 3 });
  });
});
