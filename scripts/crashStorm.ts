/**
 * `npm run test:crash`: a real `dossier serve` takes a storm of highlight, note, entity and brief
 * saves through its HTTP API and is SIGKILLed at a random moment, round after round on the same
 * workspace. After every kill the workspace must open with every file readable and hold every
 * save the server acknowledged (a save on its way when the process died may have landed or not),
 * the search index must find what was saved last, and each highlight's history must agree with it.
 * Then issue 12's stale-lock race: 20 `dossier annotate` at once on a workspace with a dead
 * process's lock.
 *
 * `--rounds N` or CRASH_ROUNDS (default 300), `--seed N` or CRASH_SEED (default 12), `--lock-races N`
 * or CRASH_LOCK_RACES (default 3); `--encrypted` or CRASH_ENCRYPTED=1 runs it all on an encrypted
 * workspace (docs/ENCRYPTION.md: every file sealed, the logs line by line, generations recorded),
 * the servers and the commands given its passphrase; CRASH_KEEP=1 keeps the workspace,
 * CRASH_VERBOSE=1 prints every round. Runs the built app (`npm run test:crash` builds it first), as `npx dossier` does.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encryptWorkspace, unlockWorkspace, WorkspaceStore } from '../electron/core';
import { forgetWorkspaceKey } from '../electron/core/crypt/keyring';
import { FOLDING_FILE, LOG_FILE } from '../electron/core/store/writeAheadLog';
import { backupLoop, BackupModel, checkBackups } from './crash/backupLoop';
import { checkSaves, scanFiles } from './crash/checkWorkspace';
import { lockRace, type LockRaceResult } from './crash/lockRace';
import { KINDS, SaveModel, saveLoop, seededRandom, word, type Kind, type Random, type StormArticle } from './crash/saveLoops';
import { killHard, startServer, type ServedWorkspace } from './crash/servedWorkspace';

const ROUNDS = setting('--rounds', 'CRASH_ROUNDS', 300);
const SEED = setting('--seed', 'CRASH_SEED', 12);
const LOCK_RACES = setting('--lock-races', 'CRASH_LOCK_RACES', 3);
const ENCRYPTED = process.argv.includes('--encrypted') || process.env.CRASH_ENCRYPTED === '1';
/** The encrypted storm's passphrase, with a cheap key derivation: the storm is about the files, not scrypt. */
const PASSPHRASE = 'crash storm passphrase';
const STORM_KDF = { N: 1024, r: 8, p: 1 };
const LOOPS_PER_KIND = 2;
const ARTICLES = 4;

function setting(flag: string, variable: string, fallback: number): number {
  const at = process.argv.indexOf(flag);
  const value = Number(at === -1 ? (process.env[variable] ?? fallback) : process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} (${variable}) must be a whole number`);
  return value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (random: Random, low: number, high: number) => Math.round(low + random() * (high - low));

/** What one round does, drawn from the seed before it starts. */
interface Plan {
  /** Kill the server while it starts (replaying the logs the last reader check left), before any save. */
  killAtStartMs: number | null;
  /** How long the storm runs before the kill. */
  stormMs: number;
  /**
   * Stop saving for about the 2 s after which the log is folded, then save again briefly and kill:
   * the kill lands before, during or after the fold, with saves going into the fresh log.
   */
  idle: { ms: number; thenMs: number } | null;
  /** Check as a writer (replays and folds the logs here) or as a reader (leaves them to the next start). */
  writer: boolean;
}

function planRound(random: Random, logsLeft: boolean): Plan {
  return {
    killAtStartMs: logsLeft && random() < 0.15 ? between(random, 80, 500) : null,
    stormMs: between(random, 20, 400),
    // Mostly just after the fold starts (it takes tens of milliseconds), sometimes well after it.
    idle: random() < 0.25 ? { ms: random() < 0.7 ? between(random, 1_980, 2_120) : between(random, 2_200, 2_800), thenMs: between(random, 0, 100) } : null,
    writer: random() < 0.5,
  };
}

/** Articles whose sentences each occur once, so a highlight can quote any of them. */
function articleFile(random: Random, n: number): { name: string; base64: string; sentences: string[] } {
  const sentences = Array.from({ length: 40 }, (_, i) => `The ${word(random)} report on ${word(random)} names ${word(random)} in section ${i + 1}.`);
  const text = `Storm article ${n}\n\n${sentences.join(' ')}\n`;
  return { name: `storm-${n}.txt`, base64: Buffer.from(text).toString('base64'), sentences };
}

async function seedArticles(server: ServedWorkspace, random: Random): Promise<StormArticle[]> {
  const files = Array.from({ length: ARTICLES }, (_, i) => articleFile(random, i + 1));
  const answer = await server.call('articles.import', { files: files.map(({ name, base64 }) => ({ name, base64 })) });
  if (!answer.ok || answer.value.articles.length !== ARTICLES) throw new Error(`The storm's articles were not imported: ${JSON.stringify(answer)}`);
  return answer.value.articles.map((a, i) => ({ id: a.id, sentences: files[i]!.sentences }));
}

/**
 * Eight save loops (two per kind) until the kill; with an idle pause, they stop, wait for the fold,
 * and start again just before the kill.
 */
async function storm(
  server: ServedWorkspace,
  plan: Plan,
  context: { model: SaveModel; backups: BackupModel; articles: StormArticle[]; round: number; random: Random },
): Promise<void> {
  // Every loop of every storm draws from its own generator, so no two make the same words.
  const loops = (stopped: () => boolean) => [
    ...KINDS.flatMap((kind) =>
      Array.from({ length: LOOPS_PER_KIND }, (_, i) =>
        saveLoop(kind, `${kind}-${i}`, { ...context, server, random: seededRandom(Math.floor(context.random() * 2 ** 32)), stopped }),
      ),
    ),
    backupLoop(server, context.backups, stopped),
  ];
  let stop = false;
  let running = loops(() => stop);
  await sleep(plan.stormMs);
  if (plan.idle) {
    stop = true;
    await Promise.all(running);
    await sleep(plan.idle.ms);
    running = loops(() => false);
    await sleep(plan.idle.thenMs);
  }
  await killHard(server.child, server.exited);
  await Promise.all(running);
}

/** An empty log (the killed server created it for a save it never wrote) holds nothing to replay. */
async function holdsSaves(log: string): Promise<boolean> {
  return ((await fs.stat(log).catch(() => null))?.size ?? 0) > 0;
}

interface Totals {
  rounds: number;
  killsAtStart: number;
  killsWithUnfoldedLog: number;
  killsDuringFold: number;
  tornTails: number;
  unreadable: string[];
  lost: string[];
  searchMisses: string[];
  /** Records search showed with an older value after a save landed unanswered (by id: it lasts until the next save). */
  staleSearch: Set<string>;
  historyMismatches: string[];
  leftLogs: string[];
}

async function main(): Promise<number> {
  if (!existsSync(path.resolve(import.meta.dirname, '..', 'out', 'renderer', 'index.html'))) {
    console.error('test:crash: the app is not built; run: npm run build');
    return 1;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-crash-'));
  const random = seededRandom(SEED);
  const model = new SaveModel();
  const backups = new BackupModel();
  const totals: Totals = { rounds: 0, killsAtStart: 0, killsWithUnfoldedLog: 0, killsDuringFold: 0, tornTails: 0, unreadable: [], lost: [], searchMisses: [], staleSearch: new Set(), historyMismatches: [], leftLogs: [] };
  const fail = (list: string[], round: number, what: string[]) => {
    for (const w of what) console.error(`round ${round}: ${w}`);
    list.push(...what);
  };
  let articles: StormArticle[] = [];
  let logsLeft = false;
  const started = Date.now();
  const env: Record<string, string> = ENCRYPTED ? { DOSSIER_PASSPHRASE: PASSPHRASE } : {};
  if (ENCRYPTED) {
    // Encrypted before the first server starts: every file the storm makes is sealed from the start.
    await (await WorkspaceStore.open(dir, { create: true })).close();
    await encryptWorkspace(dir, PASSPHRASE, { kdf: STORM_KDF });
  }
  console.log(`crash storm: seed ${SEED}, ${ROUNDS} rounds${ENCRYPTED ? ', encrypted workspace' : ''}, workspace ${dir}`);

  for (let round = 1; round <= ROUNDS; round++) {
    const plan = planRound(random, logsLeft);
    const t0 = Date.now();
    const server = startServer(dir, env);
    if (plan.killAtStartMs !== null) {
      await sleep(plan.killAtStartMs);
      totals.killsAtStart += 1;
    } else {
      const running = await server.started;
      if (!running) {
        console.error(`round ${round}: dossier serve did not start (${await server.exited}):\n${server.log.join('')}`);
        return finish(dir, totals, model, null, started, true);
      }
      if (articles.length === 0) articles = await seedArticles(running, random);
      await storm(running, plan, { model, backups, articles, round, random });
    }
    await killHard(server.child, server.exited);
    totals.rounds = round;
    if (await holdsSaves(path.join(dir, LOG_FILE))) totals.killsWithUnfoldedLog += 1;
    if (await holdsSaves(path.join(dir, FOLDING_FILE))) totals.killsDuringFold += 1;

    const t1 = Date.now();
    // Unlocked afresh for each round's checks: what this process knew of the files (generations,
    // the last folded log) is from before the server it killed wrote them.
    if (ENCRYPTED) await unlockWorkspace(dir, PASSPHRASE);
    let outcome: 'checked' | 'nothing saved yet' | 'did not open';
    try {
      outcome = await checkRound(round, plan, t1 - t0);
    } finally {
      // Forgotten before the next server starts, so no delayed save of this process can race it.
      if (ENCRYPTED) forgetWorkspaceKey(dir);
    }
    if (outcome === 'did not open') return finish(dir, totals, model, null, started, true);
    if (outcome === 'nothing saved yet') continue;
    logsLeft = !plan.writer;
    if (process.env.CRASH_VERBOSE) console.log(`  checked in ${Date.now() - t1} ms`);
    if (round % 25 === 0) console.log(`  round ${round}: ${acknowledged(model)} saves acknowledged, ${totals.lost.length} lost (${Math.round((Date.now() - started) / 1000)} s)`);
  }

  /** One round's checks after the kill. */
  async function checkRound(round: number, plan: Plan, roundMs: number): Promise<'checked' | 'nothing saved yet' | 'did not open'> {
    if (process.env.CRASH_VERBOSE) console.log(`round ${round}: ${roundMs} ms ${JSON.stringify(plan)} logs ${JSON.stringify((await fs.readdir(dir)).filter((f) => f.startsWith('journal')))} acked ${acknowledged(model)}`);
    const raw = await scanFiles(dir, false);
    totals.tornTails += raw.tornTails;
    fail(totals.unreadable, round, raw.unreadable);
    fail(totals.unreadable, round, await checkBackups(dir, backups));
    if (articles.length === 0) return 'nothing saved yet'; // killed while creating the workspace: nothing was saved yet
    let check;
    try {
      check = await checkSaves(dir, model, round, plan.writer);
    } catch (error) {
      fail(totals.unreadable, round, [`the workspace did not open: ${(error as Error).message}`]);
      return 'did not open';
    }
    fail(totals.lost, round, check.lost);
    fail(totals.searchMisses, round, check.searchMisses.map((m) => `search does not find ${m}`));
    for (const m of check.staleSearch) {
      if (totals.staleSearch.size === 0 || process.env.CRASH_VERBOSE) console.log(`round ${round}: search is stale for ${m}`);
      totals.staleSearch.add(m.slice(0, m.indexOf(':')));
    }
    fail(totals.historyMismatches, round, check.historyMismatches.map((m) => `history disagrees: ${m}`));
    if (plan.writer) {
      // Opened and closed by a writer: every log replayed and folded, nothing left cut short.
      const folded = await scanFiles(dir, true);
      fail(totals.unreadable, round, folded.unreadable);
      for (const l of folded.logs) {
        if (await holdsSaves(path.join(dir, l))) fail(totals.leftLogs, round, [`${l} still holds saves after a writer closed the workspace`]);
      }
    }
    return 'checked';
  }

  const races: LockRaceResult[] = [];
  for (let race = 1; race <= LOCK_RACES && articles.length > 0; race++) {
    if (ENCRYPTED) await unlockWorkspace(dir, PASSPHRASE);
    races.push(await lockRace(dir, articles[0]!.id, articles[0]!.sentences[race % 40]!, race, env));
    if (ENCRYPTED) forgetWorkspaceKey(dir);
  }
  console.log(`backups: ${backups.acknowledged.size} taken during the storm and acknowledged; each checked after every kill (listed, every file whole)`);
  return finish(dir, totals, model, races, started, false);
}

const PLURAL: Record<Kind, string> = { highlight: 'highlights', note: 'notes', entity: 'entities', brief: 'briefs' };

function acknowledged(model: SaveModel): number {
  return KINDS.reduce((sum, k) => sum + model.acked[k], 0);
}

async function finish(dir: string, totals: Totals, model: SaveModel, races: LockRaceResult[] | null, started: number, aborted: boolean): Promise<number> {
  const kinds = KINDS.map((k) => `${PLURAL[k]} ${model.acked[k]}`).join(', ');
  console.log(
    `crash storm: ${totals.rounds} rounds (${totals.killsAtStart} killed while starting, ${totals.killsWithUnfoldedLog} with saves in the log, ` +
      `${totals.killsDuringFold} during a fold), ${acknowledged(model)} saves acknowledged (${kinds}), ${totals.lost.length} lost, ` +
      `${totals.unreadable.length} unreadable files, ${totals.searchMisses.length} search misses (and ${totals.staleSearch.size} records whose unanswered save landed but not in search), ${totals.historyMismatches.length} history mismatches, ` +
      `${totals.leftLogs.length} logs left after close, ${model.refused.length} refused, ${totals.tornTails} torn log tails; ${Math.round((Date.now() - started) / 1000)} s`,
  );
  for (const r of model.refused.slice(0, 10)) console.error(`refused: ${r}`);
  let raceFailed = false;
  for (const [i, r] of (races ?? []).entries()) {
    const ok = r.stored === r.succeeded && r.historyLines === r.succeeded;
    raceFailed ||= !ok;
    console.log(`lock race ${i + 1}: ${r.started} commands, ${r.succeeded} exited 0, ${r.stored} stored, ${r.historyLines} history lines${ok ? '' : '  FAILED'}`);
    for (const f of r.failures.slice(0, 3)) console.log(`  ${f}`);
  }
  const failed = aborted || raceFailed || totals.staleSearch.size > 0 || [totals.lost, totals.unreadable, totals.searchMisses, totals.historyMismatches, totals.leftLogs].some((l) => l.length > 0);
  if (failed || process.env.CRASH_KEEP) console.log(`the workspace is kept: ${dir}`);
  else await fs.rm(dir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
