import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chooseBrowser, CHROMIUM_ARGS, sandboxArgs } from '../e2e/browserExecutable';
import { createCore } from '../electron/core/dossierCore';
import { importArticles } from '../electron/core/import/importArticles';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { startHost } from '../electron/host/hostServer';
import { generateArticle, mulberry32 } from './corpus';
import { referenceWorkspace } from './reference/buildWorkspace';
import { lexicon, REFERENCE as REFERENCE_SCALE } from './reference/generator';
import { backupFigures } from './backups';
import { withBenchTable } from './benchReport';
import { chartFigures } from './chart';
import { encryptionFigures } from './encryption';
import { graphFigures } from './graph';
import { libraryFigures } from './library';
import { scaleBench, type ScaleDetails } from './scale';
import { syncFigures } from './sync';
import { writeScaleReport, type ScaleResults } from './scaleReport';
import { median, quantile, round } from './stats';
import { typingLatency } from './typing';

/**
 * `npm run bench`: the numbers in BENCHMARKS.md. Each figure is measured the way the project's
 * conventions define it; results go to bench/results.json and BENCHMARKS.md.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'bench', '.cache');
const REFERENCE = path.join(CACHE, REFERENCE_SCALE.name);
const REFERENCE_ARTICLES = REFERENCE_SCALE.articles;
const temp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `dossier-bench-${name}-`));
const log = (line: string) => process.stderr.write(`${line}\n`);

async function importInto(dir: string, count: number, words: number, seed: number): Promise<number> {
  const random = mulberry32(seed);
  const store = await WorkspaceStore.open(dir, { create: true });
  const sources = Array.from({ length: count }, (_, i) => {
    const a = generateArticle(random, i, words);
    return { name: a.name, bytes: Buffer.from(a.text) };
  });
  const t0 = performance.now();
  const outcome = await importArticles(store, sources, {
    onProgress: (done, total) => {
      if (done % 1000 === 0) log(`  imported ${done}/${total}`);
    },
  });
  const elapsed = performance.now() - t0;
  await store.close();
  if (outcome.failures.length) throw new Error(`bench import failed: ${outcome.failures[0]!.message}`);
  return elapsed;
}

function openWorkspace(): { open_ms: number; process_ms: number; rss_mb: number } {
  const runs = Array.from({ length: 5 }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'openProbe.ts'), REFERENCE], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').pop()!) as { open_ms: number; process_ms: number; rss_mb: number };
  });
  return {
    open_ms: round(median(runs.map((r) => r.open_ms))),
    process_ms: round(median(runs.map((r) => r.process_ms))),
    rss_mb: round(median(runs.map((r) => r.rss_mb))),
  };
}

/** One article of `words` words with `count` annotations spread through it, made through the core. */
async function annotatedArticle(dir: string, words: number, count: number, seed: number) {
  const store = await WorkspaceStore.open(dir, { create: true });
  const core = createCore(store);
  const article = generateArticle(mulberry32(seed), 0, words);
  const { articles } = await importArticles(store, [{ name: 'long.txt', bytes: Buffer.from(article.text) }]);
  const articleId = articles[0]!.id;
  const { text } = await store.readArticle(articleId);
  const createMs: number[] = [];
  const step = Math.floor(text.length / count);
  for (let i = 0; i < count; i++) {
    const start = i * step + 1;
    const t0 = performance.now();
    await core.api['annotations.create']({ articleId, start, end: start + Math.min(40, step - 2), comment: `Comment ${i}` });
    createMs.push(performance.now() - t0);
  }
  return { store, core, articleId, createMs };
}

async function annotationsAndExport() {
  const dir = temp('annotations');
  const { store, core, articleId, createMs } = await annotatedArticle(dir, 5000, 200, 7);
  const { annotations } = await core.api['annotations.list']({ articleId });
  const updateMs: number[] = [];
  for (const a of annotations.slice(0, 100)) {
    const t0 = performance.now();
    await core.api['annotations.update']({ articleId, id: a.id, comment: `${a.comment} (edited)` });
    updateMs.push(performance.now() - t0);
  }
  const exports = await exportTimes(core, articleId);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    annotation_create_p50_ms: round(median(createMs), 2),
    annotation_create_p95_ms: round(quantile(createMs, 0.95), 2),
    annotation_update_p50_ms: round(median(updateMs), 2),
    annotation_update_p95_ms: round(quantile(updateMs, 0.95), 2),
    ...exports,
  };
}

/**
 * Each brief format of the same article, through the core as the app and the CLI call it: median
 * of 20 for text formats, 10 for DOCX, 3 for PDF (each PDF starts and closes a headless Chromium).
 */
async function exportTimes(core: ReturnType<typeof createCore>, articleId: string): Promise<Record<string, number>> {
  const time = async (format: 'md' | 'html' | 'docx' | 'pdf', runs: number) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await core.api['export.brief']({ source: { articleId }, format });
      ms.push(performance.now() - t0);
    }
    return round(median(ms), 2);
  };
  const results: Record<string, number> = {
    export_md_ms: await time('md', 20),
    export_html_ms: await time('html', 20),
    export_docx_ms: await time('docx', 10),
  };
  try {
    results.export_pdf_ms = await time('pdf', 3);
  } catch (error) {
    log(`PDF export skipped: ${(error as Error).message}`);
  }
  return results;
}

async function importThroughput() {
  const dir = temp('import');
  const elapsed = await importInto(dir, 1000, 600, 3);
  rmSync(dir, { recursive: true, force: true });
  return { import_articles_per_s: round(1000 / (elapsed / 1000)) };
}

async function readerPaint(): Promise<Record<string, number>> {
  const browserChoice = chooseBrowser();
  if (!browserChoice.executablePath) {
    log(`reader paint skipped: ${browserChoice.missing}`);
    return {};
  }
  const dir = temp('reader');
  const { store, core } = await annotatedArticle(dir, 20_000, 1000, 11);
  const host = await startHost({ core, rendererDir: path.join(ROOT, 'out', 'renderer') });
  const browser = await chromium.launch({ executablePath: browserChoice.executablePath, args: [...CHROMIUM_ARGS, ...sandboxArgs()] });
  const paint: number[] = [];
  const firstPaint: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.waitForFunction(() => performance.getEntriesByName('dossier:reader-painted').length > 0, null, { timeout: 60_000 });
      const times = await page.evaluate(() => ({
        requested: performance.getEntriesByName('dossier:article-requested')[0]!.startTime,
        painted: performance.getEntriesByName('dossier:reader-painted')[0]!.startTime,
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs in the page, where CSS.highlights exists
        highlights: ((globalThis as any).CSS.highlights.get('dossier-annotation')?.size as number | undefined) ?? 0,
      }));
      if (times.highlights < 999) throw new Error(`only ${times.highlights} highlights painted`);
      paint.push(times.painted - times.requested);
      firstPaint.push(times.painted);
      await context.close();
    }
  } finally {
    await browser.close();
    await host.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { reader_paint_ms: round(median(paint)), reader_first_paint_from_navigation_ms: round(median(firstPaint)) };
}

function writeReport(results: Record<string, unknown>, scale: ScaleResults, details: ScaleDetails): void {
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(ROOT, 'bench', 'scale-details.json'), `${JSON.stringify(details, null, 2)}\n`);
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const next = withBenchTable(existsSync(file) ? readFileSync(file, 'utf8') : '', results);
  writeFileSync(file, writeScaleReport(next, scale, details));
}

const started = performance.now();
// The reference workspace of issue 11 (built once into bench/.cache, see bench/reference/).
await referenceWorkspace(CACHE, REFERENCE_SCALE, lexicon(), log);
log('open…');
const open = openWorkspace();
log('import…');
const imports = await importThroughput();
log('annotations and export…');
const annotations = await annotationsAndExport();
log('reader paint…');
const reader = await readerPaint();
log('typing in a long note…');
const typing = await typingLatency(ROOT, log);
log('scale: the reference workspace beside its peers…');
const { scale, details } = await scaleBench(ROOT, CACHE, annotations, log);
log('automatic backups at 10,000 articles…');
const backups = await backupFigures(REFERENCE, log);
log('link chart at 5,000 entities and 20,000 relationships…');
const graph = await graphFigures(log);
log('the link chart in the browser…');
const chart = await chartFigures(ROOT, log);
log('encryption at rest: the reference workspace encrypted beside it…');
const encryption = await encryptionFigures(REFERENCE, log);
log('the library at 10,000 articles in the browser…');
const library = await libraryFigures(ROOT, CACHE, log);
log('team sync of the reference workspace with a server on loopback…');
const sync = await syncFigures(ROOT, CACHE, log);
const results = {
  measured_at: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  reference_articles: REFERENCE_ARTICLES,
  ...open,
  ...imports,
  ...annotations,
  ...reader,
  ...typing,
  ...scale,
  ...backups,
  ...graph,
  ...chart,
  ...encryption,
  ...library,
  ...sync,
};
writeReport(results, scale, details);
log(`bench finished in ${round((performance.now() - started) / 60_000, 1)} min`);
console.log(JSON.stringify(results, null, 2));
