import { describe, expect, it } from 'vitest';
import { assembleEntities } from './assembleEntities';
import type { Candidate } from './types';

const at = (text: string, form: string, nth: number, extra: Partial<Candidate>): Candidate => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(form, start + 1);
  return { start, end: start + form.length, from: 0, to: 1, type: 'organization', source: 'pattern', key: form.toLowerCase(), ...extra };
};

describe('assembleEntities', () => {
  it('merges mentions by key, surface and defining alias, and names the entity well', () => {
    const text = 'The Quadrilateral Security Dialogue (Quad) met. The Quad and the Ministers’ Meeting-Plus.';
    const entities = assembleEntities(text, [
      at(text, 'Quadrilateral Security Dialogue', 0, { source: 'gazetteer', key: 'quad', name: 'Quad' }),
      at(text, 'Quad', 1, { source: 'gazetteer', key: 'quad', name: 'Quad' }),
      at(text, 'Quad', 2, { source: 'acronym', key: 'quadrilateral security dialogue', aliases: ['Quadrilateral Security Dialogue'] }),
      at(text, 'Ministers’ Meeting-Plus', 0, { type: 'event' }),
    ]);
    expect(entities.map((e) => [e.name, e.type, e.aliases, e.mentions.length])).toEqual([
      ['Quad', 'organization', ['Quadrilateral Security Dialogue'], 3],
      ["Ministers' Meeting-Plus", 'event', [], 1],
    ]);
  });

  it('never merges two people on a shared surname', () => {
    const text = 'Rajnath Singh and Manmohan Singh';
    const entities = assembleEntities(text, [
      at(text, 'Rajnath Singh', 0, { type: 'person', source: 'title', shortForms: ['Singh'] }),
      at(text, 'Manmohan Singh', 0, { type: 'person', source: 'title', shortForms: ['Singh'] }),
    ]);
    expect(entities.map((e) => e.name)).toEqual(['Rajnath Singh', 'Manmohan Singh']);
  });

  it('names a person by the fullest form and lists the shorter ones as aliases', () => {
    const text = 'Defence Minister Rajnath Singh arrived. Singh said.';
    const [e] = assembleEntities(text, [
      at(text, 'Rajnath Singh', 0, { type: 'person', source: 'title', shortForms: ['Singh'] }),
      at(text, 'Singh', 1, { type: 'person', source: 'coref', key: 'rajnath singh' }),
    ]);
    expect(e).toMatchObject({ name: 'Rajnath Singh', aliases: ['Singh'], type: 'person' });
    expect(e!.mentions.map((m) => m.text)).toEqual(['Rajnath Singh', 'Singh']);
  });
});
