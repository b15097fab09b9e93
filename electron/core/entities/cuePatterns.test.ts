import { describe, expect, it } from 'vitest';
import { findCuePatterns } from './cuePatterns';
import { run, spans } from './testHelpers';

const found = (text: string): string[] => spans(text, run(text, findCuePatterns));

describe('findCuePatterns', () => {
  it('types a name by the lowercase noun after it', () => {
    expect(found('boats from Zambales province')).toEqual(['Zambales:place']);
    expect(found('18 more Rafale fighter jets')).toEqual(['Rafale:other']);
    expect(found('Hellfire and JAGM missiles')).toEqual(['Hellfire:other', 'JAGM:other']);
    expect(found('under the Foreign Military Sales programme')).toEqual(['Foreign Military Sales:agreement']);
    expect(found('at the Setermoen training area')).toEqual(['Setermoen:place']);
  });

  it('keeps the noun in event and geographic names', () => {
    const [exercise] = run('the Yudh Shakti exercise grew', findCuePatterns);
    expect(exercise).toMatchObject({ name: 'Yudh Shakti', type: 'event' });
    expect(found('the Yudh Shakti exercise grew')).toEqual(['Yudh Shakti exercise:event']);
    expect(found('across the Scandinavian peninsula')).toEqual(['Scandinavian peninsula:place']);
  });

  it('leaves bundled names and demonyms to the gazetteer', () => {
    expect(found('Shandong province')).toEqual([]);
    expect(found('targets agreed at The Hague summit')).toEqual([]);
    expect(found('They met in The Hague. The deal was signed.')).toEqual([]);
    expect(found('Indian warships and Russian Su-30 jets')).toEqual(['Su-30:other']);
  });

  it('finds ships by prefix and after vessel nouns', () => {
    expect(found('the destroyer INS Delhi and HMS Prince of Wales')).toEqual(['INS Delhi:other', 'HMS Prince of Wales:other']);
    expect(found('the Panama-flagged Ocean Falcon and the tanker Star Glory')).toEqual(['Ocean Falcon:other', 'Star Glory:other']);
  });

  it('finds model designations without their plural s, threat actors and resolutions', () => {
    const [f16] = run('American F-16s flew', findCuePatterns);
    expect(f16).toMatchObject({ name: 'F-16', type: 'other' });
    expect(found('96 AH-64E Apache attack helicopters')).toEqual(['AH-64E Apache:other']);
    expect(found('attributed to APT31 and Resolution 2779')).toEqual(['APT31:organization', 'Resolution 2779:other']);
  });

  it('finds event editions, company prefixes and place-named companies', () => {
    expect(found('troops began Nordic Response 2025 in Norway')).toEqual(['Nordic Response 2025:event']);
    expect(found('met in November 2024')).toEqual([]);
    expect(found('built with PT Dirgantara Indonesia')).toEqual(['PT Dirgantara Indonesia:organization']);
    expect(found('suppliers such as Tokyo Electron and Nikon')).toEqual(['Tokyo Electron:organization']);
  });

  it('names the part before -type, -backed and similar endings', () => {
    expect(found('84 Shahed-type drones')).toEqual(['Shahed:other']);
  });
});
