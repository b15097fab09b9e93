import { describe, expect, it } from 'vitest';
import { DEFAULT_RELATION_TYPES, type RelationView } from '../../../electron/common/model/relation';
import { directedTypes, period, seenFrom } from './relationText';

const relation = (from: string, to: string): RelationView => ({
  id: 'rel_1',
  rev: 1,
  type: 'partner-in',
  label: 'partner in',
  inverse: 'has partner',
  from: { id: from, name: from, type: 'place' },
  to: { id: to, name: to, type: 'organization' },
  start: null,
  end: null,
  grading: null,
  evidence: [],
  flagged: false,
  created: '',
  modified: '',
  createdBy: { name: 'Analyst' },
  modifiedBy: { name: 'Analyst' },
});

describe('relationships as an entity page reads them', () => {
  it('reads one going out by its label, one coming in by its inverse label', () => {
    expect(seenFrom(relation('India', 'Quad'), 'India')).toMatchObject({ label: 'partner in', other: { name: 'Quad' }, incoming: false });
    expect(seenFrom(relation('India', 'Quad'), 'Quad')).toMatchObject({ label: 'has partner', other: { name: 'India' }, incoming: true });
    // After a merge joined both ends, it reads as it was made.
    expect(seenFrom(relation('India', 'India'), 'India')).toMatchObject({ label: 'partner in', incoming: false });
  });

  it('offers each type going out, and coming in only where the inverse reads differently', () => {
    const choices = directedTypes(DEFAULT_RELATION_TYPES);
    expect(choices.filter((c) => c.type === 'partner-in').map((c) => [c.value, c.label])).toEqual([
      ['out:partner-in', 'partner in'],
      ['in:partner-in', 'has partner'],
    ]);
    expect(choices.filter((c) => c.type === 'meets').map((c) => c.value)).toEqual(['out:meets']);
  });

  it('says when a relationship held, at the precision it was given', () => {
    expect(period({ start: '2024-11', end: '2025' })).toBe('2024-11 – 2025');
    expect(period({ start: '2024', end: null })).toBe('from 2024');
    expect(period({ start: null, end: '2025-05-05' })).toBe('until 2025-05-05');
    expect(period({ start: null, end: null })).toBeNull();
  });
});
