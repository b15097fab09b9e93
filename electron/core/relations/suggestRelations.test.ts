import { describe, expect, it } from 'vitest';
import { DEFAULT_RELATION_TYPES } from '../../common/model/relation';
import { mentionsOf, type LabelledText } from './scoreSuggestions';
import { parseSuggestionKey, suggestionKey, suggestRelations } from './suggestRelations';

const ENTITIES: LabelledText['entities'] = [
  { name: 'India', type: 'place', aliases: ['Indian'] },
  { name: 'Japan', type: 'place', aliases: ['Japanese'] },
  { name: 'Quad', type: 'organization' },
  { name: 'NATO', type: 'organization' },
  { name: 'Rajnath Singh', type: 'person' },
  { name: 'Gen Nakatani', type: 'person' },
  { name: 'Minoru Kihara', type: 'person' },
  { name: 'Treaty of Peace', type: 'agreement' },
  { name: 'Okinawa', type: 'place' },
];

/** "from —type→ to" for each suggestion in `text`. */
function found(text: string, types = DEFAULT_RELATION_TYPES): string[] {
  return suggestRelations(text, { mentions: mentionsOf(text, { entities: ENTITIES, relations: [] }), types }).map((r) => `${r.from} —${r.type}→ ${r.to}`);
}

describe('relationship suggestions', () => {
  it('reads direction from the cue’s grammar, whichever entity comes first', () => {
    expect(found('Japanese Defence Minister Minoru Kihara arrived.')).toEqual(['Minoru Kihara —defence-minister-of→ Japan']);
    expect(found('Minoru Kihara, Japan’s defence minister, arrived.')).toEqual(['Minoru Kihara —defence-minister-of→ Japan']);
    expect(found('The defence minister of Japan, Minoru Kihara, arrived.')).toEqual(['Minoru Kihara —defence-minister-of→ Japan']);
    expect(found('The Treaty of Peace that India and Japan signed in 1952 still holds.')).toEqual(['India —signed→ Treaty of Peace', 'Japan —signed→ Treaty of Peace']);
  });

  it('gives the counterpart the title of the person met, and that person the other state of the sentence', () => {
    const text = 'During talks between India and Japan on a new agreement, Defence Minister Rajnath Singh will meet his Japanese counterpart, Gen Nakatani, in Delhi.';
    expect(found(text).sort()).toEqual([
      'Gen Nakatani —defence-minister-of→ Japan',
      'India —negotiating→ Japan',
      'Rajnath Singh —defence-minister-of→ India',
      'Rajnath Singh —meets→ Gen Nakatani',
    ]);
  });

  it('spreads a list over the relationship: "A and B are partners in C, along with D"', () => {
    expect(found('India and Japan are strategic partners in the Quad.')).toEqual(['India —partner-in→ Quad', 'Japan —partner-in→ Quad']);
  });

  it('stays quiet where entities only co-occur, a cue is negated, or a title is someone else’s', () => {
    expect(found('India and Japan signed an agreement on radio equipment.')).toEqual([]);
    expect(found('India and Japan share a friendship that grew into a partnership.')).toEqual([]);
    expect(found('Minoru Kihara did not meet Rajnath Singh.')).toEqual([]);
    expect(found('Japanese Deputy Defence Minister Minoru Kihara arrived.')).toEqual([]);
    expect(found('Former Japanese Defence Minister Minoru Kihara arrived.').length).toBe(0);
    // A person meets a person, a state a state.
    expect(found('Rajnath Singh met Japan.')).toEqual([]);
  });

  it('never joins entities across sentences', () => {
    expect(found('Rajnath Singh arrived. Japan signed.')).toEqual([]);
  });

  it('reads a type the workspace added by its label', () => {
    const types = [...DEFAULT_RELATION_TYPES, { key: 'supplies-arms-to', label: 'supplies arms to', inverse: 'receives arms from' }];
    expect(found('India supplies arms to Japan.', types)).toEqual(['India —supplies-arms-to→ Japan']);
  });

  it('keys a suggestion by the sentence’s words, not its place, and reads the key back', () => {
    const key = suggestionKey('art_1', 'ent_a', 'ent_b', 'meets', 'Singh met Nakatani.');
    expect(key).toBe(suggestionKey('art_1', 'ent_a', 'ent_b', 'meets', 'Singh met Nakatani.'));
    expect(key).not.toBe(suggestionKey('art_1', 'ent_a', 'ent_b', 'meets', 'Singh met Nakatani again.'));
    expect(parseSuggestionKey(key)).toMatchObject({ articleId: 'art_1', from: 'ent_a', to: 'ent_b', type: 'meets' });
    expect(parseSuggestionKey('rs:art_1:x')).toBeNull();
  });
});
