import { promises as fs } from 'node:fs';
import { annotationOn, changed } from '../testing/testHelpers';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../common/contract';
import type { Annotation } from '../../common/model/annotation';
import { DEFAULT_PALETTE } from '../../common/model/palette';
import { ChangeFeed } from '../changeFeed';
import { EventBus } from '../events';
import { importArticles } from '../import/importArticles';
import { WorkspaceStore } from '../store/workspaceStore';
import { ChangeLog } from './changeLog';
import type { Change } from './operation';
import { step } from '../../common/model/phrase';

const TEXT = 'Ministers meet\n\nThe ministers met in Delhi on Monday and agreed on logistics.';

const BEN = { name: 'Ben Colleague' };

let tmp: string;
let store: WorkspaceStore;
let events: EventBus;
let log: ChangeLog;
let articleId: string;
let seen: { name: EventName; payload: EventPayload<EventName> }[];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-changelog-'));
  store = await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true });
  const { articles } = await importArticles(store, [{ name: 'talks.txt', bytes: new TextEncoder().encode(TEXT) }]);
  articleId = articles[0]!.id;
  events = new EventBus();
  seen = [];
  events.subscribe((name, payload) => seen.push({ name, payload }));
  // Who undoes and redoes: the highlights were made by 'Analyst' (testHelpers).
  log = new ChangeLog(store, new ChangeFeed(events), () => BEN);
});
afterEach(async () => {
  await store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const add = (a: Annotation): Change => ({ label: step('addHighlight'), articleId, ops: [{ kind: 'annotation', articleId, id: a.id, before: null, after: a }] });

/** The article's history as its file holds it once the write-ahead log is folded in. */
async function history(): Promise<{ op: string; label?: string; before: unknown; after: unknown }[]> {
  await store.flush();
  const raw = await fs.readFile(path.join(tmp, 'ws', 'articles', articleId, 'history.jsonl'), 'utf8');
  return raw.trimEnd().split('\n').map((line) => JSON.parse(line));
}

describe('ChangeLog', () => {
  it('saves an annotation and its history line in one transaction: one line of the write-ahead log naming that annotation', async () => {
    await store.flush();
    await log.commit(add(annotation('Delhi')));
    const lines = (await fs.readFile(path.join(tmp, 'ws', 'journal.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    // The line names the one highlight, not the article's whole file.
    expect(lines[0].writes.map((w: { op: string; file: string }) => `${w.op} ${w.file}`)).toEqual([
      `record articles/${articleId}/annotations.json`,
      `append articles/${articleId}/history.jsonl`,
    ]);
  });

  it('applies a change, records it in the article history with its label, and announces it', async () => {
    const a = annotation('Delhi');
    await log.commit(add(a));
    expect(await store.readAnnotations(articleId)).toEqual([a]);
    expect(log.state()).toEqual({ undo: step('addHighlight'), redo: null });
    expect(seen).toEqual([
      { name: 'workspace.changed', payload: { cause: 'edit', changes: [{ subject: 'annotation', kind: 'created', id: a.id, articleId }] } },
    ]);
    const lines = await history();
    expect(lines.map((l) => l.op)).toEqual(['article.import', 'annotation.do']);
    expect(lines[1]).toEqual({ at: expect.any(String), op: 'annotation.do', articleId, before: null, after: a, label: 'add highlight' });
  });

  it('undoes and redoes, restoring each state under a higher revision', async () => {
    const a = annotation('Delhi');
    await log.commit(add(a));
    const edited = { ...a, rev: 2, comment: 'Venue', motivation: 'commenting' as const };
    await log.commit({ label: step('editHighlight'), articleId, ops: [{ kind: 'annotation', articleId, id: a.id, before: a, after: edited }] });
    seen = [];

    expect((await log.undo())?.change.label).toEqual(step('editHighlight'));
    // An undo is a change of its own, by whoever undid it, now (authorship.ts); the creator stays.
    const byBen = { modifiedBy: BEN, modified: expect.any(String) };
    expect(await store.readAnnotations(articleId)).toEqual([{ ...a, rev: 3, ...byBen }]);
    expect(log.state()).toEqual({ undo: step('addHighlight'), redo: step('editHighlight') });

    expect((await log.undo())?.change.label).toEqual(step('addHighlight'));
    expect(await store.readAnnotations(articleId)).toEqual([]);
    expect(log.state()).toEqual({ undo: null, redo: step('addHighlight') });
    expect(await log.undo()).toBeNull();

    expect((await log.redo())?.change.label).toEqual(step('addHighlight'));
    expect(await store.readAnnotations(articleId)).toEqual([{ ...a, rev: 2, ...byBen }]);
    expect((await log.redo())?.change.label).toEqual(step('editHighlight'));
    expect(await store.readAnnotations(articleId)).toEqual([{ ...edited, rev: 3, ...byBen, creator: { name: 'Analyst' } }]);
    expect(await log.redo()).toBeNull();
    expect(log.state()).toEqual({ undo: step('editHighlight'), redo: null });

    expect(seen.map((e) => e.payload)).toEqual([
      { cause: 'undo', changes: [{ subject: 'annotation', kind: 'updated', id: a.id, articleId }] },
      { cause: 'undo', changes: [{ subject: 'annotation', kind: 'deleted', id: a.id, articleId }] },
      { cause: 'redo', changes: [{ subject: 'annotation', kind: 'created', id: a.id, articleId }] },
      { cause: 'redo', changes: [{ subject: 'annotation', kind: 'updated', id: a.id, articleId }] },
    ]);
    expect((await history()).map((l) => `${l.op} ${l.label}`)).toEqual([
      'article.import undefined',
      'annotation.do add highlight',
      'annotation.do edit highlight',
      'annotation.undo edit highlight',
      'annotation.undo add highlight',
      'annotation.redo add highlight',
      'annotation.redo edit highlight',
    ]);
  });

  it('records the undo of a change with before and after swapped', async () => {
    const a = annotation('logistics');
    await log.commit(add(a));
    await log.undo();
    const undo = (await history()).at(-1)!;
    expect(undo).toMatchObject({ op: 'annotation.undo', before: a, after: null, label: 'add highlight' });
  });

  it('edits metadata and makes another version current, both undoable', async () => {
    const meta = await store.readMeta(articleId);
    const { title, source, url, outlet, author, published, language } = meta;
    const before = { title, source, url, outlet, author, published, language };
    const after = { ...before, title: 'Ministers meet in Delhi', outlet: 'The Hindu' };
    await log.commit({ label: step('editArticleDetails'), articleId, ops: [{ kind: 'meta', articleId, before, after }] });
    expect(await store.readMeta(articleId)).toMatchObject({ title: 'Ministers meet in Delhi', outlet: 'The Hindu', rev: meta.rev + 1 });
    expect(store.listArticles()[0]).toMatchObject({ title: 'Ministers meet in Delhi', outlet: 'The Hindu' });
    await log.undo();
    expect(await store.readMeta(articleId)).toMatchObject({ ...before, rev: meta.rev + 2 });
    expect(store.listArticles()[0]).toMatchObject({ title: meta.title, outlet: null });
    expect((await history()).slice(1).map((l) => l.op)).toEqual(['meta.do', 'meta.undo']);
  });

  it('refuses to make current a version that does not exist, recording nothing', async () => {
    const change: Change = { label: step('replaceWithNewVersion'), articleId, ops: [{ kind: 'version', articleId, before: 1, after: 5 }] };
    await expect(log.commit(change)).rejects.toMatchObject({ code: 'conflict' });
    expect(log.state()).toEqual({ undo: null, redo: null });
    expect(seen).toEqual([]);
    expect((await history()).map((l) => l.op)).toEqual(['article.import']);
  });

  it('changes the palette, undoably, without writing any article history', async () => {
    const renamed = DEFAULT_PALETTE.map((p) => (p.key === 'red' ? { ...p, label: 'Deadline' } : p));
    await log.commit({ label: step('renameColours'), articleId: null, ops: [{ kind: 'palette', before: DEFAULT_PALETTE, after: renamed }] });
    expect(store.info().palette).toEqual(renamed);
    expect(seen).toEqual([{ name: 'workspace.changed', payload: changed('edit', 'workspace', 'updated') }]);
    expect(await log.undo()).toMatchObject({ done: true, change: { label: step('renameColours'), articleId: null } });
    expect(store.info().palette).toEqual(DEFAULT_PALETTE);
    await log.redo();
    expect(store.info().palette).toEqual(renamed);
    expect((await history()).map((l) => l.op)).toEqual(['article.import']);
  });

  it('does not make a change that failed to save undoable', async () => {
    await store.close();
    await expect(log.commit(add(annotation('Delhi')))).rejects.toMatchObject({ code: 'unavailable' });
    expect(log.state()).toEqual({ undo: null, redo: null });
    expect(seen).toEqual([]);
  });

  it('runs work on one article one task at a time, and other articles alongside', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = log.exclusive(articleId, async () => {
      order.push('first start');
      await gate;
      order.push('first end');
    });
    const second = log.exclusive(articleId, async () => {
      order.push('second');
    });
    const other = log.exclusive('art_other', async () => {
      order.push('other article');
    });
    await other;
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first start', 'other article', 'first end', 'second']);
  });
});

describe('ChangeLog under quick repeated commands', () => {
  it('undoes two different changes when undo is asked twice at once, and redoes both the same way', async () => {
    const a = annotation('Delhi');
    const b = annotation('logistics');
    await log.commit(add(a));
    await log.commit(add(b));
    const undone = await Promise.all([log.undo(), log.undo()]);
    expect(undone.map((o) => o?.change.ops[0]?.kind === 'annotation' && o.change.ops[0].id)).toEqual([b.id, a.id]);
    expect(await store.readAnnotations(articleId)).toEqual([]);
    expect(log.state()).toEqual({ undo: null, redo: step('addHighlight') });
    await Promise.all([log.redo(), log.redo()]);
    expect((await store.readAnnotations(articleId)).map((x) => x.id)).toEqual([a.id, b.id]);
    expect(log.state()).toEqual({ undo: step('addHighlight'), redo: null });
  });

  it('keeps a change made elsewhere while an undo waits its turn undoable', async () => {
    const a = annotation('Delhi');
    await log.commit(add(a));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const busy = log.exclusive(articleId, () => gate);
    const undoing = log.undo();
    const renamed = DEFAULT_PALETTE.map((p) => (p.key === 'red' ? { ...p, label: 'Deadline' } : p));
    await log.exclusive(null, () =>
      log.commit({ label: step('renameColours'), articleId: null, ops: [{ kind: 'palette', before: DEFAULT_PALETTE, after: renamed }] }),
    );
    release();
    await busy;
    expect((await undoing)?.change.label).toEqual(step('addHighlight'));
    expect(await store.readAnnotations(articleId)).toEqual([]);
    expect(log.state()).toEqual({ undo: step('renameColours'), redo: step('addHighlight') });
    await log.undo();
    expect(store.info().palette).toEqual(DEFAULT_PALETTE);
  });
});

function annotation(quote: string, fields: Partial<Annotation> = {}): Annotation {
  return annotationOn(articleId, TEXT, quote, fields);
}
