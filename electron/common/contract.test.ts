import { describe, expect, it } from 'vitest';
import { CALL_NAME_LIST, EVENT_NAME_LIST } from './callNames';
import { CALL_NAMES, CallResult, contract, events, isCallName, isEventName } from './contract';

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
    expect(contract['export.brief'].request.safeParse({ articleId: 'a', format: 'html' }).success).toBe(false);
  });

  it('validates event payloads', () => {
    const changed = events['workspace.changed'];
    expect(changed.safeParse({ articleId: null, reason: 'article-imported' }).success).toBe(true);
    expect(changed.safeParse({ articleId: 'a', reason: 'something-else' }).success).toBe(false);
  });

  it('describes a call result crossing a process boundary', () => {
    expect(CallResult.safeParse({ ok: true, value: { any: 'thing' } }).success).toBe(true);
    expect(CallResult.safeParse({ ok: false, error: { code: 'not-found', message: 'm', file: '/f' } }).success).toBe(true);
    expect(CallResult.safeParse({ ok: false, error: { code: 'x' } }).success).toBe(false);
    expect(CallResult.safeParse({ ok: 'yes' }).success).toBe(false);
  });
});
