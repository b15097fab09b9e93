import { describe, expect, it } from 'vitest';
import { contextUnchanged, keptAcrossCut, prefixAgreement, sentenceKeptAfter, sentenceKeptBefore, sentenceStartsAt, suffixAgreement } from './contextAgreement';

const TEXT = 'The defence ministers met in Tokyo on Monday to sign a logistics agreement, officials said.';
const at = TEXT.indexOf('to sign');

describe('context agreement', () => {
  it('is 1 for context exactly as stored, and drops by one per edit', () => {
    const prefix = TEXT.slice(at - 32, at);
    expect(prefixAgreement(TEXT, at, prefix)).toBe(1);
    expect(prefixAgreement(TEXT.replace('Tokyo', 'Tokio'), at, prefix)).toBeCloseTo(31 / 32);
    const end = at + 'to sign'.length;
    expect(suffixAgreement(TEXT, end, TEXT.slice(end, end + 32))).toBe(1);
  });

  it('is pinned to the candidate: the same words further away do not agree', () => {
    const prefix = TEXT.slice(at - 32, at);
    const moved = TEXT.replace('on Monday ', 'on Monday, after a long delay, ');
    expect(prefixAgreement(moved, moved.indexOf('to sign'), prefix)).toBeLessThan(0.5);
  });

  it('counts the start and end of the text as context when the stored context was cut short by them', () => {
    expect(prefixAgreement(TEXT, 0, '')).toBe(1);
    expect(prefixAgreement(`Update: ${TEXT}`, 8, '')).toBe(0);
    expect(suffixAgreement(TEXT, TEXT.length, '')).toBe(1);
    expect(contextUnchanged(TEXT, 4, 11, 'The ', TEXT.slice(11, 43))).toBe(true);
    expect(contextUnchanged(`Update: ${TEXT}`, 12, 19, 'The ', TEXT.slice(11, 43))).toBe(false);
  });
});

describe('context kept as far as an edit left it', () => {
  const OLD = 'Ministers met in Tokyo. They signed a logistics pact on Monday. Officials said more talks would follow.';
  const stored = (text: string, quote: string) => {
    const at = text.indexOf(quote);
    return { prefix: text.slice(Math.max(0, at - 32), at), suffix: text.slice(at + quote.length, at + quote.length + 32) };
  };

  it('finds where sentences start: after closing punctuation and white space, after a line break, at the text start', () => {
    expect(sentenceStartsAt(OLD, OLD.indexOf('They'), false)).toBe(true);
    expect(sentenceStartsAt(OLD, OLD.indexOf('signed'), false)).toBe(false);
    expect(sentenceStartsAt('One.\n\nTwo', 6, false)).toBe(true);
    const quoted = 'He said \u201CNo.\u201D Then';
    expect(sentenceStartsAt(quoted, quoted.indexOf('Then'), false)).toBe(true);
    expect(sentenceStartsAt(OLD, 0, true)).toBe(true);
    expect(sentenceStartsAt(OLD, 0, false)).toBe(false);
  });

  it('measures the suffix kept up to the end of the quote’s sentence, when the text ends the sentence there too', () => {
    const { suffix } = stored(OLD, 'logistics pact');
    const next = OLD.replace('Officials said more talks would follow.', 'A second round is planned.');
    expect(sentenceKeptAfter(next, next.indexOf(' on Monday'), 'logistics pact', suffix)).toBe(' on Monday.'.length);
    const reworded = OLD.replace('on Monday.', 'on Tuesday.');
    expect(sentenceKeptAfter(reworded, reworded.indexOf(' on Tuesday'), 'logistics pact', suffix)).toBeNull();
    const runOn = OLD.replace('on Monday.', 'on Monday and');
    expect(sentenceKeptAfter(runOn, runOn.indexOf(' on Monday'), 'logistics pact', suffix)).toBeNull();
  });

  it('counts a quote that ends its own sentence as kept by the boundary alone, and the text end as a boundary', () => {
    const quote = 'a logistics pact on Monday.';
    const { suffix } = stored(OLD, quote);
    const next = OLD.replace(' Officials said more talks would follow.', '');
    expect(sentenceKeptAfter(next, next.length, quote, suffix)).toBe(0);
    expect(sentenceKeptAfter(`${next} More later.`, next.length, quote, suffix)).toBe(0);
    expect(sentenceKeptAfter(`${next}, more later.`, next.length, quote, suffix)).toBeNull();
  });

  it('measures the prefix kept back to where the quote’s sentence starts, when it starts there in the text too', () => {
    const { prefix } = stored(OLD, 'a logistics pact');
    const before = OLD.replace('Ministers met in Tokyo.', 'The visit was short.');
    expect(sentenceKeptBefore(before, before.indexOf('a logistics pact'), prefix)).toBe('They signed '.length);
    const joined = OLD.replace('Tokyo. They', 'Tokyo, and they');
    expect(sentenceKeptBefore(joined, joined.indexOf('a logistics pact'), prefix)).toBeNull();
  });

  it('finds a context with words cut out of it, next to the quote or a little further out', () => {
    const { suffix } = stored(OLD, 'They signed');
    const cutNext = OLD.replace('signed a logistics pact on', 'signed on');
    expect(keptAcrossCut(cutNext, cutNext.indexOf(' on Monday'), suffix, 'suffix', 8)).toBe(true);
    const cutFurther = OLD.replace('a logistics pact on', 'a pact on');
    expect(keptAcrossCut(cutFurther, cutFurther.indexOf(' a pact'), suffix, 'suffix', 8)).toBe(true);
    const { prefix } = stored(OLD, 'on Monday');
    const cutBefore = OLD.replace('signed a logistics pact on', 'signed on');
    expect(keptAcrossCut(cutBefore, cutBefore.indexOf('on Monday'), prefix, 'prefix', 8)).toBe(true);
    const replaced = OLD.replace('a logistics pact on Monday. Officials said', 'an accord last week. Nobody expected');
    expect(keptAcrossCut(replaced, replaced.indexOf(' an accord'), suffix, 'suffix', 8)).toBe(false);
  });
});
