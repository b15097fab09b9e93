import { describe, expect, it } from 'vitest';
import { ArticleMeta, ArticleSummary, ArticleVersion, currentVersion, EditableMeta } from './article';

const v1: ArticleVersion = {
  version: 1,
  sha256: 'f'.repeat(64),
  importedAt: '2025-06-01T00:00:00.000Z',
  source: 'a.txt',
  original: 'v1/original.txt',
  mediaType: 'text/plain',
  length: 10,
};

const meta: ArticleMeta = {
  id: 'art_x',
  rev: 1,
  title: 'T',
  source: 'a.txt',
  url: null,
  outlet: null,
  author: null,
  published: null,
  language: null,
  importedAt: '2025-06-01T00:00:00.000Z',
  version: 1,
  versions: [v1],
};

describe('ArticleMeta', () => {
  it('requires a title, a real date or null, and at least one version', () => {
    expect(ArticleMeta.safeParse(meta).success).toBe(true);
    expect(ArticleMeta.safeParse({ ...meta, published: '2025-05-04' }).success).toBe(true);
    expect(ArticleMeta.safeParse({ ...meta, published: '2025-02-30' }).success).toBe(false);
    expect(ArticleMeta.safeParse({ ...meta, title: '' }).success).toBe(false);
    expect(ArticleMeta.safeParse({ ...meta, title: '   ' }).success).toBe(false);
    expect(ArticleMeta.safeParse({ ...meta, versions: [] }).success).toBe(false);
    expect(ArticleMeta.safeParse({ ...meta, version: 0 }).success).toBe(false);
    expect(ArticleMeta.safeParse({ ...meta, rev: 0 }).success).toBe(false);
  });

  it('keeps provenance only on the versions: no top-level sha256, length, original or mediaType', () => {
    const parsed = ArticleMeta.parse({ ...meta, sha256: 'f'.repeat(64), length: 10, original: 'original.txt', mediaType: 'text/plain' });
    expect(parsed).toEqual(meta);
    expect(Object.keys(parsed)).not.toEqual(expect.arrayContaining(['sha256']));
  });

  it('requires each version to have a lower-case hex sha256, a positive number and a non-negative length', () => {
    const withVersion = (v: Partial<ArticleVersion>) => ({ ...meta, versions: [{ ...v1, ...v }] });
    expect(ArticleMeta.safeParse(withVersion({ sha256: 'F'.repeat(64) })).success).toBe(false);
    expect(ArticleMeta.safeParse(withVersion({ sha256: 'f'.repeat(63) })).success).toBe(false);
    expect(ArticleMeta.safeParse(withVersion({ length: -1 })).success).toBe(false);
    expect(ArticleMeta.safeParse(withVersion({ version: 0 })).success).toBe(false);
    expect(ArticleMeta.safeParse(withVersion({ length: 0 })).success).toBe(true);
  });
});

describe('EditableMeta', () => {
  const editable: EditableMeta = {
    title: 'India and Japan to talk logistics',
    source: 'talks.txt',
    url: 'https://example.org/talks',
    outlet: 'The Hindu',
    author: 'A. Reporter',
    published: '2025-05-04',
    language: 'en',
  };

  it('accepts what the analyst may correct, nulls included', () => {
    expect(EditableMeta.parse(editable)).toEqual(editable);
    expect(EditableMeta.safeParse({ ...editable, url: null, outlet: null, author: null, published: null, language: null }).success).toBe(true);
  });

  it('trims the title and refuses an empty one with a worded message', () => {
    expect(EditableMeta.parse({ ...editable, title: '  Spaced  ' }).title).toBe('Spaced');
    const empty = EditableMeta.safeParse({ ...editable, title: ' ' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe('The title cannot be empty.');
    expect(EditableMeta.safeParse({ ...editable, title: 'x'.repeat(501) }).success).toBe(false);
  });

  it.each(['en', 'fr', 'ara', 'zh-Hans', 'en-GB', 'sr-Latn-RS'])('accepts the language tag %s', (language) => {
    expect(EditableMeta.safeParse({ ...editable, language }).success).toBe(true);
  });

  it.each(['english', 'e', 'en_GB', 'en-', '12', 'zh-Hans-toolongsubtag'])('refuses the language tag %j, saying what a tag looks like', (language) => {
    const parsed = EditableMeta.safeParse({ ...editable, language });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/language tag/);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(EditableMeta.safeParse({ ...editable, published: '2025-02-30' }).success).toBe(false);
    expect(EditableMeta.safeParse({ ...editable, published: '4 May 2025' }).success).toBe(false);
  });
});

describe('currentVersion', () => {
  const v2: ArticleVersion = { ...v1, version: 2, sha256: 'e'.repeat(64), original: 'v2/original.md', mediaType: 'text/markdown' };

  it('is the version named by `version`, whether or not it is the last', () => {
    expect(currentVersion({ ...meta, version: 2, versions: [v1, v2] })).toEqual(v2);
    expect(currentVersion({ ...meta, version: 1, versions: [v1, v2] })).toEqual(v1);
  });

  it('falls back to the last version when `version` names none', () => {
    expect(currentVersion({ ...meta, version: 7, versions: [v1, v2] })).toEqual(v2);
  });
});

describe('ArticleSummary', () => {
  it('is what the library lists: id, title, source, outlet, dates, the current sha256, whether it is archived and its language', () => {
    const summary = { id: 'art_x', title: 'T', source: 'a.txt', outlet: null, published: null, sha256: 'f'.repeat(64), importedAt: '2025-06-01T00:00:00.000Z', archived: true, language: 'ar' };
    expect(ArticleSummary.parse(summary)).toEqual(summary);
    // A library written before archiving existed lists nothing archived; before languages, none.
    expect(ArticleSummary.parse({ ...summary, archived: undefined }).archived).toBe(false);
    expect(ArticleSummary.parse({ ...summary, language: undefined }).language).toBeNull();
    expect(ArticleSummary.safeParse({ ...summary, published: '2025-02-30' }).success).toBe(false);
    expect(ArticleSummary.safeParse({ ...summary, outlet: undefined }).success).toBe(false);
  });
});
