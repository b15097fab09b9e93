import { describe, expect, it } from 'vitest';
import { ID_PATTERN, ID_SHAPE, newId } from './ids';

describe('newId', () => {
  it('is a prefix, an underscore and 26 lower-case base32 characters', () => {
    for (const prefix of ['art', 'ann', 'ws']) {
      const id = newId(prefix);
      expect(id).toMatch(ID_PATTERN);
      expect(id).toMatch(/^[a-z]+_[0-9a-z]{26}$/);
      expect(id.startsWith(`${prefix}_`)).toBe(true);
    }
  });

  it('uses Crockford base32, without the easily confused letters i, l, o and u', () => {
    const body = Array.from({ length: 500 }, () => newId('x').slice(2)).join('');
    expect(body).not.toMatch(/[ilou]/);
    expect(new Set(body).size).toBe(32);
  });

  it('sorts by creation time, including across digit and length boundaries', () => {
    const times = [0, 1, 31, 32, 1023, 1024, 1_700_000_000_000, 1_700_000_000_001, 1_746_316_800_000, 2 ** 48 - 1];
    const ids = times.map((t) => newId('ann', t));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });

  it('shares the time part for the same millisecond and differs in the random part', () => {
    const a = newId('ann', 1_746_316_800_000);
    const b = newId('ann', 1_746_316_800_000);
    expect(a.slice(0, 14)).toBe(b.slice(0, 14));
    expect(a).not.toBe(b);
  });

  it('is unique over many ids made in the same instant', () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 20_000 }, () => newId('art', now)));
    expect(ids.size).toBe(20_000);
  });
});

describe('ID_PATTERN', () => {
  it('accepts our ids and rejects others', () => {
    const body = '0123456789abcdefghjkmnpqrs';
    expect(body).toHaveLength(26);
    expect(ID_PATTERN.test(`art_${body}`)).toBe(true);
    const bad = [
      'art_',
      `ART_${body}`,
      `art-${body}`,
      `art_${body.slice(1)}`,
      `art_${body}0`,
      `../art_${body}`,
      `art_${body.slice(0, -1)}i`,
      `art_${body.slice(0, -1)}U`,
    ];
    for (const id of bad) expect(ID_PATTERN.test(id), id).toBe(false);
  });
});

describe('ID_SHAPE', () => {
  it('accepts any id, short hand-written ones too, and nothing that could leave a folder', () => {
    for (const id of [newId('art'), 'art_x', 'note_questions']) expect(ID_SHAPE.test(id), id).toBe(true);
    for (const id of ['art_', '_x', 'Art_x', 'art_X', 'art-x', '../art_x', 'art_x/..', 'art_x.json', 'art_x\n']) {
      expect(ID_SHAPE.test(id), id).toBe(false);
    }
  });
});
