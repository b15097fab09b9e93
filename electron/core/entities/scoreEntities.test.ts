import { describe, expect, it } from 'vitest';
import { prf, scoreEntities } from './scoreEntities';

describe('scoreEntities', () => {
  const labels = [
    { name: 'India', type: 'place' as const, aliases: ['Indian'] },
    { name: 'Quad', type: 'organization' as const, aliases: ['Quadrilateral Security Dialogue'] },
    { name: 'Gen Nakatani', type: 'person' as const, aliases: ['Nakatani'] },
  ];

  it('matches by any name or alias, case-insensitively, each label once', () => {
    const score = scoreEntities(
      [
        { name: 'indian', type: 'place' },
        { name: 'Quadrilateral Security Dialogue', type: 'event' },
        { name: 'India', type: 'place' },
        { name: 'Navies', type: 'other' },
      ],
      labels,
    );
    expect(score.untyped).toEqual({ tp: 2, fp: 2, fn: 1 });
    expect(score.typed).toEqual({ tp: 1, fp: 3, fn: 2 });
    expect(score.missed).toEqual(['Gen Nakatani']);
    expect(score.mistyped).toEqual(['Quad: event≠organization']);
  });

  it('finds the best assignment whatever the order', () => {
    const predicted = [
      { name: 'Nakatani', type: 'person' as const, aliases: ['India'] },
      { name: 'India', type: 'place' as const },
    ];
    expect(scoreEntities(predicted, labels).untyped.tp).toBe(2);
  });

  it('computes precision, recall and F1', () => {
    const r = prf({ tp: 9, fp: 1, fn: 3 });
    expect(r.precision).toBeCloseTo(0.9);
    expect(r.recall).toBeCloseTo(0.75);
    expect(r.f1).toBeCloseTo(2 * 0.9 * 0.75 / 1.65);
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});
