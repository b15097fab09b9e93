import { describe, expect, it } from 'vitest';
import { detectEntities } from './detectEntities';
import { isShortOrAcronym } from './learning';

describe('workspace learning: known and rejected entities', () => {
  it('finds a confirmed entity by name and alias in a later text, with its type', () => {
    const known = [{ name: 'Reciprocal Provision of Supplies and Services Agreement', type: 'agreement' as const, aliases: ['RPSSA', 'RPSS Agreement'] }];
    const text = 'Talks on the RPSSA stalled. Officials said the RPSS Agreement could still be signed.';
    const e = detectEntities(text, { known }).find((x) => x.name === known[0]!.name);
    expect(e).toMatchObject({ type: 'agreement' });
    expect(e!.mentions.map((m) => m.text)).toEqual(['RPSSA', 'RPSS Agreement']);
  });

  it('overrides the built-in reading of a confirmed name', () => {
    const text = 'The Falepili Union took effect.';
    const known = [{ name: 'Falepili Union', type: 'agreement' as const, aliases: [] }];
    expect(detectEntities(text, { known })).toEqual([
      { name: 'Falepili Union', type: 'agreement', aliases: [], mentions: [{ start: 4, end: 18, text: 'Falepili Union' }] },
    ]);
  });

  it('matches short or all-caps forms only in their exact case, and only whole words', () => {
    const known = [{ name: 'Quad', type: 'organization' as const, aliases: [] }, { name: 'Volt Typhoon', type: 'organization' as const, aliases: ['VOLT'] }];
    const names = (text: string): string[] => detectEntities(text, { known }).map((e) => e.name);
    expect(names('a quad bike and Quadrant Ltd')).not.toContain('Quad');
    expect(names('the Quad met')).toContain('Quad');
    expect(names('Analysts say volt typhoon is active')).toContain('Volt Typhoon');
    expect(names('a volt meter')).not.toContain('Volt Typhoon');
    expect(isShortOrAcronym('NATO')).toBe(true);
    expect(isShortOrAcronym('Volt Typhoon')).toBe(false);
  });

  it('never suggests a rejected surface form again, whatever its case', () => {
    const text = 'The Navies met. Defence Minister Rajnath Singh spoke; Singh left for Japan.';
    const plain = detectEntities(text);
    expect(plain.find((e) => e.name === 'Rajnath Singh')!.mentions).toHaveLength(2);
    const after = detectEntities(text, { rejected: ['singh', 'JAPAN'] });
    expect(after.find((e) => e.name === 'Rajnath Singh')!.mentions.map((m) => m.text)).toEqual(['Rajnath Singh']);
    expect(after.find((e) => e.name === 'Rajnath Singh')!.aliases).not.toContain('Singh');
    expect(after.map((e) => e.name)).not.toContain('Japan');
  });

  it('follows changes to the known entities between calls', () => {
    const text = 'Officials at Blue Harbour met the Red Pier delegation.';
    const names = (known: { name: string; type: 'organization' | 'place'; aliases: string[] }[]): string[] => detectEntities(text, { known }).map((e) => `${e.name}:${e.type}`);
    const known = [{ name: 'Blue Harbour', type: 'organization' as const, aliases: [] as string[] }];
    expect(names(known)).toContain('Blue Harbour:organization');
    expect(names([{ ...known[0]!, type: 'place' }])).toContain('Blue Harbour:place');
    expect(names([{ ...known[0]!, aliases: ['Red Pier'] }]).filter((n) => n.startsWith('Blue Harbour'))).toEqual(['Blue Harbour:organization']);
    expect(detectEntities(text, { known: [{ ...known[0]!, aliases: ['Red Pier'] }] }).find((e) => e.name === 'Blue Harbour')!.mentions.map((m) => m.text)).toEqual(['Blue Harbour', 'Red Pier']);
    // Edited in place after a call: the next call still sees the edit.
    known[0]!.aliases.push('Red Pier');
    expect(detectEntities(text, { known }).find((e) => e.name === 'Blue Harbour')!.mentions).toHaveLength(2);
  });
});
