import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../dossierCore';
import { SCHEMA_VERSION } from './schemaFile';
import { WorkspaceStore } from './workspaceStore';

/** A workspace written by the Dossier of schema 1 (the sample, one highlight, four confirmed entities). */
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'workspace-v1');

let tmp: string;
let dir: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-migrate-'));
  dir = path.join(tmp, 'ws');
  await fs.cp(FIXTURE, dir, { recursive: true });
});
afterEach(() => fs.rm(tmp, { recursive: true, force: true }));

const readJson = async (file: string) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as Record<string, unknown>;

describe('opening a schema 1 workspace', () => {
  it('upgrades it to the current schema, keeping every article, highlight and entity', async () => {
    const store = await WorkspaceStore.open(dir);
    try {
      expect(store.info().schemaVersion).toBe(SCHEMA_VERSION);
      expect(store.migrations).toEqual([expect.stringContaining('schema 1 → 2'), expect.stringContaining('schema 2 → 3'), expect.stringContaining('schema 3 → 4')]);
      const core = createCore(store);
      const { articles } = await core.api['articles.list']({});
      expect(articles).toHaveLength(1);
      const articleId = articles[0]!.id;
      const { annotations } = await core.api['annotations.list']({ articleId });
      expect(annotations.map((a) => [a.target.quote.exact, a.comment])).toEqual([['reciprocal logistics agreement', 'Key pact']]);
      const { entities } = await core.api['entities.list']({});
      expect(entities.map((e) => e.name).sort()).toEqual(['Gen Nakatani', 'India', 'Japan', 'Rajnath Singh']);
    } finally {
      await store.close();
    }
    expect(await readJson('workspace.json')).toMatchObject({ schemaVersion: SCHEMA_VERSION });
    // Through every step: schema 2's merges, then schema 4's names (the highlight's creator made them all).
    const entitiesFile = await readJson('entities.json');
    expect(entitiesFile).toMatchObject({ schemaVersion: 4, mergedInto: {} });
    expect(entitiesFile.entities).toEqual(Array.from({ length: 4 }, () => expect.objectContaining({ createdBy: { name: 'root' }, modifiedBy: { name: 'root' } })));
    expect(await readJson('library.json')).toMatchObject({ schemaVersion: 3, trash: [] });
  });

  it('then works as a current workspace: a merge is followed by a note mentioning the merged entity', async () => {
    const store = await WorkspaceStore.open(dir);
    try {
      const core = createCore(store);
      const { entities } = await core.api['entities.list']({});
      const india = entities.find((e) => e.name === 'India')!;
      const japan = entities.find((e) => e.name === 'Japan')!;
      const content = {
        root: {
          type: 'root' as const,
          children: [{ type: 'paragraph', children: [{ type: 'entity-mention', version: 1, text: 'Japan', entityId: japan.id, entityType: japan.type }] }],
        },
      };
      const { note } = await core.api['notes.create']({ content });
      await core.api['entities.merge']({ sourceId: japan.id, targetId: india.id });
      expect((await core.api['entities.page']({ id: india.id })).notes.map((n) => n.id)).toEqual([note.id]);
    } finally {
      await store.close();
    }
    expect(Object.keys((await readJson('entities.json')).mergedInto as Record<string, string>)).toHaveLength(1);
  });

  it('migrates once: opening again changes nothing', async () => {
    await (await WorkspaceStore.open(dir)).close();
    const before = await fs.readFile(path.join(dir, 'entities.json'), 'utf8');
    const store = await WorkspaceStore.open(dir);
    expect(store.migrations).toEqual([]);
    await store.close();
    expect(await fs.readFile(path.join(dir, 'entities.json'), 'utf8')).toBe(before);
  });

  it('finishes a migration cut short before workspace.json was rewritten', async () => {
    // entities.json already upgraded, workspace.json still at 1: what a crash mid-way leaves.
    const entities = await readJson('entities.json');
    await fs.writeFile(path.join(dir, 'entities.json'), JSON.stringify({ ...entities, schemaVersion: 2, mergedInto: {} }));
    const store = await WorkspaceStore.open(dir);
    expect(store.info().schemaVersion).toBe(SCHEMA_VERSION);
    await store.close();
  });

  it('leaves the files alone when opened without the lock (a reader)', async () => {
    const store = await WorkspaceStore.open(dir, { lock: false });
    expect(store.info().schemaVersion).toBe(1);
    await store.close();
    expect(await readJson('workspace.json')).toMatchObject({ schemaVersion: 1 });
  });

  it('refuses to upgrade past a damaged file, and leaves it untouched', async () => {
    await fs.writeFile(path.join(dir, 'entities.json'), '{ not json');
    await expect(WorkspaceStore.open(dir)).rejects.toMatchObject({ code: 'corrupt-file' });
    expect(await fs.readFile(path.join(dir, 'entities.json'), 'utf8')).toBe('{ not json');
    expect(await readJson('workspace.json')).toMatchObject({ schemaVersion: 1 });
  });
});
