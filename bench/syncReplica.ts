import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replicaPouchDB } from '../electron/core/sync/replica/pouchdb';
import { openReplica } from '../electron/core/sync/replica/replica';
import type { PouchDoc } from '../electron/core/sync/replica/pouchTypes';
import { startTestServer } from '../electron/core/sync/testing/testServer';
import { mulberry32 } from './corpus';

/**
 * The sync replica at the reference scale: 10,000 docs of ~2 KB, each with a ~20 KB attachment,
 * put into a replica (time, file size, RSS of a fresh process that reopens it), then replicated
 * to pouchdb-server on loopback and pulled back into a fresh replica.
 *
 *   node --import tsx bench/syncReplica.ts          → bench/sync-replica.json
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = 10_000;
const BATCH = 100;
const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const WORDS = 'analyst source report border ministry convoy statement witness archive briefing port harbour council river'.split(' ');

function text(random: () => number, bytes: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < bytes) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

function logSize(dir: string): number {
  return readdirSync(dir).filter((name) => name.endsWith('.log')).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

/** Child-process mode: open the replica, touch every doc's metadata, report RSS. */
async function probe(dir: string | undefined): Promise<void> {
  replicaPouchDB();
  const t0 = performance.now();
  let count = 0;
  if (dir) {
    const replica = await openReplica(dir);
    count = (await replica.db.allDocs()).rows.length;
    const opened = performance.now() - t0;
    global.gc?.();
    process.stdout.write(JSON.stringify({ open_ms: opened, rss_mb: process.memoryUsage().rss / 2 ** 20, heap_mb: process.memoryUsage().heapUsed / 2 ** 20, count }));
    await replica.close();
  } else {
    global.gc?.();
    process.stdout.write(JSON.stringify({ open_ms: 0, rss_mb: process.memoryUsage().rss / 2 ** 20, heap_mb: process.memoryUsage().heapUsed / 2 ** 20, count }));
  }
}

interface Probe { open_ms: number; rss_mb: number; heap_mb: number; count: number }

function runProbe(dir?: string): Probe {
  const args = ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'bench', 'syncReplica.ts'), '--probe'];
  if (dir) args.push(dir);
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })) as Probe;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-sync-'));
  const server = await startTestServer();
  try {
    const random = mulberry32(17);
    const dir = path.join(work, 'sync', 'replica');
    const replica = await openReplica(dir);
    let bodyBytes = 0;
    let attachmentBytes = 0;
    const t0 = performance.now();
    for (let start = 0; start < DOCS; start += BATCH) {
      const docs: PouchDoc[] = [];
      for (let i = start; i < start + BATCH; i += 1) {
        const body = text(random, 2000);
        const attachment = Buffer.from(text(random, 20_000));
        bodyBytes += body.length;
        attachmentBytes += attachment.length;
        // Base64, not a Buffer: PouchDB's deterministic revision is an MD5 of the doc's JSON, and
        // a Buffer turns into a JSON array of numbers there (twice the put time).
        const data = attachment.toString('base64');
        docs.push({ _id: `article-${String(i).padStart(5, '0')}`, type: 'article', body, _attachments: { 'text.txt': { content_type: 'text/plain', data } } });
      }
      await replica.db.bulkDocs(docs);
      if ((start + BATCH) % 2000 === 0) log(`  put ${start + BATCH}/${DOCS}`);
    }
    const putMs = performance.now() - t0;
    await replica.close();
    const fileBytes = logSize(dir);
    log(`put: ${round(putMs)} ms, log ${round(fileBytes / 2 ** 20)} MB`);

    const baseline = runProbe();
    const reopened = runProbe(dir);
    log(`reopen: ${round(reopened.open_ms)} ms, rss ${round(reopened.rss_mb)} MB (baseline ${round(baseline.rss_mb)} MB)`);

    const PouchDB = replicaPouchDB();
    const local = await openReplica(dir);
    const remote = new PouchDB(server.dbUrl('bench'), { auth: server.auth });
    const t1 = performance.now();
    const pushed = await local.db.replicate.to(remote, { batch_size: BATCH });
    const pushMs = performance.now() - t1;
    log(`push: ${round(pushMs)} ms, ${pushed.docs_written} docs`);
    await local.close();

    const freshDir = path.join(work, 'fresh');
    const fresh = await openReplica(freshDir);
    const t2 = performance.now();
    const pulled = await fresh.db.replicate.from(remote, { batch_size: BATCH });
    const pullMs = performance.now() - t2;
    log(`pull: ${round(pullMs)} ms, ${pulled.docs_written} docs`);
    await fresh.close();
    await remote.close();

    const results = {
      measured_at: new Date().toISOString().slice(0, 10),
      machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}`,
      docs: DOCS,
      doc_body_bytes_avg: Math.round(bodyBytes / DOCS),
      attachment_bytes_avg: Math.round(attachmentBytes / DOCS),
      put_ms: round(putMs),
      put_docs_per_s: round(DOCS / (putMs / 1000)),
      log_mb: round(fileBytes / 2 ** 20),
      payload_mb: round((bodyBytes + attachmentBytes) / 2 ** 20),
      reopen_ms: round(reopened.open_ms),
      reopen_rss_mb: round(reopened.rss_mb),
      reopen_heap_mb: round(reopened.heap_mb),
      baseline_rss_mb: round(baseline.rss_mb),
      baseline_heap_mb: round(baseline.heap_mb),
      push_to_server_ms: round(pushMs),
      push_docs_written: pushed.docs_written,
      pull_into_fresh_replica_ms: round(pullMs),
      pull_docs_written: pulled.docs_written,
    };
    writeFileSync(path.join(ROOT, 'bench', 'sync-replica.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await server.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--probe')) {
  const at = process.argv.indexOf('--probe');
  await probe(process.argv[at + 1]);
} else {
  await main();
}
