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
