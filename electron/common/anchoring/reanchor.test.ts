import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reanchor, reanchorAll, type AnchorResult } from './reanchor';
import { CATEGORIES, editCase, type Category } from './testing/editCases';
import { judge } from './testing/judge';
import { seededRandom } from './testing/random';
import { positionSelector, quoteSelectorAt } from './textQuote';

/** The selector an annotation on text[start, end) of the old version stores. */
function annotate(oldText: string, quote: string, occurrence = 1) {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = oldText.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" not in the text`);
  return { quote: quoteSelectorAt(oldText, start, start + quote.length), position: positionSelector(start, start + quote.length) };
}

const placedText = (text: string, r: AnchorResult) => text.slice(r.start!, r.end!);

const P1 =
  'India and Japan are strategic partners in the Quad, along with the United States and Australia. ' +
  'This will be the second meeting between the two Defence Ministers in six months, following their first ' +
  'interaction in November 2024 on the sidelines of the ASEAN Defence Ministers\u2019 Meeting-Plus in Laos.';
const P2 =
  'The ministry said in a statement that talks would cover maritime security, defence equipment and ' +
  'technology co-development. Officials expect an agreement on reciprocal supplies and logistics support.';
const P3 = 'Analysts said the visit signals a deepening of ties that began with a framework agreement in 2008.';
const OLD = [P1, P2, P3].join('\n\n');

describe('reanchor: statuses', () => {
  it('anchors a quote whose text is unchanged, at the same offsets', () => {
    const selector = annotate(OLD, 'reciprocal supplies and logistics support');
    const r = reanchor(OLD, selector);
    expect(r).toMatchObject({ status: 'anchored', start: selector.position.start, end: selector.position.end });
    expect(r.score).toBeGreaterThan(0.99);
  });

  it('anchors a quote that moved because a paragraph was added above it', () => {
    const selector = annotate(OLD, 'second meeting between the two Defence Ministers');
    const text = `Updated on Tuesday with the ministry's statement.\n\n${OLD}`;
    const r = reanchor(text, selector);
    expect(r.status).toBe('anchored');
    expect(placedText(text, r)).toBe('second meeting between the two Defence Ministers');
    expect(r.start).toBe(selector.position.start + text.length - OLD.length);
  });

  it('anchors a moved paragraph whose inner context came along', () => {
    const selector = annotate(OLD, 'maritime security, defence equipment');
    const text = [P2, P1, P3].join('\n\n');
    const r = reanchor(text, selector);
    expect(r.status).toBe('anchored');
    expect(r.start).toBe(text.indexOf('maritime security, defence equipment'));
  });

  it('drifts when a typo inside the quote was fixed', () => {
    const old = OLD.replace('reciprocal supplies', 'reciprocal suplies');
    const selector = annotate(old, 'reciprocal suplies and logistics support');
    const r = reanchor(OLD, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(OLD, r)).toBe('reciprocal supplies and logistics support');
  });

  it('drifts when a word inside the quote was reworded', () => {
    const selector = annotate(OLD, 'talks would cover maritime security, defence equipment and technology co-development');
    const text = OLD.replace('would cover maritime', 'will cover maritime');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(text, r)).toBe('talks will cover maritime security, defence equipment and technology co-development');
  });

  it('drifts when the quote is intact but a sentence was inserted right before it', () => {
    const selector = annotate(OLD, 'Officials expect an agreement on reciprocal supplies');
    const text = OLD.replace('Officials expect', 'A joint statement is due on Friday. Officials expect');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(text, r)).toBe('Officials expect an agreement on reciprocal supplies');
  });

  it('spans a sentence inserted inside a quoted passage', () => {
    const quote = 'technology co-development. Officials expect an agreement';
    const selector = annotate(OLD, quote);
    const text = OLD.replace('co-development. Officials', 'co-development. The talks were postponed twice last year because of scheduling conflicts in both capitals. Officials');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(text, r)).toBe(
      'technology co-development. The talks were postponed twice last year because of scheduling conflicts in both capitals. Officials expect an agreement',
    );
  });

  it('orphans a quote whose words were deleted', () => {
    const selector = annotate(OLD, 'Officials expect an agreement on reciprocal supplies and logistics support.');
    const text = OLD.replace(' Officials expect an agreement on reciprocal supplies and logistics support.', '');
    const r = reanchor(text, selector);
    expect(r.status).toBe('orphaned');
    expect([r.start, r.end]).toEqual([undefined, undefined]);
  });

  it('orphans rather than moving onto the same words elsewhere when its own passage went', () => {
    const old = `${OLD}\n\nA second round is expected in Tokyo. The ministry said in a statement that no date was set.`;
    const selector = annotate(old, 'The ministry said in a statement', 2);
    const text = `${OLD}\n\nA second round is expected in Tokyo.`;
    expect(reanchor(text, selector).status).toBe('orphaned');
  });
});

describe('reanchor: context kept as far as the edit left it', () => {
  it('places a short quote whose neighbour words were cut, the context beyond them closing up on it', () => {
    const selector = annotate(OLD, 'maritime security');
    const text = OLD.replace('maritime security, defence equipment and', 'maritime security and');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(text, r)).toBe('maritime security');
    expect(r.start).toBe(text.indexOf('maritime security'));
  });

  it('places a short quote whose next sentence was deleted, its own sentence ending where it did', () => {
    const selector = annotate(OLD, 'co-development');
    const text = OLD.replace(' Officials expect an agreement on reciprocal supplies and logistics support.', '');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(r.start).toBe(text.indexOf('co-development'));
  });

  it('places a quote whose paragraph moved and gained a sentence, when its own sentence is unchanged to both ends', () => {
    const short = 'Talks resume in Tokyo on Friday. Both ministers will attend.';
    const old = [P1, short, P2, P3].join('\n\n');
    const selector = annotate(old, 'Talks resume in Tokyo on Friday');
    const text = [P1, P2, P3, short.replace('Friday. ', 'Friday. A joint statement is expected. ')].join('\n\n');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(r.start).toBe(text.indexOf('Talks resume'));
    expect(placedText(text, r)).toBe('Talks resume in Tokyo on Friday');
  });

  it('places a very short quote with a typo fixed when one side is unchanged and the other kept to its sentence end', () => {
    const old = [P1.replace('in Laos', 'in Loas'), P2, P3].join('\n\n');
    const selector = annotate(old, 'in Loas');
    const text = [P1, 'No date has been set for the next round.', P3].join('\n\n');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(text, r)).toBe('in Laos');
  });

  it('places a quote reworded near its opening when both contexts are exactly as stored', () => {
    const old = OLD.replace('that talks', 'that the talks');
    const selector = annotate(old, 'the talks would cover maritime security');
    const text = OLD.replace('that talks', 'that the discussions');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(text, r)).toBe('the discussions would cover maritime security');
  });

  it('spans sentences inserted at a sentence boundary of the quote, however little of the quote follows them', () => {
    const old = OLD.replace('technology co-development.', 'technology co-development. No date was set.');
    const selector = annotate(old, 'equipment and technology co-development. No');
    const text = OLD.replace('technology co-development.', 'technology co-development. The talks were postponed twice last year. No date was set.');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(text, r)).toBe('equipment and technology co-development. The talks were postponed twice last year. No');
  });

  it('spans an inserted sentence rather than sliding onto a lookalike inside it', () => {
    const old = 'Meanwhile, the defence delegation met government officials of and to ASEAN. A government to inflation 1405 analysts said.';
    const selector = annotate(old, 'ASEAN. A government to inflation');
    const text = old.replace('ASEAN. A', 'ASEAN. Energy the ceasefire visit government officials their of. A');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(text, r)).toBe('ASEAN. Energy the ceasefire visit government officials their of. A government to inflation');
  });
});

describe('reanchor: stock phrases and lookalikes', () => {
  const spokesman = 'a spokesman for the government said';

  it('orphans a changed quote rather than let its edge slide into a lookalike word', () => {
    const old = 'Meanwhile, the defence delegation meeting government government of and to ASEAN a government to inflation 1405 analysts said.';
    const selector = annotate(old, 'ASEAN a government to inflation');
    const text = old.replace('ASEAN a', 'ASEAN energy the ceasefire visit government government their of a');
    expect(reanchor(text, selector).status).toBe('orphaned');
  });

  it('orphans when the text also reads as sentences inserted inside the quote', () => {
    const selector = annotate(OLD, 'technology co-development. Officials');
    const text = OLD.replace('co-development. Officials', 'co-development. Officials said the talks would resume in May. Officials');
    expect(reanchor(text, selector).status).toBe('orphaned');
  });

  it('orphans a recurring quote whose passage went, though another copy shares its stock context on one side', () => {
    const kept = [P1, `Officials were cautious. Later, ${spokesman} according to officials familiar with the talks.`, P2];
    const old = [...kept, `Talks stalled in March, when ${spokesman} according to officials familiar with the talks.`, `On Friday ${spokesman} that no date was set.`, P3].join('\n\n');
    const selector = annotate(old, spokesman, 2);
    const text = [...kept, `On Friday ${spokesman} that no date was set.`, P3].join('\n\n');
    expect(reanchor(text, selector).status).toBe('orphaned');
  });

  it('orphans a short quote whose context agrees elsewhere only through stock phrases a few words off', () => {
    const copy = `The ministry said in a statement, and ${spokesman} the visit went well.`;
    const old = [P1, `Separately, the ministry said in a statement that week, ${spokesman}. Earlier reports were denied.`, P2, copy, P3].join('\n\n');
    const selector = annotate(old, 'a spokesman for');
    const text = [P1, 'Earlier reports were denied.', P2, copy, P3].join('\n\n');
    expect(reanchor(text, selector).status).toBe('orphaned');
  });

  it('orphans a quote whose stock junction recurs with a typo where the quote itself went', () => {
    const copy = `In May ${spokesman} that sanctions would stay.`;
    const old = [`Funding was cut. Later ${spokesman} that Brazil would join. ASEAN members agreed.`, P1, copy].join('\n\n');
    const selector = annotate(old, 'said that');
    const text = [P1, copy, `Funding was cut. Later ${spokesman.replace('said', 'said thta')}, after talks in Tokyo had stalled for weeks, Brazil would join. ASEAN members agreed.`].join('\n\n');
    expect(text).not.toContain(`${spokesman} that Brazil`);
    expect(reanchor(text, selector).status).toBe('orphaned');
  });

  it('does not take a lost context found in several places (a stock phrase) as the quote having moved away from it', () => {
    const familiar = 'According to officials familiar with the talks';
    const rest = [P1, 'Ministers pledged support on the sidelines of the summit in Laos.', `${familiar}, the visit went well.`, `${familiar}, the date is open.`];
    const old = [`${familiar}, support on the sidelines of the summit government delegations was strong.`, ...rest].join('\n\n');
    const selector = annotate(old, 'support on');
    expect(reanchor(rest.join('\n\n'), selector).status).toBe('orphaned');
  });
});

describe('reanchor: repeated quotes', () => {
  const repeated = [P1, 'Defence Ministers met again.', P2, 'Defence Ministers met again.', P3].join('\n\n');

  it('picks the occurrence whose context agrees', () => {
    const selector = annotate(OLD, 'Defence Ministers', 2);
    const text = `Preface.\n\n${OLD}`;
    const r = reanchor(text, selector);
    expect(r.status).toBe('anchored');
    expect(r.start).toBe(text.lastIndexOf('Defence Ministers'));
  });

  it('picks the occurrence nearest the old position when the context is the same', () => {
    const second = annotate(repeated, 'Defence Ministers met again', 2);
    expect(reanchor(repeated, second)).toMatchObject({ status: 'anchored', start: second.position.start });
    const first = annotate(repeated, 'Defence Ministers met again', 1);
    expect(reanchor(repeated, first)).toMatchObject({ status: 'anchored', start: first.position.start });
  });
});

describe('reanchor: edge cases', () => {
  it('orphans onto an empty text', () => {
    expect(reanchor('', annotate(OLD, 'strategic partners'))).toEqual({ status: 'orphaned', score: 0 });
  });

  it('handles a quote longer than the new text', () => {
    const selector = annotate(P3, P3);
    expect(reanchor('Analysts said little.', selector).status).toBe('orphaned');
    const shortened = P3.slice(0, -1);
    const r = reanchor(shortened, selector);
    expect(r.status).toBe('drifted');
    expect(r).toMatchObject({ start: 0, end: shortened.length });
  });

  it('places a one- to three-character quote only exactly and with its context', () => {
    const old = 'Troop numbers rose by 5 percent in May and by 7 percent in June, officials said.';
    const five = annotate(old, '5');
    const moved = `Updated. ${old}`;
    expect(reanchor(moved, five)).toMatchObject({ status: 'anchored', start: moved.indexOf('5') });
    expect(reanchor(old.replace('by 5 percent', 'by 6 percent'), five).status).toBe('orphaned');
    expect(reanchor(old.replace('rose by 5 percent in May', 'rose by 5 percent after a spring surge in May'), five).status).toBe('orphaned');
    const may = annotate(old, 'May');
    expect(reanchor(old.replace('in May', 'in Mai'), may).status).toBe('orphaned');
  });

  it('keeps astral characters whole', () => {
    const old = 'The chain 𠮷野家 opened 12 stores; 𝔸lpha Group bought 𠮷野家 shares on Monday.';
    const selector = annotate(old, '𝔸lpha Group bought 𠮷野家');
    const text = old.replace('𝔸lpha Group', '𝔹lpha Group');
    const r = reanchor(text, selector);
    expect(r.status).toBe('drifted');
    expect(placedText(text, r)).toBe('𝔹lpha Group bought 𠮷野家');
  });

  it('returns offsets in UTF-16 code units', () => {
    const old = 'Москва 𝔸 和 北京 signed a trade pact on Monday, the ministry said.';
    const selector = annotate(old, 'signed a trade pact');
    const text = `𠮷 ${old}`;
    const r = reanchor(text, selector);
    expect(r).toMatchObject({ status: 'anchored', start: text.indexOf('signed'), end: text.indexOf('signed') + 19 });
  });
});

describe('reanchorAll', () => {
  it('places every annotation, in order, as reanchor does one by one', () => {
    const selectors = [
      annotate(OLD, 'Defence Ministers', 1),
      annotate(OLD, 'reciprocal supplies and logistics support'),
      annotate(OLD, 'Defence Ministers', 2),
      annotate(OLD, 'reciprocal supplies and logistics support'),
      annotate(OLD, 'framework agreement in 2008'),
    ];
    const text = `New lead paragraph.\n\n${OLD.replace('framework agreement in 2008', 'framework agreement in 2009')}`;
    const results = reanchorAll(text, selectors);
    expect(results).toEqual(selectors.map((s) => reanchor(text, s)));
    expect(results.map((r) => r.status)).toEqual(['anchored', 'anchored', 'anchored', 'anchored', 'drifted']);
    expect(results[1]).not.toBe(results[3]);
  });
});

/**
 * Generated revisions (testing/editCases.ts) with the true new span of every quote tracked through
 * the edits. The seed is fixed so a failure reproduces; bench/anchoring/evaluate.ts runs thousands.
 */
describe('reanchor: generated revisions', () => {
  const runs = 60;
  const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

  const check = (category: Category, property: (seed: number) => void) =>
    fc.assert(fc.property(seeds, property), { seed: 20251125 + CATEGORIES.indexOf(category), numRuns: runs });

  const run = (category: Category, seed: number) => {
    const c = editCase(seededRandom(seed), category);
    const selector = { quote: quoteSelectorAt(c.oldText, c.quote.start, c.quote.end), position: positionSelector(c.quote.start, c.quote.end) };
    const result = reanchor(c.newText, selector);
    const placed = result.status === 'orphaned' ? null : { start: result.start!, end: result.end! };
    return { c, selector, result, placed, verdict: judge(c.truth, placed) };
  };

  for (const category of CATEGORIES) {
    it(`${category}: never places a quote on the wrong words`, () => {
      check(category, (seed) => {
        const { c, selector, result, placed, verdict } = run(category, seed);
        expect(verdict, `${c.variant}: ${JSON.stringify(selector.quote)}`).not.toBe('wrong');
        if (category === 'remove') expect(result.status).toBe('orphaned');
        if (result.status === 'anchored') expect(c.newText.slice(placed!.start, placed!.end)).toBe(selector.quote.exact);
      });
    });
  }

  it('returns well-formed results that never split a surrogate pair', () => {
    const splits = (text: string, at: number) => /[\uDC00-\uDFFF]/.test(text[at] ?? '') && /[\uD800-\uDBFF]/.test(text[at - 1] ?? '');
    fc.assert(
      fc.property(seeds, fc.constantFrom(...CATEGORIES), (seed, category) => {
        const { c, result } = run(category, seed);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        if (result.status === 'orphaned') {
          expect(result.start).toBeUndefined();
          return;
        }
        expect(0 <= result.start! && result.start! < result.end! && result.end! <= c.newText.length).toBe(true);
        expect(splits(c.newText, result.start!) || splits(c.newText, result.end!)).toBe(false);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('anchors exactly where the quote went when it and its context are untouched', () => {
    fc.assert(
      fc.property(seeds, fc.constantFrom<Category>('insert', 'delete', 'move'), (seed, category) => {
        const { c, selector, result } = run(category, seed);
        if (!c.truth) return;
        const { exact, prefix, suffix } = selector.quote;
        const neighbourhood = prefix + exact + suffix;
        const at = c.truth.start - prefix.length;
        const intact = c.newText.slice(at, at + neighbourhood.length) === neighbourhood && c.newText.indexOf(neighbourhood) === c.newText.lastIndexOf(neighbourhood);
        if (intact && prefix.length === 32 && suffix.length === 32) expect(result).toMatchObject({ status: 'anchored', start: c.truth.start, end: c.truth.end });
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('places nearly every quote whose words survive', () => {
    let survived = 0;
    let right = 0;
    for (const category of CATEGORIES) {
      for (let i = 0; i < runs; i++) {
        const { c, verdict } = run(category, 1000 + i);
        survived += c.truth ? 1 : 0;
        right += verdict === 'right' ? 1 : 0;
      }
    }
    expect(right / survived).toBeGreaterThan(0.99);
  });
});
