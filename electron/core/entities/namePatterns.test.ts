import { describe, expect, it } from 'vitest';
import { findNamePatterns } from './namePatterns';
import { run, spans } from './testHelpers';

const found = (text: string): string[] => spans(text, run(text, findNamePatterns));

describe('findNamePatterns', () => {
  it('finds head-final names with connectors and types them by the head', () => {
    const text = 'A key focus was a proposed Reciprocal Provision of Supplies and Services Agreement.';
    expect(found(text)).toContain('Reciprocal Provision of Supplies and Services Agreement:agreement');
  });

  it('keeps typographic possessives inside a name', () => {
    const text = 'on the sidelines of the ASEAN Defence Ministers’ Meeting-Plus in Laos';
    expect(found(text)).toContain('ASEAN Defence Ministers’ Meeting-Plus:event');
  });

  it('covers treaties, initiatives, programmes, accords, pacts, summits, dialogues, councils, forces', () => {
    const text =
      'The Mutual Defense Treaty, the Pacific Policing Initiative, the Foreign Military Sales Program, the Abraham Accords, ' +
      'the Warsaw Pact, the Quad Leaders Summit, the Raisina Dialogue, the National Maritime Council and the Rapid Support Forces.';
    expect(found(text)).toEqual([
      'Mutual Defense Treaty:agreement',
      'Pacific Policing Initiative:agreement',
      'Foreign Military Sales Program:agreement',
      'Abraham Accords:agreement',
      'Warsaw Pact:agreement',
      'Quad Leaders Summit:event',
      'Raisina Dialogue:event',
      'National Maritime Council:organization',
      'Rapid Support Forces:organization',
    ]);
  });

  it('finds head-initial names: Ministry of …, Department of …, Bay of …, Treaty on …', () => {
    const text = 'The Ministry of Defence and the Department of Foreign Affairs met near the Bay of Bengal under the Treaty on the Non-Proliferation of Nuclear Weapons.';
    expect(found(text)).toEqual([
      'Ministry of Defence:organization',
      'Department of Foreign Affairs:organization',
      'Bay of Bengal:place',
      'Treaty on the Non-Proliferation of Nuclear Weapons:agreement',
    ]);
  });

  it('continues a name through "of/for/on" but stops at dates', () => {
    expect(found('the Intergovernmental Authority on Development said')).toContain('Intergovernmental Authority on Development:organization');
    expect(found('the Peace and Security Council on Thursday called')).toEqual(['Peace and Security Council:organization']);
  });

  it('names exercises by their bare name and keeps the prefix in the mention', () => {
    const [c] = run('They began Exercise Malabar off Guam.', findNamePatterns);
    expect(c).toMatchObject({ type: 'event', name: 'Malabar' });
  });

  it('does not take a lone head, a title portfolio, or a person before "of the"', () => {
    expect(found('Meeting at the headquarters, leaders agreed.')).toEqual([]);
    expect(found('French Armed Forces Minister Sébastien Lecornu')).toEqual([]);
    expect(found('Rear Admiral Joshua Sims of the US Navy said')).toEqual(['US Navy:organization']);
    expect(found('Leaders of the Group met')).toEqual([]);
  });

  it('drops "The" and ordinary sentence-initial words but keeps capitalised modifiers', () => {
    expect(found('The Royal Australian Navy joined.')).toEqual(['Royal Australian Navy:organization']);
    expect(found('Foreign Ministry spokesman Lin Jian said')).toEqual(['Foreign Ministry:organization']);
  });

  it('gives a country-prefixed bundled body its bundled name', () => {
    const [c] = run('The US Treasury Department acted.', findNamePatterns);
    expect(c).toMatchObject({ name: 'Treasury Department', type: 'organization' });
  });

  it('does not end a name at a head followed by more name words', () => {
    expect(found('the Panama-flagged Ocean Falcon sailed')).toEqual([]);
  });
});
