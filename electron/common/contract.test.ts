import { describe, expect, it } from 'vitest';
import { CALL_NAME_LIST, EVENT_NAME_LIST } from './callNames';
import { CALL_NAMES, CallResult, contract, events, isCallName, isEventName } from './contract';
import { step } from './model/phrase';

describe('the contract', () => {
  it('lists exactly the calls and events it defines', () => {
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect([...CALL_NAME_LIST].sort()).toEqual(Object.keys(contract).sort());
    expect([...EVENT_NAME_LIST].sort()).toEqual(Object.keys(events).sort());
  });

  it('knows its own call and event names and nothing else, not even Object.prototype\u2019s', () => {
    for (const name of CALL_NAMES) expect(isCallName(name)).toBe(true);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'workspace', '', 'articles.list ']) {
      expect(isCallName(name), name).toBe(false);
      expect(isEventName(name), name).toBe(false);
    }
    expect(isCallName(42)).toBe(false);
    expect(isCallName(null)).toBe(false);
    expect(isEventName('workspace.changed')).toBe(true);
  });

  it('validates requests where they enter the Node side', () => {
    const create = contract['annotations.create'].request;
    expect(create.parse({ articleId: 'art_x', start: 0, end: 4 })).toEqual({ articleId: 'art_x', start: 0, end: 4, comment: '' });
    expect(create.safeParse({ articleId: 'art_x', start: -1, end: 4 }).success).toBe(false);
    expect(create.safeParse({ articleId: 'art_x', start: 0, end: 0 }).success).toBe(false);
    expect(create.safeParse({ articleId: '', start: 0, end: 4 }).success).toBe(false);
    expect(create.safeParse({ articleId: 'art_x', start: 0, end: 4, comment: 'x'.repeat(20_001) }).success).toBe(false);
    expect(contract['annotations.createFromQuote'].request.safeParse({ articleId: 'a', quote: 'q', occurrence: 0 }).success).toBe(false);
    expect(contract['articles.import'].request.safeParse({ files: [] }).success).toBe(false);
    expect(contract['export.brief'].request.safeParse({ articleId: 'a', format: 'rtf' }).success).toBe(false);
    expect(contract['export.brief'].request.safeParse({ source: { articleId: 'a', all: true }, format: 'md' }).success).toBe(false);
    expect(contract['export.brief'].request.safeParse({ source: { all: false }, format: 'md' }).success).toBe(false);
  });

  it('takes a colour, tags and a grading when creating, and only the fields given when updating', () => {
    const create = contract['annotations.create'].request;
    const grading = { reliability: 'B', credibility: 2 } as const;
    expect(create.parse({ articleId: 'art_x', start: 0, end: 4, color: 'green', tags: [' a '], grading })).toEqual({
      articleId: 'art_x',
      start: 0,
      end: 4,
      comment: '',
      color: 'green',
      tags: ['a'],
      grading,
    });
    expect(create.safeParse({ articleId: 'art_x', start: 0, end: 4, grading: { reliability: 'Z', credibility: 2 } }).success).toBe(false);
    expect(contract['annotations.createFromQuote'].request.parse({ articleId: 'a', quote: 'q', tags: ['x'] })).toEqual({
      articleId: 'a',
      quote: 'q',
      comment: '',
      tags: ['x'],
    });
    const update = contract['annotations.update'].request;
    expect(update.parse({ articleId: 'a', id: 'ann_x', color: null })).toEqual({ articleId: 'a', id: 'ann_x', color: null });
    expect(update.parse({ articleId: 'a', id: 'ann_x', baseRev: 3, grading: null })).toEqual({ articleId: 'a', id: 'ann_x', baseRev: 3, grading: null });
    expect(update.safeParse({ articleId: 'a', id: 'ann_x', baseRev: 0 }).success).toBe(false);
    expect(update.safeParse({ articleId: 'a', id: 'ann_x', tags: ['#x'] }).success).toBe(false);
  });

  it('validates the calls for versions, metadata, replies, the palette and undo', () => {
    const file = { name: 'v2.txt', base64: '' };
    expect(contract['articles.replace'].request.safeParse({ id: 'art_x', file }).success).toBe(true);
    expect(contract['articles.replace'].request.safeParse({ id: 'art_x', file: { name: '', base64: '' } }).success).toBe(false);
    expect(contract['articles.versionText'].request.safeParse({ id: 'art_x', version: 1 }).success).toBe(true);
    expect(contract['articles.versionText'].request.safeParse({ id: 'art_x', version: 0 }).success).toBe(false);
    expect(contract['articles.updateMeta'].request.parse({ id: 'art_x', patch: { title: ' New ' } })).toEqual({ id: 'art_x', patch: { title: 'New' } });
    expect(contract['articles.updateMeta'].request.safeParse({ id: 'art_x', patch: { published: '2025-02-30' } }).success).toBe(false);
    expect(contract['annotations.reattach'].request.safeParse({ articleId: 'a', id: 'ann_x', start: 3, end: 4 }).success).toBe(true);
    expect(contract['annotations.reattach'].request.safeParse({ articleId: 'a', id: 'ann_x', start: 3, end: 0 }).success).toBe(false);
    expect(contract['replies.add'].request.safeParse({ articleId: 'a', annotationId: 'ann_x', body: 'ok' }).success).toBe(true);
    expect(contract['replies.add'].request.safeParse({ articleId: 'a', annotationId: 'ann_x', body: 'x'.repeat(20_001) }).success).toBe(false);
    expect(contract['replies.update'].request.safeParse({ articleId: 'a', annotationId: 'ann_x', replyId: '', body: 'ok' }).success).toBe(false);
    expect(contract['replies.delete'].request.safeParse({ articleId: 'a', annotationId: 'ann_x', replyId: 'rep_x' }).success).toBe(true);
    expect(contract['workspace.setPalette'].request.safeParse({ palette: [] }).success).toBe(false);
    expect(contract['workspace.setPalette'].request.safeParse({ palette: [{ key: 'red', label: 'Key date', color: '#e5484d' }] }).success).toBe(true);
    for (const name of ['history.undo', 'history.redo', 'history.state'] as const) {
      expect(contract[name].request.parse({})).toEqual({});
    }
    expect(contract['history.undo'].response.parse({ label: null, articleId: null })).toEqual({ label: null, articleId: null });
    expect(contract['history.state'].response.parse({ undo: step('addHighlight'), redo: null })).toEqual({ undo: step('addHighlight'), redo: null });
  });

  it('answers a replace with a count for every status', () => {
    const response = contract['articles.replace'].response.shape.counts;
    expect(response.safeParse({ anchored: 1, drifted: 0, orphaned: 2 }).success).toBe(true);
    expect(response.safeParse({ anchored: 1, drifted: 0 }).success).toBe(false);
    expect(response.safeParse({ anchored: 1, drifted: 0, orphaned: 0, lost: 1 }).success).toBe(false);
  });

  it('validates event payloads', () => {
    const changed = events['workspace.changed'];
    const record = { subject: 'annotation', kind: 'created', id: 'ann_1', articleId: 'art_1' };
    for (const cause of ['edit', 'undo', 'redo']) expect(changed.safeParse({ cause, changes: [record] }).success, cause).toBe(true);
    expect(changed.safeParse({ cause: 'edit', changes: [] }).success).toBe(false);
    expect(changed.safeParse({ cause: 'later', changes: [record] }).success).toBe(false);
    expect(changed.safeParse({ cause: 'edit', changes: [{ ...record, subject: 'folder' }] }).success).toBe(false);
    expect(changed.safeParse({ cause: 'edit', changes: [{ ...record, kind: 'moved' }] }).success).toBe(false);
    expect(changed.safeParse({ articleId: null, reason: 'article-imported' }).success).toBe(false);
    expect(events['import.progress'].safeParse({ done: 1, total: 2, file: 'a.txt' }).success).toBe(true);
    const command = events['app.command'];
    for (const name of ['import', 'export', 'undo', 'redo']) expect(command.safeParse({ command: name }).success, name).toBe(true);
    expect(command.safeParse({ command: 'quit' }).success).toBe(false);
    expect(isEventName('app.command')).toBe(true);
  });

  it('asks for a note and a revision by id, and lists revisions without their content', () => {
    expect(contract['notes.revisions'].request.safeParse({ id: 'note_x' }).success).toBe(true);
    expect(contract['notes.revision'].request.safeParse({ id: 'note_x' }).success).toBe(false);
    expect(contract['notes.restoreRevision'].request.safeParse({ id: 'note_x', revisionId: '' }).success).toBe(false);
    const listed = { id: 'rev_x', at: '2026-03-02T09:00:00.000Z', contentRev: 3, words: 2, excerpt: 'Two words' };
    expect(contract['notes.revisions'].response.parse({ revisions: [{ ...listed, content: { root: {} }, text: 'Two words' }] })).toEqual({ revisions: [listed] });
    expect(contract['notes.revisions'].response.safeParse({ revisions: [{ ...listed, at: 'yesterday' }] }).success).toBe(false);
  });

  it('describes a call result crossing a process boundary', () => {
    expect(CallResult.safeParse({ ok: true, value: { any: 'thing' } }).success).toBe(true);
    expect(CallResult.safeParse({ ok: false, error: { code: 'not-found', message: 'm', file: '/f' } }).success).toBe(true);
    expect(CallResult.safeParse({ ok: false, error: { code: 'x' } }).success).toBe(false);
    expect(CallResult.safeParse({ ok: 'yes' }).success).toBe(false);
  });
});
