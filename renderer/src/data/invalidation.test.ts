import { describe, expect, it } from 'vitest';
import type { RecordChange } from '../../../electron/common/contract';
import type { WorkspaceChange } from '../../../electron/common/changes';
import { staleQueries, type StaleQueries } from './invalidation';

const change = (c: Partial<RecordChange> & Pick<RecordChange, 'subject'>, cause: WorkspaceChange['cause'] = 'edit'): WorkspaceChange => ({
  cause,
  changes: [{ kind: 'updated', id: 'x', articleId: null, ...c }],
});

/** Whether a query with this key is refreshed, matched the way the cache matches: by prefix and by the fields given. */
function refreshes(stale: StaleQueries[], key: readonly [string, Record<string, unknown>]): boolean {
  return stale.some(
    ([call, where]) => call === key[0] && Object.entries(where ?? {}).every(([field, value]) => JSON.stringify(key[1][field]) === JSON.stringify(value)),
  );
}

describe('staleQueries: the change feed mapped onto the query cache', () => {
  it('moves the undo and redo state on every change', () => {
    for (const subject of ['article', 'annotation', 'note', 'entity', 'brief', 'relation', 'workspace', 'event'] as const) {
      expect(refreshes(staleQueries(change({ subject })), ['history.state', {}]), subject).toBe(true);
    }
  });

  it("refreshes one article's highlights, and not another's", () => {
    const stale = staleQueries(change({ subject: 'annotation', kind: 'created', id: 'ann_1', articleId: 'art_1' }));
    expect(refreshes(stale, ['annotations.list', { articleId: 'art_1' }])).toBe(true);
    expect(refreshes(stale, ['annotations.list', { articleId: 'art_2' }])).toBe(false);
    expect(refreshes(stale, ['articles.get', { id: 'art_1' }])).toBe(false);
    expect(refreshes(stale, ['entities.page', { id: 'ent_1' }])).toBe(true);
    expect(refreshes(stale, ['notes.list', { filter: {} }])).toBe(false);
  });

  it('refreshes the library, the article and its suggestions when an article changes (a new version, an undone import)', () => {
    for (const kind of ['created', 'updated', 'deleted'] as const) {
      const stale = staleQueries(change({ subject: 'article', kind, id: 'art_1', articleId: 'art_1' }, 'undo'));
      expect(refreshes(stale, ['articles.list', {}])).toBe(true);
      expect(refreshes(stale, ['articles.trashed', {}])).toBe(true);
      expect(refreshes(stale, ['workspace.info', {}])).toBe(true);
      expect(refreshes(stale, ['articles.get', { id: 'art_1' }])).toBe(true);
      expect(refreshes(stale, ['articles.get', { id: 'art_2' }])).toBe(false);
      expect(refreshes(stale, ['entities.forArticle', { articleId: 'art_1' }])).toBe(true);
      expect(refreshes(stale, ['annotations.list', { articleId: 'art_1' }])).toBe(true);
      expect(refreshes(stale, ['entities.list', {}])).toBe(kind !== 'updated');
    }
  });

  it('refreshes entity lists, pages, mentions and the names of @mentions when an entity changes', () => {
    const stale = staleQueries(change({ subject: 'entity', id: 'ent_1', articleId: 'art_1' }));
    expect(refreshes(stale, ['entities.list', {}])).toBe(true);
    expect(refreshes(stale, ['entities.page', { id: 'ent_2' }])).toBe(true);
    expect(refreshes(stale, ['entities.resolve', { ids: ['ent_1'] }])).toBe(true);
    expect(refreshes(stale, ['entities.forArticle', { articleId: 'art_9' }])).toBe(true);
    expect(refreshes(stale, ['annotations.list', { articleId: 'art_1' }])).toBe(false);
  });

  it("refreshes every article's entity review when the rejected names change (a colleague's rejection, synced)", () => {
    const stale = staleQueries(change({ subject: 'workspace', id: 'entity-rejections' }));
    expect(refreshes(stale, ['entities.forArticle', { articleId: 'art_9' }])).toBe(true);
    expect(refreshes(stale, ['workspace.info', {}])).toBe(false);
  });

  it('refreshes relationships when one changes, when their highlights or entities change, and the vocabulary when it does', () => {
    const relation = staleQueries(change({ subject: 'relation', kind: 'created', id: 'rel_1' }));
    expect(refreshes(relation, ['relations.list', { entityId: 'ent_1' }])).toBe(true);
    expect(refreshes(relation, ['search.query', { query: 'quad' }])).toBe(true);
    expect(refreshes(relation, ['entities.page', { id: 'ent_1' }])).toBe(false);
    // Evidence shows as its highlight stands (deleted, orphaned by a new version), ends by their names now.
    expect(refreshes(staleQueries(change({ subject: 'annotation', id: 'ann_1', articleId: 'art_1' })), ['relations.list', { articleId: 'art_1' }])).toBe(true);
    expect(refreshes(staleQueries(change({ subject: 'entity', id: 'ent_1' })), ['relations.list', {}])).toBe(true);
    const types = staleQueries(change({ subject: 'workspace', id: 'relation-types' }));
    expect(refreshes(types, ['relations.types', {}])).toBe(true);
    expect(refreshes(types, ['relations.list', {}])).toBe(true);
    expect(refreshes(staleQueries(change({ subject: 'workspace', id: 'palette' })), ['relations.types', {}])).toBe(false);
  });

  it('refreshes suggested relationships when relationships, dismissals, mentions, highlights or the vocabulary change', () => {
    const suggested = (c: Parameters<typeof change>[0]) => refreshes(staleQueries(change(c)), ['relations.suggestions', { articleId: 'art_1' }]);
    expect(suggested({ subject: 'relation', kind: 'deleted', id: 'rs:art_1:ent_a:ent_b:meets:0', articleId: 'art_1' })).toBe(true);
    expect(suggested({ subject: 'entity', id: 'ent_1', articleId: 'art_1' })).toBe(true);
    expect(suggested({ subject: 'annotation', id: 'ann_1', articleId: 'art_1' })).toBe(true);
    expect(suggested({ subject: 'workspace', id: 'relation-types' })).toBe(true);
    expect(suggested({ subject: 'note', id: 'note_1' })).toBe(false);
  });

  it("refreshes note lists, tags, that note and its list of versions, not another note's", () => {
    const stale = staleQueries(change({ subject: 'note', id: 'note_1' }));
    expect(refreshes(stale, ['notes.list', { filter: { articleId: 'art_1' } }])).toBe(true);
    expect(refreshes(stale, ['notes.list', { filter: {} }])).toBe(true);
    expect(refreshes(stale, ['notes.tags', {}])).toBe(true);
    expect(refreshes(stale, ['notes.get', { id: 'note_1' }])).toBe(true);
    expect(refreshes(stale, ['notes.get', { id: 'note_2' }])).toBe(false);
    expect(refreshes(stale, ['notes.revisions', { id: 'note_1' }])).toBe(true);
    expect(refreshes(stale, ['notes.revisions', { id: 'note_2' }])).toBe(false);
    expect(refreshes(stale, ['notes.revision', { id: 'note_1', revisionId: 'rev_1' }])).toBe(false);
    expect(refreshes(stale, ['briefs.list', {}])).toBe(false);
  });

  it('refreshes briefs on a brief change, and the palette on a workspace change', () => {
    const brief = staleQueries(change({ subject: 'brief', id: 'brief_1' }));
    expect(refreshes(brief, ['briefs.list', {}])).toBe(true);
    expect(refreshes(brief, ['briefs.get', { id: 'brief_1' }])).toBe(true);
    expect(refreshes(brief, ['briefs.get', { id: 'brief_2' }])).toBe(false);
    expect(refreshes(brief, ['articles.list', {}])).toBe(false);
    const palette = staleQueries(change({ subject: 'workspace', id: 'palette' }));
    expect(refreshes(palette, ['workspace.info', {}])).toBe(true);
    expect(refreshes(palette, ['annotations.list', { articleId: 'art_1' }])).toBe(false);
  });

  it('refreshes search results when anything searchable changes, relationships and their types too, not on a brief or the palette', () => {
    for (const subject of ['article', 'annotation', 'note', 'entity', 'relation'] as const) {
      expect(refreshes(staleQueries(change({ subject })), ['search.query', { query: 'x' }]), subject).toBe(true);
    }
    // A relationship's result shows its type's label.
    expect(refreshes(staleQueries(change({ subject: 'workspace', id: 'relation-types' })), ['search.query', { query: 'x' }])).toBe(true);
    expect(refreshes(staleQueries(change({ subject: 'brief' })), ['search.query', { query: 'x' }])).toBe(false);
    expect(refreshes(staleQueries(change({ subject: 'workspace', id: 'palette' })), ['search.query', { query: 'x' }])).toBe(false);
    expect(refreshes(staleQueries(change({ subject: 'event', id: 'evt_1', articleId: 'art_1' })), ['search.query', { query: 'x' }])).toBe(false);
  });

  it("refreshes the timeline and that article's suggested dates when an event changes or a date is dismissed", () => {
    const stale = staleQueries(change({ subject: 'event', kind: 'deleted', id: 'd1234', articleId: 'art_1' }));
    expect(refreshes(stale, ['timeline.list', {}])).toBe(true);
    expect(refreshes(stale, ['timeline.list', { entityId: 'ent_1' }])).toBe(true);
    expect(refreshes(stale, ['timeline.suggestions', { articleId: 'art_1' }])).toBe(true);
    expect(refreshes(stale, ['timeline.suggestions', { articleId: 'art_2' }])).toBe(false);
    expect(refreshes(stale, ['annotations.list', { articleId: 'art_1' }])).toBe(false);
    // A new version or publication date moves the article's dates; an entity renamed or merged renames them everywhere.
    expect(refreshes(staleQueries(change({ subject: 'article', id: 'art_2', articleId: 'art_2' })), ['timeline.suggestions', { articleId: 'art_2' }])).toBe(true);
    expect(refreshes(staleQueries(change({ subject: 'entity', id: 'ent_1' })), ['timeline.suggestions', { articleId: 'art_3' }])).toBe(true);
  });

  it('refreshes after a change synced in from another workspace exactly as after an edit here', () => {
    for (const subject of ['article', 'annotation', 'note', 'entity', 'brief', 'relation', 'workspace', 'event'] as const) {
      for (const kind of ['created', 'updated', 'deleted'] as const) {
        const record = { subject, kind, id: 'x_1', articleId: subject === 'annotation' || subject === 'event' ? 'art_1' : null };
        expect(staleQueries(change(record, 'sync')), `${subject} ${kind}`).toEqual(staleQueries(change(record, 'edit')));
      }
    }
  });

  it('names each query once, however many records of a kind changed', () => {
    const stale = staleQueries({
      cause: 'redo',
      changes: [
        { subject: 'entity', kind: 'updated', id: 'ent_1', articleId: 'art_1' },
        { subject: 'entity', kind: 'updated', id: 'ent_2', articleId: 'art_1' },
      ],
    });
    const texts = stale.map((k) => JSON.stringify(k));
    expect(new Set(texts).size).toBe(texts.length);
  });
});
