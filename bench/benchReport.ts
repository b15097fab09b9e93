import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * BENCHMARKS.md's generated table of flat figures (between `<!-- bench:start -->` and
 * `<!-- bench:end -->`), from bench/results.json; appended when the markers are missing.
 */
export function withBenchTable(markdown: string, results: Record<string, unknown>): string {
  const rows = Object.entries(results)
    .filter(([, v]) => typeof v !== 'object')
    .map(([k, v]) => `| \`${k}\` | ${v} |`)
    .join('\n');
  const block = `<!-- bench:start -->\n| figure | value |\n|---|---|\n${rows}\n<!-- bench:end -->`;
  return markdown.includes('<!-- bench:start -->') ? markdown.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block) : `${markdown}\n${block}\n`;
}

/**
 * For a benchmark run alone (`node --import tsx bench/<name>.ts`): its figures replace their own in
 * bench/results.json and BENCHMARKS.md, leaving the others as the last full run left them.
 */
export function mergeIntoResults(root: string, figures: Record<string, unknown>): void {
  const resultsFile = path.join(root, 'bench', 'results.json');
  const results = { ...(existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {}), ...figures };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const report = path.join(root, 'BENCHMARKS.md');
  writeFileSync(report, withBenchTable(readFileSync(report, 'utf8'), results));
}
