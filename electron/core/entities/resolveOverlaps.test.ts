import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../common/model/entityType';
import { resolveOverlaps } from './resolveOverlaps';
import type { Candidate, CandidateSource } from './types';

const c = (start: number, end: number, source: CandidateSource, type: EntityType = 'organization', blocker = false): Candidate => ({
  start, end, from: 0, to: 1, type, source, key: `${start}-${end}`, blocker,
});

describe('resolveOverlaps', () => {
  it('keeps the longest span', () => {
    const { kept } = resolveOverlaps([c(0, 5, 'gazetteer'), c(0, 38, 'pattern', 'event')], 40);
    expect(kept.map((k) => k.key)).toEqual(['0-38']);
  });

  it('breaks ties by source, then position, whatever the input order', () => {
    const a = [c(0, 4, 'compromise'), c(0, 4, 'gazetteer'), c(10, 14, 'pattern')];
    const one = resolveOverlaps(a, 20).kept;
    const two = resolveOverlaps([...a].reverse(), 20).kept;
    expect(one).toEqual(two);
    expect(one.map((k) => k.source)).toEqual(['gazetteer', 'pattern']);
  });

  it('lets a title block weaker organisation readings inside it but not people or dictionary names', () => {
    const { kept, blocked } = resolveOverlaps([c(0, 30, 'title', 'other', true), c(13, 26, 'pattern'), c(31, 40, 'title', 'person')], 50);
    expect(kept.map((k) => k.key)).toEqual(['31-40']);
    expect(blocked).toHaveLength(1);
    const withGazetteer = resolveOverlaps([c(0, 30, 'title', 'other', true), c(0, 4, 'gazetteer', 'place')], 50);
    expect(withGazetteer.kept.map((k) => k.key)).toEqual(['0-4']);
  });
});
