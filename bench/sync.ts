import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventPayload } from '../electron/common/contract';
import { createCore, type DossierCore } from '../electron/core/dossierCore';
import { AppSettingsFile } from '../electron/core/settings/appSettingsFile';
import { BACKUPS_DIR } from '../electron/core/snapshots/snapshotManifest';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { startCuttableProxy } from '../electron/core/sync/testing/cuttableProxy';
import { startTestServer } from '../electron/core/sync/testing/testServer';
import { mergeIntoResults } from './benchReport';
import { referenceWorkspace } from './reference/buildWorkspace';
import { lexicon, REFERENCE, SMALL, type Scale } from './reference/generator';
import { median, round } from './stats';

type Log = (line: string) => void;
type Phase = EventPayload<'sync.progress'>['phase'];

const HERE = fileURLToPath(import.meta.url);
const DATABASE = 'bench-team';
/** One change each way, this many times; the issue bounds the median. */
const CHANGES = 5;
const CHANGE_TIMEOUT_MS = 60_000;

/** What a sync run in its own process reports (see `probe`). */
interface RunReport {
  seconds: number;
  pushed: number;
  pulled: number;
  /** Per phase: seconds from the start of the run to its first and last progress event, how many, and its last count. */
  phases: Partial<Record<Phase, { first_s: number; last_s: number; events: number; done: number }>>;
  progress_events: number;
  peak_rss_mb: number;
  articles: number;
}

/**
 * Team sync at the reference scale (issue 17), against pouchdb-server on loopback with its
 * databases in a folder, through a TCP relay that counts the bytes each way:
 *
 * 1. the first sync of a copy of the 10,000-article reference workspace (a fresh process running
 *    the core's `sync.run` as `dossier sync` does: its time, the documents and megabytes sent, its
 *    peak RSS, and the progress events it emitted);
 * 2. a clone of it into an empty folder (the same, the other way);
 * 3. both workspaces open in this process with live sync (as in the app), one highlight added on
 *    one side until the other side's store holds it, each way, median of 5 — the issue bounds it
 *    at 2 s.
 *
 * Alone: `node --import tsx bench/sync.ts` (`100` as argument: the 1% workspace, for a quick look).
 */
export async function syncFigures(root: string, cache: string, log: Log, scale: Scale = REFERENCE): Promise<Record<string, number | boolean>> {
  const { dir: reference } = await referenceWorkspace(cache, scale, lexicon(), log);
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-bench-sync-'));
  const server = await startTestServer();
  const relay = await startCuttableProxy(server.port);
  const remote = `${relay.url}/${DATABASE}`;
  const env = { ...process.env, DOSSIER_SYNC_USER: server.auth.username, DOSSIER_SYNC_PASSWORD: server.auth.password };
  const a = path.join(base, 'a');
  const b = path.join(base, 'b');
  try {
    // The sync folder is written into the workspace: a copy, without what sync leaves alone.
    const skip = (p: string) => !p.startsWith(path.join(reference, 'search')) && !p.startsWith(path.join(reference, BACKUPS_DIR));
    await fs.cp(reference, a, { recursive: true, filter: skip });

    log('sync: first sync of the reference workspace…');
    let up = relay.bytesUp;
    const first = await runInProcess(root, 'first', a, remote, env, log);
    const sentMb = (relay.bytesUp - up) / 2 ** 20;
    const info = await serverInfo(server.dbUrl(DATABASE), server.auth);
    log(`sync: first sync ${round(first.seconds)} s, ${first.pushed} documents, ${round(sentMb)} MB sent, ${info.doc_count} on the server`);

    log('sync: clone into an empty folder…');
    let down = relay.bytesDown;
    const clone = await runInProcess(root, 'clone', b, remote, env, log);
    const receivedMb = (relay.bytesDown - down) / 2 ** 20;
    if (clone.articles !== first.articles) throw new Error(`the clone holds ${clone.articles} articles, the original ${first.articles}`);
    log(`sync: clone ${round(clone.seconds)} s, ${clone.pulled} documents, ${round(receivedMb)} MB received`);

    log('sync: both open and live, one highlight each way…');
    up = relay.bytesUp;
    down = relay.bytesDown;
    const live = await liveChanges(a, b, remote, server.auth, log);
    return {
      sync_docs: info.doc_count,
      sync_first_push_s: round(first.seconds),
      sync_first_push_docs: first.pushed,
      sync_first_push_mb_sent: round(sentMb),
      sync_first_push_peak_rss_mb: round(first.peak_rss_mb),
      sync_first_push_progress_events: first.progress_events,
      sync_first_push_compare_s: round(phaseSeconds(first, 'prepare', 'push')),
      sync_first_push_replicate_s: round(first.seconds - (first.phases.push?.first_s ?? first.seconds)),
      sync_clone_s: round(clone.seconds),
      sync_clone_docs: clone.pulled,
      sync_clone_mb_received: round(receivedMb),
      sync_clone_peak_rss_mb: round(clone.peak_rss_mb),
      sync_clone_progress_events: clone.progress_events,
      sync_clone_pull_s: round(phaseSeconds(clone, 'pull', 'apply')),
      sync_clone_write_in_s: round(phaseSeconds(clone, 'apply', 'prepare')),
      sync_clone_pushed_back: clone.pushed,
      sync_reopen_run_a_s: round(live.runs[0]!),
      sync_reopen_run_b_s: round(live.runs[1]!),
      sync_one_change_ms: round(median([...live.aToB, ...live.bToA])),
      sync_one_change_a_to_b_ms: round(median(live.aToB)),
      sync_one_change_b_to_a_ms: round(median(live.bToA)),
      sync_one_change_max_ms: round(Math.max(...live.aToB, ...live.bToA)),
      sync_one_change_target_met: median([...live.aToB, ...live.bToA]) <= 2000,
    };
  } finally {
    await relay.close();
    await server.dispose();
    await fs.rm(base, { recursive: true, force: true });
  }
}

/** Seconds from the first event of one phase to the first of the next (0 when either never came). */
function phaseSeconds(run: RunReport, from: Phase, to: Phase): number {
  const start = run.phases[from]?.first_s;
  const end = run.phases[to]?.first_s ?? run.seconds;
  return start === undefined ? 0 : end - start;
}

async function serverInfo(url: string, auth: { username: string; password: string }): Promise<{ doc_count: number }> {
  const response = await fetch(url, { headers: { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as { doc_count: number };
}

/** One sync run in a fresh process (its peak RSS is its own), as `dossier sync` runs it. */
function runInProcess(root: string, mode: 'first' | 'clone', dir: string, remote: string, env: NodeJS.ProcessEnv, log: Log): Promise<RunReport> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [...(process.env.BENCH_SYNC_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', HERE, '--probe', mode, dir, remote],
      { cwd: root, env, maxBuffer: 64 * 2 ** 20 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as RunReport);
      },
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  ${line}`);
    });
  });
}

/** Child-process mode: one `sync.run` of the workspace in `dir` with the database at `remote`. */
async function probe(mode: 'first' | 'clone', dir: string, remote: string): Promise<void> {
  const store = await WorkspaceStore.open(dir, { create: mode === 'clone' });
  const core = createCore(store, { settings: AppSettingsFile.inMemory({ displayName: mode === 'first' ? 'Ana' : 'Ben', firstRunGuideDismissed: true }) });
  const phases: RunReport['phases'] = {};
  let events = 0;
  const t0 = performance.now();
  const off = core.events.subscribe((name, payload) => {
    if (name !== 'sync.progress') return;
    const { phase, done } = payload as EventPayload<'sync.progress'>;
    const at = (performance.now() - t0) / 1000;
    events += 1;
    const seen = (phases[phase] ??= { first_s: at, last_s: at, events: 0, done: 0 });
    if (done > 0 && Math.floor(done / 10_000) > Math.floor(seen.done / 10_000)) process.stderr.write(`${phase} ${done} at ${round(at)} s\n`);
    seen.last_s = at;
    seen.events += 1;
    seen.done = done;
  });
  const counts = await core.api['sync.run']({ remote, username: process.env.DOSSIER_SYNC_USER, password: process.env.DOSSIER_SYNC_PASSWORD });
  const seconds = (performance.now() - t0) / 1000;
  off();
  const articles = store.listArticles().length;
  await core.close();
  const report: RunReport = {
    seconds,
    pushed: counts.pushed,
    pulled: counts.pulled,
    phases,
    progress_events: events,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    articles,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/**
 * Both workspaces open with live sync, as the app keeps them; one run each gives the credentials
 * and starts it. Then a highlight made on one side is timed until the other side's store has
 * written it (its change feed announces it, then the list is asked), alternating directions.
 */
async function liveChanges(a: string, b: string, remote: string, auth: { username: string; password: string }, log: Log) {
  const open = async (dir: string, name: string) =>
    createCore(await WorkspaceStore.open(dir), { liveSync: true, settings: AppSettingsFile.inMemory({ displayName: name, firstRunGuideDismissed: true }) });
  const sideA = await open(a, 'Ana');
  const sideB = await open(b, 'Ben');
  try {
    const runs: number[] = [];
    for (const side of [sideA, sideB]) {
      const t = performance.now();
      await side.api['sync.run']({ remote, ...auth });
      runs.push((performance.now() - t) / 1000);
    }
    log(`sync: runs to go live ${runs.map((s) => round(s)).join(' s, ')} s`);
    await settled([sideA, sideB]);
    const articleId = sideA.store.listArticles()[0]!.id;
    const aToB: number[] = [];
    const bToA: number[] = [];
    for (let i = 0; i < CHANGES * 2; i++) {
      const [from, to, into] = i % 2 === 0 ? [sideA, sideB, aToB] : [sideB, sideA, bToA];
      const start = 20 + i * 60;
      const t = performance.now();
      const { annotation } = await from.api['annotations.create']({ articleId, start, end: start + 40, comment: `live change ${i}` });
      await arrival(to, articleId, annotation.id);
      into.push(performance.now() - t);
      log(`sync: change ${i + 1} of ${CHANGES * 2} (${i % 2 === 0 ? 'A→B' : 'B→A'}) in ${round(into.at(-1)!)} ms`);
      // Each change alone: the next starts once both sides are quiet again.
      await settled([sideA, sideB]);
    }
    return { runs, aToB, bToA };
  } finally {
    await sideA.close();
    await sideB.close();
  }
}

/** Until `core`'s store holds the highlight `id` (announced on its change feed, then listed). */
async function arrival(core: DossierCore, articleId: string, id: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`highlight ${id} did not arrive within ${CHANGE_TIMEOUT_MS} ms`));
    }, CHANGE_TIMEOUT_MS);
    const off = core.feed.subscribe(({ changes }) => {
      if (!changes.some((c) => c.subject === 'annotation' && c.id === id)) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
  const { annotations } = await core.api['annotations.list']({ articleId });
  if (!annotations.some((x) => x.id === id)) throw new Error(`highlight ${id} announced but not listed`);
}

/** Until every side's live sync says idle (nothing to send or take in), and a moment more. */
async function settled(cores: DossierCore[]): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const states = await Promise.all(cores.map(async (c) => (await c.api['sync.status']({})).state));
    if (states.every((s) => s === 'idle')) break;
    if (Date.now() > deadline) throw new Error(`live sync not settled: ${states.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

if (process.argv[1] === HERE) {
  const at = process.argv.indexOf('--probe');
  if (at !== -1) {
    await probe(process.argv[at + 1] as 'first' | 'clone', process.argv[at + 2]!, process.argv[at + 3]!);
  } else {
    const root = path.resolve(path.dirname(HERE), '..');
    const scale = process.argv[2] === '100' ? SMALL : REFERENCE;
    const figures = await syncFigures(root, path.join(root, 'bench', '.cache'), (line) => process.stderr.write(`${line}\n`), scale);
    if (scale === REFERENCE) mergeIntoResults(root, figures);
    console.log(JSON.stringify(figures, null, 2));
  }
}
