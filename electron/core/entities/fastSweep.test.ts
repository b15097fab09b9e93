import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { bulkMatch, currentBulkMatch, installFastSweep, stockBulkMatch } from './fastSweep';

const devDir = path.resolve(__dirname, '../../../bench/entities/dev');
const texts = [
  'Wailchair said on Monday that Crot Slemmai would visit Port Lake.\n\nMr. Smith, the chairman of Acme Inc., told reporters in Paris.',
  "Defence Minister Rajnath Singh didn't meet Gen Nakatani at the ASEAN Defence Ministers' Meeting-Plus in Vientiane, Laos.",
  ...readdirSync(devDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, 6)
    .map((f) => readFileSync(path.join(devDir, f), 'utf8')),
];

/** Every term's text, tags and offset: what tagRuns reads (term ids are random, so left out). */
function tagging(text: string): string {
  const doc = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; offset: { start: number } }[] }[];
  return JSON.stringify(doc.map((s) => s.terms.map((t) => [t.text, t.tags, t.offset.start])));
}

function withSweep(sweep: unknown, f: () => string[]): string[] {
  nlp.plugin({ methods: { one: { bulkMatch: sweep } } });
  try {
    return f();
  } finally {
    nlp.plugin({ methods: { one: { bulkMatch } } });
  }
}

describe('fastSweep', () => {
  it('tags exactly as compromise’s own sweep', () => {
    installFastSweep(nlp);
    expect(currentBulkMatch(nlp)).toBe(bulkMatch);
    const stock = stockBulkMatch();
    expect(typeof stock).toBe('function');
    const expected = withSweep(stock, () => texts.map(tagging));
    expect(texts.map(tagging)).toEqual(expected);
  });

  it('installs once', () => {
    installFastSweep(nlp);
    installFastSweep(nlp);
    expect(stockBulkMatch()).not.toBe(bulkMatch);
  });
});
