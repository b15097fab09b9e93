import type { ScaleDetails } from './scale';

/**
 * The generated table of BENCHMARKS.md's "Scale" section (between `<!-- scale:start -->` and
 * `<!-- scale:end -->`): each figure of issue 11 against its target. The prose around it (how
 * each is measured, why a target is missed) is written by hand.
 */
export interface ScaleResults {
  reference: { articles: number; annotations: number; notes: number; entities: number };
  metrics: Record<string, unknown>;
  ratios: Record<string, unknown>;
}

type Target = { at: 'max' | 'min'; value: number; unit: string };
const TARGETS: Record<string, Target | null> = {
  'metrics.search_p95_ms': { at: 'max', value: 30, unit: 'ms' },
  'metrics.index_update_ms': { at: 'max', value: 5, unit: 'ms' },
  'metrics.index_reload_ms': { at: 'max', value: 1000, unit: 'ms' },
  'metrics.index_heap_mb': { at: 'max', value: 300, unit: 'MB' },
  'metrics.save_p95_ms': { at: 'max', value: 2, unit: 'ms' },
  'metrics.save_p95_ms_small': null,
  'metrics.open_ms': { at: 'max', value: 500, unit: 'ms' },
  'metrics.rss_mb': { at: 'max', value: 300, unit: 'MB' },
  'metrics.ner_words_per_s': { at: 'min', value: 100_000, unit: 'words/s' },
  'metrics.export_ms.md': { at: 'max', value: 100, unit: 'ms' },
  'metrics.export_ms.html': { at: 'max', value: 100, unit: 'ms' },
  'metrics.export_ms.docx': { at: 'max', value: 500, unit: 'ms' },
  'metrics.export_ms.pdf': { at: 'max', value: 2000, unit: 'ms' },
  'ratios.search_vs_sqlite_fts5': { at: 'min', value: 0.33, unit: '×' },
  'ratios.save_vs_lowdb_single_file': { at: 'min', value: 300, unit: '×' },
  'ratios.save_vs_sqlite': { at: 'min', value: 0.33, unit: '×' },
  'ratios.save_large_vs_small': { at: 'max', value: 1.5, unit: '×' },
};

function flatten(prefix: string, value: unknown, out: [string, number][]): void {
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, out);
  else if (typeof value === 'number') out.push([prefix, value]);
}

export function writeScaleReport(markdown: string, results: ScaleResults, details: ScaleDetails): string {
  const rows: [string, number][] = [];
  flatten('metrics', results.metrics, rows);
  flatten('ratios', results.ratios, rows);
  const lines = rows.map(([key, value]) => {
    const target = TARGETS[key];
    if (!target) return `| \`${key}\` | ${value} | — | — |`;
    const met = target.at === 'max' ? value <= target.value : value >= target.value;
    const by = target.at === 'max' ? value / target.value : target.value / value;
    const verdict = met ? 'met' : `**missed** (${by.toFixed(1)}× off)`;
    return `| \`${key}\` | ${value} | ${target.at === 'max' ? '≤' : '≥'} ${target.value.toLocaleString('en')} ${target.unit} | ${verdict} |`;
  });
  const { articles, annotations, notes, entities } = results.reference;
  const block = [
    '<!-- scale:start -->',
    `Reference workspace: ${articles.toLocaleString('en')} articles, ${annotations.toLocaleString('en')} annotations, ${notes.toLocaleString('en')} notes, ${entities.toLocaleString('en')} entities.`,
    '',
    '| figure | value | target | |',
    '|---|---|---|---|',
    ...lines,
    '',
    ...detailTables(details),
    '<!-- scale:end -->',
  ].join('\n');
  return markdown.includes('<!-- scale:start -->')
    ? markdown.replace(/<!-- scale:start -->[\s\S]*<!-- scale:end -->/, block)
    : `${markdown.trimEnd()}\n\n## Scale (issue 11)\n\n${block}\n`;
}

const ms = (d: { p50_ms: number; p95_ms: number }) => `${d.p50_ms} / ${d.p95_ms}`;

/** Saves by kind and scale beside the peers, and search by query class beside FTS5 (p50 / p95, ms). */
function detailTables(d: ScaleDetails): string[] {
  const small = d.peers['reference-100']!;
  const big = d.peers['reference-10k']!;
  const s = d.dossier.search;
  const classes = Object.keys(s.byClass);
  return [
    `Saves, p50 / p95 in ms (load average during the run: ${d.load_average_1min.join(', ')} on ${d.machine}):`,
    '',
    '| save | Dossier | lowdb, one JSON file | SQLite (WAL, synchronous=FULL) |',
    '|---|---|---|---|',
    `| annotation, 100 articles | ${ms(d.dossier.saves_100.annotation)} | ${ms(small.lowdb.annotation)} | ${ms(small.sqlite.annotation)} |`,
    `| annotation, 10,000 articles | ${ms(d.dossier.saves_10k.annotation)} | ${ms(big.lowdb.annotation)} | ${ms(big.sqlite.annotation)} |`,
    `| note, 100 articles | ${ms(d.dossier.saves_100.note)} | ${ms(small.lowdb.note)} | ${ms(small.sqlite.note)} |`,
    `| note, 10,000 articles | ${ms(d.dossier.saves_10k.note)} | ${ms(big.lowdb.note)} | ${ms(big.sqlite.note)} |`,
    '',
    `lowdb's file: ${small.lowdb.file_mb} MB at 100 articles, ${big.lowdb.file_mb} MB at 10,000. Index update after an annotation save: ${ms(d.dossier.saves_10k.indexUpdate)} ms.`,
    '',
    `Search at 10,000 articles, ${s.queries} queries, p50 / p95 in ms:`,
    '',
    '| queries | Dossier through the host | Dossier in-process | SQLite FTS5 |',
    '|---|---|---|---|',
    ...classes.map((c) => {
      const f = big.fts5.classes[c];
      return `| ${c} (${s.byClass[c]!.host.n}) | ${ms(s.byClass[c]!.host)} | ${ms(s.byClass[c]!.inProcess)} | ${f ? ms(f) : '— (no typo tolerance)'} |`;
    }),
    `| all | ${ms(s.host)} | ${ms(s.inProcess)} | — |`,
    `| exact, prefix and name queries (what FTS5 runs too) | ${ms(s.hostComparable)} | ${ms(s.inProcessComparable)} | ${ms(big.fts5)} |`,
    '',
    `The host's own cost, a call that does no work (\`workspace.info\`, 90 calls): ${ms(s.hostOverhead)} ms. The in-process pass runs after the host pass, with the files that pass opened still in memory.`,
    '',
  ];
}
