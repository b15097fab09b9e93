import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createCore } from './dossierCore';
import { WorkspaceStore } from './store/workspaceStore';
import { b64, commands, TEMPLATE_ARTICLES, totals } from './testing/modelCommands';
import { encryptWorkspace } from './crypt/convert';
import { lockWorkspace, unlockedKey, unlockWorkspace } from './crypt/keyring';
import { detectNames, detector, openCore, useWorkspaceKey, type System } from './testing/modelWorkspace';
import { WorkspaceModel, type ModelArticle } from './testing/workspaceModel';

/**
 * Issue 12, "durability, proven": random sequences of imports, highlights, notes, entities,
 * briefs, undo, redo, crashes and restarts, run through the core on a real workspace folder and
 * against an in-memory model; after every step everything the analyst can see must equal the
 * model. DOSSIER_MODEL_RUNS sets the number of sequences (1,000 by default, as CI runs it) and
 * DOSSIER_MODEL_SEED replays one run's seed; fast-check prints both, and the shrunk sequence, on a
 * failure, and the failure lists the calls made.
 */

const RUNS = Number(process.env.DOSSIER_MODEL_RUNS ?? 1000);
const SEED = process.env.DOSSIER_MODEL_SEED === undefined ? undefined : Number(process.env.DOSSIER_MODEL_SEED);
const MAX_COMMANDS = 25;
/** Issue 16: a few sequences on an encrypted copy of the template too (DOSSIER_MODEL_ENCRYPTED_RUNS). */
const ENCRYPTED_RUNS = Number(process.env.DOSSIER_MODEL_ENCRYPTED_RUNS ?? 25);

/**
 * Where the workspaces go: DOSSIER_MODEL_DIR, else memory-backed /dev/shm where there is one, else
 * the temp folder. This test is about what is saved, undone and replayed after a crash, not about
 * the disk: fsync's durability is proven by the kill test on a real disk, and on tmpfs the 1,000
 * sequences run three times faster.
 */
async function scratchFolder(): Promise<string> {
  if (process.env.DOSSIER_MODEL_DIR) return process.env.DOSSIER_MODEL_DIR;
  const shm = '/dev/shm';
  const usable = await fs.access(shm, fs.constants.W_OK).then(
    () => true,
    () => false,
  );
  return usable ? shm : os.tmpdir();
}

let root: string;
let template: string;
let templateArticles: ModelArticle[];
let runs = 0;

interface Env {
  model: WorkspaceModel;
  system: System;
}

async function freshEnv(from = template): Promise<Env> {
  const dir = path.join(root, `run-${++runs}`);
  await fs.cp(from, dir, { recursive: true });
  const model = new WorkspaceModel(detectNames);
  for (const article of templateArticles) model.addArticle(article);
  return { model, system: { core: await openCore(dir), dir, trace: [], crashes: 0, crashesWithJournal: 0 } };
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(await scratchFolder(), 'dossier-model-'));
  template = path.join(root, 'template');
  const core = createCore(await WorkspaceStore.open(template, { create: true }), { creator: { name: 'Analyst' }, detector });
  templateArticles = [];
  for (const [i, text] of TEMPLATE_ARTICLES.entries()) {
    const { articles } = await core.api['articles.import']({ files: [{ name: `template-${i}.txt`, base64: b64(text) }] });
    const { article, text: stored } = await core.api['articles.get']({ id: articles[0]!.id });
    templateArticles.push({ id: article.id, title: article.title, text: stored, source: text });
  }
  await core.close();
  encrypted = path.join(root, 'template-encrypted');
  await fs.cp(template, encrypted, { recursive: true });
  await encryptWorkspace(encrypted, 'model', { kdf: { N: 1024, r: 8, p: 1 } });
  await unlockWorkspace(encrypted, 'model');
  encryptedKey = unlockedKey(encrypted);
  await lockWorkspace(encrypted);
});

let encrypted: string;
let encryptedKey: Uint8Array | null = null;

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** One property run: a fresh copy of `from`, the commands, then everything closed and removed. */
async function runSequence(cmds: Iterable<fc.AsyncCommand<WorkspaceModel, System>>, from?: string): Promise<void> {
  const { model, system } = await freshEnv(from);
  totals.sequences += 1;
  const dirs = [system.dir];
  try {
    await fc.asyncModelRun(() => ({ model, real: system }), cmds);
  } finally {
    totals.crashes += system.crashes;
    totals.crashesWithJournal += system.crashesWithJournal;
    dirs.push(system.dir);
    await system.core.close();
    for (const dir of dirs) await lockWorkspace(dir);
    await fs.rm(system.dir, { recursive: true, force: true });
  }
}

describe('the workspace against an in-memory model', () => {
  it(
    `stays equal to the model when encrypted, over ${ENCRYPTED_RUNS} random sequences`,
    async () => {
      useWorkspaceKey(encryptedKey);
      try {
        await fc.assert(
          fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }), (cmds) => runSequence(cmds, encrypted)),
          { numRuns: ENCRYPTED_RUNS, seed: SEED },
        );
      } finally {
        useWorkspaceKey(null);
      }
    },
    30 * 60_000,
  );

  it(
    `stays equal to the model over ${RUNS} random sequences of up to ${MAX_COMMANDS} changes, undos, redos, crashes and restarts`,
    async () => {
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
          const { model, system } = await freshEnv();
          totals.sequences += 1;
          try {
            await fc.asyncModelRun(() => ({ model, real: system }), cmds);
          } finally {
            totals.crashes += system.crashes;
            totals.crashesWithJournal += system.crashesWithJournal;
            await system.core.close();
            await fs.rm(system.dir, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `model-based: ${totals.sequences} sequences, ${totals.commands} commands, ${totals.crashes} crashes (${totals.crashesWithJournal} with an unfolded journal), 0 divergences, ${seconds} s`,
      );
    },
    30 * 60_000,
  );
});
