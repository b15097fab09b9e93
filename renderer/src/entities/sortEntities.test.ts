import { describe, expect, it } from 'vitest';
import type { EntitySummary, EntityType } from '../../../electron/common/model/entity';
import { entityFilter, sortEntities } from './sortEntities';

const entity = (id: string, name: string, type: EntityType, mentionCount: number, aliases: string[] = [], articleCount = 1): EntitySummary => ({
  id,
  name,
  type,
  aliases,
  mentionCount,
  articleCount,
});
const list = [
  entity('a', 'Zambia', 'place', 3),
  entity('b', 'Élysée Palace', 'place', 9, ['the Palace']),
  entity('c', 'ana Ruiz', 'person', 3, [], 2),
  entity('d', 'Brazil', 'place', 1),
  entity('e', 'NATO', 'organization', 12, ['North Atlantic Treaty Organisation']),
];
const ids = (entities: EntitySummary[]) => entities.map((e) => e.id);

describe('the entity list order', () => {
  it('puts the most mentioned first, then those in more articles, then by name', () => {
    expect(ids(sortEntities(list, 'mentions'))).toEqual(['e', 'b', 'c', 'a', 'd']);
  });

  it('sorts by name ignoring case and accents', () => {
    expect(ids(sortEntities(list, 'name'))).toEqual(['c', 'd', 'b', 'e', 'a']);
  });

  it('groups by type in the order the types are listed, names in order within each', () => {
    // Person, organisation, place …: the order the type picker lists them in.
    expect(ids(sortEntities(list, 'type'))).toEqual(['c', 'e', 'd', 'b', 'a']);
  });

  it('puts the entities opened lately first, most recent first, then the most mentioned', () => {
    expect(ids(sortEntities(list, 'recent', ['entity:d', 'article:e', 'entity:a', 'entity:gone']))).toEqual(['d', 'a', 'e', 'b', 'c']);
    expect(ids(sortEntities(list, 'recent'))).toEqual(ids(sortEntities(list, 'mentions')));
  });

  it('does not change the list it is given', () => {
    const copy = [...list];
    sortEntities(list, 'name');
    expect(list).toEqual(copy);
  });
});

describe('the entity filter', () => {
  const shown = (typed: string, type: EntityType | '' = '') => {
    const match = entityFilter(typed, type);
    return match ? ids(list.filter(match)) : null;
  };

  it('is off with nothing typed and no type chosen', () => {
    expect(shown('  ')).toBeNull();
  });

  it('finds by the beginnings of words of the name or an alias, ignoring accents', () => {
    expect(shown('elys')).toEqual(['b']);
    expect(shown('palace')).toEqual(['b']);
    expect(shown('atlantic north')).toEqual(['e']);
    expect(shown('razil')).toEqual([]);
  });

  it('narrows to one type, with or without words', () => {
    expect(shown('', 'place')).toEqual(['a', 'b', 'd']);
    expect(shown('b', 'place')).toEqual(['d']);
    expect(shown('nato', 'place')).toEqual([]);
  });
});
