import { describe, expect, it } from 'vitest';
import { normalizeArticleText, splitParagraphs } from './normalizeArticleText';

/** The opening of the bundled sample (assets/india-japan-defence-2025-05-04.txt), byte for byte. */
const SAMPLE_OPENING =
  ' date 2025-05-04 In the backdrop of ongoing discussions between India and Japan on a reciprocal logistics ' +
  'agreement for their Navies, Defence Minister Rajnath Singh will hold a bilateral meeting with his Japanese ' +
  'counterpart, Gen Nakatani, in New Delhi on Monday.\n\nThe Ministry of Defence stated on Sunday that both sides ' +
  'will exchange views.\n';

describe('normalizeArticleText', () => {
  it('drops a leading byte-order mark', () => {
    const { text } = normalizeArticleText('\uFEFFHello world');
    expect(text).toBe('Hello world');
    expect(text.charCodeAt(0)).toBe('H'.charCodeAt(0));
  });

  it('keeps a BOM-like character that is not at the start', () => {
    expect(normalizeArticleText('a\uFEFFb').text).toBe('a\uFEFFb');
  });

  it('turns CRLF and lone CR line endings into \\n', () => {
    const { text } = normalizeArticleText('one\r\ntwo\rthree\n\r\nfour');
    expect(text).toBe('one\ntwo\nthree\n\nfour');
    expect(text).not.toMatch(/\r/);
  });

  it('normalises to NFC so offsets do not depend on how accents were typed', () => {
    const decomposed = 'Cafe\u0301 in Mu\u0308nchen';
    const { text } = normalizeArticleText(decomposed);
    expect(text).toBe('Caf\u00e9 in M\u00fcnchen');
    expect(text.length).toBe(decomposed.length - 2);
    expect(text).toBe(text.normalize('NFC'));
  });

  it('trims trailing spaces on lines, collapses runs of blank lines and trims the ends', () => {
    const { text } = normalizeArticleText('  \n\nFirst line   \t\nsecond\n\n\n\n\nThird  \n\n  ');
    expect(text).toBe('First line\nsecond\n\nThird');
  });

  it('moves the sample\u2019s `date YYYY-MM-DD` lead-in into metadata', () => {
    const { text, published } = normalizeArticleText(SAMPLE_OPENING);
    expect(published).toBe('2025-05-04');
    expect(text.startsWith('In the backdrop of ongoing discussions')).toBe(true);
    expect(text).not.toMatch(/2025-05-04/);
    expect(text.endsWith('will exchange views.')).toBe(true);
  });

  it('takes the lead-in after a BOM and CRLF, case-insensitively, and across a line break', () => {
    expect(normalizeArticleText('\uFEFFDATE 2024-02-29\r\nLeap day\r\n\r\nBody.')).toEqual({
      text: 'Leap day\n\nBody.',
      published: '2024-02-29',
    });
  });

  it('does not take an impossible date and leaves the text as it was', () => {
    const { text, published } = normalizeArticleText('date 2025-02-30 Something happened.');
    expect(published).toBeNull();
    expect(text).toBe('date 2025-02-30 Something happened.');
  });

  it('does not take 29 February of a common year, or a month 13', () => {
    expect(normalizeArticleText('date 2023-02-29 x').published).toBeNull();
    expect(normalizeArticleText('date 2023-13-01 x').published).toBeNull();
  });

  it('only takes the lead-in at the very start, as a whole token', () => {
    expect(normalizeArticleText('Reported date 2025-05-04 by us.')).toEqual({
      text: 'Reported date 2025-05-04 by us.',
      published: null,
    });
    expect(normalizeArticleText('dated 2025-05-04 text').published).toBeNull();
    expect(normalizeArticleText('date 2025-05-045 text').published).toBeNull();
  });

  it('gives the same text when run twice (it is the one normalisation)', () => {
    const once = normalizeArticleText('\uFEFFTitle\r\n\r\n\r\nBody with e\u0301  \r\n').text;
    expect(normalizeArticleText(once)).toEqual({ text: once, published: null });
  });
});

describe('splitParagraphs', () => {
  it('splits at blank lines and reports offsets whose slice is the paragraph text', () => {
    const text = 'First paragraph,\nstill the first.\n\nSecond one.\n \t\nThird — with “quotes”.\n\n\nFourth';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual([
      'First paragraph,\nstill the first.',
      'Second one.',
      'Third — with “quotes”.',
      'Fourth',
    ]);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(paragraphs[0]!.start).toBe(0);
    expect(paragraphs.at(-1)!.end).toBe(text.length);
  });

  it('keeps offsets in UTF-16 code units for text outside the BMP', () => {
    const text = '𝔸𝔹 one\n\nЯ 中文 😀 two';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]!.start).toBe('𝔸𝔹 one\n\n'.length);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('returns no paragraphs for empty text and ignores leading and trailing blank lines', () => {
    expect(splitParagraphs('')).toEqual([]);
    const text = '\n\nOnly\n\n';
    expect(splitParagraphs(text)).toEqual([{ start: 2, end: 6, text: 'Only' }]);
  });

  it('gives the normalised sample its paragraphs with exact offsets', () => {
    const { text } = normalizeArticleText(SAMPLE_OPENING);
    const paragraphs = splitParagraphs(text);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.text.startsWith('In the backdrop')).toBe(true);
    expect(paragraphs[1]!.text.startsWith('The Ministry of Defence')).toBe(true);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});
