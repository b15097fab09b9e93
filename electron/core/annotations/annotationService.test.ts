import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../common/contract';
import { ID_PATTERN } from '../../common/ids';
import { Annotation } from '../../common/model/annotation';
import { changed, rejection } from '../testing/testHelpers';
import { createCore, type DossierCore } from '../dossierCore';
import { sha256Hex, WorkspaceStore } from '../store/workspaceStore';
import { step } from '../../common/model/phrase';

const TEXT =
  'The ministers met in Delhi. The ministers agreed on logistics.\n\n' +
  'Delhi hosted the ASEAN Defence Ministers\u2019 Meeting-Plus. The ministers left on Monday.';

let tmp: string;
let ws: string;
let core: DossierCore;
let articleId: string;
let seen: { name: EventName; payload: EventPayload<EventName> }[];

const CREATOR = { name: 'Test Analyst' };

async function openCore(): Promise<DossierCore> {
  const store = await WorkspaceStore.open(ws, { create: true });
  const opened = createCore(store, { creator: CREATOR });
  opened.events.subscribe((name, payload) => seen.push({ name, payload }));
  return opened;
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-annotations-'));
  ws = path.join(tmp, 'ws');
  seen = [];
  core = await openCore();
  const { articles } = await core.api['articles.import']({
    files: [{ name: 'ministers.txt', base64: Buffer.from(TEXT).toString('base64') }],
  });
  articleId = articles[0]!.id;
  seen = [];
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const at = (s: string, from = 0) => TEXT.indexOf(s, from);

/** The article's history as its file holds it once the write-ahead log is folded in. */
async function historyOps(): Promise<{ op: string; label?: string; before: unknown; after: unknown }[]> {
  await core.store.flush();
  const raw = await fs.readFile(path.join(ws, 'articles', articleId, 'history.jsonl'), 'utf8');
  return raw.trimEnd().split('\n').map((l) => JSON.parse(l));
}

describe('annotations.create (by offsets)', () => {
  it('stores the exact text, 32 characters of context and the position', async () => {
    const start = at('agreed on logistics');
    const end = start + 'agreed on logistics'.length;
    const { annotation } = await core.api['annotations.create']({ articleId, start, end, exact: 'agreed on logistics', comment: '' });
    expect(Annotation.parse(annotation)).toEqual(annotation);
    expect(annotation.id).toMatch(ID_PATTERN);
    expect(annotation).toMatchObject({
      rev: 1,
      articleId,
      motivation: 'highlighting',
      comment: '',
      color: null,
      tags: [],
      grading: null,
      replies: [],
      creator: CREATOR,
      status: 'anchored',
      target: {
        version: 1,
        quote: { type: 'TextQuoteSelector', exact: 'agreed on logistics', prefix: TEXT.slice(start - 32, start), suffix: TEXT.slice(end, end + 32) },
        position: { type: 'TextPositionSelector', start, end },
      },
    });
    expect(annotation.created).toBe(annotation.modified);
    expect(await core.api['annotations.list']({ articleId })).toEqual({ annotations: [annotation] });
    expect(seen).toEqual([{ name: 'workspace.changed', payload: changed('edit', 'annotation', 'created', { articleId }) }]);
  });

  it('is a comment when it has one, and takes context cut short at the start of the text', async () => {
    const { annotation } = await core.api['annotations.create']({ articleId, start: 0, end: 13, comment: 'Who exactly?' });
    expect(annotation).toMatchObject({ motivation: 'commenting', comment: 'Who exactly?' });
    expect(annotation.target.quote).toMatchObject({ exact: 'The ministers', prefix: '', suffix: TEXT.slice(13, 45) });
  });

  it('refuses an exact text that does not match the article (conflict), storing nothing', async () => {
    const error = await rejection(core.api['annotations.create']({ articleId, start: 0, end: 13, exact: 'The minister' }));
    expect(error.code).toBe('conflict');
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([]);
    expect(seen).toEqual([]);
  });

  it.each([
    ['past the end', TEXT.length - 2, TEXT.length + 1],
    ['empty', 5, 5],
    ['reversed', 10, 5],
  ])('refuses a range %s (bad-input)', async (_label, start, end) => {
    const error = await rejection(core.api['annotations.create']({ articleId, start, end }));
    expect(error.code).toBe('bad-input');
    expect(error.message).toContain(String(TEXT.length));
  });

  it('refuses a range of only whitespace (bad-input)', async () => {
    const start = at('\n\n');
    const error = await rejection(core.api['annotations.create']({ articleId, start, end: start + 2 }));
    expect(error.code).toBe('bad-input');
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([]);
  });

  it('says not-found for an unknown article', async () => {
    const error = await rejection(core.api['annotations.create']({ articleId: 'art_00000000000000000000000000', start: 0, end: 3 }));
    expect(error.code).toBe('not-found');
  });
});

describe('annotations.createFromQuote', () => {
  it('finds a quote that occurs once, folding typographic apostrophes', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: "Ministers' Meeting-Plus", comment: 'ASEAN' });
    const start = at('Ministers\u2019 Meeting-Plus');
    expect(annotation.target.position).toEqual({ type: 'TextPositionSelector', start, end: start + 23 });
    expect(annotation.target.quote.exact).toBe('Ministers\u2019 Meeting-Plus');
    expect(annotation.comment).toBe('ASEAN');
    expect(seen).toEqual([{ name: 'workspace.changed', payload: changed('edit', 'annotation', 'created', { articleId }) }]);
  });

  it('says quote-not-found when the quote is absent', async () => {
    const error = await rejection(core.api['annotations.createFromQuote']({ articleId, quote: 'Tokyo summit' }));
    expect(error.code).toBe('quote-not-found');
    expect(error.message).toContain('Tokyo summit');
  });

  it('refuses an ambiguous quote without an occurrence, saying how often it occurs', async () => {
    const error = await rejection(core.api['annotations.createFromQuote']({ articleId, quote: 'The ministers' }));
    expect(error.code).toBe('ambiguous-quote');
    expect(error.message).toMatch(/3 times/);
    expect(error.message).toMatch(/1\.\.3/);
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([]);
  });

  it('takes the N-th occurrence, counting from 1', async () => {
    const second = at('The ministers', 1);
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'The ministers', occurrence: 2 });
    expect(annotation.target.position).toMatchObject({ start: second, end: second + 13 });
    const { annotation: third } = await core.api['annotations.createFromQuote']({ articleId, quote: 'The ministers', occurrence: 3 });
    expect(third.target.position.start).toBe(TEXT.lastIndexOf('The ministers'));
    const { annotation: only } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', occurrence: 1 });
    expect(only.target.quote.exact).toBe('logistics');
  });

  it('refuses an occurrence out of range (bad-input)', async () => {
    const error = await rejection(core.api['annotations.createFromQuote']({ articleId, quote: 'The ministers', occurrence: 4 }));
    expect(error.code).toBe('bad-input');
    expect(error.message).toMatch(/3 times/);
    const once = await rejection(core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', occurrence: 2 }));
    expect(once.message).toMatch(/1 time\b/);
  });
});

describe('annotations.update and annotations.delete', () => {
  it('updates the comment, bumps the revision and says so', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    seen = [];
    const { annotation: updated } = await core.api['annotations.update']({ articleId, id: annotation.id, comment: 'Key point', baseRev: 1 });
    expect(updated).toMatchObject({ id: annotation.id, rev: 2, comment: 'Key point', motivation: 'commenting', created: annotation.created });
    expect(updated.target).toEqual(annotation.target);
    const { annotation: third } = await core.api['annotations.update']({ articleId, id: annotation.id, comment: '  ', baseRev: 2 });
    expect(third).toMatchObject({ rev: 3, motivation: 'highlighting' });
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([third]);
    expect(seen.map((e) => e.payload)).toEqual([
      changed('edit', 'annotation', 'updated', { articleId }),
      changed('edit', 'annotation', 'updated', { articleId }),
    ]);
  });

  it('refuses an update based on a stale revision (conflict), keeping the newer one', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    await core.api['annotations.update']({ articleId, id: annotation.id, comment: 'first edit', baseRev: 1 });
    const error = await rejection(core.api['annotations.update']({ articleId, id: annotation.id, comment: 'stale edit', baseRev: 1 }));
    expect(error.code).toBe('conflict');
    const [stored] = (await core.api['annotations.list']({ articleId })).annotations;
    expect(stored).toMatchObject({ rev: 2, comment: 'first edit' });
  });

  it('says not-found when updating or deleting an unknown annotation', async () => {
    expect((await rejection(core.api['annotations.update']({ articleId, id: 'ann_nope', comment: 'x' }))).code).toBe('not-found');
    expect((await rejection(core.api['annotations.delete']({ articleId, id: 'ann_nope' }))).code).toBe('not-found');
  });

  it('deletes an annotation', async () => {
    const { annotation: keep } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    const { annotation: drop } = await core.api['annotations.createFromQuote']({ articleId, quote: 'Monday' });
    seen = [];
    expect(await core.api['annotations.delete']({ articleId, id: drop.id })).toEqual({ deleted: drop.id });
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([keep]);
    expect(seen).toEqual([{ name: 'workspace.changed', payload: changed('edit', 'annotation', 'deleted', { articleId }) }]);
  });

  it('records every operation in the article history with before, after and the action\u2019s label', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    const { annotation: updated } = await core.api['annotations.update']({ articleId, id: annotation.id, comment: 'why' });
    await core.api['annotations.delete']({ articleId, id: annotation.id });
    const ops = await historyOps();
    expect(ops.map((o) => o.op)).toEqual(['article.import', 'annotation.do', 'annotation.do', 'annotation.do']);
    expect(ops.map((o) => o.label)).toEqual([undefined, 'add highlight', 'edit highlight', 'delete highlight']);
    expect(ops[1]).toMatchObject({ before: null, after: annotation });
    expect(ops[2]).toMatchObject({ before: annotation, after: updated });
    expect(ops[3]).toMatchObject({ before: updated, after: null });
  });
});

describe('listing and persistence', () => {
  it('lists in document order, whatever the order of creation', async () => {
    for (const quote of ['Monday', 'logistics', 'Delhi hosted', 'met in Delhi']) {
      await core.api['annotations.createFromQuote']({ articleId, quote });
    }
    await core.api['annotations.create']({ articleId, start: 0, end: 3 });
    await core.api['annotations.create']({ articleId, start: 0, end: 13 });
    const { annotations } = await core.api['annotations.list']({ articleId });
    expect(annotations.map((a) => a.target.quote.exact)).toEqual(['The', 'The ministers', 'met in Delhi', 'logistics', 'Delhi hosted', 'Monday']);
  });

  it('keeps annotations when the workspace is closed and opened again', async () => {
    await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', comment: 'supply' });
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'The ministers', occurrence: 3 });
    await core.api['annotations.update']({ articleId, id: annotation.id, comment: 'departure' });
    const before = await core.api['annotations.list']({ articleId });
    await core.store.close();
    core = await openCore();
    expect(await core.api['annotations.list']({ articleId })).toEqual(before);
    expect(before.annotations.map((a) => a.comment)).toEqual(['supply', 'departure']);
  });

  it('keeps every annotation when several are created at once', async () => {
    await core.store.close();
    core = await openCore();
    const quotes = ['logistics', 'Monday', 'Delhi hosted', 'met in Delhi', 'ASEAN', 'agreed'];
    await Promise.all(quotes.map((quote) => core.api['annotations.createFromQuote']({ articleId, quote })));
    expect((await core.api['annotations.list']({ articleId })).annotations).toHaveLength(quotes.length);
  });
});

/** Makes `text` the article's version 2 in the store, as a replace does before it re-anchors. */
async function addVersion2(text: string): Promise<void> {
  const meta = await core.store.readMeta(articleId);
  const bytes = new TextEncoder().encode(text);
  const v2 = { version: 2, sha256: sha256Hex(bytes), importedAt: new Date().toISOString(), source: 'v2.txt', original: 'v2/original.txt', mediaType: 'text/plain', length: text.length };
  await core.store.addVersion({ ...meta, rev: meta.rev + 1, version: 2, versions: [...meta.versions, v2] }, text, bytes);
}

/** Marks an annotation orphaned, as a replace does when it cannot place it. */
async function orphan(id: string, created?: string): Promise<void> {
  await core.store.updateAnnotations(articleId, (all) => {
    const a = all.find((x) => x.id === id)!;
    a.status = 'orphaned';
    if (created) a.created = created;
  });
}

describe('colour, tags and grading', () => {
  const grading = { reliability: 'B', credibility: 2 } as const;

  it('stores them on create, with tags trimmed, NFC-normalised and de-duplicated ignoring case (first spelling wins)', async () => {
    const start = at('agreed on logistics');
    const { annotation } = await core.api['annotations.create']({
      articleId,
      start,
      end: start + 6,
      color: 'green',
      tags: ['  Logistics ', 'logistics', 'LOGISTICS', 'Quad', 'quad', 'Cafe\u0301', 'Caf\u00e9'],
      grading,
    });
    expect(annotation).toMatchObject({ color: 'green', tags: ['Logistics', 'Quad', 'Caf\u00e9'], grading, motivation: 'highlighting' });
    expect(Annotation.parse(annotation)).toEqual(annotation);
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([annotation]);
  });

  it('stores them on create from a quote', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'Monday', color: 'red', tags: ['date'], grading, comment: 'When' });
    expect(annotation).toMatchObject({ color: 'red', tags: ['date'], grading, comment: 'When', motivation: 'commenting' });
  });

  it('changes only the fields given on update, and clears colour and grading with null', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', comment: 'Supply', color: 'yellow', tags: ['a'], grading });
    const coloured = (await core.api['annotations.update']({ articleId, id: annotation.id, color: 'blue' })).annotation;
    expect(coloured).toMatchObject({ rev: 2, color: 'blue', comment: 'Supply', motivation: 'commenting', tags: ['a'], grading });
    const tagged = (await core.api['annotations.update']({ articleId, id: annotation.id, tags: [' b ', 'B', 'c'] })).annotation;
    expect(tagged).toMatchObject({ rev: 3, color: 'blue', tags: ['b', 'c'], grading });
    const graded = (await core.api['annotations.update']({ articleId, id: annotation.id, grading: { reliability: 'E', credibility: 5 } })).annotation;
    expect(graded).toMatchObject({ rev: 4, grading: { reliability: 'E', credibility: 5 }, tags: ['b', 'c'] });
    const cleared = (await core.api['annotations.update']({ articleId, id: annotation.id, color: null, grading: null, tags: [] })).annotation;
    expect(cleared).toMatchObject({ rev: 5, color: null, grading: null, tags: [], comment: 'Supply' });
    expect(cleared.target).toEqual(annotation.target);
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([cleared]);
  });
});

describe('annotations.reattach', () => {
  const V2 = 'The ministers met in New Delhi. They agreed on a logistics pact.\n\nThe ministers left on Tuesday.';

  it('puts an orphan on newly selected words of the current version, anchored, keeping its comment and replies', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'Monday', comment: 'Date' });
    await core.api['replies.add']({ articleId, annotationId: annotation.id, body: 'Confirmed.' });
    await addVersion2(V2);
    await orphan(annotation.id);
    seen = [];
    const start = V2.indexOf('Tuesday');
    const { annotation: moved } = await core.api['annotations.reattach']({ articleId, id: annotation.id, start, end: start + 7, exact: 'Tuesday' });
    expect(moved).toMatchObject({ status: 'anchored', comment: 'Date', rev: 3, replies: [expect.objectContaining({ body: 'Confirmed.' })] });
    expect(moved.target).toEqual({
      version: 2,
      quote: { type: 'TextQuoteSelector', exact: 'Tuesday', prefix: V2.slice(start - 32, start), suffix: V2.slice(start + 7) },
      position: { type: 'TextPositionSelector', start, end: start + 7 },
    });
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([moved]);
    expect(seen).toEqual([{ name: 'workspace.changed', payload: changed('edit', 'annotation', 'updated', { articleId }) }]);
    expect((await historyOps()).at(-1)).toMatchObject({ op: 'annotation.do', label: 're-attach highlight', after: moved });
  });

  it('is undone back to the orphan with its old target', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'Monday' });
    await addVersion2(V2);
    await orphan(annotation.id);
    const [orphaned] = (await core.api['annotations.list']({ articleId })).annotations;
    const start = V2.indexOf('Tuesday');
    await core.api['annotations.reattach']({ articleId, id: annotation.id, start, end: start + 7 });
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('reattachHighlight'), articleId });
    const [restored] = (await core.api['annotations.list']({ articleId })).annotations;
    expect(restored).toEqual({ ...orphaned, modified: expect.any(String), rev: orphaned!.rev + 2 });
    expect(restored!.target.version).toBe(1);
  });

  it('refuses words that no longer match (conflict), a range outside the text (bad-input) and an unknown annotation (not-found)', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'Monday' });
    await orphan(annotation.id);
    expect((await rejection(core.api['annotations.reattach']({ articleId, id: annotation.id, start: 0, end: 3, exact: 'Tha' }))).code).toBe('conflict');
    expect((await rejection(core.api['annotations.reattach']({ articleId, id: annotation.id, start: 0, end: TEXT.length + 1 }))).code).toBe('bad-input');
    expect((await rejection(core.api['annotations.reattach']({ articleId, id: 'ann_nope', start: 0, end: 3 }))).code).toBe('not-found');
    expect((await core.api['annotations.list']({ articleId })).annotations[0]).toMatchObject({ status: 'orphaned', rev: 1 });
  });
});

describe('replies', () => {
  it('adds, edits and deletes a reply, each by the workspace\u2019s creator and announced', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    seen = [];
    const added = (await core.api['replies.add']({ articleId, annotationId: annotation.id, body: 'Source?' })).annotation;
    expect(added.rev).toBe(2);
    expect(added.replies).toEqual([{ id: expect.stringMatching(ID_PATTERN), body: 'Source?', creator: CREATOR, created: expect.any(String), modified: expect.any(String) }]);
    const reply = added.replies[0]!;
    expect(reply.id.startsWith('rep_')).toBe(true);
    expect(reply.created).toBe(reply.modified);
    expect(Annotation.parse(added)).toEqual(added);

    const second = (await core.api['replies.add']({ articleId, annotationId: annotation.id, body: 'The ministry.' })).annotation;
    expect(second.replies.map((r) => r.body)).toEqual(['Source?', 'The ministry.']);

    const edited = (await core.api['replies.update']({ articleId, annotationId: annotation.id, replyId: reply.id, body: 'Which source?' })).annotation;
    expect(edited.replies[0]).toMatchObject({ id: reply.id, body: 'Which source?', created: reply.created });
    expect(edited.replies[0]!.modified >= reply.created).toBe(true);
    expect(edited.replies[1]).toEqual(second.replies[1]);

    const removed = (await core.api['replies.delete']({ articleId, annotationId: annotation.id, replyId: reply.id })).annotation;
    expect(removed.replies.map((r) => r.body)).toEqual(['The ministry.']);
    expect(removed.rev).toBe(5);
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([removed]);
    expect(seen.map((e) => e.payload)).toEqual(Array(4).fill(changed('edit', 'annotation', 'updated', { articleId })));
    expect((await historyOps()).slice(-4).map((o) => o.label)).toEqual(['add reply', 'add reply', 'edit reply', 'delete reply']);
  });

  it.each(['', '   ', '\n\t'])('refuses an empty reply %j (bad-input), storing nothing', async (body) => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    const added = (await core.api['replies.add']({ articleId, annotationId: annotation.id, body: 'ok' })).annotation;
    seen = [];
    expect((await rejection(core.api['replies.add']({ articleId, annotationId: annotation.id, body }))).code).toBe('bad-input');
    const replyId = added.replies[0]!.id;
    expect((await rejection(core.api['replies.update']({ articleId, annotationId: annotation.id, replyId, body }))).code).toBe('bad-input');
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([added]);
    expect(seen).toEqual([]);
    expect(await core.dispatch('replies.add', { articleId, annotationId: annotation.id, body })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('says not-found for an unknown reply or annotation', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    expect((await rejection(core.api['replies.update']({ articleId, annotationId: annotation.id, replyId: 'rep_nope', body: 'x' }))).code).toBe('not-found');
    expect((await rejection(core.api['replies.delete']({ articleId, annotationId: annotation.id, replyId: 'rep_nope' }))).code).toBe('not-found');
    expect((await rejection(core.api['replies.add']({ articleId, annotationId: 'ann_nope', body: 'x' }))).code).toBe('not-found');
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([annotation]);
  });
});

describe('list order with orphans', () => {
  it('lists placed highlights in document order, then orphans in the order they were made', async () => {
    const ids: Record<string, string> = {};
    for (const quote of ['Monday', 'logistics', 'Delhi hosted', 'met in Delhi']) {
      ids[quote] = (await core.api['annotations.createFromQuote']({ articleId, quote })).annotation.id;
    }
    await orphan(ids['met in Delhi']!, '2025-01-02T00:00:00.000Z');
    await orphan(ids['Monday']!, '2025-01-01T00:00:00.000Z');
    const { annotations } = await core.api['annotations.list']({ articleId });
    expect(annotations.map((a) => [a.target.quote.exact, a.status])).toEqual([
      ['logistics', 'anchored'],
      ['Delhi hosted', 'anchored'],
      ['Monday', 'orphaned'],
      ['met in Delhi', 'orphaned'],
    ]);
  });
});

describe('undo and redo of annotation changes', () => {
  const list = async () => (await core.api['annotations.list']({ articleId })).annotations;

  it('undoes and redoes creating a highlight', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', comment: 'Supply' });
    expect(await core.api['history.state']({})).toEqual({ undo: step('addHighlight'), redo: null });
    seen = [];
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('addHighlight'), articleId });
    expect(await list()).toEqual([]);
    // What is left to undo is the article's import.
    expect(await core.api['history.state']({})).toEqual({ undo: step('importArticle', { title: 'The ministers met in Delhi' }), redo: step('addHighlight') });
    expect(await core.api['history.redo']({})).toMatchObject({ label: step('addHighlight'), articleId });
    expect(await list()).toEqual([{ ...annotation, modified: expect.any(String), rev: 2 }]);
    expect(seen.map((e) => e.payload)).toEqual([
      { cause: 'undo', changes: [{ subject: 'annotation', kind: 'deleted', id: annotation.id, articleId }] },
      { cause: 'redo', changes: [{ subject: 'annotation', kind: 'created', id: annotation.id, articleId }] },
    ]);
    const ops = await historyOps();
    expect(ops.slice(-2)).toEqual([
      { at: expect.any(String), op: 'annotation.undo', articleId, before: annotation, after: null, label: 'add highlight' },
      { at: expect.any(String), op: 'annotation.redo', articleId, before: null, after: { ...annotation, modified: expect.any(String) }, label: 'add highlight' },
    ]);
  });

  it.each([
    ['comment', { comment: 'Second thoughts' }],
    ['colour', { color: 'purple' }],
    ['colour cleared', { color: null }],
    ['tags', { tags: ['logistics', 'navy'] }],
    ['grading', { grading: { reliability: 'A', credibility: 1 } as const }],
    ['grading cleared', { grading: null }],
  ])('undoes and redoes an edit of the %s', async (_label, patch) => {
    const { annotation } = await core.api['annotations.createFromQuote']({
      articleId,
      quote: 'logistics',
      comment: 'First thoughts',
      color: 'yellow',
      tags: ['supply'],
      grading: { reliability: 'C', credibility: 3 },
    });
    const { annotation: edited } = await core.api['annotations.update']({ articleId, id: annotation.id, ...patch });
    expect(edited).toMatchObject(patch);
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('editHighlight'), articleId });
    const [undone] = await list();
    expect(undone).toEqual({ ...annotation, modified: expect.any(String), rev: 3 });
    expect(await core.api['history.redo']({})).toMatchObject({ label: step('editHighlight'), articleId });
    expect(await list()).toEqual([{ ...edited, modified: expect.any(String), rev: 4 }]);
    // A client holding the newest revision can edit on; one holding an older revision is told.
    await expect(core.api['annotations.update']({ articleId, id: annotation.id, comment: 'stale', baseRev: 2 })).rejects.toMatchObject({ code: 'conflict' });
    await expect(core.api['annotations.update']({ articleId, id: annotation.id, comment: 'fresh', baseRev: 4 })).resolves.toBeTruthy();
  });

  it('undoes and redoes deleting a highlight', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', tags: ['x'] });
    await core.api['annotations.delete']({ articleId, id: annotation.id });
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('deleteHighlight'), articleId });
    expect(await list()).toEqual([{ ...annotation, modified: expect.any(String), rev: 2 }]);
    expect(await core.api['history.redo']({})).toMatchObject({ label: step('deleteHighlight'), articleId });
    expect(await list()).toEqual([]);
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('deleteHighlight'), articleId });
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('addHighlight'), articleId });
    expect(await list()).toEqual([]);
    // An import is undone only once the analyst agrees to what it takes out.
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('importArticle', { title: 'The ministers met in Delhi' }), confirm: [{ key: 'importedArticle', params: { title: 'The ministers met in Delhi' } }] });
    expect(await core.api['history.undo']({ confirm: true })).toMatchObject({ label: step('importArticle', { title: 'The ministers met in Delhi' }), articleId: null });
    expect(await core.api['history.undo']({})).toEqual({ label: null, articleId: null });
  });

  it('undoes and redoes adding a reply', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    const { annotation: replied } = await core.api['replies.add']({ articleId, annotationId: annotation.id, body: 'Checked.' });
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('addReply'), articleId });
    expect((await list())[0]).toMatchObject({ replies: [], rev: 3 });
    expect(await core.api['history.redo']({})).toMatchObject({ label: step('addReply'), articleId });
    expect((await list())[0]).toEqual({ ...replied, modified: expect.any(String), rev: 4 });
  });

  it('forgets the redo once a new change is made', async () => {
    await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    await core.api['history.undo']({});
    await core.api['annotations.createFromQuote']({ articleId, quote: 'Monday' });
    expect(await core.api['history.state']({})).toEqual({ undo: step('addHighlight'), redo: null });
    expect(await core.api['history.redo']({})).toEqual({ label: null, articleId: null });
    expect((await list()).map((a) => a.target.quote.exact)).toEqual(['Monday']);
  });
});
