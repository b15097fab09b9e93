import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeArticleText } from '../../common/text/normalizeArticleText';
import { analyze } from './analysis';
import { findResidualRuns } from './residualRuns';
import { taggerMayReadName } from './taggerClues';
import { tagRuns } from './tagRuns';

const benchDir = path.resolve(__dirname, '../../../bench/entities');
const evalTexts = ['dev', 'heldout'].flatMap((set) =>
  readdirSync(path.join(benchDir, set))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => normalizeArticleText(readFileSync(path.join(benchDir, set, f), 'utf8')).text),
);

/** Made-up words (some with endings compromise reads as names) opening sentences in many contexts. */
function inventedOpeners(): string {
  const words = ['Wailchair', 'Brensom', 'Tiostsket', 'Shevchenko', 'Grerrondzimsham', 'Fairview', 'Kovacic', 'Oduya', 'Mbeki', 'Stonebury', 'Klarvik', 'Dunmoreton', 'Vashenko', 'Orlowska', 'Petrescu'];
  const after = ['said on Monday that taxes rise.', 'told reporters the plan failed.', 'bank reported profits.', 'city council met.', 'province was flooded.', 'airlines cut flights.', 'residents fled.', 'officials said.', "'s army attacked.", 'and Smith met.', 'has 300 troops.', 'is a town in Kent.'];
  const out: string[] = [];
  words.forEach((w, i) => after.forEach((c, j) => out.push(`Item ${i * 100 + j} ends here. ${w} ${c}`)));
  return out.join(' ');
}

/** Runs compromise would not be asked about, with what compromise says about them when asked. */
function skipped(text: string): { run: string; reading: string | null }[] {
  const a = analyze(text);
  const runs = findResidualRuns(a, new Uint8Array(a.tokens.length)).filter((r) => !taggerMayReadName(a, r));
  const readings = tagRuns(a, runs, () => true);
  return runs.map((r) => {
    const run = text.slice(a.tokens[r.from]!.start, a.tokens[r.to - 1]!.end);
    return { run, reading: readings.get(run) ?? null };
  });
}

describe('taggerMayReadName', () => {
  it('spares compromise only runs it reads nothing into (dev and held-out texts)', () => {
    const all = evalTexts.flatMap(skipped);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((s) => s.reading !== null)).toEqual([]);
  });

  it('spares compromise only runs it reads nothing into (invented words opening every dev sentence)', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const syllables = ['kra', 'lo', 'mi', 'sten', 'tei', 'su', 'nor', 'vik', 'dra', 're', 'zo', 'bim', 'ta', 'nesh', 'gor', 'hal'];
    const invented = (): string => {
      let w = '';
      for (let n = 2 + Math.floor(random() * 3); n > 0; n--) w += syllables[Math.floor(random() * syllables.length)];
      return w.charAt(0).toUpperCase() + w.slice(1);
    };
    const all = evalTexts.flatMap((t) => skipped(t.replace(/(^|[.!?]\s+)\p{Lu}\p{Ll}+/gu, (_m, before: string) => before + invented())));
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((s) => s.reading !== null)).toEqual([]);
  });

  it('asks compromise where a word’s ending or the next word hints at a name', () => {
    const all = skipped(inventedOpeners());
    expect(all.filter((s) => s.reading !== null)).toEqual([]);
    const skippedWords = new Set(all.map((s) => s.run));
    for (const w of ['Shevchenko', 'Grerrondzimsham', 'Kovacic', 'Orlowska']) expect(skippedWords.has(w)).toBe(false);
    expect(skippedWords.has('Wailchair')).toBe(true);
  });

  it('asks compromise about words it may not see opening a sentence', () => {
    const ask = (text: string, word: string): boolean => {
      const a = analyze(text);
      const i = a.tokens.findIndex((t) => t.text === word);
      return taggerMayReadName(a, { from: i, to: i + 1 });
    };
    expect(ask('The plan stalls. Wailchair left early.', 'Wailchair')).toBe(false);
    expect(ask('He said: Wailchair left early.', 'Wailchair')).toBe(true);
    expect(ask('He said "we stay. Wailchair left early."', 'Wailchair')).toBe(true);
    expect(ask('It met at approx. Wailchair left early.', 'Wailchair')).toBe(true);
    expect(ask('Heading\n\nWailchair left early.', 'Wailchair')).toBe(true);
    expect(ask('It rose. 2025. Wailchair left early.', 'Wailchair')).toBe(true);
    expect(ask('The plan stalls. Wailchair bank left.', 'Wailchair')).toBe(true);
  });
});
