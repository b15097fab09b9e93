import { describe, expect, it } from 'vitest';
import { acronymCandidates, findAcronymDefinitions, fitsAcronym } from './acronyms';
import { analyze } from './analysis';
import { spanText } from './candidate';

const defs = (text: string): string[] => {
  const a = analyze(text);
  return findAcronymDefinitions(a).map((d) => `${spanText(text, a.tokens, d.longFrom, d.longTo)} = ${a.tokens[d.acronym]!.text}`);
};

describe('acronyms', () => {
  it('checks that an acronym can abbreviate a long form', () => {
    expect(fitsAcronym('RPSSA', 'Reciprocal Provision of Supplies and Services Agreement')).toBe(true);
    expect(fitsAcronym('Quad', 'Quadrilateral Security Dialogue')).toBe(true);
    expect(fitsAcronym('ADMM-Plus', "ASEAN Defence Ministers' Meeting-Plus")).toBe(true);
    expect(fitsAcronym('KMT', 'Hou Yu-ih')).toBe(false);
  });

  it('finds "Long Form (ACR)" and picks the shortest fitting long form', () => {
    expect(defs('the Quadrilateral Security Dialogue (Quad) met')).toEqual(['Quadrilateral Security Dialogue = Quad']);
    expect(defs('a Reciprocal Provision of Supplies and Services Agreement (RPSSA) would')).toEqual(['Reciprocal Provision of Supplies and Services Agreement = RPSSA']);
    expect(defs('Hou Yu-ih of the Kuomintang (KMT), which')).toEqual(['Kuomintang = KMT']);
    expect(defs("Japan's Ministry of Economy, Trade and Industry (METI) added")).toEqual(['Ministry of Economy, Trade and Industry = METI']);
    expect(defs('the UK Maritime Trade Operations agency (UKMTO) said')).toEqual(['UK Maritime Trade Operations = UKMTO']);
  });

  it('finds the reverse form "ACR (Long Form)"', () => {
    expect(defs('The RPSSA (Reciprocal Provision of Supplies and Services Agreement) is')).toEqual(['Reciprocal Provision of Supplies and Services Agreement = RPSSA']);
  });

  it('accepts a non-fitting acronym after a recognised name (translated names)', () => {
    const text = 'the Security Service of Ukraine (SBU) said';
    const a = analyze(text);
    const [def] = findAcronymDefinitions(a, [{ from: 1, to: 5 }]);
    expect(def && spanText(text, a.tokens, def.longFrom, def.longTo)).toBe('Security Service of Ukraine');
  });

  it('links every standalone use of the acronym, before or after the definition', () => {
    const text = 'RPSSA talks went on. A Reciprocal Provision of Supplies and Services Agreement (RPSSA) would follow; the RPSSA matters.';
    const a = analyze(text);
    const [def] = findAcronymDefinitions(a);
    const positions = new Map<string, number[]>();
    a.tokens.forEach((t, i) => positions.set(t.text, [...(positions.get(t.text) ?? []), i]));
    const cands = acronymCandidates(a, def!, 'agreement', positions);
    expect(cands.map((c) => text.slice(c.start, c.end))).toEqual([
      'Reciprocal Provision of Supplies and Services Agreement',
      'RPSSA',
      'RPSSA',
      'RPSSA',
    ]);
    expect(new Set(cands.map((c) => c.key)).size).toBe(1);
  });
});
