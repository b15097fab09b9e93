import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../common/contract';
import { DossierError } from '../../common/errors';
import { ID_PATTERN } from '../../common/ids';
import { Annotation } from '../../common/model/annotation';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';

const TEXT =
  'The ministers met in Delhi. The ministers agreed on logistics.\n\n' +
  'Delhi hosted the ASEAN Defence Ministers\u2019 Meeting-Plus. The ministers left on Monday.';

let tmp: string;
let ws: string;
let core: DossierCore;
let articleId: string;
let seen: { name: EventName; payload: EventPayload<EventName> }[];

async function openCore(): Promise<DossierCore> {
  const store = await WorkspaceStore.open(ws, { create: true });
  const opened = createCore(store);
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

async function rejection(promise: Promise<unknown>): Promise<DossierError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DossierError);
  return error as DossierError;
}

const at = (s: string, from = 0) => TEXT.indexOf(s, from);

async function historyOps(): Promise<{ op: string; before: unknown; after: unknown }[]> {
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
      status: 'anchored',
      target: {
        quote: { type: 'TextQuoteSelector', exact: 'agreed on logistics', prefix: TEXT.slice(start - 32, start), suffix: TEXT.slice(end, end + 32) },
        position: { type: 'TextPositionSelector', start, end },
      },
    });
    expect(annotation.created).toBe(annotation.modified);
    expect(await core.api['annotations.list']({ articleId })).toEqual({ annotations: [annotation] });
    expect(seen).toEqual([{ name: 'workspace.changed', payload: { articleId, reason: 'annotation-created' } }]);
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
    expect(seen).toEqual([{ name: 'workspace.changed', payload: { articleId, reason: 'annotation-created' } }]);
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
      { articleId, reason: 'annotation-updated' },
      { articleId, reason: 'annotation-updated' },
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
    expect(seen).toEqual([{ name: 'workspace.changed', payload: { articleId, reason: 'annotation-deleted' } }]);
  });

  it('records every operation in the article history with before and after', async () => {
    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'logistics' });
    const { annotation: updated } = await core.api['annotations.update']({ articleId, id: annotation.id, comment: 'why' });
    await core.api['annotations.delete']({ articleId, id: annotation.id });
    const ops = await historyOps();
    expect(ops.map((o) => o.op)).toEqual(['article.import', 'annotation.create', 'annotation.update', 'annotation.delete']);
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
