import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from './wordDiff';

const joined = (parts: DiffPart[], without: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind !== without)
    .map((p) => p.text)
    .join('');
const spaceless = (text: string) => text.replace(/\s+/g, '');

describe('wordDiff', () => {
  it('marks the words added and removed, keeping the shared ones whole', () => {
    expect(wordDiff('The minister met the envoy.', 'The minister met the new envoy today.')).toEqual({
      parts: [
        { kind: 'same', text: 'The minister met the ' },
        { kind: 'added', text: 'new' },
        { kind: 'same', text: ' envoy ' },
        { kind: 'added', text: 'today' },
        { kind: 'same', text: '.' },
      ],
      added: 2,
      removed: 0,
      tooDifferent: false,
    });
    const replaced = wordDiff('Talks went well here.\n\nNext round in May.', 'Talks went badly here.\n\nNext round in May.');
    expect(replaced.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'well' },
      { kind: 'added', text: 'badly' },
    ]);
    expect([replaced.added, replaced.removed]).toEqual([1, 1]);
  });

  it('compares whole words in Cyrillic and Arabic, and ignores a change of spacing alone', () => {
    expect(wordDiff('Министр обороны прибыл', 'Министр  обороны\nприбыл').parts).toEqual([{ kind: 'same', text: 'Министр  обороны\nприбыл' }]);
    expect(wordDiff('Министр обороны прибыл', 'Министра обороны прибыл').parts).toEqual([
      { kind: 'removed', text: 'Министр' },
      { kind: 'added', text: 'Министра' },
      { kind: 'same', text: ' обороны прибыл' },
    ]);
    expect(wordDiff('وزارة الدفاع', 'وزارة الخارجية')).toMatchObject({ added: 1, removed: 1 });
  });

  it('compares words in scripts without spaces, not whole runs of text', () => {
    const { parts } = wordDiff('日本の防衛大臣が来た', '日本の外務大臣が来た');
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '防衛' },
      { kind: 'added', text: '外務' },
    ]);
  });

  it('answers identical, empty and emptied texts', () => {
    expect(wordDiff('', '')).toEqual({ parts: [], added: 0, removed: 0, tooDifferent: false });
    expect(wordDiff('same words', 'same words').parts).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(wordDiff('', 'hello world')).toMatchObject({ parts: [{ kind: 'added', text: 'hello world' }], added: 2, removed: 0 });
    expect(wordDiff('a b c', '')).toMatchObject({ parts: [{ kind: 'removed', text: 'a b c' }], added: 0, removed: 3 });
  });

  it('says when the texts are too far apart to compare, and shows the one removed and the other added', () => {
    expect(wordDiff('one two three four', 'five six seven eight', { maxEdits: 3 })).toEqual({
      parts: [
        { kind: 'removed', text: 'one two three four' },
        { kind: 'added', text: 'five six seven eight' },
      ],
      added: 4,
      removed: 4,
      tooDifferent: true,
    });
    expect(wordDiff('one two three four', 'one two three five', { maxEdits: 3 }).tooDifferent).toBe(false);
  });

  it('gives the later text exactly without the removed parts, and the earlier one (spacing aside) without the added ones', () => {
    const token = fc.constantFrom('a', 'bb', 'the', 'minister', '日本', 'の', '防衛', ',', '.', ' ', '  ', '\n', '\n\n', 'é', '👍', '\t', '<del>');
    const text = fc.array(token, { maxLength: 30 }).map((t) => t.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const { parts } = wordDiff(before, after);
        expect(joined(parts, 'removed')).toBe(after);
        expect(spaceless(joined(parts, 'added'))).toBe(spaceless(before));
        // Neighbours of one kind are one part, and no part is empty.
        parts.forEach((p, i) => {
          expect(p.text).not.toBe('');
          expect(parts[i - 1]?.kind).not.toBe(p.kind);
        });
      }),
      { numRuns: 500 },
    );
  });
});
