import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { Backups } from './backups';
import { BACKUPS_DIR, OBJECTS_DIR, SNAPSHOTS_DIR } from './snapshotManifest';

let tmp: string;
let ws: string;
let core: DossierCore;
let articleId: string;
let clock: number;
const now = () => new Date(clock);
const MIN = 60_000;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-backups-'));
  ws = path.join(tmp, 'ws');
  clock = Date.parse('2026-12-06T09:00:00Z');
  core = createCore(await WorkspaceStore.open(ws, { create: true }));
  const { articles } = await core.api['articles.import']({
    files: [{ name: 'a.txt', base64: Buffer.from('Ministers meet\n\nThe ministers met in Delhi and agreed on logistics.').toString('base64') }],
  });
  articleId = articles[0]!.id;
  await core.api['annotations.createFromQuote']({ articleId, quote: 'Delhi', comment: 'where' });
});
afterEach(async () => {
  await core.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const at = (...parts: string[]) => path.join(ws, ...parts);
const annotationsFile = () => `articles/${articleId}/annotations.json`;
async function backupNow(backups: Backups, reason: 'manual' | 'activity' = 'activity') {
  await core.store.flush();
  return backups.take(reason);
}

describe('automatic backups', () => {
  it('first backs up every file, then only what changed, and nothing when nothing did', async () => {
    const backups = new Backups(ws, now);
    const first = await backupNow(backups);
    const everything = await backups.filesIn(first!.id);
    expect(everything.map((f) => f.file)).toEqual(expect.arrayContaining(['workspace.json', 'library.json', annotationsFile(), `articles/${articleId}/v1/original.txt`]));
    expect(everything.every((f) => f.change === 'added')).toBe(true);
    expect(everything.some((f) => f.file.startsWith('search/') || f.file.startsWith('journal'))).toBe(false);

    clock += 11 * MIN;
    expect(await backupNow(backups)).toBeNull();

    await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', comment: 'what' });
    clock += 11 * MIN;
    const second = await backupNow(backups);
    const changed = await backups.filesIn(second!.id);
    expect(changed.map((f) => [f.file, f.change])).toEqual(expect.arrayContaining([[annotationsFile(), 'changed']]));
    expect(changed.find((f) => f.file.endsWith('original.txt'))).toBeUndefined();
    // The older backup still holds the file as it was then.
    const then = JSON.parse((await backups.read(first!.id, annotationsFile())).toString('utf8')) as { annotations: unknown[] };
    const later = JSON.parse((await backups.read(second!.id, annotationsFile())).toString('utf8')) as { annotations: unknown[] };
    expect([then.annotations.length, later.annotations.length]).toEqual([1, 2]);
    expect((await backups.list()).map((b) => b.id)).toEqual([second!.id, first!.id]);
  });

  it('never holds a damaged file: it is left out and named, and the good copy before it stays', async () => {
    const backups = new Backups(ws, now);
    const first = await backupNow(backups);
    await core.close();
    await fs.writeFile(at('articles', articleId, 'annotations.json'), '{"schemaVersion":1,"kind":"annotations","articleId":');
    await fs.writeFile(at('articles', articleId, 'v1', 'original.txt'), 'not what was imported', { mode: 0o644 }).catch(async () => {
      await fs.chmod(at('articles', articleId, 'v1', 'original.txt'), 0o644);
      await fs.writeFile(at('articles', articleId, 'v1', 'original.txt'), 'not what was imported');
    });
    clock += 11 * MIN;
    const second = await backups.take('activity', { always: true });
    expect(second!.skippedFiles.map((f) => f.file).sort()).toEqual([annotationsFile(), `articles/${articleId}/v1/original.txt`].sort());
    const state = await backups.stateAt(second!.id);
    const firstState = await backups.stateAt(first!.id);
    expect(state.get(annotationsFile())).toEqual(firstState.get(annotationsFile()));
    expect(await backups.newestHolding(annotationsFile())).toMatchObject({ id: first!.id });
    core = createCore(await WorkspaceStore.open(ws, { create: true }));
  });

  it('stores one read-only copy per content, apart from the workspace file, so damage to the file leaves it whole', async () => {
    const backups = new Backups(ws, now);
    await backupNow(backups);
    const original = at('articles', articleId, 'v1', 'original.txt');
    const state = await backups.stateAt();
    const entry = state.get(`articles/${articleId}/v1/original.txt`)!;
    const stored = path.join(ws, BACKUPS_DIR, OBJECTS_DIR, entry.sha256.slice(0, 2), entry.sha256);
    expect((await fs.stat(stored)).ino).not.toBe((await fs.stat(original)).ino);
    expect(await fs.readFile(stored)).toEqual(await fs.readFile(original));
    expect((await fs.stat(stored)).mode & 0o222).toBe(0);
    const annotations = state.get(annotationsFile())!;
    const copy = path.join(ws, BACKUPS_DIR, OBJECTS_DIR, annotations.sha256.slice(0, 2), annotations.sha256);
    expect((await fs.stat(copy)).ino).not.toBe((await fs.stat(at('articles', articleId, 'annotations.json'))).ino);
    expect((await fs.stat(copy)).mode & 0o222).toBe(0);
  });

  it('keeps backups by age, and every kept backup still opens to the same files after pruning', async () => {
    const backups = new Backups(ws, now);
    const states = new Map<string, Map<string, string>>();
    // A backup every 10 minutes for two days, each after one more highlight.
    const words = ['Ministers', 'meet', 'ministers', 'met', 'Delhi', 'agreed', 'logistics'];
    const taken: string[] = [];
    for (let i = 0; i < 2 * 24 * 6; i += 1) {
      await core.api['annotations.createFromQuote']({ articleId, quote: words[i % words.length]!, comment: `#${i}` });
      clock += 10 * MIN;
      const backup = await backupNow(backups);
      taken.push(backup!.id);
      states.set(backup!.id, new Map([...(await backups.stateAt(backup!.id))].map(([file, e]) => [file, e.sha256])));
    }
    const kept = (await backups.list()).map((b) => b.id);
    expect(kept.length).toBeLessThan(6 + 24 + 3);
    expect(kept.length).toBeGreaterThan(24);
    expect(kept[0]).toBe(taken.at(-1));
    for (const id of kept) {
      const after = new Map([...(await new Backups(ws, now).stateAt(id))].map(([file, e]) => [file, e.sha256]));
      expect(after).toEqual(states.get(id));
    }
    // Copies no kept backup names are gone.
    const named = new Set<string>();
    for (const id of kept) for (const e of (await backups.stateAt(id)).values()) named.add(e.sha256);
    const stored: string[] = [];
    for (const prefix of await fs.readdir(path.join(ws, BACKUPS_DIR, OBJECTS_DIR))) stored.push(...(await fs.readdir(path.join(ws, BACKUPS_DIR, OBJECTS_DIR, prefix))));
    expect(new Set(stored)).toEqual(named);
    expect((await fs.readdir(path.join(ws, BACKUPS_DIR, SNAPSHOTS_DIR))).length).toBe(kept.length);
  }, 60_000);

  it('detects a stored copy that was damaged instead of restoring it', async () => {
    const backups = new Backups(ws, now);
    const first = await backupNow(backups);
    const entry = (await backups.stateAt(first!.id)).get(annotationsFile())!;
    const stored = path.join(ws, BACKUPS_DIR, OBJECTS_DIR, entry.sha256.slice(0, 2), entry.sha256);
    await fs.chmod(stored, 0o644);
    await fs.writeFile(stored, '{}');
    await expect(backups.read(first!.id, annotationsFile())).rejects.toThrow(/damaged/);
  });
});

describe('restoring from a backup', () => {
  it('puts one file back in the running workspace, search and lists following, and can be undone by the backup taken before', async () => {
    const first = await core.api['backups.take']({});
    await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', comment: 'second thoughts' });
    expect((await core.api['annotations.list']({ articleId })).annotations).toHaveLength(2);

    const { restored, before } = await core.api['backups.restore']({ id: first.backup!.id, files: [annotationsFile()] });
    expect(restored).toEqual([annotationsFile()]);
    expect((await core.api['annotations.list']({ articleId })).annotations.map((a) => a.target.quote.exact)).toEqual(['Delhi']);
    const hits = await core.api['search.query']({ query: 'second thoughts' });
    expect(hits.results.filter((r) => r.kind === 'annotation')).toEqual([]);

    // The workspace reopens to the restored file (the restore was one logged save).
    await core.close();
    core = createCore(await WorkspaceStore.open(ws));
    expect((await core.api['annotations.list']({ articleId })).annotations).toHaveLength(1);

    await core.api['backups.restore']({ id: before, files: [annotationsFile()] });
    expect((await core.api['annotations.list']({ articleId })).annotations).toHaveLength(2);
  });

  it('puts the whole workspace back: notes, entities and an article imported since', async () => {
    const note = (await core.api['notes.create']({ title: 'Kept' })).note;
    const first = await core.api['backups.take']({});
    await core.api['notes.update']({ id: note.id, patch: { title: 'Renamed later' } });
    await core.api['notes.create']({ title: 'Written later' });
    await core.api['entities.create']({ name: 'Rajnath Singh', type: 'person' });
    await core.api['articles.import']({ files: [{ name: 'b.txt', base64: Buffer.from('Later article\n\nImported after the backup.').toString('base64') }] });
    const entityCount = (await core.api['entities.list']({})).entities.length;

    await core.api['backups.restore']({ id: first.backup!.id });
    expect((await core.api['notes.list']({})).notes.map((n) => n.title)).toEqual(['Kept']);
    expect((await core.api['entities.list']({})).entities.length).toBeLessThan(entityCount);
    expect((await core.api['articles.list']({})).articles.map((a) => a.id)).toEqual([articleId]);
    expect((await core.api['search.query']({ query: 'Imported after' })).results).toEqual([]);
    expect((await core.api['annotations.list']({ articleId })).annotations).toHaveLength(1);
  });

  it('refuses a file the backup does not hold, and a backup that does not exist', async () => {
    const first = await core.api['backups.take']({});
    await expect(core.api['backups.restore']({ id: first.backup!.id, files: ['notes/note_nope.json'] })).rejects.toThrow(/holds no/);
    await expect(core.api['backups.restore']({ id: 'nope' })).rejects.toThrow(/No backup/);
  });
});
