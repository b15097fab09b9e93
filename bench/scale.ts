import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NoteContent } from '../electron/common/model/note';
import { createCore, type DossierCore } from '../electron/core/dossierCore';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { startHost } from '../electron/host/hostServer';
import { mulberry32 } from './corpus';
import { referenceWorkspace, type BuiltWorkspace } from './reference/buildWorkspace';
import { Corpus, lexicon, REFERENCE, SMALL, textNode, type Lexicon } from './reference/generator';
import { benchQueries, type BenchQuery } from './reference/queries';
import { median, quantile, round } from './stats';

/**
 * Issue 11's figures: Dossier at 100 and at 10,000 articles (100,000 annotations, 20,000 notes,
 * 5,000 entities) beside lowdb's single JSON file and SQLite, measured in one run. See
 * BENCHMARKS.md, "Scale", for what each figure means.
 */

type Log = (line: string) => void;

interface Dist {
  n: number;
  p50_ms: number;
  p95_ms: number;
}
/** Ratios keep three significant figures: 0.00007 must not print as 0. */
const ratio = (x: number) => Number(x.toPrecision(3));
const dist = (ms: number[]): Dist => ({ n: ms.length, p50_ms: round(quantile(ms, 0.5), 2), p95_ms: round(quantile(ms, 0.95), 2) });

/** The peers' packages live in bench/node_modules, installed here on first use (never in the app's). */
export function ensurePeers(root: string, log: Log): void {
  if (existsSync(path.join(root, 'bench', 'node_modules', 'better-sqlite3', 'package.json'))) return;
  log('installing the peers (lowdb, better-sqlite3) into bench/node_modules…');
  execFileSync('npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}

async function openCore(dir: string): Promise<DossierCore> {
  return createCore(await WorkspaceStore.open(dir));
}

/** A word no document holds yet, so a query finds exactly the record just saved. */
const uniqueWord = (run: string, i: number) => `zx${run}q${i}`;
const UNIQUE = /\s*zx[0-9a-z]+q\d+$/;

/**
 * Durable saves through the core, as the app makes them: a comment edit on an existing annotation
 * (annotations.update) and an autosave of an existing note (notes.save), each awaited until on
 * disk. With the search index loaded, as in the app. After each annotation save, the time until a
 * query finds the comment's new word is the index's update time. Edits replace the previous
 * run's word, so the cached workspace keeps its size run after run.
 */
async function dossierSaves(core: DossierCore, built: BuiltWorkspace, counts: { annotation: number; note: number }) {
  const random = mulberry32(99);
  const run = Date.now().toString(36);
  const annotation: number[] = [];
  const indexUpdate: number[] = [];
  let missed = 0;
  for (let i = 0; i < counts.annotation; i++) {
    const articleId = built.articleIds[Math.floor(random() * built.articleIds.length)]!;
    const { annotations } = await core.api['annotations.list']({ articleId });
    if (annotations.length === 0) {
      i--;
      continue;
    }
    const a = annotations[Math.floor(random() * annotations.length)]!;
    const word = uniqueWord(run, i);
    const t0 = performance.now();
    await core.api['annotations.update']({ articleId, id: a.id, comment: `${a.comment.replace(UNIQUE, '')} ${word}` });
    const t1 = performance.now();
    annotation.push(t1 - t0);
    // The index follows the change feed in its own queue; a query waits behind that update.
    let found = false;
    for (let tries = 0; tries < 200 && !found; tries++) {
      const { results } = await core.api['search.query']({ query: `"${word}"`, limit: 1 });
      found = results[0]?.id === a.id;
      if (!found) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    if (found) indexUpdate.push(performance.now() - t1);
    else missed++;
  }
  const note: number[] = [];
  for (let i = 0; i < counts.note; i++) {
    const id = built.noteIds[Math.floor(random() * built.noteIds.length)]!;
    const { note: current } = await core.api['notes.get']({ id });
    const content = withWord(current.content, uniqueWord(run, i));
    const t0 = performance.now();
    await core.api['notes.save']({ id, content });
    note.push(performance.now() - t0);
  }
  // The first saves warm the JIT and the files' caches; the steady state is what an analyst feels.
  return { annotation: dist(annotation.slice(10)), note: dist(note.slice(5)), indexUpdate: { ...dist(indexUpdate.slice(10)), missed } };
}

function withWord(content: NoteContent, word: string): NoteContent {
  const next = structuredClone(content);
  const blocks = next.root.children as { children?: { text?: string }[] }[];
  const last = blocks[blocks.length - 1]!;
  last.children = (last.children ?? []).filter((c) => !(typeof c.text === 'string' && UNIQUE.test(c.text) && c.text.trim().startsWith('zx')));
  last.children.push(textNode(` ${word}`));
  return next;
}

/**
 * The query workload through the host (HTTP round trip, as the renderer calls it), then the same
 * queries in-process (the core's call alone: lookup, ranking and snippets).
 */
async function searchLatency(core: DossierCore, root: string, queries: BenchQuery[], warmup: BenchQuery[]) {
  const host = await startHost({ core, rendererDir: path.join(root, 'out', 'renderer') });
  const call = async (query: string) => {
    const response = await fetch(`${host.origin}/api/call/search.query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { ok: boolean; value?: { results: unknown[] }; error?: { message: string } };
    if (!body.ok) throw new Error(`search.query failed: ${body.error?.message}`);
    return body.value!.results.length;
  };
  try {
    // What the host alone costs: a call that does no work (token check, JSON, loopback).
    const overhead: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await fetch(`${host.origin}/api/call/workspace.info`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: '{}' }).then((r) => r.json());
      overhead.push(performance.now() - t0);
    }
    for (const q of warmup) await call(q.dossier);
    const host_: { q: BenchQuery; ms: number; results: number }[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      const results = await call(q.dossier);
      host_.push({ q, ms: performance.now() - t0, results });
    }
    const inProcess: { q: BenchQuery; ms: number }[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      await core.api['search.query']({ query: q.dossier });
      inProcess.push({ q, ms: performance.now() - t0 });
    }
    const classes = [...new Set(queries.map((q) => q.class))];
    const byClass = Object.fromEntries(
      classes.map((c) => [c, { host: dist(host_.filter((r) => r.q.class === c).map((r) => r.ms)), inProcess: dist(inProcess.filter((r) => r.q.class === c).map((r) => r.ms)), empty: host_.filter((r) => r.q.class === c && r.results === 0).length }]),
    );
    const comparable = (r: { q: BenchQuery }) => r.q.fts5 !== null;
    return {
      hostOverhead: dist(overhead.slice(10)),
      host: dist(host_.map((r) => r.ms)),
      inProcess: dist(inProcess.map((r) => r.ms)),
      hostComparable: dist(host_.filter(comparable).map((r) => r.ms)),
      inProcessComparable: dist(inProcess.filter(comparable).map((r) => r.ms)),
      slowest: [...host_].sort((a, b) => b.ms - a.ms).slice(0, 8).map((r) => ({ query: r.q.dossier, class: r.q.class, ms: round(r.ms, 1), results: r.results })),
      byClass,
    };
  } finally {
    await host.close();
  }
}

/** Entity detection through the core (in-process detector, with the workspace's 5,000 entities known). */
async function nerThroughput(core: DossierCore, lex: Lexicon) {
  const texts: string[] = [];
  for (const a of new Corpus({ ...SMALL, articles: 6 }, lex).articles()) texts.push(a.text);
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
  for (const text of texts.slice(0, 2)) await core.api['entities.detect']({ text });
  const t0 = performance.now();
  for (let pass = 0; pass < 3; pass++) for (const text of texts) await core.api['entities.detect']({ text });
  const seconds = (performance.now() - t0) / 1000;
  return { words: words * 3, seconds: round(seconds, 2), words_per_s: Math.round((words * 3) / seconds) };
}

interface Probe {
  open_ms: number;
  process_ms: number;
  rss_open_mb: number;
  index_reload_ms: number;
  index_heap_mb: number;
  heap_used_mb: number;
  array_buffers_mb: number;
  rss_mb: number;
  results: number;
}

/** Fresh processes opening the workspace and loading its saved index: median of `runs`. */
function probes(root: string, dir: string, query: string, runs: number): Record<keyof Probe, number> {
  const all = Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'bench', 'indexProbe.ts'), dir, query], { cwd: root, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as Probe;
  });
  const keys = Object.keys(all[0]!) as (keyof Probe)[];
  return Object.fromEntries(keys.map((k) => [k, round(median(all.map((p) => p[k])), 1)])) as Record<keyof Probe, number>;
}

interface PeerResult {
  scale: string;
  lowdb: { file_mb: number; annotation: Dist; note: Dist };
  sqlite: { annotation: Dist; note: Dist };
  fts5: Dist & { empty: number; classes: Record<string, Dist> };
}

function peers(root: string, cache: string, scale: string): PeerResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'peers', 'peerBench.ts'), scale, cache], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as PeerResult;
}

export type ScaleDetails = Awaited<ReturnType<typeof scaleBench>>['details'];

export async function scaleBench(root: string, cache: string, exportMs: Record<string, number>, log: Log) {
  const load = [os.loadavg()[0]!];
  ensurePeers(root, log);
  const lex = lexicon();
  const big = await referenceWorkspace(cache, REFERENCE, lex, log);
  const small = await referenceWorkspace(cache, SMALL, lex, log);
  const queries = benchQueries(lex, REFERENCE.entities);
  const warmup = benchQueries(lex, REFERENCE.entities, 2222).slice(0, 20);

  log('scale: saves at 100 articles…');
  let core = await openCore(small.dir);
  await core.api['search.query']({ query: 'warm ' });
  const smallSaves = await dossierSaves(core, small, { annotation: 210, note: 105 });
  await core.close();

  log('scale: saves, index updates, search and detection at 10,000 articles…');
  core = await openCore(big.dir);
  const t0 = performance.now();
  await core.api['search.query']({ query: `${lex.vocabulary[1000]} ` });
  const firstQueryMs = performance.now() - t0;
  const bigSaves = await dossierSaves(core, big, { annotation: 210, note: 65 });
  load.push(os.loadavg()[0]!);
  // Past 200 changes the index saves a new snapshot 5 s after the last one, inside its queue: a
  // query landing then waits for it. Timed once here, then the search figures are taken after it.
  await new Promise((resolve) => setTimeout(resolve, 5_200));
  const t1 = performance.now();
  await core.api['search.query']({ query: `${lex.vocabulary[1001]} ` });
  const queryDuringSnapshotMs = performance.now() - t1;
  const search = await searchLatency(core, root, queries, warmup);
  const ner = await nerThroughput(core, lex);
  await core.close();
  load.push(os.loadavg()[0]!);

  log('scale: fresh processes opening the workspace and loading its index…');
  const probe = probes(root, big.dir, `${lex.vocabulary[1000]} `, 5);

  log('scale: the peers (SQLite, lowdb) at 100 and 10,000 articles…');
  const peerSmall = peers(root, cache, SMALL.name);
  const peerBig = peers(root, cache, REFERENCE.name);
  load.push(os.loadavg()[0]!);

  const worst = (s: { annotation: Dist; note: Dist }) => Math.max(s.annotation.p95_ms, s.note.p95_ms);
  const saveP95 = worst(bigSaves);
  const saveP95Small = worst(smallSaves);
  const scale = {
    reference: { articles: REFERENCE.articles, annotations: REFERENCE.annotations, notes: REFERENCE.notes, entities: REFERENCE.entities },
    metrics: {
      save_p95_ms: saveP95,
      save_p95_ms_small: saveP95Small,
      open_ms: probe.open_ms,
      rss_mb: probe.rss_mb,
      search_p95_ms: search.host.p95_ms,
      index_update_ms: bigSaves.indexUpdate.p50_ms,
      index_reload_ms: probe.index_reload_ms,
      index_heap_mb: probe.index_heap_mb,
      ner_words_per_s: ner.words_per_s,
      export_ms: { md: exportMs.export_md_ms, html: exportMs.export_html_ms, docx: exportMs.export_docx_ms, pdf: exportMs.export_pdf_ms },
    },
    ratios: {
      save_vs_lowdb_single_file: ratio(worst(peerBig.lowdb) / saveP95),
      save_vs_sqlite: ratio(worst(peerBig.sqlite) / saveP95),
      save_large_vs_small: ratio(saveP95 / saveP95Small),
      search_vs_sqlite_fts5: ratio(peerBig.fts5.p95_ms / search.hostComparable.p95_ms),
    },
  };
  const details = {
    measured_at: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
    load_average_1min: load.map((l) => round(l, 2)),
    builds: { [REFERENCE.name]: big.buildSeconds, [SMALL.name]: small.buildSeconds, rebuilt: { [REFERENCE.name]: big.built, [SMALL.name]: small.built } },
    dossier: {
      saves_10k: bigSaves,
      saves_100: smallSaves,
      first_query_after_open_ms: round(firstQueryMs, 1),
      query_during_snapshot_ms: round(queryDuringSnapshotMs, 1),
      search: { queries: queries.length, ...search },
      ner,
      probe,
    },
    peers: { [SMALL.name]: peerSmall, [REFERENCE.name]: peerBig },
    ratios_detail: {
      search_vs_sqlite_fts5_in_process: ratio(peerBig.fts5.p95_ms / search.inProcessComparable.p95_ms),
      annotation_save_vs_lowdb: ratio(peerBig.lowdb.annotation.p95_ms / bigSaves.annotation.p95_ms),
      note_save_vs_lowdb: ratio(peerBig.lowdb.note.p95_ms / bigSaves.note.p95_ms),
      annotation_save_vs_sqlite: ratio(peerBig.sqlite.annotation.p95_ms / bigSaves.annotation.p95_ms),
      note_save_vs_sqlite: ratio(peerBig.sqlite.note.p95_ms / bigSaves.note.p95_ms),
      annotation_save_large_vs_small: ratio(bigSaves.annotation.p95_ms / smallSaves.annotation.p95_ms),
      note_save_large_vs_small: ratio(bigSaves.note.p95_ms / smallSaves.note.p95_ms),
    },
  };
  return { scale, details };
}
