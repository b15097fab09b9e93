import { describe, expect, it } from 'vitest';
import { sampleArticle } from '../testing/sampleArticle';
import { nameKey } from './candidate';
import { detectEntities } from './detectEntities';
import { findKnownMentions } from './knownMentions';
import type { KnownEntity } from './types';

const sample = sampleArticle().text;

const linked = (text: string, known: KnownEntity[], rejected: string[] = []) =>
  findKnownMentions(text, { known, rejected }).map((m) => [m.text, known[m.entity]!.name]);

describe('findKnownMentions', () => {
  it('finds names and aliases as whole words, long forms in any case, short ones only as written', () => {
    const known: KnownEntity[] = [
      { name: 'India', type: 'place', aliases: ['Republic of India'] },
      { name: 'Quad', type: 'organization', aliases: [] },
    ];
    const text = 'The Republic of India joined the Quad. In Indiana, the republic of india was a quad bike away. INDIA said so; India agreed.';
    expect(linked(text, known)).toEqual([
      ['Republic of India', 'India'],
      ['Quad', 'Quad'],
      ['republic of india', 'India'],
      // The bundled dictionary reads all-caps words as datelines do, as detection does.
      ['INDIA', 'India'],
      ['India', 'India'],
    ]);
  });

  it('never links a body qualified by another country to its namesake ("Philippine Marine Corps" is not the US Marine Corps)', () => {
    const known: KnownEntity[] = [{ name: 'US Marine Corps', type: 'organization', aliases: ['Marine Corps'] }];
    const text = 'The Philippine Marine Corps trained with the US Marine Corps near Manila. The Marine Corps said the drills went well.';
    expect(linked(text, known)).toEqual([
      ['US Marine Corps', 'US Marine Corps'],
      ['Marine Corps', 'US Marine Corps'],
    ]);
  });

  it('links a bundled name when it is the entity’s name, inside a compound too ("India-Japan")', () => {
    const known: KnownEntity[] = [{ name: 'India', type: 'place', aliases: [] }];
    expect(linked('India-Japan ties deepened, and India said so.', known)).toEqual([
      ['India', 'India'],
      ['India', 'India'],
    ]);
  });

  it('leaves out rejected forms and entities whose name was rejected', () => {
    const known: KnownEntity[] = [
      { name: 'India', type: 'place', aliases: ['Bharat'] },
      { name: 'Quad', type: 'organization', aliases: [] },
    ];
    expect(linked('Bharat and India met the Quad.', known, ['bharat', 'quad'])).toEqual([['India', 'India']]);
  });

  it('finds, in the sample, only mentions that detection reports for the same entity', () => {
    const known: KnownEntity[] = [
      { name: 'India', type: 'place', aliases: [] },
      { name: 'Japan', type: 'place', aliases: [] },
      { name: 'Rajnath Singh', type: 'person', aliases: [] },
      { name: 'Quadrilateral Security Dialogue', type: 'organization', aliases: ['Quad'] },
    ];
    const found = findKnownMentions(sample, { known });
    expect(new Set(found.map((m) => known[m.entity]!.name))).toEqual(new Set(known.map((k) => k.name)));
    const detected = detectEntities(sample, { known });
    for (const m of found) {
      const k = known[m.entity]!;
      const owner = detected.find((e) => e.mentions.some((d) => d.start === m.start && d.end === m.end));
      expect(owner, m.text).toBeDefined();
      expect([owner!.name, ...owner!.aliases].map(nameKey)).toContain(nameKey(k.name));
    }
  });

  it('finds nothing when no entity is confirmed', () => {
    expect(findKnownMentions(sample, { known: [] })).toEqual([]);
  });
});
