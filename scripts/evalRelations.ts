/**
 * Relationship suggestion quality: `node --import tsx scripts/evalRelations.ts [--verbose]`. Scores
 * the detector on the bundled sample and the held-out texts under bench/relations (labels written
 * before the detector), prints a table and writes bench/relations/results.json.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeArticleText } from '../electron/common/text/normalizeArticleText';
import { extractPlainText } from '../electron/core/import/formats/plainText';
import { scoreSuggestions, totalOf, type LabelledText, type SuggestionScore } from '../electron/core/relations/scoreSuggestions';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench', 'relations');

export interface RelationBenchText {
  set: 'sample' | 'dev' | 'heldout';
  id: string;
  text: string;
  labels: LabelledText;
}

export function relationBenchTexts(): RelationBenchText[] {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as LabelledText;
  const samplePath = path.join(root, 'assets', 'india-japan-defence-2025-05-04.txt');
  // Read as an import reads it: its front matter (headline, source) is metadata, not text.
  const sample = normalizeArticleText(extractPlainText(readFileSync(samplePath), samplePath).text).text;
  const folder = (set: 'dev' | 'heldout') =>
    readdirSync(path.join(benchDir, set))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => {
        const id = f.replace(/\.txt$/, '');
        return { set, id, text: readFileSync(path.join(benchDir, set, f), 'utf8'), labels: read(path.join(benchDir, set, `${id}.relations.json`)) };
      });
  return [{ set: 'sample', id: 'india-japan-defence', text: sample, labels: read(path.join(benchDir, 'sample.relations.json')) }, ...folder('dev'), ...folder('heldout')];
}

export function evaluateRelations(): { set: string; id: string; score: SuggestionScore }[] {
  return relationBenchTexts().map((t) => ({ set: t.set, id: t.id, score: scoreSuggestions(t.text, t.labels) }));
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const results = evaluateRelations();
  const sets: Record<string, ReturnType<typeof totalOf>> = {};
  for (const set of ['sample', 'dev', 'heldout']) sets[set] = totalOf(results.filter((r) => r.set === set).map((r) => r.score));
  for (const r of results) {
    const { tp, fp, fn } = r.score;
    console.log(`${r.set.padEnd(8)} ${r.id.padEnd(36)} tp ${tp}  fp ${fp}  fn ${fn}`);
    if (verbose) for (const line of [...r.score.spurious.map((s) => `  + ${s}`), ...r.score.missed.map((m) => `  - ${m}`)]) console.log(line);
  }
  for (const [set, t] of Object.entries(sets)) console.log(`${set}: precision ${t.precision.toFixed(3)} recall ${t.recall.toFixed(3)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const out = Object.fromEntries(Object.entries(sets).map(([set, t]) => [set, { precision: round(t.precision), recall: round(t.recall), tp: t.tp, fp: t.fp, fn: t.fn }]));
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
