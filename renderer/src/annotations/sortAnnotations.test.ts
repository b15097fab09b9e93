import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../electron/common/model/annotation';
import { annotationFilter, NO_COLOUR, sortAnnotations } from './sortAnnotations';

const annotation = (id: string, start: number, exact: string, fields: Partial<Annotation> = {}): Annotation =>
  ({
    id,
    target: { version: 1, quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } },
    comment: '',
    color: null,
    tags: [],
    grading: null,
    replies: [],
    created: '2025-01-01T00:00:00.000Z',
    ...fields,
  }) as Annotation;

const list = [
  annotation('a', 300, 'Troops crossed the river', { grading: { reliability: 'B', credibility: 2 }, created: '2025-01-03T00:00:00.000Z' }),
  annotation('b', 10, 'The talks opened in Délhi', { color: 'yellow', comment: 'Venue confirmed', created: '2025-01-05T00:00:00.000Z' }),
  annotation('c', 120, 'A pipeline deal', { grading: { reliability: 'A', credibility: 3 }, tags: ['energy'], color: 'green' }),
  annotation('d', 120, 'A pipeline deal was signed', {
    grading: { reliability: 'B', credibility: 1 },
    replies: [{ id: 'r', body: 'Source is the ministry', creator: { name: 'x' }, created: '', modified: '' }] as Annotation['replies'],
  }),
];
const ids = (annotations: Annotation[]) => annotations.map((a) => a.id);

describe('the highlights order', () => {
  it('follows the text: by start, then by end', () => {
    expect(ids(sortAnnotations(list, 'position'))).toEqual(['b', 'c', 'd', 'a']);
  });

  it('puts the newest first, ties in the order of the text', () => {
    expect(ids(sortAnnotations(list, 'newest'))).toEqual(['b', 'a', 'c', 'd']);
  });

  it('puts the most reliable source first, then the most credible information, ungraded last', () => {
    expect(ids(sortAnnotations(list, 'grading'))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('does not change the list it is given', () => {
    const copy = [...list];
    sortAnnotations(list, 'grading');
    expect(list).toEqual(copy);
  });
});

describe('the highlights filter', () => {
  const shown = (typed: string, colour = '') => {
    const match = annotationFilter(typed, colour);
    return match ? ids(list.filter(match)) : null;
  };

  it('is off with nothing typed and any colour', () => {
    expect(shown('')).toBeNull();
  });

  it('finds words in the quote, the comment, the tags and the replies, ignoring accents', () => {
    expect(shown('delhi')).toEqual(['b']);
    expect(shown('venue')).toEqual(['b']);
    expect(shown('energy')).toEqual(['c']);
    expect(shown('ministry')).toEqual(['d']);
    expect(shown('pipe deal')).toEqual(['c', 'd']);
  });

  it('narrows to one colour, the default colour included', () => {
    expect(shown('', 'green')).toEqual(['c']);
    expect(shown('', NO_COLOUR)).toEqual(['a', 'd']);
    expect(shown('pipeline', NO_COLOUR)).toEqual(['d']);
  });
});
