import { describe, expect, it } from 'vitest';
import { GraphFilter } from '../../../electron/common/model/graph';
import { activeFilters, dateProblem, EMPTY_GRAPH_FORM, toGraphFilter } from './graphForm';

describe('toGraphFilter', () => {
  it('asks for everything when nothing is chosen', () => {
    expect(toGraphFilter(EMPTY_GRAPH_FORM)).toEqual({});
    expect(activeFilters(EMPTY_GRAPH_FORM)).toBe(0);
  });

  it('turns every field into the filter the contract accepts', () => {
    const filter = toGraphFilter({ types: ['person', 'place'], relation: 'partner-in', articleId: 'a1', reliability: 'B', credibility: '', from: '2024', to: '2025-05', focusId: 'e1', hops: 3 });
    expect(filter).toEqual({
      entityTypes: ['person', 'place'],
      relationTypes: ['partner-in'],
      articleId: 'a1',
      minGrading: { reliability: 'B', credibility: 6 },
      from: '2024',
      to: '2025-05',
      focus: { entityId: 'e1', hops: 3 },
    });
    expect(GraphFilter.safeParse(filter).success).toBe(true);
    expect(activeFilters({ ...EMPTY_GRAPH_FORM, credibility: '2' })).toBe(1);
  });

  it('leaves out a date still being typed and keeps hops within 1–6', () => {
    expect(toGraphFilter({ ...EMPTY_GRAPH_FORM, from: '20', focusId: 'e1', hops: 40 })).toEqual({ focus: { entityId: 'e1', hops: 6 } });
    expect(dateProblem('2025-13')).toMatch(/YYYY/);
    expect(dateProblem(' 2025-02-28 ')).toBeNull();
  });
});
