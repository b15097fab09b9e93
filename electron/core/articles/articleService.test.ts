import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../common/contract';
import { ArticleMeta } from '../../common/model/article';
import { changed, rejection } from '../testing/testHelpers';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { step } from '../../common/model/phrase';

/**
 * Version 2 keeps the first highlighted passage and its neighbourhood as they were, changes one
 * word inside the second (a long one), and drops the paragraph holding the third.
 */
const KEPT = 'Defence Minister Rajnath Singh will hold a bilateral meeting';
const REWORDED = 'both sides will exchange views on the current regional and international security situation';
const REWORDED_V2 = REWORDED.replace('current', 'present');
const REMOVED = 'a proposed Reciprocal Provision of Supplies and Services Agreement';

const V1 =
  'India and Japan to talk logistics\n\n' +
  `${KEPT} with his Japanese counterpart in New Delhi on Monday. Officials expect a short joint statement afterwards.\n\n` +
  `The Ministry of Defence stated on Sunday that ${REWORDED} and discuss ways to deepen cooperation.\n\n` +
  `A key focus of the talks will be ${REMOVED}, which would open bases to each other's ships.\n\n` +
  'India and Japan are strategic partners in the Quad, along with the United States and Australia.';
const V2 = V1.replace(REWORDED, REWORDED_V2).replace(/A key focus[^\n]*\n\n/, '');

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let tmp: string;
let ws: string;
let core: DossierCore;
let articleId: string;
let seen: { name: EventName; payload: EventPayload<EventName> }[];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-articles-'));
  ws = path.join(tmp, 'ws');
  core = createCore(await WorkspaceStore.open(ws, { create: true }), { creator: { name: 'Test Analyst' } });
  const { articles } = await core.api['articles.import']({ files: [{ name: 'talks.txt', base64: b64(V1) }] });
  articleId = articles[0]!.id;
  seen = [];
  core.events.subscribe((name, payload) => seen.push({ name, payload }));
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The article's history as its file holds it once the write-ahead log is folded in. */
async function historyLines(): Promise<{ op: string; label?: string; before: unknown; after: unknown }[]> {
  await core.store.flush();
  const raw = await fs.readFile(path.join(ws, 'articles', articleId, 'history.jsonl'), 'utf8');
  return raw.trimEnd().split('\n').map((l) => JSON.parse(l));
}

/** Everything under the article's folder, to show a refused change wrote nothing. */
async function articleFiles(): Promise<Map<string, string>> {
  const dir = path.join(ws, 'articles', articleId);
  const out = new Map<string, string>();
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), (await fs.readFile(full)).toString('base64'));
  }
  return out;
}

const replace = (text: string | Uint8Array, name = 'talks-v2.txt') => core.api['articles.replace']({ id: articleId, file: { name, base64: b64(text) } });
const list = async () => (await core.api['annotations.list']({ articleId })).annotations;

describe('articles.updateMeta', () => {
  it('changes only the fields given, saves them and the library entry, and says so', async () => {
    const before = (await core.api['articles.get']({ id: articleId })).article;
    const { article } = await core.api['articles.updateMeta']({
      id: articleId,
      patch: { title: '  India, Japan to talk logistics ', outlet: 'The Hindu', published: '2025-05-04', language: 'en-IN' },
    });
    expect(article).toEqual({
      ...before,
      rev: before.rev + 1,
      title: 'India, Japan to talk logistics',
      outlet: 'The Hindu',
      published: '2025-05-04',
      language: 'en-IN',
    });
    expect(ArticleMeta.parse(article)).toEqual(article);
    expect((await core.api['articles.get']({ id: articleId })).article).toEqual(article);
    expect((await core.api['articles.list']({})).articles).toEqual([
      { id: articleId, title: 'India, Japan to talk logistics', source: 'talks.txt', outlet: 'The Hindu', published: '2025-05-04', sha256: sha(V1), importedAt: article.importedAt, archived: false, language: 'en-IN' },
    ]);
    await core.store.flush();
    const saved = JSON.parse(await fs.readFile(path.join(ws, 'articles', articleId, 'article.json'), 'utf8'));
    expect(saved.article).toEqual(article);
    expect(seen).toEqual([{ name: 'workspace.changed', payload: changed('edit', 'article', 'updated', { articleId }) }]);
    const last = (await historyLines()).at(-1)!;
    expect(last).toMatchObject({ op: 'meta.do', label: 'edit article details' });
    expect(last.before).toMatchObject({ title: before.title, outlet: null });
    expect(last.after).toMatchObject({ title: 'India, Japan to talk logistics', outlet: 'The Hindu' });
  });

  it('clears a field with null', async () => {
    await core.api['articles.updateMeta']({ id: articleId, patch: { author: 'A. Reporter' } });
    const { article } = await core.api['articles.updateMeta']({ id: articleId, patch: { author: null } });
    expect(article.author).toBeNull();
  });

  it.each([
    ['a date that is not a calendar date', { published: '2025-02-30' }, /published/],
    ['a language that is not a tag', { language: 'English' }, /language/],
    ['an empty title', { title: '   ' }, /title/i],
  ])('refuses %s (bad-input, naming the field), changing nothing', async (_label, patch, field) => {
    const before = await articleFiles();
    const historyBefore = await core.api['history.state']({});
    const error = await rejection(core.api['articles.updateMeta']({ id: articleId, patch }));
    expect(error.code).toBe('bad-input');
    expect(error.message).toMatch(field);
    expect(await articleFiles()).toEqual(before);
    expect(seen).toEqual([]);
    expect(await core.api['history.state']({})).toEqual(historyBefore);
    const viaContract = await core.dispatch('articles.updateMeta', { id: articleId, patch });
    expect(viaContract).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('never changes the id, the versions or other provenance, whatever the patch holds', async () => {
    const before = (await core.api['articles.get']({ id: articleId })).article;
    const result = await core.dispatch('articles.updateMeta', {
      id: articleId,
      patch: { title: 'New title', id: 'art_other', version: 9, versions: [], importedAt: 'x', sha256: 'f'.repeat(64) },
    });
    expect(result.ok).toBe(true);
    const after = (await core.api['articles.get']({ id: articleId })).article;
    expect(after).toEqual({ ...before, title: 'New title', rev: before.rev + 1 });
  });

  it('says not-found for an unknown article', async () => {
    expect((await rejection(core.api['articles.updateMeta']({ id: 'art_00000000000000000000000000', patch: { title: 'x' } }))).code).toBe('not-found');
  });

  it('is undone and redone, in the article and the library', async () => {
    const before = (await core.api['articles.get']({ id: articleId })).article;
    const { article: edited } = await core.api['articles.updateMeta']({ id: articleId, patch: { title: 'Renamed', author: 'K. Sato' } });
    expect(await core.api['history.state']({})).toEqual({ undo: step('editArticleDetails'), redo: null });
    expect(await core.api['history.undo']({})).toMatchObject({ label: step('editArticleDetails'), articleId });
    expect((await core.api['articles.get']({ id: articleId })).article).toEqual({ ...before, rev: before.rev + 2 });
    expect((await core.api['articles.list']({})).articles[0]!.title).toBe(before.title);
    expect(await core.api['history.redo']({})).toMatchObject({ label: step('editArticleDetails'), articleId });
    expect((await core.api['articles.get']({ id: articleId })).article).toEqual({ ...edited, rev: before.rev + 3 });
    expect((await core.api['articles.list']({})).articles[0]!.title).toBe('Renamed');
    expect((await historyLines()).slice(1).map((l) => l.op)).toEqual(['meta.do', 'meta.undo', 'meta.redo']);
  });
});

describe('articles.replace', () => {
  async function annotateThree() {
    const kept = (await core.api['annotations.createFromQuote']({ articleId, quote: KEPT, comment: 'Who meets', color: 'green' })).annotation;
    const reworded = (await core.api['annotations.createFromQuote']({ articleId, quote: REWORDED, tags: ['agenda'] })).annotation;
    const removed = (await core.api['annotations.createFromQuote']({ articleId, quote: REMOVED, grading: { reliability: 'B', credibility: 2 } })).annotation;
    await core.api['replies.add']({ articleId, annotationId: removed.id, body: 'Check the draft.' });
    return { kept, reworded, removed: (await list()).find((a) => a.id === removed.id)! };
  }

  it('stores the file as version 2, keeps version 1 readable, and re-anchors every annotation', async () => {
    const { kept, reworded, removed } = await annotateThree();
    seen = [];
    const { article, counts } = await replace(V2);

    expect(counts).toEqual({ anchored: 1, drifted: 1, orphaned: 1 });
    expect(article).toMatchObject({ id: articleId, version: 2, title: 'India and Japan to talk logistics', source: 'talks.txt' });
    expect(article.versions).toEqual([
      expect.objectContaining({ version: 1, sha256: sha(V1), original: 'v1/original.txt', source: 'talks.txt', length: V1.length }),
      { version: 2, sha256: sha(V2), importedAt: expect.any(String), source: 'talks-v2.txt', original: 'v2/original.txt', mediaType: 'text/plain', length: V2.length },
    ]);
    expect(ArticleMeta.parse(article)).toEqual(article);
    expect(await core.api['articles.get']({ id: articleId })).toEqual({ article, text: V2 });
    expect(await core.api['articles.versionText']({ id: articleId, version: 1 })).toEqual({ text: V1 });
    expect(await core.api['articles.versionText']({ id: articleId, version: 2 })).toEqual({ text: V2 });
    expect((await core.api['articles.list']({})).articles[0]!.sha256).toBe(sha(V2));

    const after = new Map((await list()).map((a) => [a.id, a]));
    const keptStart = V2.indexOf(KEPT);
    expect(after.get(kept.id)).toMatchObject({
      status: 'anchored',
      comment: 'Who meets',
      color: 'green',
      target: { version: 2, quote: { exact: KEPT }, position: { start: keptStart, end: keptStart + KEPT.length } },
    });
    const rewordedStart = V2.indexOf(REWORDED_V2);
    expect(after.get(reworded.id)).toMatchObject({
      status: 'drifted',
      tags: ['agenda'],
      target: { version: 2, quote: { exact: REWORDED_V2 }, position: { start: rewordedStart, end: rewordedStart + REWORDED_V2.length } },
    });
    expect(after.get(removed.id)).toMatchObject({ status: 'orphaned', target: removed.target, replies: removed.replies, grading: removed.grading });
    expect(after.get(removed.id)!.target.version).toBe(1);
    // Placed highlights first, in the new text's order, then the orphan.
    expect((await list()).map((a) => a.id)).toEqual([kept.id, reworded.id, removed.id]);

    const dir = path.join(ws, 'articles', articleId);
    expect(await fs.readFile(path.join(dir, 'v2', 'original.txt'), 'utf8')).toBe(V2);
    expect(await fs.readFile(path.join(dir, 'v1', 'original.txt'), 'utf8')).toBe(V1);
    expect(seen).toEqual([{ name: 'workspace.changed', payload: changed('edit', 'article', 'updated', { articleId }) }]);
    const lines = (await historyLines()).filter((l) => l.label === 'replace with new version');
    expect(lines.map((l) => l.op)).toEqual(['version.do', 'annotation.do', 'annotation.do', 'annotation.do']);
    expect(lines[0]).toMatchObject({ before: 1, after: 2 });
  });

  it('is one undoable change: undo returns to version 1 with the old annotations, redo to version 2', async () => {
    await annotateThree();
    const v1Article = (await core.api['articles.get']({ id: articleId })).article;
    const v1Annotations = await list();
    const { article: v2Article } = await replace(V2);
    const v2Annotations = await list();
    expect(await core.api['history.state']({})).toEqual({ undo: step('replaceWithNewVersion'), redo: null });
    seen = [];

    expect(await core.api['history.undo']({})).toMatchObject({ label: step('replaceWithNewVersion'), articleId });
    const undone = await core.api['articles.get']({ id: articleId });
    expect(undone.text).toBe(V1);
    expect(undone.article.version).toBe(1);
    expect(undone.article.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await core.api['articles.list']({})).articles[0]!.sha256).toBe(sha(V1));
    const restored = await list();
    expect(restored.map((a) => a.id)).toEqual(v1Annotations.map((a) => a.id));
    restored.forEach((a, i) => {
      // The undo is a change of its own, stamped now by whoever made it; all else is as it was.
      const { rev, modified, ...rest } = a;
      const { rev: oldRev, modified: oldModified, ...old } = v1Annotations[i]!;
      expect(rest).toEqual(old);
      expect(modified >= oldModified).toBe(true);
      expect(rev).toBeGreaterThan(v2Annotations.find((x) => x.id === a.id)!.rev);
      expect(rev).toBeGreaterThan(oldRev);
    });
    // The undone version's text stays readable.
    expect(await core.api['articles.versionText']({ id: articleId, version: 2 })).toEqual({ text: V2 });

    expect(await core.api['history.redo']({})).toMatchObject({ label: step('replaceWithNewVersion'), articleId });
    const redone = await core.api['articles.get']({ id: articleId });
    expect(redone.text).toBe(V2);
    expect(redone.article).toMatchObject({ version: 2, versions: v2Article.versions });
    expect(v1Article.rev).toBeLessThan(redone.article.rev);
    const again = await list();
    expect(again.map(({ rev: _rev, modified: _m, ...rest }) => rest)).toEqual(v2Annotations.map(({ rev: _rev, modified: _m, ...rest }) => rest));
    expect(again.map((a) => a.status)).toEqual(['anchored', 'drifted', 'orphaned']);

    expect(seen.map((e) => e.payload)).toEqual([
      changed('undo', 'article', 'updated', { id: articleId, articleId }),
      changed('redo', 'article', 'updated', { id: articleId, articleId }),
    ]);
    const ops = (await historyLines()).filter((l) => l.label === 'replace with new version').map((l) => l.op);
    expect(ops).toEqual([
      'version.do', 'annotation.do', 'annotation.do', 'annotation.do',
      // Undone in reverse order.
      'annotation.undo', 'annotation.undo', 'annotation.undo', 'version.undo',
      'version.redo', 'annotation.redo', 'annotation.redo', 'annotation.redo',
    ]);
  });

  it('takes a next version after an undone one without reusing its number', async () => {
    await replace(V2);
    await core.api['history.undo']({});
    const v3 = `${V1}\n\nA correction was appended.`;
    const { article } = await replace(v3, 'talks-v3.txt');
    expect(article.version).toBe(3);
    expect(article.versions.map((v) => [v.version, v.original])).toEqual([
      [1, 'v1/original.txt'],
      [2, 'v2/original.txt'],
      [3, 'v3/original.txt'],
    ]);
    expect(article.versions[2]!.mediaType).toBe('text/plain');
    expect((await core.api['articles.get']({ id: articleId })).text).toBe(v3);
    expect(await core.api['history.state']({})).toEqual({ undo: step('replaceWithNewVersion'), redo: null });
  });

  it('counts zero of everything for an article without annotations', async () => {
    expect((await replace(V2)).counts).toEqual({ anchored: 0, drifted: 0, orphaned: 0 });
  });

  it('refuses the bytes of one of the article\u2019s versions, naming the version, and stores nothing', async () => {
    await annotateThree();
    const before = await articleFiles();
    const same = await rejection(replace(V1, 'renamed.txt'));
    expect(same.code).toBe('bad-input');
    expect(same.message).toContain('version 1');
    expect(same.message).toContain('renamed.txt');
    expect(await articleFiles()).toEqual(before);
    expect(await core.api['history.state']({})).toEqual({ undo: step('addReply'), redo: null });
    await replace(V2);
    await core.api['history.undo']({});
    // Version 2 is no longer current but is still one of the article's versions.
    expect((await rejection(replace(V2, 'again.txt'))).message).toContain('version 2');
  });

  it('refuses the bytes of another article, naming it, and stores nothing', async () => {
    const other = 'Another article\n\nIts own text, imported on its own, about something else entirely.';
    const { articles } = await core.api['articles.import']({ files: [{ name: 'other.txt', base64: b64(other) }] });
    const before = await articleFiles();
    seen = [];
    const error = await rejection(replace(other, 'other-copy.txt'));
    expect(error.code).toBe('bad-input');
    expect(error.message).toContain(articles[0]!.id);
    expect(error.message).toContain('Another article');
    expect(await articleFiles()).toEqual(before);
    expect(seen).toEqual([]);
    expect((await core.api['articles.get']({ id: articleId })).article.version).toBe(1);
  });

  it('refuses a file that is not an article, storing nothing', async () => {
    const before = await articleFiles();
    const historyBefore = await core.api['history.state']({});
    const empty = await rejection(replace(''));
    expect(empty.code).toBe('import-failed');
    const stub = await rejection(replace('# Title\n\nToo short.', 'stub.md'));
    expect(stub.code).toBe('import-failed');
    expect(stub.message).toMatch(/not an article/);
    expect(await articleFiles()).toEqual(before);
    expect(await core.api['history.state']({})).toEqual(historyBefore);
  });

  it('re-anchors the highlights rebuilt from the history when the annotations file is damaged', async () => {
    await annotateThree();
    const before = (await core.api['annotations.list']({ articleId })).annotations.map((a) => a.id);
    const file = path.join(ws, 'articles', articleId, 'annotations.json');
    await core.store.close();
    await fs.writeFile(file, '{ damaged');
    core = createCore(await WorkspaceStore.open(ws, {}));
    const { article } = await replace(V2);
    expect(article.version).toBe(2);
    expect((await core.api['annotations.list']({ articleId })).annotations.map((a) => a.id)).toEqual(before);
    expect(core.store.notices).toEqual([expect.stringContaining('was damaged: it was moved to quarantine/')]);
    const [stamp] = await fs.readdir(path.join(ws, 'quarantine'));
    expect(await fs.readFile(path.join(ws, 'quarantine', stamp!, 'articles', articleId, 'annotations.json'), 'utf8')).toBe('{ damaged');
  });

  it('says not-found for an unknown article', async () => {
    const error = await rejection(core.api['articles.replace']({ id: 'art_00000000000000000000000000', file: { name: 'x.txt', base64: b64(V2) } }));
    expect(error.code).toBe('not-found');
  });

  it('keeps the analyst\u2019s edited details when the text is replaced', async () => {
    await core.api['articles.updateMeta']({ id: articleId, patch: { title: 'My title', outlet: 'The Hindu' } });
    const md = `---\ntitle: Stated title\nauthor: Somebody\n---\n\n${V2}`;
    const { article } = await replace(md, 'talks.md');
    expect(article).toMatchObject({ title: 'My title', outlet: 'The Hindu', author: null, version: 2 });
    expect(article.versions[1]).toMatchObject({ mediaType: 'text/markdown', original: 'v2/original.md', source: 'talks.md' });
  });

  it('lets an orphan be re-attached to the new version', async () => {
    const { removed } = await annotateThree();
    await replace(V2);
    const start = V2.indexOf('the Quad');
    const { annotation } = await core.api['annotations.reattach']({ articleId, id: removed.id, start, end: start + 8, exact: 'the Quad' });
    expect(annotation).toMatchObject({ status: 'anchored', target: { version: 2, quote: { exact: 'the Quad' }, position: { start, end: start + 8 } } });
    expect(annotation.replies).toEqual(removed.replies);
  });
});

describe('articles.versionText', () => {
  it('says not-found for a version the article does not have', async () => {
    expect((await rejection(core.api['articles.versionText']({ id: articleId, version: 2 }))).code).toBe('not-found');
    expect((await rejection(core.api['articles.versionText']({ id: 'art_00000000000000000000000000', version: 1 }))).code).toBe('not-found');
  });
});
