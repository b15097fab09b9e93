import { describe, expect, it } from 'vitest';
import { mentionSnippet } from './mentionSnippet';

const at = (text: string, mention: string, max?: number) => {
  const start = text.indexOf(mention);
  const s = mentionSnippet(text, start, start + mention.length, max);
  return `${s.before}[${s.mention}]${s.after}`;
};

describe('mentionSnippet', () => {
  it('shows the sentence that holds the mention, not its neighbours', () => {
    const text = 'Talks ended. India and Japan signed a pact in New Delhi. Officials left.\n\nNext paragraph.';
    expect(at(text, 'Japan')).toBe('India and [Japan] signed a pact in New Delhi.');
  });

  it('cuts a long sentence at words around the mention, marking what it left out', () => {
    const text = `${'Many words come first here '.repeat(8)}then Rajnath Singh spoke ${'and the sentence goes on '.repeat(8)}to its end.`;
    const snippet = at(text, 'Rajnath Singh', 80);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('[Rajnath Singh]');
    expect(snippet.length).toBeLessThanOrEqual(84);
    // Whole words only at both cuts.
    const words = new Set(text.split(/\s+/u));
    const inner = snippet.slice(1, -1).replace(/[[\]]/gu, '').split(' ');
    expect(words.has(inner[0]!) && words.has(inner.at(-1)!)).toBe(true);
  });

  it('stays within a paragraph and keeps a mention that spans a sentence break whole', () => {
    expect(at('Title line\n\nThe U.S. forces left early. Then rain.', 'U.S. forces')).toBe('The [U.S. forces] left early.');
  });

  it('handles text without sentence punctuation or in other scripts', () => {
    expect(at('وصل وزير الدفاع إلى نيودلهي اليوم', 'نيودلهي')).toBe('وصل وزير الدفاع إلى [نيودلهي] اليوم');
  });
});
