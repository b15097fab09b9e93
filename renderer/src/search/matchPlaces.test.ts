import { describe, expect, it } from 'vitest';
import { fold, matchPlaces, preparePlaces, type Place } from './matchPlaces';

const places: Place[] = [
  { kind: 'article', id: 'a1', title: 'India and Japan hold defence talks' },
  { kind: 'article', id: 'a2', title: 'Égypte : le canal de Suez rouvre' },
  { kind: 'note', id: 'n1', title: 'Logistics pact timeline' },
  { kind: 'entity', id: 'e1', title: 'Rajnath Singh', aliases: ['Singh', 'Defence Minister Singh'] },
  { kind: 'entity', id: 'e2', title: 'Japan Maritime Self-Defense Force', aliases: ['JMSDF'] },
  { kind: 'brief', id: 'b1', title: 'Quad weekly' },
  { kind: 'article', id: 'a3', title: '日本と インドの防衛協力' },
];
const prepared = preparePlaces(places);
const ids = (query: string, recent: string[] = []) => matchPlaces(prepared, query, recent).map((m) => m.place.id);

describe('the quick switcher matcher', () => {
  it('folds case and accents', () => {
    expect(fold('ÉGYPTE Ça')).toBe('egypte ca');
    expect(ids('egypte')).toEqual(['a2']);
    expect(ids('SUEZ')).toEqual(['a2']);
  });

  it('takes words in any order, each as the start of a word', () => {
    expect(ids('talks india')).toEqual(['a1']);
    expect(ids('pact log')).toEqual(['n1']);
    expect(ids('def tal')).toEqual(['a1']);
    expect(ids('alks')).toEqual([]);
  });

  it('requires every word', () => {
    expect(ids('india china')).toEqual([]);
  });

  it('matches aliases and says which one', () => {
    const [match] = matchPlaces(prepared, 'jmsdf', []);
    expect(match).toEqual({ place: places[4], alias: 'JMSDF' });
    expect(matchPlaces(prepared, 'rajnath', [])[0]!.alias).toBeNull();
  });

  it('ranks names that begin with the words first', () => {
    expect(ids('japan')).toEqual(['e2', 'a1']);
    expect(ids('defence')).toEqual(['e1', 'a1']);
  });

  it('lifts recently opened places', () => {
    expect(ids('japan', ['article:a1'])).toEqual(['a1', 'e2']);
  });

  it('finds words inside text written without spaces', () => {
    expect(ids('インド')).toEqual(['a3']);
    expect(ids('防衛')).toEqual(['a3']);
  });

  it('lists recent places first when nothing is typed, then the rest in order', () => {
    expect(ids('', ['note:n1', 'brief:b1', 'article:gone'])).toEqual(['n1', 'b1', 'a1', 'a2', 'e1', 'e2', 'a3']);
    expect(matchPlaces(prepared, '  ', [], 3)).toHaveLength(3);
  });
});
