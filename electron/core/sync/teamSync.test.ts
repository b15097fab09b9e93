import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { sampleFile } from '../testing/sampleArticle';
import { startTestServer, type TestServer } from './testing/testServer';

/**
 * Two real workspaces syncing through a CouchDB-compatible server, as two analysts' apps do: the
 * lists both add to while apart, and linking again after Stop syncing.
 */

let server: TestServer;
let tmp: string;
let databases = 0;
const opened: DossierCore[] = [];

beforeAll(async () => {
  server = await startTestServer({ inMemory: true });
}, 60_000);
afterAll(async () => {
  await server?.dispose();
});
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-team-'));
});
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close().catch(() => undefined);
  await fs.rm(tmp, { recursive: true, force: true });
});

async function open(name: string, analyst: string): Promise<DossierCore> {
  const core = createCore(await WorkspaceStore.open(path.join(tmp, name), { create: true }), { creator: { name: analyst } });
  opened.push(core);
  return core;
}

/** Two workspaces linked to a new database: Ana's with the sample article, Ben's cloned from it. */
async function team(): Promise<{ ana: DossierCore; ben: DossierCore; sample: string; sync: (core: DossierCore) => Promise<{ conflicts: number }> }> {
  const remote = server.dbUrl(`team-${++databases}`);
  const sync = (core: DossierCore) => core.api['sync.run']({ remote, ...server.auth });
  const ana = await open('ana', 'Ana');
  const ben = await open('ben', 'Ben');
  const { articles } = await ana.api['articles.import']({ files: [{ name: 'india-japan.txt', base64: Buffer.from(sampleFile()).toString('base64') }] });
  await sync(ana);
  await sync(ben);
  return { ana, ben, sample: articles[0]!.id, sync };
}

/** Each syncs, then the first again, so both have what the other sent. */
async function settle(sync: (core: DossierCore) => Promise<{ conflicts: number }>, first: DossierCore, second: DossierCore): Promise<number[]> {
  return [(await sync(first)).conflicts, (await sync(second)).conflicts, (await sync(first)).conflicts];
}

describe('team sync between two workspaces', () => {
  it('keeps what two analysts add to the same lists while apart, on both sides, with no conflict', async () => {
    const { ana, ben, sample, sync } = await team();
    const dates = (await ana.api['timeline.suggestions']({ articleId: sample })).suggestions.map((s) => s.key);
    const suggestions = (await ana.api['entities.forArticle']({ articleId: sample })).suggestions;
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect(suggestions.length).toBeGreaterThanOrEqual(4);

    // Apart: each adds a relationship type, dismisses a date, rejects a suggested entity and
    // confirms another (the article's links). Dismissed relationships are a list like these (syncMerge.test.ts).
    await ana.api['relations.addType']({ label: 'supplies arms to', inverse: 'gets arms from' });
    await ben.api['relations.addType']({ label: 'funds', inverse: 'funded by' });
    await ana.api['timeline.dismiss']({ articleId: sample, key: dates[0]! });
    await ben.api['timeline.dismiss']({ articleId: sample, key: dates[1]! });
    await ana.api['entities.reject']({ articleId: sample, key: suggestions[0]!.key });
    await ben.api['entities.reject']({ articleId: sample, key: suggestions[1]!.key });
    const anas = (await ana.api['entities.accept']({ articleId: sample, key: suggestions[2]!.key })).entity;
    const bens = (await ben.api['entities.accept']({ articleId: sample, key: suggestions[3]!.key })).entity;

    expect(await settle(sync, ana, ben)).toEqual([0, 0, 0]);
    for (const core of [ana, ben]) {
      const types = (await core.api['relations.types']({})).types.map((t) => t.key);
      expect(types).toEqual(expect.arrayContaining(['supplies-arms-to', 'funds']));
      const left = (await core.api['timeline.suggestions']({ articleId: sample })).suggestions.map((s) => s.key);
      expect(left).not.toContain(dates[0]);
      expect(left).not.toContain(dates[1]);
      const { mentions, suggestions: waiting } = await core.api['entities.forArticle']({ articleId: sample });
      expect(new Set(mentions.map((m) => m.entityId))).toEqual(new Set([anas.id, bens.id]));
      // Rejected on either side: both names are in the workspace's rejections, never suggested again.
      const rejected = (await core.mirror.read(['entity-rejections'])).get('entity-rejections')?.value as { names: string[] };
      expect(rejected.names).toEqual(expect.arrayContaining([suggestions[0]!.name.toLowerCase(), suggestions[1]!.name.toLowerCase()]));
      // Both rejections leave the review on both sides: the colleague's too, though it was listed here before it came.
      expect(waiting.map((s) => s.name)).not.toContain(suggestions[0]!.name);
      expect(waiting.map((s) => s.name)).not.toContain(suggestions[1]!.name);
      expect((await core.api['sync.conflicts']({})).conflicts).toEqual([]);
    }
    // Emptied, an article's list stays a document with an empty list while the article is here.
    const emptied = await ana.mirror.emptied(`links:${sample}`);
    expect(emptied).toMatchObject({ kind: 'links', value: { mentions: [] } });
    expect(ana.mirror.check(`links:${sample}`, emptied)).toBeNull();
    expect(await ana.mirror.emptied(`dismissed-dates:${sample}`)).toMatchObject({ kind: 'dismissed-dates', value: { keys: [] } });
    expect(await ana.mirror.emptied('dismissed-dates:art_gone')).toBeNull();
    expect(await ana.mirror.emptied('relation-types')).toBeNull();
  }, 60_000);

  it('links again after Stop syncing without losing the edits made meanwhile: each side gets the other\'s, and a record both changed is a conflict', async () => {
    const { ana, ben, sample, sync } = await team();
    const highlight = async (quote: string) => (await ana.api['annotations.createFromQuote']({ articleId: sample, quote, occurrence: 1 })).annotation;
    const [singh, japan] = [await highlight('Rajnath Singh'), await highlight('Japan')];
    const anasNote = (await ana.api['notes.create']({ title: 'Defence ties' })).note;
    const bensNote = (await ana.api['notes.create']({ title: 'Open questions' })).note;
    await sync(ana);
    await sync(ben);

    await ana.api['sync.unlink']({});
    // Apart. Ana, unlinked: a note, a highlight and a new entity; Ben, still linked: his note, and
    // the same other highlight as Ana.
    await ana.api['notes.update']({ id: anasNote.id, patch: { title: 'Defence ties, while unlinked' } });
    await ana.api['annotations.update']({ articleId: sample, id: singh.id, comment: 'Ana: who signed' });
    const port = (await ana.api['entities.create']({ name: 'Port of Vizag', type: 'place' })).entity;
    await ana.api['annotations.update']({ articleId: sample, id: japan.id, comment: 'Ana on Japan' });
    await ben.api['notes.update']({ id: bensNote.id, patch: { title: 'Open questions, by Ben' } });
    await ben.api['annotations.update']({ articleId: sample, id: japan.id, comment: 'Ben on Japan' });
    await sync(ben);

    // Ana links again to the same database.
    const [again] = await settle(sync, ana, ben);
    expect(again).toBe(1);
    for (const core of [ana, ben]) {
      const notes = Object.fromEntries((await core.api['notes.list']({})).notes.map((n) => [n.id, n.title]));
      expect(notes).toEqual({ [anasNote.id]: 'Defence ties, while unlinked', [bensNote.id]: 'Open questions, by Ben' });
      const comments = Object.fromEntries((await core.api['annotations.list']({ articleId: sample })).annotations.map((a) => [a.id, a.comment]));
      expect(comments[singh.id]).toBe('Ana: who signed');
      expect((await core.api['entities.list']({})).entities.map((e) => e.id)).toContain(port.id);
      // Both changed that highlight: shown as a conflict with both versions, the same on both sides.
      const { conflicts } = await core.api['sync.conflicts']({});
      expect(conflicts.map((c) => c.id)).toEqual([`annotation:${sample}:${japan.id}`]);
      expect(conflicts[0]!.versions.map((v) => (v.value as { comment: string }).comment).sort()).toEqual(['Ana on Japan', 'Ben on Japan']);
    }
    const shown = async (core: DossierCore) => (await core.api['annotations.list']({ articleId: sample })).annotations.find((a) => a.id === japan.id)!.comment;
    expect(await shown(ana)).toBe(await shown(ben));
  }, 60_000);
});
