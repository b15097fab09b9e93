import { describe, expect, it } from 'vitest';
import { totalOf } from '../electron/core/relations/scoreSuggestions';
import { evaluateRelations } from './evalRelations';

/**
 * The relationship benchmark as a floor: suggestions are questions put to the analyst, so
 * precision is held high everywhere; recall on the held-out texts is what carries over to news
 * the cues were not written for (see bench/relations/README.md for the first-run score).
 */
describe('relationship suggestion benchmark', () => {
  const results = evaluateRelations();
  const total = (set: string) => totalOf(results.filter((r) => r.set === set).map((r) => r.score));

  it('finds every labelled relationship of the sample and suggests nothing else', () => {
    expect(total('sample')).toMatchObject({ precision: 1, recall: 1 });
  });

  it('keeps precision on the development and held-out texts', () => {
    expect(total('dev').precision).toBeGreaterThanOrEqual(0.95);
    expect(total('heldout').precision).toBeGreaterThanOrEqual(0.9);
    expect(total('dev').recall).toBeGreaterThanOrEqual(0.9);
    expect(total('heldout').recall).toBeGreaterThanOrEqual(0.8);
  });
});
