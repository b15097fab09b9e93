import { describe, expect, it } from 'vitest';
import { COUNTRIES } from './gazetteer/countries';
import { demonymPlural, gazetteerEntries, lookupGazetteer } from './gazetteer';
import { tokenize } from './tokenize';

const look = (text: string, i = 0): { name: string; type: string; demonym: boolean; to: number } | null => {
  const m = lookupGazetteer(text, tokenize(text), i);
  return m ? { ...m.payload, to: m.to } : null;
};

describe('gazetteer', () => {
  it('holds all 193 UN member states', () => {
    const lines = COUNTRIES.trim().split('\n');
    expect(lines).toHaveLength(193);
    const names = new Set(gazetteerEntries().map((e) => e.name));
    for (const n of ['India', 'Japan', 'Laos', 'Tuvalu', 'Eswatini', 'South Sudan', 'Timor-Leste']) expect(names.has(n)).toBe(true);
  });

  it('resolves demonyms and short forms to the country', () => {
    expect(look('Indian')).toMatchObject({ name: 'India', demonym: true });
    expect(look('Japanese')).toMatchObject({ name: 'Japan', demonym: true });
    for (const form of ['US', 'U.S.', 'USA', 'America', 'American', 'Americans']) expect(look(form)?.name).toBe('United States');
    for (const form of ['UK', 'Britain', 'British']) expect(look(form)?.name).toBe('United Kingdom');
    expect(look('Solomon Islanders')?.name).toBe('Solomon Islands');
  });

  it('covers extra places, capitals, regions and seas', () => {
    for (const [form, name] of [
      ['Taiwan', 'Taiwan'], ['Kosovo', 'Kosovo'], ['Palestinian', 'Palestine'], ['Hong Kong', 'Hong Kong'],
      ['New Delhi', 'New Delhi'], ['Indo-Pacific', 'Indo-Pacific'], ['South China Sea', 'South China Sea'],
      ['Strait of Hormuz', 'Strait of Hormuz'], ['Sahel', 'Sahel'], ['Balkans', 'Balkans'],
    ]) {
      expect(look(form!)).toMatchObject({ name, type: 'place' });
    }
  });

  it('knows organisations by acronym and long form', () => {
    for (const [form, name] of [
      ['UN', 'United Nations'], ['NATO', 'NATO'], ['ASEAN', 'ASEAN'], ['EU', 'European Union'], ['Quad', 'Quad'],
      ['Quadrilateral Security Dialogue', 'Quad'], ['AUKUS', 'AUKUS'], ['BRICS', 'BRICS'], ['G7', 'Group of Seven'],
      ['G20', 'Group of Twenty'], ['SCO', 'Shanghai Cooperation Organisation'], ['IAEA', 'International Atomic Energy Agency'],
      ['WHO', 'World Health Organization'], ['African Union', 'African Union'],
    ]) {
      expect(look(form!)).toMatchObject({ name, type: 'organization' });
    }
  });

  it('is case-sensitive: pronouns and common words are not names', () => {
    expect(look('us')).toBeNull();
    expect(look('who')).toBeNull();
    expect(look('quad')).toBeNull();
  });

  it('prefers the longest name', () => {
    expect(look('Indian Ocean')).toMatchObject({ name: 'Indian Ocean', to: 2 });
    expect(look('South Korean')).toMatchObject({ name: 'South Korea', to: 2 });
  });

  it('reads all-caps datelines', () => {
    expect(look('ADDIS ABABA — The council')).toMatchObject({ name: 'Addis Ababa', to: 2 });
    expect(look('UNITED NATIONS — The council')?.name).toBe('United Nations');
  });

  it('forms demonym plurals only where English has them', () => {
    expect(demonymPlural('Afghan')).toBe('Afghans');
    expect(demonymPlural('Iraqi')).toBe('Iraqis');
    expect(demonymPlural('Chinese')).toBeNull();
    expect(demonymPlural('British')).toBeNull();
  });
});
