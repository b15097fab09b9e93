import { describe, expect, it } from 'vitest';
import { analyze } from './analysis';
import { spanText } from './candidate';
import { findResidualRuns } from './residualRuns';

const runs = (text: string, occupiedWords: string[] = []): string[] => {
  const a = analyze(text);
  const occupied = new Uint8Array(a.tokens.length);
  a.tokens.forEach((t, i) => {
    if (occupiedWords.includes(t.text)) occupied[i] = 1;
  });
  return findResidualRuns(a, occupied).map((r) => spanText(text, a.tokens, r.from, r.to));
};

describe('findResidualRuns', () => {
  it('collects capitalised runs with initials and particles', () => {
    expect(runs('met Kaja Kallas and S. Jaishankar and Abdel Fattah al-Burhan today')).toEqual(['Kaja Kallas', 'S. Jaishankar', 'Abdel Fattah al-Burhan']);
  });

  it('drops dates, bare titles, kind words and ordinary sentence starts', () => {
    expect(runs('Analysts met on Monday. The two Defence Ministers and their Navies met in November.')).toEqual([]);
  });

  it('keeps a body named by its kind alone', () => {
    expect(runs('he told Parliament on Friday')).toEqual(['Parliament']);
  });

  it('skips tokens other stages explained', () => {
    expect(runs('Rajnath Singh met Gen Nakatani', ['Rajnath', 'Singh'])).toEqual(['Gen Nakatani']);
  });

  it('never runs across lines or punctuation', () => {
    expect(runs('Kaja Kallas,\nHossein Shamkhani')).toEqual(['Kaja Kallas', 'Hossein Shamkhani']);
  });
});
