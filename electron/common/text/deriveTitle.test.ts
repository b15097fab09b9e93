import { describe, expect, it } from 'vitest';
import { deriveTitle, MAX_TITLE_LENGTH } from './deriveTitle';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A shortened title is a prefix of the sentence, cut at a word boundary, ending with "…". */
function expectShortenedAtWord(title: string, sentence: string): void {
  expect(title.endsWith('…')).toBe(true);
  expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  const base = title.slice(0, -1);
  expect(sentence.startsWith(base)).toBe(true);
  expect(base).not.toMatch(/[\s,;:–—-]$/);
  // The cut falls before a space (or punctuation followed by one): no word is split.
  expect(sentence.slice(base.length)).toMatch(/^[,;:–—-]*\s/);
}

describe('deriveTitle', () => {
  it('takes a short heading line as the title', () => {
    expect(deriveTitle('India and Japan to talk logistics\n\nDefence Minister Rajnath Singh will meet…')).toEqual({
      title: 'India and Japan to talk logistics',
      firstParagraphIsTitle: true,
    });
  });

  it('drops Markdown heading marks from a heading line', () => {
    expect(deriveTitle('## Quad partners meet\n\nBody.').title).toBe('Quad partners meet');
  });

  it('does not treat a line ending in sentence punctuation as a heading', () => {
    const result = deriveTitle('The ministers met on Monday. They agreed.\n\nMore.');
    expect(result).toEqual({ title: 'The ministers met on Monday', firstParagraphIsTitle: false });
  });

  it('does not treat a paragraph of several lines as a heading, and collapses its whitespace', () => {
    const result = deriveTitle('The ministers met\non Monday in   Delhi');
    expect(result.firstParagraphIsTitle).toBe(false);
    expect(result.title).toBe('The ministers met on Monday in Delhi');
  });

  it(`shortens a long first sentence at a word boundary with "…" and at most ${MAX_TITLE_LENGTH} characters`, () => {
    const sentence =
      'In the backdrop of ongoing discussions between India and Japan on a reciprocal logistics agreement for ' +
      'their Navies, Defence Minister Rajnath Singh will hold a bilateral meeting with his Japanese counterpart, ' +
      'Gen Nakatani, in New Delhi on Monday';
    const { title, firstParagraphIsTitle } = deriveTitle(`${sentence}.\n\nThe Ministry of Defence stated…`);
    expect(firstParagraphIsTitle).toBe(false);
    expect(title.startsWith('In the backdrop of ongoing discussions')).toBe(true);
    expectShortenedAtWord(title, sentence);
  });

  it('reads a sentence hard-wrapped over several lines as one sentence', () => {
    const wrapped =
      'In the backdrop of ongoing discussions between India and Japan on a\n' +
      'reciprocal logistics agreement for their Navies, Defence Minister\n' +
      'Rajnath Singh will hold a bilateral meeting. Second sentence.';
    const { title } = deriveTitle(wrapped);
    const sentence = wrapped.replace(/\s+/g, ' ').split('. ')[0]!;
    expect(title.startsWith('In the backdrop of ongoing discussions between India and Japan on a reciprocal')).toBe(true);
    expectShortenedAtWord(title, sentence);
  });

  it('keeps a first sentence of exactly the longest title whole', () => {
    const sentence = `${'word '.repeat(MAX_TITLE_LENGTH / 5 - 1)}abcde`;
    expect(sentence).toHaveLength(MAX_TITLE_LENGTH);
    expect(deriveTitle(`${sentence}. Next sentence.`).title).toBe(sentence);
  });

  it('works for a Russian sentence', () => {
    const text = 'Министр обороны Индии проведёт встречу с японским коллегой в Нью-Дели. Стороны обсудят соглашение.';
    expect(deriveTitle(text, 'ru')).toEqual({
      title: 'Министр обороны Индии проведёт встречу с японским коллегой в Нью-Дели',
      firstParagraphIsTitle: false,
    });
  });

  it('shortens a long Russian sentence at a word boundary', () => {
    const sentence =
      'На фоне продолжающихся переговоров между Индией и Японией о взаимном соглашении по логистике для военно-морских ' +
      'сил министр обороны Раджнатх Сингх проведёт двустороннюю встречу со своим японским коллегой в Нью-Дели';
    const { title } = deriveTitle(`${sentence}. Дальше.`, 'ru');
    expectShortenedAtWord(title, sentence);
  });

  it('takes a short Chinese heading line, and the first sentence of Chinese prose', () => {
    expect(deriveTitle('印日防务合作\n\n正文。').title).toBe('印日防务合作');
    expect(deriveTitle('印度国防部长将于周一在新德里与日本防卫大臣举行双边会谈。双方将讨论后勤协议。', 'zh').title).toBe(
      '印度国防部长将于周一在新德里与日本防卫大臣举行双边会谈',
    );
  });

  it('keeps a long Chinese sentence (no spaces to cut at) within the limit, cut between words', () => {
    const sentence = '印度与日本正在就两国海军之间的相互后勤保障协议进行讨论'.repeat(6);
    expect(sentence.length).toBeGreaterThan(MAX_TITLE_LENGTH);
    const { title } = deriveTitle(`${sentence}。下一句。`, 'zh');
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(sentence.startsWith(title.slice(0, -1))).toBe(true);
    // The cut falls on a boundary of the segmenter's words.
    const boundaries = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(sentence)].map((s) => s.index);
    expect(boundaries).toContain(title.length - 1);
  });

  it('never cuts a hyphenated word at its hyphen, nor any word in the middle', () => {
    // The limit falls just after "co-" of "co-production".
    const sentence = 'The two nations are exploring enhanced cooperation in the air domain, with co-production and co-development';
    const { title } = deriveTitle(`${sentence}. More.`);
    expectShortenedAtWord(title, sentence);
    expect(title).toBe('The two nations are exploring enhanced cooperation in the air domain, with…');
  });

  it('cuts a single word longer than a title between characters, within the limit', () => {
    const word = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsvorsitzender';
    const { title } = deriveTitle(`${word} ist lang. Mehr.`, 'de');
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title.endsWith('…')).toBe(true);
    expect(word.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('never splits a character outside the BMP when shortening', () => {
    for (const pad of ['', 'a']) {
      const { title } = deriveTitle(`${pad}${'𠀋'.repeat(100)}。`, 'zh');
      expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(title).not.toMatch(LONE_SURROGATE);
    }
  });

  it('calls an empty text "Untitled article"', () => {
    expect(deriveTitle('')).toEqual({ title: 'Untitled article', firstParagraphIsTitle: false });
  });
});
