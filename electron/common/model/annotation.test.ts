import { describe, expect, it } from 'vitest';
import {
  Annotation,
  AnnotationPatch,
  CREDIBILITY_LABELS,
  Grading,
  MAX_COMMENT_LENGTH,
  RELIABILITY_LABELS,
  Reply,
  Tag,
  TextPositionSelector,
  TextQuoteSelector,
} from './annotation';

const reply = {
  id: 'rep_x',
  body: 'Checked with the embassy.',
  creator: { name: 'Sam' },
  created: '2025-06-02T00:00:00.000Z',
  modified: '2025-06-02T00:00:00.000Z',
};

const valid = {
  id: 'ann_x',
  rev: 1,
  articleId: 'art_x',
  motivation: 'highlighting',
  target: {
    version: 1,
    quote: { type: 'TextQuoteSelector', exact: 'Delhi', prefix: 'in New ', suffix: ' on Monday' },
    position: { type: 'TextPositionSelector', start: 7, end: 12 },
  },
  comment: '',
  color: null,
  tags: [],
  grading: null,
  replies: [],
  creator: { name: 'Analyst' },
  modifiedBy: { name: 'Analyst' },
  status: 'anchored',
  created: '2025-06-01T00:00:00.000Z',
  modified: '2025-06-01T00:00:00.000Z',
};

describe('Annotation', () => {
  it('accepts a W3C-style annotation', () => {
    expect(Annotation.parse(valid)).toEqual(valid);
  });

  it('accepts a colour, tags, an Admiralty grading and replies', () => {
    const rich = { ...valid, color: 'green', tags: ['logistics', 'Quad'], grading: { reliability: 'B', credibility: 2 }, replies: [reply] };
    expect(Annotation.parse(rich)).toEqual(rich);
  });

  it('needs the version its selectors point into', () => {
    const { version: _version, ...target } = valid.target;
    expect(Annotation.safeParse({ ...valid, target }).success).toBe(false);
    expect(Annotation.safeParse({ ...valid, target: { ...valid.target, version: 0 } }).success).toBe(false);
  });

  it('needs a creator with a name', () => {
    expect(Annotation.safeParse({ ...valid, creator: { name: '' } }).success).toBe(false);
    const { creator: _creator, ...anonymous } = valid;
    expect(Annotation.safeParse(anonymous).success).toBe(false);
  });

  it('needs a position that ends after it starts, and a non-empty quote', () => {
    expect(TextPositionSelector.safeParse({ type: 'TextPositionSelector', start: 5, end: 5 }).success).toBe(false);
    expect(TextPositionSelector.safeParse({ type: 'TextPositionSelector', start: 6, end: 5 }).success).toBe(false);
    expect(TextPositionSelector.safeParse({ type: 'TextPositionSelector', start: -1, end: 5 }).success).toBe(false);
    expect(TextPositionSelector.safeParse({ type: 'TextPositionSelector', start: 1.5, end: 5 }).success).toBe(false);
    expect(TextQuoteSelector.safeParse({ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }).success).toBe(false);
  });

  it('knows its statuses and motivations only', () => {
    for (const status of ['anchored', 'drifted', 'orphaned']) expect(Annotation.safeParse({ ...valid, status }).success, status).toBe(true);
    expect(Annotation.safeParse({ ...valid, status: 'lost' }).success).toBe(false);
    expect(Annotation.safeParse({ ...valid, motivation: 'liking' }).success).toBe(false);
    expect(Annotation.safeParse({ ...valid, rev: 0 }).success).toBe(false);
  });
});

describe('Grading', () => {
  it('is a reliability A–F and a credibility 1–6, each with a label', () => {
    for (const reliability of ['A', 'B', 'C', 'D', 'E', 'F'] as const) {
      for (const credibility of [1, 2, 3, 4, 5, 6] as const) {
        expect(Grading.safeParse({ reliability, credibility }).success).toBe(true);
        expect(CREDIBILITY_LABELS[credibility]).toBeTruthy();
      }
      expect(RELIABILITY_LABELS[reliability]).toBeTruthy();
    }
    expect(RELIABILITY_LABELS.B).toBe('Usually reliable');
    expect(CREDIBILITY_LABELS[2]).toBe('Probably true');
  });

  it.each([
    { reliability: 'G', credibility: 1 },
    { reliability: 'a', credibility: 1 },
    { reliability: 'A', credibility: 0 },
    { reliability: 'A', credibility: 7 },
    { reliability: 'A', credibility: '1' },
    { reliability: 'A' },
  ])('refuses %j', (grading) => {
    expect(Grading.safeParse(grading).success).toBe(false);
  });
});

describe('Tag', () => {
  it('trims and accepts words of any script', () => {
    expect(Tag.parse('  logistics ')).toBe('logistics');
    expect(Tag.parse('ВМС Индии')).toBe('ВМС Индии');
    expect(Tag.parse('国防')).toBe('国防');
  });

  it.each(['', '   ', 'a,b', '#hashtag', 'x'.repeat(61)])('refuses %j', (tag) => {
    expect(Tag.safeParse(tag).success).toBe(false);
  });
});

describe('Reply', () => {
  it('needs a non-empty body no longer than a comment, and a creator', () => {
    expect(Reply.parse(reply)).toEqual(reply);
    expect(Reply.safeParse({ ...reply, body: '' }).success).toBe(false);
    expect(Reply.safeParse({ ...reply, body: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }).success).toBe(false);
    expect(Reply.safeParse({ ...reply, creator: {} }).success).toBe(false);
  });
});

describe('AnnotationPatch', () => {
  it('leaves out what is not changed, and clears colour and grading with null', () => {
    expect(AnnotationPatch.parse({})).toEqual({});
    expect(AnnotationPatch.parse({ color: null, grading: null })).toEqual({ color: null, grading: null });
    expect(AnnotationPatch.parse({ comment: 'c', color: 'red', tags: [' a '], grading: { reliability: 'C', credibility: 3 } })).toEqual({
      comment: 'c',
      color: 'red',
      tags: ['a'],
      grading: { reliability: 'C', credibility: 3 },
    });
  });

  it('refuses an over-long comment, too many tags and a bad tag', () => {
    expect(AnnotationPatch.safeParse({ comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }).success).toBe(false);
    expect(AnnotationPatch.safeParse({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }).success).toBe(false);
    expect(AnnotationPatch.safeParse({ tags: ['a,b'] }).success).toBe(false);
    expect(AnnotationPatch.safeParse({ color: 'x'.repeat(41) }).success).toBe(false);
  });
});
