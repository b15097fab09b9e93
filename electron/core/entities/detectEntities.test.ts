import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetectedEntity, EntityType } from '../../common/model/entity';
import { sampleArticle } from '../testing/sampleArticle';
import { detectEntities } from './detectEntities';

const sample = sampleArticle().text;

/** The 13 hand-labelled entities of the bundled sample: a name or alias we must produce, and the type. */
const EXPECTED: [string, EntityType][] = [
  ['India', 'place'],
  ['Japan', 'place'],
  ['Rajnath Singh', 'person'],
  ['Gen Nakatani', 'person'],
  ['New Delhi', 'place'],
  ['Ministry of Defence', 'organization'],
  ['Quad', 'organization'],
  ['United States', 'place'],
  ['Australia', 'place'],
  ["ASEAN Defence Ministers' Meeting-Plus", 'event'],
  ['Laos', 'place'],
  ['Reciprocal Provision of Supplies and Services Agreement', 'agreement'],
  ['Indo-Pacific', 'place'],
];

const forms = (e: DetectedEntity): string[] => [e.name, ...e.aliases].map((f) => f.toLowerCase());

describe('detectEntities on the bundled sample', () => {
  const entities = detectEntities(sample);

  it('finds all 13 labelled entities with the right types, and nothing else', () => {
    for (const [name, type] of EXPECTED) {
      const e = entities.find((x) => forms(x).includes(name.toLowerCase()));
      expect(e, name).toBeDefined();
      expect(e!.type, name).toBe(type);
    }
    expect(entities).toHaveLength(EXPECTED.length);
  });

  it('suggests no junk: dates, generic plurals, titles', () => {
    const all = entities.flatMap((e) => [...forms(e), ...e.mentions.map((m) => m.text.toLowerCase())]);
    for (const junk of ['navies', 'monday', 'sunday', 'november', 'defence ministers', 'ministry', '2014']) expect(all).not.toContain(junk);
  });

  it('merges demonyms into countries and keeps the longest mention', () => {
    const japan = entities.find((e) => e.name === 'Japan')!;
    expect(japan.aliases).toContain('Japanese');
    const asean = entities.find((e) => e.type === 'event')!;
    expect(asean.mentions.map((m) => m.text)).toEqual(['ASEAN Defence Ministers’ Meeting-Plus']);
    expect(entities.some((e) => e.name === 'ASEAN')).toBe(false);
  });

  it('keeps "Gen Nakatani" whole with the surname as an alias', () => {
    const gen = entities.find((e) => e.name === 'Gen Nakatani')!;
    expect(gen).toMatchObject({ type: 'person', aliases: ['Nakatani'] });
  });

  it('is sorted by first mention and deterministic', () => {
    const starts = entities.map((e) => e.mentions[0]!.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(detectEntities(sample)).toEqual(entities);
  });
});

describe('detectEntities behaviour', () => {
  it('links a defined acronym both ways and finds its later uses', () => {
    const text = 'Japan and India discussed the Reciprocal Provision of Supplies and Services Agreement (RPSSA). The RPSSA is close.';
    const e = detectEntities(text).find((x) => x.type === 'agreement')!;
    expect(e.name).toBe('Reciprocal Provision of Supplies and Services Agreement');
    expect(e.aliases).toContain('RPSSA');
    expect(e.mentions).toHaveLength(3);
  });

  it('never resolves a name qualified by another country to the bundled body ("Philippine Marine Corps" is not the US Marine Corps)', () => {
    const text = 'Exercise Kamandag\n\nThe Philippine Marine Corps trained with the US Marine Corps near Manila. The Philippine Marine Corps said the drills went well.';
    const bodies = detectEntities(text).filter((e) => e.type === 'organization');
    expect(bodies.map((e) => [e.name, e.aliases])).toEqual([
      ['Philippine Marine Corps', []],
      ['US Marine Corps', []],
    ]);
    // The same body with its own country in front is still the bundled one.
    const treasury = detectEntities('The US Treasury Department acted. The Treasury Department said so.').filter((e) => e.type === 'organization');
    expect(treasury).toHaveLength(1);
  });

  it('resolves surnames to the person named in full', () => {
    const text = 'Defence Minister Rajnath Singh met reporters. Singh said the ministry would decide.';
    const singh = detectEntities(text).find((x) => x.name === 'Rajnath Singh')!;
    expect(singh.mentions.map((m) => m.text)).toEqual(['Rajnath Singh', 'Singh']);
    expect(detectEntities(text).some((e) => /ministry/iu.test(e.name))).toBe(false);
  });

  it('uses only the dictionaries for texts in another language', () => {
    const text = 'Le ministre Jean Dupont a rencontré la délégation du Japon et de l’Inde à Tokyo.';
    expect(detectEntities(text, { language: 'fr' }).map((e) => e.name)).toEqual(['Tokyo']);
  });

  it('handles empty and entity-free texts', () => {
    expect(detectEntities('')).toEqual([]);
    expect(detectEntities('nothing to see here, really.')).toEqual([]);
  });
});

const pieces = [
  'India', 'Japanese', 'U.S.', 'US', 'the Quad', 'Quadrilateral Security Dialogue (Quad)', 'Defence Minister Rajnath Singh',
  'Gen Nakatani', 'Singh', 'ASEAN Defence Ministers’ Meeting-Plus', 'Reciprocal Provision of Supplies and Services Agreement (RPSSA)',
  'RPSSA', 'Ministry of Defence', 'Exercise Malabar', 'Malabar exercise', 'INS Delhi', 'F-16s', 'Monday', 'Navies', 'on Sunday',
  'Kaja Kallas', 'said', 'the', 'and', ',', '.', '(', ')', '—', '“', '”', '’s', "'", '\n', '\n\n', ' ', '  ', '🇯🇵', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'é', 'ÉTAT',
  'PT Dirgantara Indonesia', 'Nordic Response 2025', 'Shahed-type', 'Lai Ching-te', 'Lai', 'al-Burhan', 'S.', 'Jr.',
];

describe('detectEntities offsets (property)', () => {
  it('every mention is text.slice(start, end), mentions never overlap, output is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const entities = detectEntities(text);
        const mentions = entities.flatMap((e) => e.mentions);
        for (const m of mentions) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeGreaterThan(m.start);
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
        const sorted = [...mentions].sort((x, y) => x.start - y.start);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
        const firsts = entities.map((e) => e.mentions[0]!.start);
        expect(firsts).toEqual([...firsts].sort((x, y) => x - y));
        expect(detectEntities(text)).toEqual(entities);
      }),
      { numRuns: 300 },
    );
  });
});
