import { describe, expect, it } from 'vitest';
import { detectEntities } from './detectEntities';
import { initialsOf } from './implicitAcronyms';

describe('implicit acronyms', () => {
  it('spells initials without connectors, possessives or hyphen joins', () => {
    expect(initialsOf('Rapid Support Forces')).toBe('RSF');
    expect(initialsOf("People's Liberation Army")).toBe('PLA');
    expect(initialsOf('Japan Maritime Self-Defense Force')).toBe('JMSDF');
    expect(initialsOf('Office of the High Commissioner')).toBe('OHC');
  });

  it('links an undefined acronym to the one name whose initials spell it', () => {
    const text = 'The paramilitary Rapid Support Forces advanced. The RSF denied it.';
    const rsf = detectEntities(text).find((e) => e.name === 'Rapid Support Forces')!;
    expect(rsf.mentions.map((m) => m.text)).toEqual(['Rapid Support Forces', 'RSF']);
    expect(rsf.type).toBe('organization');
  });

  it('leaves it alone when two names fit', () => {
    const text = 'The Rapid Support Forces and the Royal Saudi Fleet met. The RSF left.';
    expect(detectEntities(text).some((e) => e.name === 'RSF')).toBe(true);
  });
});
