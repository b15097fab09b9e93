import { describe, expect, it } from 'vitest';
import { ArticleMeta, IsoDate } from './article';

describe('IsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(IsoDate.safeParse('2025-05-04').success).toBe(true);
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    for (const bad of ['2025-02-29', '2025-02-30', '2025-13-01', '2025-5-4', '04/05/2025', '2025-05-04T00:00:00Z']) {
      expect(IsoDate.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('ArticleMeta', () => {
  const meta = {
    id: 'art_x',
    rev: 1,
    title: 'T',
    source: 'a.txt',
    published: null,
    importedAt: '2025-06-01T00:00:00.000Z',
    sha256: 'f'.repeat(64),
    length: 10,
    original: 'original.txt',
    mediaType: 'text/plain',
  };

  it('requires a title, a lower-case hex sha256 and a real date or null', () => {
    expect(ArticleMeta.safeParse(meta).success).toBe(true);
    expect(ArticleMeta.safeParse({ ...meta, published: '2025-05-04' }).success).toBe(true);
    expect(ArticleMeta.safeParse({ ...meta, published: '2025-02-30' }).success).toBe(false);
    expect(ArticleMeta.safeParse({ ...meta, title: '' }).success).toBe(false);
    expect(ArticleMeta.safeParse({ ...meta, sha256: 'F'.repeat(64) }).success).toBe(false);
    expect(ArticleMeta.safeParse({ ...meta, sha256: 'f'.repeat(63) }).success).toBe(false);
    expect(ArticleMeta.safeParse({ ...meta, length: -1 }).success).toBe(false);
  });
});
