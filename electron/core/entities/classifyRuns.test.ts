import { describe, expect, it } from 'vitest';
import { analyze } from './analysis';
import { classifyRuns } from './classifyRuns';
import { findResidualRuns } from './residualRuns';
import type { Candidate } from './types';

const classify = (text: string): string[] => {
  const a = analyze(text);
  const out: Candidate[] = classifyRuns(a, findResidualRuns(a, new Uint8Array(a.tokens.length)), []);
  return out.map((c) => `${text.slice(c.start, c.end)}:${c.type}`);
};

describe('classifyRuns', () => {
  it('uses name lexicons for people', () => {
    expect(classify('Kaja Kallas, the bloc’s foreign policy chief, said')).toEqual(['Kaja Kallas:person']);
    expect(classify('the talks between Wang Yi and others')).toEqual(['Wang Yi:person']);
  });

  it('resolves short references to people named anywhere in the text', () => {
    expect(classify('Lai Ching-te won. Lai, currently vice president, thanked voters.')).toEqual(['Lai Ching-te:person', 'Lai:person']);
  });

  it('reads places from prepositions and coordination, organisations from "analysts at"', () => {
    expect(classify('patrols in Depsang and Demchok resumed')).toEqual(['Depsang:place', 'Demchok:place']);
    expect(classify('according to analysts at Bernstein')).toEqual(['Bernstein:organization']);
    expect(classify('deaths attributed to JNIM rose')).toEqual(['JNIM:organization']);
  });

  it('reads appositives and datelines', () => {
    expect(classify('concluded Freedom Edge, a trilateral exercise with allies')).toEqual(['Freedom Edge:event']);
    expect(classify('KANANASKIS — Leaders met')).toEqual(['KANANASKIS:place']);
  });

  it('drops adjectives of regions, compass words and generic acronyms', () => {
    expect(classify('barred from European ports and Western partners in the North with GDP data')).toEqual([]);
  });
});
