/**
 * Entity detection quality and speed: `node --import tsx scripts/evalEntities.ts [--sets=sample,dev]
 * [--verbose]`. Scores the bundled sample (labels read from ../shared/samples at run time, never
 * copied), the dev set and the held-out set under bench/entities, prints a table and, on a full
 * run, writes bench/entities/results.json. Metric: see electron/core/entities/scoreEntities.ts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeArticleText } from '../electron/common/text/normalizeArticleText';
import { detectEntities } from '../electron/core/entities/detectEntities';
import { gazetteerEntries } from '../electron/core/entities/gazetteer';
import { addCounts, prf, scoreEntities, type Counts, type EntityScore, type NamedEntity } from '../electron/core/entities/scoreEntities';
import { sharedTestData } from '../electron/core/testing/sharedTestData';
import { syntheticUniqueNames, timeDetection } from '../bench/entities/timeDetection';
import { extractPlainText } from '../electron/core/import/formats/plainText';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench', 'entities');
const SAMPLE = 'india-japan-defence-2025-05-04';

interface Doc {
  id: string;
  text: string;
  labels: NamedEntity[];
}

interface SetResult {
  set: string;
  docs: { id: string; score: EntityScore }[];
  untyped: Counts;
  typed: Counts;
}

function readLabels(file: string): NamedEntity[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { entities: NamedEntity[] }).entities;
}

function loadSample(): Doc[] | string {
  const labels = sharedTestData(`samples/${SAMPLE}.entities.json`);
  const text = path.join(root, 'assets', `${SAMPLE}.txt`);
  if (labels.skip) return labels.skip;
  if (!existsSync(text)) return `sample text not found at ${text}`;
  // Read as an import reads it: its front matter (headline, source) is metadata, not text.
  return [{ id: SAMPLE, text: normalizeArticleText(extractPlainText(readFileSync(text), text).text).text, labels: readLabels(labels.path) }];
}

function loadFolder(name: string): Doc[] | string {
  const dir = path.join(benchDir, name);
  if (!existsSync(dir)) return `no folder ${dir}`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.txt$/u, '');
      return { id, text: normalizeArticleText(readFileSync(path.join(dir, f), 'utf8')).text, labels: readLabels(path.join(dir, `${id}.entities.json`)) };
    });
}

function evaluate(set: string, docs: Doc[]): SetResult {
  const zero: Counts = { tp: 0, fp: 0, fn: 0 };
  const result: SetResult = { set, docs: [], untyped: zero, typed: zero };
  for (const doc of docs) {
    const score = scoreEntities(detectEntities(doc.text), doc.labels);
    result.docs.push({ id: doc.id, score });
    result.untyped = addCounts(result.untyped, score.untyped);
    result.typed = addCounts(result.typed, score.typed);
  }
  return result;
}

const fmt = (n: number): string => n.toFixed(3);

function row(name: string, untyped: Counts, typed: Counts): string {
  const u = prf(untyped);
  const t = prf(typed);
  return `${name.padEnd(10)} ${String(untyped.tp + untyped.fn).padStart(6)}  ${fmt(u.precision)}  ${fmt(u.recall)}  ${fmt(u.f1)}   ${fmt(t.precision)}  ${fmt(t.recall)}  ${fmt(t.f1)}`;
}

/** How many held-out labels the bundled gazetteer names outright (so the score can be read fairly). */
function gazetteerCoverage(docs: Doc[]): { labels: number; inGazetteer: number } {
  const known = new Set<string>();
  for (const e of gazetteerEntries()) for (const f of [e.name, ...e.aliases, ...e.demonyms]) known.add(f.toLowerCase());
  let labels = 0;
  let inGazetteer = 0;
  for (const d of docs) {
    for (const l of d.labels) {
      labels++;
      if ([l.name, ...(l.aliases ?? [])].some((f) => known.has(f.toLowerCase()))) inGazetteer++;
    }
  }
  return { labels, inGazetteer };
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const setsArg = args.find((a) => a.startsWith('--sets='));
  const wanted = setsArg ? setsArg.slice('--sets='.length).split(',') : ['sample', 'dev', 'heldout'];
  const loaders: Record<string, () => Doc[] | string> = { sample: loadSample, dev: () => loadFolder('dev'), heldout: () => loadFolder('heldout') };
  const results: SetResult[] = [];
  const loaded: Record<string, Doc[]> = {};
  for (const set of wanted) {
    const docs = loaders[set]?.() ?? `unknown set "${set}"`;
    if (typeof docs === 'string') {
      console.log(`skipping ${set}: ${docs}`);
      continue;
    }
    loaded[set] = docs;
    results.push(evaluate(set, docs));
  }

  console.log(`\n${'set'.padEnd(10)} ${'labels'.padStart(6)}  ---- type-agnostic ----   ------ with types ------`);
  console.log(`${''.padEnd(10)} ${''.padStart(6)}  prec   recall  F1      prec   recall  F1`);
  let allU: Counts = { tp: 0, fp: 0, fn: 0 };
  let allT: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const r of results) {
    console.log(row(r.set, r.untyped, r.typed));
    allU = addCounts(allU, r.untyped);
    allT = addCounts(allT, r.typed);
  }
  console.log(row('overall', allU, allT));

  if (verbose) {
    for (const r of results) {
      for (const d of r.docs) {
        const { missed, spurious, mistyped } = d.score;
        if (missed.length + spurious.length + mistyped.length === 0) continue;
        console.log(`\n[${r.set}] ${d.id}`);
        if (missed.length) console.log(`  missed:   ${missed.join(' | ')}`);
        if (spurious.length) console.log(`  spurious: ${spurious.join(' | ')}`);
        if (mistyped.length) console.log(`  mistyped: ${mistyped.join(' | ')}`);
      }
    }
  }

  // Timing uses the sample and dev texts only, never the held-out ones.
  const timingTexts = [...(loaded.sample ?? []), ...(loaded.dev ?? [])].map((d) => d.text);
  const timing = timingTexts.length > 0 ? { news: timeDetection(timingTexts), unique_names: timeDetection([syntheticUniqueNames()]) } : null;
  if (timing) {
    for (const [label, t] of Object.entries(timing)) {
      console.log(`\n20k-word article, ${label} (${t.words} words): median ${t.median_ms} ms, min ${t.min_ms} ms over ${t.runs_ms.length} runs`);
    }
  }

  if (setsArg) {
    console.log('\n(partial run: bench/entities/results.json not written)');
    return;
  }
  const summary = (u: Counts, t: Counts): object => ({ untyped: { ...u, ...prf(u) }, typed: { ...t, ...prf(t) } });
  const out = {
    generated: new Date().toISOString(),
    metric: 'Entity F1 per distinct entity, matched by name or alias (case-insensitive), each label at most once; typed also requires equal type',
    sets: Object.fromEntries(results.map((r) => [r.set, { ...summary(r.untyped, r.typed), docs: r.docs.map((d) => ({ id: d.id, ...d.score })) }])),
    overall: summary(allU, allT),
    heldout_gazetteer_coverage: loaded.heldout ? gazetteerCoverage(loaded.heldout) : null,
    timing_20k_words: timing,
    machine: { node: process.version, platform: `${process.platform}-${process.arch}` },
  };
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwrote bench/entities/results.json');
}

main();
