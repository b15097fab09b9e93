import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../common/contract';
import { checkWorkspace } from '../check/checkWorkspace';
import { createCore, type DossierCore } from '../dossierCore';
import { problemWith } from '../snapshots/workspaceFiles';
import { WorkspaceStore } from '../store/workspaceStore';
import { changeLine, rejection } from '../testing/testHelpers';
import { step } from '../../common/model/phrase';

const SAMPLE = fileURLToPath(new URL('../../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

let tmp: string;
let ws: string;
let core: DossierCore;
let articleId: string;
let text: string;
let feed: string[];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-timeline-'));
  ws = path.join(tmp, 'ws');
  core = createCore(await WorkspaceStore.open(ws, { create: true }));
  const bytes = await fs.readFile(SAMPLE);
  articleId = (await core.api['articles.import']({ files: [{ name: 'sample.txt', base64: bytes.toString('base64') }] })).articles[0]!.id;
  text = (await core.api['articles.get']({ id: articleId })).text;
  feed = [];
  core.events.subscribe((name, payload) => {
    if (name === 'workspace.changed') feed.push(changeLine(payload as EventPayload<'workspace.changed'>));
  });
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const suggestions = async () => (await core.api['timeline.suggestions']({ articleId })).suggestions;
const events = async (filter: { entityId?: string } = {}) => (await core.api['timeline.list']({ ...filter })).events;
const onDisk = async () => {
  await core.store.flush();
  return JSON.parse(await fs.readFile(path.join(ws, 'articles', articleId, 'timeline.json'), 'utf8')) as { events: { id: string }[]; dismissed: string[] };
};

describe('TimelineService', () => {
  it('suggests every date of a freshly imported article, with its sentence as evidence, and stores nothing until one is confirmed', async () => {
    const found = await suggestions();
    expect(found.map((s) => [s.phrase.exact, s.date, s.precision])).toEqual([
      ['Monday', '2025-05-05', 'day'],
      ['Sunday', '2025-05-04', 'day'],
      ['November 2024', '2024-11', 'month'],
      ['November 2024', '2024-11', 'month'],
      ['November 2024', '2024-11', 'month'],
      ['2014', '2014', 'year'],
    ]);
    for (const s of found) {
      expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.exact);
      expect(s.evidence.start <= s.phrase.start && s.phrase.end <= s.evidence.end).toBe(true);
    }
    expect(await events()).toEqual([]);
    await expect(fs.access(path.join(ws, 'articles', articleId, 'timeline.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('confirms a suggestion as an event, listed in date order, and undoes and redoes it', async () => {
    const [monday, , , , , year] = await suggestions();
    const { event } = await core.api['timeline.confirm']({ articleId, key: monday!.key });
    expect(event).toMatchObject({ articleId, date: '2025-05-05', precision: 'day', certain: ['weekday'], label: monday!.label, source: 'detected', status: 'anchored' });
    expect(event.evidence).toEqual(monday!.evidence);
    await core.api['timeline.confirm']({ articleId, key: year!.key, label: 'Special strategic and global partnership' });
    expect((await events()).map((e) => [e.date, e.label])).toEqual([
      ['2014', 'Special strategic and global partnership'],
      ['2025-05-05', monday!.label],
    ]);
    expect((await suggestions()).map((s) => s.key)).not.toContain(monday!.key);
    expect((await onDisk()).events).toHaveLength(2);
    expect(feed).toEqual(['edit event created', 'edit event created']);
    expect((await rejection(core.api['timeline.confirm']({ articleId, key: monday!.key }))).code).toBe('not-found');

    expect((await core.api['history.undo']({})).label).toEqual(step('confirmEvent'));
    expect((await events()).map((e) => e.date)).toEqual(['2025-05-05']);
    await core.api['history.undo']({});
    expect(await events()).toEqual([]);
    expect(await suggestions()).toHaveLength(6);
    await core.api['history.redo']({});
    expect((await events()).map((e) => e.id)).toEqual([event.id]);
    expect(feed.slice(2)).toEqual(['undo event deleted', 'undo event deleted', 'redo event created']);
    const history = await fs.readFile(path.join(ws, 'articles', articleId, 'history.jsonl'), 'utf8');
    expect(history).toMatch(/"op":"doc.do".*"label":"confirm event"/);
  });

  it('confirms with another date, whose precision and stated parts follow it; edits label and date; refuses a stale edit', async () => {
    const [, sunday] = await suggestions();
    const { event } = await core.api['timeline.confirm']({ articleId, key: sunday!.key, date: '2025-05' });
    expect(event).toMatchObject({ date: '2025-05', precision: 'month', certain: ['year', 'month'] });
    const { event: edited } = await core.api['timeline.update']({ articleId, id: event.id, patch: { label: 'Ministry statement', date: '2025-05-04' }, baseRev: 1 });
    expect(edited).toMatchObject({ rev: 2, label: 'Ministry statement', date: '2025-05-04', precision: 'day', certain: ['year', 'month', 'day'] });
    expect((await rejection(core.api['timeline.update']({ articleId, id: event.id, patch: { label: 'Again' }, baseRev: 1 }))).code).toBe('conflict');
    expect((await rejection(core.api['timeline.update']({ articleId, id: event.id, patch: { date: '2025-02-30' } }))).code).toBe('bad-input');
    await core.api['history.undo']({});
    expect((await events())[0]).toMatchObject({ label: sunday!.label, date: '2025-05' });
  });

  it('dismisses a suggestion for good, undoably, and deletes an event', async () => {
    const [monday, sunday] = await suggestions();
    await core.api['timeline.dismiss']({ articleId, key: sunday!.key });
    expect((await suggestions()).map((s) => s.key)).not.toContain(sunday!.key);
    expect((await onDisk()).dismissed).toEqual([sunday!.key]);
    expect(feed).toEqual(['edit event deleted']);
    await core.api['history.undo']({});
    expect((await suggestions()).map((s) => s.key)).toContain(sunday!.key);
    expect(feed[1]).toBe('undo event created');

    const { event } = await core.api['timeline.confirm']({ articleId, key: monday!.key });
    await expect(core.api['timeline.delete']({ articleId, id: event.id })).resolves.toEqual({ deleted: event.id });
    expect(await events()).toEqual([]);
    expect((await suggestions()).map((s) => s.key)).toContain(monday!.key);
    expect((await rejection(core.api['timeline.delete']({ articleId, id: event.id }))).code).toBe('not-found');
  });

  it('adds an event from a selected passage: the date named in it, or the one given', async () => {
    const passage = 'India and Japan signed an agreement for co-development of a specialised stealth radio communication equipment';
    const start = text.indexOf(passage);
    const end = start + passage.length;
    expect((await rejection(core.api['timeline.add']({ articleId, start, end }))).message).toMatch(/No date was found/);
    const { event } = await core.api['timeline.add']({ articleId, start, end, exact: passage, date: '2024-11' });
    expect(event).toMatchObject({ date: '2024-11', precision: 'month', certain: ['year', 'month'], source: 'manual', evidence: { start, end, exact: passage } });
    expect(event.label).toBe('India and Japan signed an agreement for co-development of a specialised stealth…');

    const sentence = 'This will be the second meeting between the two Defence Ministers in six months, following their first interaction in November 2024';
    const at = text.indexOf(sentence);
    const before = await suggestions();
    const { event: dated } = await core.api['timeline.add']({ articleId, start: at, end: at + sentence.length, label: 'First meeting, ADMM-Plus, Laos' });
    expect(dated).toMatchObject({ date: '2024-11', precision: 'month', certain: ['year', 'month'], label: 'First meeting, ADMM-Plus, Laos' });
    // The date found on those words is now the analyst's event, no longer a suggestion.
    expect((await suggestions()).map((s) => s.phrase.start)).toEqual(before.map((s) => s.phrase.start).filter((p) => p !== text.indexOf('November 2024', at)));

    expect((await rejection(core.api['timeline.add']({ articleId, start, end, exact: 'something else', date: '2024' }))).code).toBe('conflict');
    expect((await rejection(core.api['timeline.add']({ articleId, start: 0, end: text.length + 1, date: '2024' }))).code).toBe('bad-input');
  });

  it('names the entities with a confirmed mention in the sentence, filters by entity, and follows merges', async () => {
    const { suggestions: found } = await core.api['entities.forArticle']({ articleId });
    const accept = async (name: string) => (await core.api['entities.accept']({ articleId, key: found.find((s) => s.name === name)!.key })).entity;
    const singh = await accept('Rajnath Singh');
    const laos = await accept('Laos');
    const dates = await suggestions();
    expect(dates[0]!.entities.map((e) => e.name)).toContain('Rajnath Singh');
    expect(dates[2]!.entities).toEqual([{ id: laos.id, name: 'Laos' }]);
    await core.api['timeline.confirm']({ articleId, key: dates[0]!.key });
    await core.api['timeline.confirm']({ articleId, key: dates[2]!.key });
    expect((await events({ entityId: laos.id })).map((e) => e.date)).toEqual(['2024-11']);
    expect((await events({ entityId: singh.id })).map((e) => e.date)).toEqual(['2025-05-05']);

    const { entity: merged } = await core.api['entities.merge']({ sourceId: laos.id, targetId: singh.id });
    expect((await events({ entityId: merged.id })).map((e) => e.date)).toEqual(['2024-11', '2025-05-05']);
    expect((await events())[0]!.entities).toEqual([{ id: singh.id, name: 'Rajnath Singh' }]);
  });

  it('keeps events on their sentence and dismissed dates dismissed in a new version of the text', async () => {
    const [monday, sunday] = await suggestions();
    const { event } = await core.api['timeline.confirm']({ articleId, key: monday!.key });
    await core.api['timeline.dismiss']({ articleId, key: sunday!.key });
    const opening = 'A correction was added at the top of this report.\n\n';
    // The same front matter (headline, date), a new paragraph at the top of the body.
    const raw = await fs.readFile(SAMPLE, 'utf8');
    const revised = raw.replace(/^(---\n[\s\S]*?\n---\n)/, `$1${opening}`);
    expect(revised).not.toBe(raw);
    await core.api['articles.replace']({ id: articleId, file: { name: 'sample-v2.txt', base64: Buffer.from(revised).toString('base64') } });
    const newText = (await core.api['articles.get']({ id: articleId })).text;
    const [moved] = await events();
    // On the same words; 'drifted' because the words before them changed (they opened the text), as for a highlight.
    expect(moved).toMatchObject({ id: event.id, status: 'drifted', evidence: { start: event.evidence.start + opening.length, exact: event.evidence.exact } });
    expect(newText.slice(moved!.evidence.start, moved!.evidence.end)).toBe(event.evidence.exact);
    const keys = (await suggestions()).map((s) => s.key);
    expect(keys).not.toContain(sunday!.key);
    expect(keys).not.toContain(monday!.key);
    expect(keys).toHaveLength(4);
  });

  it('is checked by dossier check and by the backups, like the other files of an article', async () => {
    const [monday] = await suggestions();
    await core.api['timeline.confirm']({ articleId, key: monday!.key });
    await core.store.close();
    const file = path.join(ws, 'articles', articleId, 'timeline.json');
    const good = await fs.readFile(file);
    expect(problemWith(`articles/${articleId}/timeline.json`, good)).toBeNull();
    expect(await checkWorkspace(ws)).toEqual([]);

    const damaged = JSON.parse(good.toString('utf8')) as { events: { date: string }[] };
    damaged.events[0]!.date = 'next Monday';
    await fs.writeFile(file, JSON.stringify(damaged));
    expect(problemWith(`articles/${articleId}/timeline.json`, Buffer.from(JSON.stringify(damaged)))).toMatch(/timeline\.json/);
    const findings = await checkWorkspace(ws);
    expect(findings).toEqual([expect.objectContaining({ file: `articles/${articleId}/timeline.json`, action: 'quarantine' })]);
    core = createCore(await WorkspaceStore.open(ws));
  });
});

describe('the workspace timeline across articles', () => {
  it('stays current as events come and go in several articles, undo and an undone import included', async () => {
    const bytes = await fs.readFile(SAMPLE);
    const second = (await core.api['articles.import']({ files: [{ name: 'second.txt', base64: Buffer.from(`${bytes.toString()}\nA later line.`).toString('base64') }] })).articles[0]!.id;
    // Listed once before anything is confirmed: what holds events is now known and must follow.
    expect(await events()).toEqual([]);
    const first = (await suggestions())[0]!;
    await core.api['timeline.confirm']({ articleId, key: first.key });
    expect((await events()).map((e) => e.articleId)).toEqual([articleId]);
    const other = (await core.api['timeline.suggestions']({ articleId: second })).suggestions[1]!;
    await core.api['timeline.confirm']({ articleId: second, key: other.key });
    expect(new Set((await events()).map((e) => e.articleId))).toEqual(new Set([articleId, second]));
    await core.api['history.undo']({});
    expect((await events()).map((e) => e.articleId)).toEqual([articleId]);
    await core.api['history.redo']({});
    expect(await events()).toHaveLength(2);
    const { event } = { event: (await events()).find((e) => e.articleId === second)! };
    await core.api['timeline.delete']({ articleId: second, id: event.id });
    expect((await events()).map((e) => e.articleId)).toEqual([articleId]);
  });
});
