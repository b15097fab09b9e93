import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reanchor } from '../../electron/common/anchoring/reanchor';
import { positionSelector, quoteSelectorAt } from '../../electron/common/anchoring/textQuote';
import { CATEGORIES, editCase, type Category } from '../../electron/common/anchoring/testing/editCases';
import { judge } from '../../electron/common/anchoring/testing/judge';
import { seededRandom } from '../../electron/common/anchoring/testing/random';
import { timeBatch } from './batchTiming';

/**
 * Re-anchoring accuracy on generated article revisions (the categories of testing/editCases.ts),
 * judged as CONVENTIONS.md "How we measure" says: right = the placed span overlaps the surviving
 * quoted characters by ≥ 80% of the longer of the two spans. Fixed seed, so every run is the same.
 *
 *   node --import tsx bench/anchoring/evaluate.ts
 */
/** The reported seed; `--seed N` checks another one (fresh cases) without touching results.json. */
const DEFAULT_SEED = 20251125;
const seedArg = process.argv.find((a) => a.startsWith('--seed='));
const SEED = seedArg ? Number(seedArg.slice('--seed='.length)) : DEFAULT_SEED;
const CASES_PER_CATEGORY = 800;
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');

interface Tally {
  cases: number;
  /** Cases whose quoted words survive in some form; the rest were removed. */
  survived: number;
  right: number;
  wrong: number;
  orphaned: number;
  statuses: { anchored: number; drifted: number; orphaned: number };
}

const tally = (): Tally => ({ cases: 0, survived: 0, right: 0, wrong: 0, orphaned: 0, statuses: { anchored: 0, drifted: 0, orphaned: 0 } });
const byCategory = new Map<Category, Tally>(CATEGORIES.map((c) => [c, tally()]));
const byVariant = new Map<string, Tally>();
const overall = tally();
const wrongCases: { category: Category; variant: string; index: number }[] = [];

const random = seededRandom(SEED);
const started = performance.now();
for (const category of CATEGORIES) {
  for (let index = 0; index < CASES_PER_CATEGORY; index++) {
    const c = editCase(random, category);
    const selector = { quote: quoteSelectorAt(c.oldText, c.quote.start, c.quote.end), position: positionSelector(c.quote.start, c.quote.end) };
    const result = reanchor(c.newText, selector);
    const verdict = judge(c.truth, result.status === 'orphaned' ? null : { start: result.start!, end: result.end! });
    if (!byVariant.has(`${category}/${c.variant}`)) byVariant.set(`${category}/${c.variant}`, tally());
    for (const t of [byCategory.get(category)!, byVariant.get(`${category}/${c.variant}`)!, overall]) {
      t.cases += 1;
      t.survived += c.truth ? 1 : 0;
      t[verdict] += 1;
      t.statuses[result.status] += 1;
    }
    if (verdict === 'wrong') wrongCases.push({ category, variant: c.variant, index });
  }
}
const evaluationSeconds = (performance.now() - started) / 1000;

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const row = (t: Tally) => ({
  ...t,
  /** Of the cases whose words survive: the target is ≥ 99. */
  right_pct: percent(t.right, t.survived),
  orphaned_pct: percent(t.orphaned, t.cases),
});

const lines = [
  `re-anchoring, seed ${SEED}, ${overall.cases} cases (${evaluationSeconds.toFixed(1)} s)`,
  '',
  `${'category'.padEnd(10)} ${'cases'.padStart(6)} ${'right %'.padStart(8)} ${'wrong'.padStart(6)} ${'orphaned %'.padStart(11)}`,
];
for (const [name, t] of [...byCategory, ['overall', overall] as const]) {
  const r = row(t);
  lines.push(`${name.padEnd(10)} ${String(t.cases).padStart(6)} ${String(r.right_pct ?? '—').padStart(8)} ${String(t.wrong).padStart(6)} ${String(r.orphaned_pct).padStart(11)}`);
}
lines.push('', 'right % counts only cases whose quoted words survive; for "remove" the right answer is orphaned.');

const batch = timeBatch(SEED);
lines.push('', `reanchorAll: ${batch.annotations} annotations, ${batch.words}-word text: median ${batch.median_ms} ms of ${batch.runs} runs`);
process.stdout.write(`${lines.join('\n')}\n`);

const results = {
  measured_at: new Date().toISOString().slice(0, 10),
  node: process.version,
  seed: SEED,
  cases_per_category: CASES_PER_CATEGORY,
  right_definition: 'placed span overlaps the span of the surviving quoted characters by >= 80% of the longer of the two',
  categories: Object.fromEntries([...byCategory].map(([k, t]) => [k, row(t)])),
  overall: row(overall),
  variants: Object.fromEntries([...byVariant].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, row(t)])),
  wrong_cases: wrongCases,
  reanchor_all: batch,
};
if (SEED === DEFAULT_SEED) writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
