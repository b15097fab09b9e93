import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { sentencesAround, type Span } from './taggerInput';

/** Each span's terms with their tags, as tagRuns reads them. */
function tagsAt(text: string, spans: readonly Span[]): string[] {
  const doc = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; offset: { start: number } }[] }[];
  const terms = doc.flatMap((s) => s.terms);
  return spans.map((s) => JSON.stringify(terms.filter((t) => t.offset.start >= s.start && t.offset.start < s.end).map((t) => [t.text, t.tags])));
}

const spansOf = (text: string, words: string[]): Span[] =>
  words.map((w) => {
    const start = text.indexOf(w);
    return { start, end: start + w.length };
  });

describe('sentencesAround', () => {
  const text = [
    'non stios draiklerk. Wailchair sleastneaswast steist skeastdrom',
    'He said "No way. Smith Jones is here." and left. Dr. Kwame Brown met Gen. Ali in Accra.',
    'At 5 p.m. Kofi Annan arrived (the U.S. envoy. Really?) in Tema... Then Foo Bar spoke, said Ama Ata.',
    'J. R. Tolkien wrote. "Stop!" Akua Mensah cried. What? Ngozi Okonjo-Iweala said.',
  ].join('\n\n');
  const words = ['Wailchair', 'Smith Jones', 'Kwame Brown', 'Kofi Annan', 'Foo Bar', 'Ama Ata', 'J. R. Tolkien', 'Akua Mensah', 'Ngozi Okonjo-Iweala'];

  it('keeps only sentences a span touches, and every span reads the same words', () => {
    const spans = spansOf(text, words);
    const out = sentencesAround(text, spans);
    expect(out.text.length).toBeLessThan(text.length);
    expect(out.text).not.toContain('non stios');
    expect(out.spans.map((s) => out.text.slice(s.start, s.end))).toEqual(words);
  });

  it('leaves compromise’s tags of the spans unchanged', () => {
    const spans = spansOf(text, words);
    const out = sentencesAround(text, spans);
    expect(tagsAt(out.text, out.spans)).toEqual(tagsAt(text, spans));
  });

  it('handles a span that crosses a sentence boundary', () => {
    const t = 'Alpha went home. Beta Gamma came. Delta left.';
    const span = { start: t.indexOf('home'), end: t.indexOf('Gamma') + 5 };
    const out = sentencesAround(t, [span]);
    expect(out.text.slice(out.spans[0]!.start, out.spans[0]!.end)).toBe('home. Beta Gamma');
    expect(out.text).not.toContain('Delta');
  });

  it('never lets a quotation join a sentence it did not join in the whole text', () => {
    // compromise joins an open quote with the sentence after next when that closes it and is short.
    const t = `Wailchair Mensah said "we go.\n\nThe middle sentence runs on ${'and on '.repeat(40)}to here.\n\nKofi Ama left." Then.`;
    const spans = spansOf(t, ['Wailchair', 'Kofi Ama']);
    const out = sentencesAround(t, spans);
    expect(out.text).not.toContain('middle');
    expect(out.spans.map((s) => out.text.slice(s.start, s.end))).toEqual(['Wailchair', 'Kofi Ama']);
    expect(tagsAt(out.text, out.spans)).toEqual(tagsAt(t, spans));
    const world = nlp.world() as unknown as { methods: { one: { tokenize: { splitSentences(text: string, w: unknown): string[] } } } };
    expect(world.methods.one.tokenize.splitSentences(out.text, world).filter((s) => s.includes('Kofi'))).toEqual(['Kofi Ama left." Then.']);
  });
});
