import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, pdfParagraphs, type PdfTextRun } from './pdfLayout';

const SIZE = 11;
const LEADING = 14;

/** One run per line, about as wide as Helvetica would set it. */
function line(text: string, y: number, { x = 72, size = SIZE, rtl = false } = {}): PdfTextRun {
  return { text, x, y, width: text.length * size * 0.5, size, rtl };
}

describe('joinLines', () => {
  it.each([
    ['co-', 'operation', 'cooperation'],
    ['Indo-', 'Pacific', 'Indo-Pacific'],
    ['2019-', '20', '2019-20'],
    ['hyphen\u00ad', 'ation', 'hyphenation'],
    ['a dash -', 'then more', 'a dash - then more'],
    ['end of', 'line', 'end of line'],
    ['中文段', '落继续', '中文段落继续'],
    ['日本語の', 'テキスト', '日本語のテキスト'],
    ['Latin', '中文', 'Latin 中文'],
  ])('%j + %j → %j', (before, after, joined) => {
    expect(joinLines(before, after)).toBe(joined);
  });
});

describe('pdfParagraphs', () => {
  it('builds lines from runs on one baseline, adding a space only where there is a gap', () => {
    const runs = [
      { text: 'Hel', x: 72, y: 700, width: 16.5, size: SIZE, rtl: false },
      { text: 'lo', x: 88.5, y: 700, width: 11, size: SIZE, rtl: false },
      { text: 'world.', x: 103, y: 700.4, width: 33, size: SIZE, rtl: false },
    ];
    expect(pdfParagraphs([runs.reverse()])).toEqual(['Hello world.']);
  });

  it('reads right-to-left lines from the right', () => {
    const runs = [line('بالعالم', 700, { x: 100, rtl: true }), line('مرحبا', 700, { x: 200, rtl: true })];
    expect(pdfParagraphs([runs])).toEqual(['مرحبا بالعالم']);
  });

  it('starts paragraphs at a wide gap, a change of type size, an indented first line and a short closing line', () => {
    const page = [
      line('Harbour works', 760, { size: 16 }),
      line('The first paragraph runs across the full measure of the column here', 736),
      line('and ends on this line without a sentence end', 722),
      line('The second one starts after a wide gap and fills the whole line', 694),
      line('then ends short.', 680),
      line('A third starts at the margin right after the short closing line and', 666),
      line('continues, and is followed by an indented one on the next line', 652),
      line('Fourth, indented, with nothing but the indent to mark it as new', 638, { x: 90 }),
      line('and a second line back at the margin.', 624),
    ];
    expect(pdfParagraphs([page])).toEqual([
      'Harbour works',
      'The first paragraph runs across the full measure of the column here and ends on this line without a sentence end',
      'The second one starts after a wide gap and fills the whole line then ends short.',
      'A third starts at the margin right after the short closing line and continues, and is followed by an indented one on the next line',
      'Fourth, indented, with nothing but the indent to mark it as new and a second line back at the margin.',
    ]);
  });

  it('keeps a list item with its indented continuation', () => {
    const page = [line('• Two vessels rotate on the night route between the', 700), line('bay and the island', 686, { x: 82 })];
    expect(pdfParagraphs([page])).toEqual(['• Two vessels rotate on the night route between the bay and the island']);
  });

  it('drops running heads and feet found on every page but the first, and page numbers in any style', () => {
    const body = (words: string, y = 700) => line(`${words} is a sentence long enough to be body text.`, y);
    const pages = [
      [line('Annual report', 780, { size: 18 }), body('One'), line('Page 1 of 3', 40)],
      [line('Annual report 2025 - Chapter 2', 800, { size: 8 }), body('Two'), line('- 2 -', 40)],
      [line('Annual report 2025 - Chapter 3', 800, { size: 8 }), body('Three'), line('iii', 40)],
    ];
    expect(pdfParagraphs(pages)).toEqual([
      'Annual report',
      'One is a sentence long enough to be body text.',
      'Two is a sentence long enough to be body text.',
      'Three is a sentence long enough to be body text.',
    ]);
  });

  it('keeps a line that only looks like a header when it is not repeated', () => {
    const pages = [
      [line('Kestrel Bay', 800), line('First page text that ends here.', 700)],
      [line('Marrow Island', 800), line('Second page text that ends here.', 700)],
    ];
    expect(pdfParagraphs(pages)).toEqual(['Kestrel Bay', 'First page text that ends here.', 'Marrow Island', 'Second page text that ends here.']);
  });

  it('carries a sentence across a page break, and starts anew when the page starts a new one', () => {
    const pages = [
      [line('The barrier will be lifted for main-', 100)],
      [line('tenance in June and the trial then', 760), line('resumes.', 746)],
      [line('Residents were told on Monday.', 760)],
    ];
    expect(pdfParagraphs(pages)).toEqual(['The barrier will be lifted for maintenance in June and the trial then resumes.', 'Residents were told on Monday.']);
  });

  it('returns nothing for pages without text', () => {
    expect(pdfParagraphs([[], [{ ...line('', 700) }]])).toEqual([]);
  });

  // No roman-numeral letters: a one-word line of them at a page edge would rightly read as a page number.
  const word = fc.stringMatching(/^[abefghjknopqrstuwyz]{1,9}$/);
  const paragraph = fc.array(fc.array(word, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 });

  it('never loses, adds or reorders a word, however the runs are split and the lines broken', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 200 }), (paragraphs, cuts) => {
        const runs: PdfTextRun[] = [];
        let y = 800;
        let cut = 0;
        for (const lines of paragraphs) {
          for (const words of lines) {
            // Each line is cut into runs at word boundaries, as PDF producers do.
            let x = 72;
            words.forEach((w, i) => {
              const text = i === 0 || (cuts[cut++ % Math.max(cuts.length, 1)] ?? 0) % 2 ? w : ` ${w}`;
              const gap = text.startsWith(' ') || i === 0 ? 0 : SIZE * 0.3;
              runs.push({ text, x: x + gap, y, width: text.length * SIZE * 0.5, size: SIZE, rtl: false });
              x += gap + text.length * SIZE * 0.5;
            });
            y -= LEADING;
          }
          y -= LEADING;
        }
        expect(pdfParagraphs([runs])).toEqual(paragraphs.map((lines) => lines.flat().join(' ')));
      }),
    );
  });
});
