import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload, RecordChange } from '../common/contract';
import { emptyNoteContent } from '../common/model/note';
import { DEFAULT_PALETTE } from '../common/model/palette';
import { diffRecords } from './changeFeed';
import { createCore, type DossierCore } from './dossierCore';
import { WorkspaceStore } from './store/workspaceStore';
import { step } from '../common/model/phrase';

let tmp: string;
let core: DossierCore;
let feed: EventPayload<'workspace.changed'>[];
const b64 = (s: string) => Buffer.from(s).toString('base64');
const TEXT = 'Ministers meet\n\nRajnath Singh met Gen Nakatani in New Delhi to discuss India and Japan.';

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-feed-'));
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }), { creator: { name: 'Test' } });
  feed = [];
  core.feed.subscribe((change) => feed.push(change));
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The feed since the last call, then forgets it. */
function drain(): EventPayload<'workspace.changed'>[] {
  return feed.splice(0);
}

describe('diffRecords', () => {
  it('names records created, updated and deleted, once each, and not the unchanged ones', () => {
    const before = [{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'c', v: 1 }];
    const after = [{ id: 'a', v: 1 }, { id: 'b', v: 2 }, { id: 'd', v: 1 }];
    expect(diffRecords('entity', 'art_1', before, after)).toEqual<RecordChange[]>([
      { subject: 'entity', kind: 'updated', id: 'b', articleId: 'art_1' },
      { subject: 'entity', kind: 'created', id: 'd', articleId: 'art_1' },
      { subject: 'entity', kind: 'deleted', id: 'c', articleId: 'art_1' },
    ]);
    expect(diffRecords('brief', null, before, before.map((r) => ({ ...r })))).toEqual([]);
  });
});

describe('the change feed', () => {
  it('carries every kind of write with the ids it touched: import, annotation, note, entity, brief, palette', async () => {
    const { articles } = await core.api['articles.import']({ files: [{ name: 'a.txt', base64: b64(TEXT) }] });
    const articleId = articles[0]!.id;
    expect(drain()).toEqual([{ cause: 'edit', changes: [{ subject: 'article', kind: 'created', id: articleId, articleId }] }]);

    const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'New Delhi' });
    await core.api['annotations.update']({ articleId, id: annotation.id, comment: 'Venue' });
    await core.api['annotations.delete']({ articleId, id: annotation.id });
    expect(drain().map((e) => e.changes)).toEqual([
      [{ subject: 'annotation', kind: 'created', id: annotation.id, articleId }],
      [{ subject: 'annotation', kind: 'updated', id: annotation.id, articleId }],
      [{ subject: 'annotation', kind: 'deleted', id: annotation.id, articleId }],
    ]);

    // Typing in a note is saved without an undo step of its own, and still reaches the feed.
    const { note } = await core.api['notes.create']({ title: 'Talks' });
    await core.api['notes.save']({ id: note.id, content: emptyNoteContent(), baseRev: 1 });
    await core.api['notes.update']({ id: note.id, patch: { pinned: true } });
    expect(drain().map((e) => e.changes)).toEqual([
      [{ subject: 'note', kind: 'created', id: note.id, articleId: null }],
      [{ subject: 'note', kind: 'updated', id: note.id, articleId: null }],
      [{ subject: 'note', kind: 'updated', id: note.id, articleId: null }],
    ]);

    const { mention } = await core.api['entities.link']({ articleId, start: TEXT.indexOf('Rajnath'), end: TEXT.indexOf(' met'), name: 'Rajnath Singh', type: 'person' });
    const linked = drain();
    expect(linked).toHaveLength(1);
    expect(linked[0]!.changes).toEqual(
      expect.arrayContaining([
        { subject: 'entity', kind: 'created', id: mention.entityId, articleId: null },
        { subject: 'entity', kind: 'updated', id: mention.entityId, articleId },
      ]),
    );
    const { entity: other } = await core.api['entities.create']({ name: 'R. Singh', type: 'person' });
    drain();
    await core.api['entities.merge']({ sourceId: other.id, targetId: mention.entityId });
    expect(drain()[0]!.changes).toEqual(
      expect.arrayContaining([
        { subject: 'entity', kind: 'deleted', id: other.id, articleId: null },
        { subject: 'entity', kind: 'updated', id: mention.entityId, articleId: null },
      ]),
    );

    const { brief } = await core.api['briefs.create']({ title: 'Weekly' });
    await core.api['workspace.setPalette']({ palette: DEFAULT_PALETTE.map((p, i) => (i === 0 ? { ...p, label: 'Key claim' } : p)) });
    expect(drain().map((e) => e.changes)).toEqual([
      [{ subject: 'brief', kind: 'created', id: brief.id, articleId: null }],
      [{ subject: 'workspace', kind: 'updated', id: 'palette', articleId: null }],
    ]);
  });

  it('names what undo and redo put back, and takes an undone import out as deleted articles', async () => {
    const { articles } = await core.api['articles.import']({
      files: [
        { name: 'a.txt', base64: b64(TEXT) },
        { name: 'b.txt', base64: b64('Second\n\nAnother text.') },
      ],
    });
    drain();
    await core.api['history.undo']({ confirm: true });
    await core.api['history.redo']({});
    const ids = articles.map((a) => a.id);
    expect(drain()).toEqual([
      { cause: 'undo', changes: ids.map((id) => ({ subject: 'article', kind: 'deleted', id, articleId: id })) },
      { cause: 'redo', changes: ids.map((id) => ({ subject: 'article', kind: 'created', id, articleId: id })) },
    ]);
  });

  it('imports files read from disk through the core, with progress and one change', async () => {
    const progress: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'import.progress' && progress.push(payload));
    const sources = ['one', 'two', 'three'].map((n) => ({ name: `/tmp/in/${n}.txt`, bytes: new TextEncoder().encode(`${n}\n\nText of ${n}.`) }));
    const result = await core.importFiles(sources);
    expect(result.articles.map((a) => a.title)).toEqual(['one', 'two', 'three']);
    expect(progress).toEqual([
      { done: 1, total: 3, file: 'one.txt' },
      { done: 2, total: 3, file: 'two.txt' },
      { done: 3, total: 3, file: 'three.txt' },
    ]);
    expect(drain()).toHaveLength(1);
    expect((await core.api['history.state']({})).undo).toEqual(step('importArticles', { count: 3 }));
  });
});
