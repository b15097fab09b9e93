import { describe, expect, it } from 'vitest';
import { Annotation, TextPositionSelector, TextQuoteSelector } from './annotation';

const valid = {
  id: 'ann_x',
  rev: 1,
  articleId: 'art_x',
  motivation: 'highlighting',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'Delhi', prefix: 'in New ', suffix: ' on Monday' },
    position: { type: 'TextPositionSelector', start: 7, end: 12 },
  },
  comment: '',
  status: 'anchored',
  created: '2025-06-01T00:00:00.000Z',
  modified: '2025-06-01T00:00:00.000Z',
};

describe('Annotation', () => {
  it('accepts a W3C-style annotation', () => {
    expect(Annotation.parse(valid)).toEqual(valid);
  });

  it('needs a position that ends after it starts, and a non-empty quote', () => {
    expect(TextPositionSelector.safeParse({ type: 'TextPositionSelector', start: 5, end: 5 }).success).toBe(false);
    expect(TextPositionSelector.safeParse({ type: 'TextPositionSelector', start: 6, end: 5 }).success).toBe(false);
    expect(TextPositionSelector.safeParse({ type: 'TextPositionSelector', start: -1, end: 5 }).success).toBe(false);
    expect(TextPositionSelector.safeParse({ type: 'TextPositionSelector', start: 1.5, end: 5 }).success).toBe(false);
    expect(TextQuoteSelector.safeParse({ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }).success).toBe(false);
  });

  it('knows its statuses and motivations only', () => {
    expect(Annotation.safeParse({ ...valid, status: 'lost' }).success).toBe(false);
    expect(Annotation.safeParse({ ...valid, motivation: 'liking' }).success).toBe(false);
    expect(Annotation.safeParse({ ...valid, rev: 0 }).success).toBe(false);
  });
});
