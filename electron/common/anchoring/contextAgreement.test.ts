import { describe, expect, it } from 'vitest';
import { contextUnchanged, prefixAgreement, suffixAgreement } from './contextAgreement';

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
