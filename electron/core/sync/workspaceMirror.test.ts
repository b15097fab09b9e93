import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventPayload, RecordChange } from '../../common/contract';
import type { NoteContent } from '../../common/model/note';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { sampleFile } from '../testing/sampleArticle';
import { ENTITIES } from '../entities/entityDocuments';
import { TIMELINE } from '../timeline/timelineDocuments';
import { parseDocId, type SyncBody } from './syncDocs';

/**
 * Two workspaces kept in step through the mirror alone, as the sync service will: every document
 * of A copied into B, then the documents each change of A touched. The documents go through JSON
 * (and their attachments as bytes), as a database would carry them.
 */

let tmp: string;
let a: DossierCore;
let b: DossierCore;
const b64 = (s: string) => Buffer.from(s).toString('base64');

const SECOND =
  'Port officials in Chennai said on Tuesday that Maria Lopez of the Northern Water Agency would visit Oslo.\n\n' +
  'Maria Lopez met John Smith in Lyon on 12 March 2025 to discuss the dredging contract.';

async function open(name: string, analyst: string): Promise<DossierCore> {
  return createCore(await WorkspaceStore.open(path.join(tmp, name), { create: true }), { creator: { name: analyst } });
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-mirror-'));
  a = await open('a', 'Alice');
  b = await open('b', 'Bob');
});
afterEach(async () => {
  await a.close();
  await b.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A body as a database hands it back: JSON for the value, bytes for the attachments. */
function carried(body: SyncBody | null): SyncBody | null {
  if (body === null) return null;
  const { attachments, ...rest } = body;
  const copy = JSON.parse(JSON.stringify(rest)) as SyncBody;
  return attachments ? { ...copy, attachments: attachments.map((x) => ({ ...x, data: new Uint8Array(x.data) })) } : copy;
}

/** Every document of `from` applied to `to`, a few at a time. */
async function copyAll(from: DossierCore, to: DossierCore, batchSize = 7): Promise<number> {
  let batch: { id: string; body: SyncBody | null }[] = [];
  let count = 0;
  for await (const { id, body } of from.mirror.allDocs()) {
    batch.push({ id, body: carried(body) });
    count++;
    if (batch.length === batchSize) {
      await to.mirror.apply(batch);
      batch = [];
    }
  }
  await to.mirror.apply(batch);
  expect(to.mirror.pending()).toEqual([]);
  return count;
}

/** Records the change feed of a core, for sending what changed as the sync service would. */
function recorder(core: DossierCore): { records: RecordChange[]; causes: string[] } {
  const seen = { records: [] as RecordChange[], causes: [] as string[] };
  core.events.subscribe((name, payload) => {
    if (name !== 'workspace.changed') return;
    const change = payload as EventPayload<'workspace.changed'>;
    seen.causes.push(change.cause);
    seen.records.push(...change.changes);
  });
  return seen;
}

/** The documents the recorded changes touched, read from `from` and applied to `to`. */
async function send(from: DossierCore, seen: { records: RecordChange[] }, to: DossierCore): Promise<RecordChange[]> {
  const ids = from.mirror.idsOf(seen.records.splice(0));
  const bodies = await from.mirror.read(ids);
  return to.mirror.apply([...bodies].map(([id, body]) => ({ id, body: carried(body) })));
}

/** Without this workspace's own revision numbers, which sync does not carry. */
function withoutRevs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRevs);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'rev' && k !== 'contentRev').map(([k, v]) => [k, withoutRevs(v)]));
  }
  return value;
}

/** Everything an analyst sees of a workspace that sync carries. */
async function observe(core: DossierCore): Promise<unknown> {
  const api = core.api;
  const info = await api['workspace.info']({});
  const articles = (await api['articles.list']({})).articles.sort((x, y) => x.id.localeCompare(y.id));
  const perArticle = [];
  for (const { id } of articles) {
    const { article, text } = await api['articles.get']({ id });
    perArticle.push({
      // Whether article.json says "not archived" or nothing of it is the file's business.
      article: { ...article, archived: article.archived ?? false, trashedAt: article.trashedAt ?? null },
      text,
      versions: await Promise.all(article.versions.map(async (v) => (await api['articles.versionText']({ id, version: v.version })).text)),
      annotations: (await api['annotations.list']({ articleId: id })).annotations,
      mentions: (await api['entities.forArticle']({ articleId: id })).mentions,
      events: (await api['timeline.list']({ articleId: id })).events,
      suggestedDates: (await api['timeline.suggestions']({ articleId: id })).suggestions.map((s) => s.key),
    });
  }
  const notes = (await api['notes.list']({})).notes;
  return withoutRevs({
    name: info.name,
    palette: info.palette,
    articles,
    trashed: (await api['articles.trashed']({})).articles,
    perArticle,
    notes,
    noteBodies: await Promise.all(notes.map(async (n) => (await api['notes.get']({ id: n.id })).note)),
    entities: (await api['entities.list']({})).entities,
    relations: (await api['relations.list']({})).relations,
    relationTypes: (await api['relations.types']({})).types,
    briefs: await Promise.all((await api['briefs.list']({})).briefs.map(async (x) => (await api['briefs.get']({ id: x.id })).brief)),
  });
}

function citingNote(articleId: string, annotationId: string, quote: string, start: number, end: number): NoteContent {
  return {
    root: {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Why this matters: ', detail: 0, format: 0, mode: 'normal', style: '', version: 1 },
            { type: 'citation', version: 1, articleId, annotationId, quote, source: 'sample', start, end },
          ],
        },
      ],
    },
  };
}

/** The analyst's work in A: every kind of record sync carries. */
async function script(core: DossierCore): Promise<{ sample: string; second: string; merged: { from: string; into: string } }> {
  const api = core.api;
  const { articles } = await api['articles.import']({
    files: [
      { name: 'india-japan.txt', base64: b64(sampleFile()) },
      { name: 'chennai.txt', base64: b64(SECOND) },
    ],
  });
  const [sample, second] = [articles[0]!.id, articles[1]!.id];
  const highlight = (await api['annotations.createFromQuote']({ articleId: sample, quote: 'Rajnath Singh', comment: 'Who signed', occurrence: 1 })).annotation;
  await api['annotations.update']({ articleId: sample, id: highlight.id, grading: { reliability: 'B', credibility: 2 } });
  await api['replies.add']({ articleId: sample, annotationId: highlight.id, body: 'Confirmed by a second source' });
  const doomed = (await api['annotations.createFromQuote']({ articleId: second, quote: 'dredging contract' })).annotation;
  await api['annotations.delete']({ articleId: second, id: doomed.id });
  const { start, end } = highlight.target.position;
  await api['notes.create']({ title: 'Defence ties', content: citingNote(sample, highlight.id, highlight.target.quote.exact, start, end) });

  const { suggestions } = await api['entities.forArticle']({ articleId: sample });
  const named = (name: string) => suggestions.find((s) => s.name === name)!;
  const singh = (await api['entities.accept']({ articleId: sample, key: named('Rajnath Singh').key })).entity;
  const india = (await api['entities.accept']({ articleId: sample, key: suggestions.find((s) => s.type === 'place')!.key })).entity;
  const other = suggestions.find((s) => s.type !== 'place' && s.name !== 'Rajnath Singh')!;
  const extra = (await api['entities.accept']({ articleId: sample, key: other.key })).entity;
  await api['entities.merge']({ sourceId: extra.id, targetId: india.id });
  const rejectable = (await api['entities.forArticle']({ articleId: sample })).suggestions[0];
  if (rejectable) await api['entities.reject']({ articleId: sample, key: rejectable.key });

  await api['relations.create']({ from: singh.id, to: india.id, type: 'meets', evidence: [{ articleId: sample, annotationId: highlight.id }] });
  await api['briefs.create']({ title: 'Weekly brief', sections: [{ id: 's1', kind: 'article', articleId: sample }] });
  const dates = (await api['timeline.suggestions']({ articleId: sample })).suggestions;
  await api['timeline.confirm']({ articleId: sample, key: dates[0]!.key, label: 'Talks' });
  await api['timeline.dismiss']({ articleId: sample, key: dates[1]!.key });
  await api['articles.archive']({ id: second, archived: true });
  await api['workspace.rename']({ name: 'Team dossier' });
  return { sample, second, merged: { from: extra.id, into: india.id } };
}

describe('WorkspaceMirror', () => {
  it('copies a whole workspace: every record A holds, B holds, as an analyst sees it', async () => {
    const { sample, second, merged } = await script(a);
    const count = await copyAll(a, b);
    expect(count).toBeGreaterThan(15);
    const seenInB = (await observe(b)) as Record<string, unknown[]>;
    expect(seenInB).toEqual(await observe(a));
    // Every kind of record made it (not two empty workspaces found equal).
    expect(seenInB.relations).toHaveLength(1);
    expect(seenInB.briefs).toHaveLength(1);
    expect(seenInB.noteBodies).toHaveLength(1);
    expect(seenInB.entities!.length).toBeGreaterThanOrEqual(2);
    expect((await b.api['timeline.list']({ articleId: sample })).events).toHaveLength(1);
    expect((await b.api['annotations.list']({ articleId: sample })).annotations[0]).toMatchObject({ replies: [{ body: 'Confirmed by a second source' }], grading: { reliability: 'B' } });
    expect((await b.api['articles.list']({})).articles.find((x) => x.id === second)?.archived).toBe(true);
    // A merged entity's id still names the entity it went into, as notes and events keep ids.
    expect((await b.api['entities.resolve']({ ids: [merged.from] })).entities[merged.from]?.id).toBe(merged.into);
    // Copying again changes nothing: every body is already there.
    const seen = recorder(b);
    await copyAll(a, b);
    expect(seen.causes).toEqual([]);
  });

  it('lists the articles new in a batch with one write of the library, each with its own history line', async () => {
    const { sample, second } = await script(a);
    const relist = vi.spyOn(b.store, 'relistArticles');
    await copyAll(a, b, 1000);
    // library.json is one file: a clone of 10,000 articles must not rewrite it once per article.
    expect(relist).toHaveBeenCalledTimes(1);
    expect([...relist.mock.calls[0]![0]].sort()).toEqual([sample, second].sort());
    expect((await b.api['articles.list']({})).articles.map((x) => x.id).sort()).toEqual([sample, second].sort());
    await b.store.flush();
    for (const id of [sample, second]) {
      const lines = (await fs.readFile(path.join(tmp, 'b', 'articles', id, 'history.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { op: string; remote?: { by: string } });
      expect(lines.filter((l) => l.op === 'listing.sync')).toEqual([expect.objectContaining({ remote: expect.objectContaining({ by: 'Alice' }) })]);
    }
    expect(await observe(b)).toEqual(await observe(a));
  });

  it('keeps B in step with the documents each change of A touched, deletions included, as synced changes that B cannot undo', async () => {
    const { sample, second } = await script(a);
    await copyAll(a, b);
    const fromA = recorder(a);
    const atB = recorder(b);
    const api = a.api;

    const highlight = (await api['annotations.list']({ articleId: sample })).annotations[0]!;
    await api['annotations.update']({ articleId: sample, id: highlight.id, comment: 'Who signed, and when', color: 'green', tags: ['defence'] });
    const fresh = (await api['annotations.createFromQuote']({ articleId: second, quote: 'Maria Lopez', occurrence: 2 })).annotation;
    const note = (await api['notes.list']({})).notes[0]!;
    await api['notes.delete']({ id: note.id });
    const kept = (await api['notes.create']({ title: 'Open questions' })).note;
    await api['notes.save']({ id: kept.id, content: citingNote(second, fresh.id, fresh.target.quote.exact, fresh.target.position.start, fresh.target.position.end) });
    const entity = (await api['entities.list']({})).entities[0]!;
    await api['entities.update']({ id: entity.id, patch: { description: 'Defence minister' } });
    const relation = (await api['relations.list']({})).relations[0]!;
    await api['relations.delete']({ id: relation.id });
    const brief = (await api['briefs.list']({})).briefs[0]!;
    await api['briefs.update']({ id: brief.id, patch: { handling: 'TEAM ONLY' } });
    await api['articles.rename']({ id: sample, title: 'India and Japan' });
    await api['articles.archive']({ id: second, archived: false });
    await api['articles.trash']({ id: second });
    await api['workspace.setPalette']({ palette: [{ key: 'yellow', label: 'Claim', color: '#f2c230' }, { key: 'teal', label: 'Lead', color: '#20a0a0' }] });
    const event = (await api['timeline.list']({ articleId: sample })).events[0]!;
    await api['timeline.update']({ articleId: sample, id: event.id, patch: { label: 'Ministers meet' } });
    // A new version of the sample: its text and original travel, the highlights move onto it.
    await api['articles.replace']({ id: sample, file: { name: 'india-japan-v2.txt', base64: b64(sampleFile().replace('Rajnath Singh', 'Defence Minister Rajnath Singh')) } });

    const applied = await send(a, fromA, b);
    expect(applied.length).toBeGreaterThan(5);
    expect(b.mirror.pending()).toEqual([]);
    expect(await observe(b)).toEqual(await observe(a));
    expect(new Set(atB.causes)).toEqual(new Set(['sync']));
    const listed = await b.api['history.list']({});
    expect(listed.entries).toEqual([]);
    // The history shows what came in as the team's, newest first, never as an undo step here.
    expect(listed.remote.length).toBeGreaterThan(0);
    expect(listed.remote.map((entry) => [entry.by, entry.label.key]).filter(([by, key]) => (by !== 'Alice' && by !== '') || !key!.startsWith('synced'))).toEqual([]);
    expect(await b.api['history.state']({})).toEqual({ undo: null, redo: null });

    // The trash emptied in A: the article is gone from B too.
    await api['articles.emptyTrash']({});
    await send(a, fromA, b);
    expect((await b.api['articles.trashed']({})).articles).toEqual([]);
    expect(await observe(b)).toEqual(await observe(a));

    // What was just applied is not news: sent again, nothing is written or announced.
    atB.causes.length = 0;
    const again = await b.mirror.read(a.mirror.idsOf([{ subject: 'article', kind: 'updated', id: sample, articleId: sample }]));
    expect(await b.mirror.apply([...again].map(([id, body]) => ({ id, body })))).toEqual([]);
    expect(atB.causes).toEqual([]);
  });

  it('writes the changer into the article history, and forgets a local undo step that a synced change overtook', async () => {
    const { sample } = await script(a);
    await copyAll(a, b);
    const fromA = recorder(a);
    const mine = (await b.api['annotations.createFromQuote']({ articleId: sample, quote: 'Japan', occurrence: 1 })).annotation;
    const theirs = (await a.api['annotations.list']({ articleId: sample })).annotations[0]!;
    await b.api['annotations.update']({ articleId: sample, id: theirs.id, comment: 'Bob was here' });
    await a.api['annotations.update']({ articleId: sample, id: theirs.id, comment: 'Alice decides' });
    await send(a, fromA, b);
    // Bob's edit of that highlight can no longer be undone over Alice's; his own highlight still can.
    const history = await b.api['history.list']({});
    expect(history.entries.map((e) => e.label)).toEqual([{ key: 'addHighlight' }]);
    expect(history.remote[0]).toMatchObject({ label: { key: 'syncedHighlights' }, by: 'Alice', articleId: sample });
    expect((await b.api['annotations.list']({ articleId: sample })).annotations.find((x) => x.id === theirs.id)?.comment).toBe('Alice decides');
    expect(mine.creator.name).toBe('Bob');

    await b.store.flush();
    const lines = (await fs.readFile(path.join(tmp, 'b', 'articles', sample, 'history.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { op: string; remote?: { by: string } });
    expect(lines.at(-1)).toMatchObject({ op: 'annotation.sync', remote: { by: 'Alice' } });
    expect(lines.filter((l) => l.remote).every((l) => l.op.endsWith('.sync') && l.remote!.by === 'Alice')).toBe(true);
  });

  it('lets two analysts annotate the same article at once: each ends with both highlights', async () => {
    const { sample } = await script(a);
    await copyAll(a, b);
    const [fromA, fromB] = [recorder(a), recorder(b)];
    const mine = (await a.api['annotations.createFromQuote']({ articleId: sample, quote: 'Japan', occurrence: 1, comment: 'Alice' })).annotation;
    const theirs = (await b.api['annotations.createFromQuote']({ articleId: sample, quote: 'India', occurrence: 1, comment: 'Bob' })).annotation;
    await send(a, fromA, b);
    await send(b, fromB, a);
    for (const core of [a, b]) {
      const ids = (await core.api['annotations.list']({ articleId: sample })).annotations.map((x) => x.id);
      expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    }
    expect(await observe(b)).toEqual(await observe(a));
    // B's read of A's highlight names Alice as its creator.
    const read = await b.mirror.read([`annotation:${sample}:${mine.id}`]);
    expect(read.get(`annotation:${sample}:${mine.id}`)?.provenance.createdBy).toBe('Alice');
  });

  it('holds a highlight that comes before its article, and applies it once the article is here', async () => {
    const { sample } = await script(a);
    const docs: { id: string; body: SyncBody | null }[] = [];
    for await (const doc of a.mirror.allDocs()) docs.push({ id: doc.id, body: carried(doc.body) });
    const ofSample = (d: { id: string }) => d.id.includes(sample);
    // The sample's documents arrive last, highlights before the article.
    await b.mirror.apply(docs.filter((d) => !ofSample(d)));
    const children = docs.filter((d) => ofSample(d) && !/^(article|version):/.test(d.id));
    await b.mirror.apply(children);
    expect(b.mirror.pending().sort()).toEqual(children.map((d) => d.id).sort());
    await b.mirror.apply(docs.filter((d) => /^(article|version):/.test(d.id) && ofSample(d)));
    expect(b.mirror.pending()).toEqual([]);
    expect(await observe(b)).toEqual(await observe(a));
  });

  it('names documents by ids alone, and refuses documents that do not fit their id', async () => {
    await script(a);
    for await (const { id } of a.mirror.allDocs()) {
      expect(parseDocId(id)).not.toBeNull();
      expect(id).toMatch(/^[a-z-]+(:[a-z]+_[0-9a-z]+)?(:([a-z]+_[0-9a-z]+|\d+))?$/);
    }
    const [article] = (await a.api['articles.list']({})).articles;
    const body = (await a.mirror.read([`article:${article!.id}`])).get(`article:${article!.id}`)!;
    await expect(b.mirror.apply([{ id: `brief:brf_x`, body }])).rejects.toThrow(/holds a article/);
    await expect(b.mirror.apply([{ id: 'article:../../etc', body }])).rejects.toThrow(/Not a Dossier sync document/);
  });
});

/** One step an analyst takes in A, picked at random; ones that do not apply to the state are skipped. */
type Step =
  | { kind: 'highlight'; article: 0 | 1; word: number; comment: string }
  | { kind: 'comment'; pick: number; comment: string }
  | { kind: 'unhighlight'; pick: number }
  | { kind: 'note'; title: string }
  | { kind: 'unnote'; pick: number }
  | { kind: 'rename'; name: string }
  | { kind: 'archive'; article: 0 | 1; archived: boolean }
  | { kind: 'sync' };

const WORDS = ['Japan', 'India', 'defence', 'Maria Lopez', 'Oslo', 'Chennai', 'Lyon'];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('highlight' as const), article: fc.constantFrom(0 as const, 1 as const), word: fc.nat(WORDS.length - 1), comment: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('comment' as const), pick: fc.nat(), comment: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('unhighlight' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('note' as const), title: fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== '') }),
  fc.record({ kind: fc.constant('unnote' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), name: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== '') }),
  fc.record({ kind: fc.constant('archive' as const), article: fc.constantFrom(0 as const, 1 as const), archived: fc.boolean() }),
  fc.constant({ kind: 'sync' as const }),
);

async function take(core: DossierCore, articles: string[], s: Step): Promise<void> {
  const api = core.api;
  const highlights = async () => (await Promise.all(articles.map(async (articleId) => (await api['annotations.list']({ articleId })).annotations))).flat();
  switch (s.kind) {
    case 'highlight': {
      const articleId = articles[s.article]!;
      const { text } = await api['articles.get']({ id: articleId });
      if (text.includes(WORDS[s.word]!)) await api['annotations.createFromQuote']({ articleId, quote: WORDS[s.word]!, occurrence: 1, comment: s.comment });
      return;
    }
    case 'comment': {
      const all = await highlights();
      const target = all[s.pick % Math.max(1, all.length)];
      if (target) await api['annotations.update']({ articleId: target.articleId, id: target.id, comment: s.comment });
      return;
    }
    case 'unhighlight': {
      const all = await highlights();
      const target = all[s.pick % Math.max(1, all.length)];
      if (target) await api['annotations.delete']({ articleId: target.articleId, id: target.id });
      return;
    }
    case 'note':
      await api['notes.create']({ title: s.title });
      return;
    case 'unnote': {
      const notes = (await api['notes.list']({})).notes;
      const target = notes[s.pick % Math.max(1, notes.length)];
      if (target) await api['notes.delete']({ id: target.id });
      return;
    }
    case 'rename':
      await api['workspace.rename']({ name: s.name });
      return;
    case 'archive':
      await api['articles.archive']({ id: articles[s.article]!, archived: s.archived });
      return;
    case 'sync':
      return;
  }
}

describe('WorkspaceMirror, who made and changed each record', () => {
  /** Each synced kind's records in a workspace, with the names they carry. */
  async function names(core: DossierCore, sample: string): Promise<Record<string, [string, string][]>> {
    const pair = (r: { createdBy: { name: string }; modifiedBy: { name: string } }): [string, string] => [r.createdBy.name, r.modifiedBy.name];
    const { events } = await core.store.readArticleDoc(sample, TIMELINE);
    return {
      annotations: (await core.api['annotations.list']({ articleId: sample })).annotations.map((x) => pair({ ...x, createdBy: x.creator })),
      notes: (await core.api['notes.list']({})).notes.map(pair),
      entities: (await ENTITIES_OF(core)).map(pair),
      relations: (await core.api['relations.list']({})).relations.map(pair),
      briefs: await Promise.all((await core.api['briefs.list']({})).briefs.map(async (x) => pair((await core.api['briefs.get']({ id: x.id })).brief))),
      events: events.map(pair),
    };
  }
  const ENTITIES_OF = async (core: DossierCore) => (await core.store.readWorkspaceDoc(ENTITIES)).entities;

  it('keeps the names the writer gave: A\u2019s records arrive in B as Alice\u2019s, and B\u2019s change of one comes back to A as Bob\u2019s', async () => {
    const { sample } = await script(a);
    await copyAll(a, b);
    const alice: [string, string] = ['Alice', 'Alice'];
    expect(await names(b, sample)).toEqual({ annotations: [alice], notes: [alice], entities: [alice, alice], relations: [alice], briefs: [alice], events: [alice] });

    const fromB = recorder(b);
    const [entity] = await ENTITIES_OF(b);
    await b.api['entities.update']({ id: entity!.id, patch: { description: 'Seen in Delhi' } });
    const [highlight] = (await b.api['annotations.list']({ articleId: sample })).annotations;
    await b.api['annotations.update']({ articleId: sample, id: highlight!.id, comment: 'Signed, per Bob' });
    await send(b, fromB, a);
    const changed = (await ENTITIES_OF(a)).find((e) => e.id === entity!.id)!;
    expect([changed.createdBy, changed.modifiedBy, changed.description]).toEqual([{ name: 'Alice' }, { name: 'Bob' }, 'Seen in Delhi']);
    expect((await a.api['annotations.list']({ articleId: sample })).annotations[0]).toMatchObject({ creator: { name: 'Alice' }, modifiedBy: { name: 'Bob' }, comment: 'Signed, per Bob' });
    // The document says the same: who changed it is the record's own changer, not the reader.
    const body = (await a.mirror.read([`entity:${entity!.id}`])).get(`entity:${entity!.id}`);
    expect(body?.provenance).toMatchObject({ createdBy: 'Alice', changedBy: 'Bob', changedAt: changed.modified });
  });

  it('takes a record from a Dossier before schema 4 with the names its provenance gives, and does not send it back', async () => {
    const { sample } = await script(a);
    const docs: { id: string; body: SyncBody | null }[] = [];
    for await (const doc of a.mirror.allDocs()) docs.push({ id: doc.id, body: carried(doc.body) });
    const older = docs.map(({ id, body }) => {
      if (!body || !['entity', 'note', 'relation', 'brief', 'event', 'annotation'].includes(body.kind)) return { id, body };
      const { createdBy: _c, modifiedBy: _m, ...value } = body.value as Record<string, unknown>;
      // Such a Dossier named the reader's analyst as every record's changer; one brief says nobody.
      const provenance = body.kind === 'brief' ? { ...body.provenance, createdBy: '', changedBy: '' } : { ...body.provenance, changedBy: 'Carol' };
      return { id, body: { ...body, value, provenance } as SyncBody };
    });
    await b.mirror.apply(older);
    expect(await names(b, sample)).toEqual({
      annotations: [['Alice', 'Carol']],
      notes: [['Alice', 'Carol']],
      entities: [
        ['Alice', 'Carol'],
        ['Alice', 'Carol'],
      ],
      relations: [['Alice', 'Carol']],
      briefs: [['(unknown)', '(unknown)']],
      events: [['Alice', 'Carol']],
    });
    // Read back, B's documents are those it was given: nothing to send as a change of B's.
    const bodies = await b.mirror.read(older.map((d) => d.id));
    for (const { id, body } of older) expect(b.mirror.sameBody(bodies.get(id) ?? null, body), id).toBe(true);
  });
});

describe('WorkspaceMirror, property', () => {
  it('keeps B equal to A through any sequence of changes in A, synced in any number of rounds', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        run++;
        const [x, y] = [await open(`pa${run}`, 'Alice'), await open(`pb${run}`, 'Bob')];
        try {
          const { articles } = await x.api['articles.import']({ files: [{ name: 'india-japan.txt', base64: b64(sampleFile()) }, { name: 'chennai.txt', base64: b64(SECOND) }] });
          const ids = articles.map((r) => r.id);
          await copyAll(x, y);
          const fromX = recorder(x);
          const atY = recorder(y);
          for (const s of steps) {
            if (s.kind === 'sync') await send(x, fromX, y);
            else await take(x, ids, s);
          }
          await send(x, fromX, y);
          expect(y.mirror.pending()).toEqual([]);
          expect(await observe(y)).toEqual(await observe(x));
          expect(atY.causes.every((c) => c === 'sync')).toBe(true);
          expect((await y.api['history.list']({})).entries).toEqual([]);
        } finally {
          await x.close();
          await y.close();
        }
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
