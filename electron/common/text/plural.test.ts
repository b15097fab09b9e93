import { describe, expect, it } from 'vitest';
import { countOf, nounFor } from './plural';

describe('countOf', () => {
  it('says one thing in the singular and every other count in the plural', () => {
    expect(countOf(1, 'mention')).toBe('1 mention');
    expect(countOf(0, 'mention')).toBe('0 mentions');
    expect(countOf(2, 'mention')).toBe('2 mentions');
    expect(countOf(21, 'article')).toBe('21 articles');
    expect(countOf(1.5, 'word')).toBe('1.5 words');
  });

  it('takes irregular plurals', () => {
    expect(countOf(1, 'reply', 'replies')).toBe('1 reply');
    expect(countOf(3, 'reply', 'replies')).toBe('3 replies');
    expect(countOf(1, 'entity', 'entities')).toBe('1 entity');
    expect(countOf(2, 'entity', 'entities')).toBe('2 entities');
  });

  it('gives the noun alone for labels beside a separate number', () => {
    expect(nounFor(1, 'highlight')).toBe('highlight');
    expect(nounFor(7, 'highlight')).toBe('highlights');
  });
});
