import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type DossierCore } from '../electron/core/dossierCore';
import { encryptWorkspace } from '../electron/core/crypt/convert';
import { DEFAULT_KDF, newKeyFile, unlockKeyFile } from '../electron/core/crypt/keyFile';
import { lockWorkspace, unlockWorkspace } from '../electron/core/crypt/keyring';
import { importArticles } from '../electron/core/import/importArticles';
import { BACKUPS_DIR } from '../electron/core/snapshots/snapshotManifest';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { generateArticle, mulberry32 } from './corpus';
import { median, quantile, round } from './stats';

type Log = (line: string) => void;
const PASSPHRASE = 'bench passphrase';

/**
 * Encryption at rest (issue 16): the same workspace plaintext and encrypted, opened, saved to and
 * searched the same way, in this process; and unlocking with the default scrypt cost. The ratio
 * is what the issue bounds (≤ 1.3×); unlock ≤ 1 s.
 */
export async function encryptionFigures(source: string, log: Log): Promise<Record<string, number>> {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-bench-crypt-'));
  try {
    const plain = path.join(base, 'plain');
    const sealed = path.join(base, 'sealed');
    const skip = (p: string) => !p.startsWith(path.join(source, 'search')) && !p.startsWith(path.join(source, BACKUPS_DIR));
    await fs.cp(source, plain, { recursive: true, filter: skip });
    await fs.cp(source, sealed, { recursive: true, filter: skip });
    log('encryption: encrypting a copy…');
    const t0 = performance.now();
    await encryptWorkspace(sealed, PASSPHRASE);
    const encryptMs = performance.now() - t0;

    const { file } = await newKeyFile('ws_bench', PASSPHRASE, DEFAULT_KDF);
    const unlocks: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await unlockKeyFile(file, PASSPHRASE);
      unlocks.push(performance.now() - t);
    }
    await unlockWorkspace(sealed, PASSPHRASE);
    const { plain: p, sealed: s } = await measurePaired(plain, sealed, log);
    await lockWorkspace(sealed);
    return {
      encryption_unlock_ms: round(median(unlocks)),
      encryption_convert_ms: round(encryptMs),
      encryption_open_ms: round(s.open),
      encryption_open_ratio: round(s.open / p.open, 2),
      encryption_save_ms: round(s.save),
      encryption_save_ratio: round(s.save / p.save, 2),
      encryption_search_p95_ms: round(s.search),
      encryption_search_ratio: round(s.search / p.search, 2),
      encryption_reindex_ms: round(s.reindex),
      encryption_reindex_ratio: round(s.reindex / p.reindex, 2),
    };
  } finally {
    await fs.rm(base, { recursive: true, force: true });
  }
}

interface Figures {
  open: number;
  save: number;
  search: number;
  reindex: number;
}

/**
 * Open to the library's first page (median of 7), a highlight's save (median of 40), the search
 * round trip (p95 of 60 seeded queries) and a reindex, each done on the plaintext copy and on the
 * encrypted one in turn, the same highlight and the same query on both, the order swapped every
 * time. Whatever else the machine is doing then weighs on both sides alike, so the ratio holds
 * even where the milliseconds do not.
 */
async function measurePaired(plainDir: string, sealedDir: string, log: Log): Promise<{ plain: Figures; sealed: Figures }> {
  log('encryption: measuring the plaintext and the encrypted copy in turn…');
  const dirs = [plainDir, sealedDir] as const;
  const cores: (DossierCore | null)[] = [null, null];
  const samples = dirs.map(() => ({ opens: [] as number[], saves: [] as number[], searches: [] as number[], reindex: 0 }));
  /** Runs `task` on both sides, first one then the other, swapping which goes first with `round`. */
  const inTurn = async (round: number, task: (side: 0 | 1) => Promise<void>) => {
    for (const side of round % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const)) await task(side);
  };
  for (let i = 0; i < 7; i++) {
    await inTurn(i, async (side) => {
      await cores[side]?.close();
      const t = performance.now();
      const core = createCore(await WorkspaceStore.open(dirs[side]));
      await core.api['articles.list']({});
      samples[side]!.opens.push(performance.now() - t);
      cores[side] = core;
    });
  }
  const [plain, sealed] = cores as [DossierCore, DossierCore];
  await inTurn(0, async (side) => {
    const t = performance.now();
    await (side === 0 ? plain : sealed).api['search.reindex']({});
    samples[side]!.reindex = performance.now() - t;
  });
  const articles = (await plain.api['articles.list']({})).articles;
  const random = mulberry32(16);
  for (let i = 0; i < 40; i++) {
    const article = articles[Math.floor(random() * articles.length)]!;
    const { text } = await plain.api['articles.get']({ id: article.id });
    const start = Math.floor(random() * Math.max(1, text.length - 40));
    await inTurn(i, async (side) => {
      const t = performance.now();
      await (side === 0 ? plain : sealed).api['annotations.create']({ articleId: article.id, start, end: start + 20 });
      samples[side]!.saves.push(performance.now() - t);
    });
  }
  // The words of the articles themselves, picked by a seeded generator: common, rare and two-word queries alike.
  const words = (await plain.api['articles.get']({ id: articles[0]!.id })).text.split(/\W+/).filter((w) => w.length > 3);
  for (let i = 0; i < 60; i++) {
    const query = i % 3 === 0 ? `${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}` : words[Math.floor(random() * words.length)]!;
    await inTurn(i, async (side) => {
      const t = performance.now();
      await (side === 0 ? plain : sealed).api['search.query']({ query });
      samples[side]!.searches.push(performance.now() - t);
    });
  }
  await plain.close();
  await sealed.close();
  const figures = (side: 0 | 1): Figures => {
    const { opens, saves, searches, reindex } = samples[side]!;
    return { open: median(opens), save: median(saves), search: quantile(searches, 0.95), reindex };
  };
  return { plain: figures(0), sealed: figures(1) };
}

/**
 * Run alone: `node --import tsx bench/encryption.ts [ARTICLES]` builds a workspace of that many
 * articles first; `… bench/encryption.ts DIR` measures a copy of an existing workspace (the
 * reference one: bench/.cache/reference-10k, once `npm run bench` has made it).
 */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const given = process.argv[2];
  if (given && !/^\d+$/.test(given)) {
    console.log(JSON.stringify({ workspace: given, ...(await encryptionFigures(path.resolve(given), log)) }, null, 2));
    process.exit(0);
  }
  const count = Number(given ?? 1000);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-bench-crypt-src-'));
  const store = await WorkspaceStore.open(dir, { create: true });
  const random = mulberry32(11);
  log(`encryption: importing ${count} articles…`);
  await importArticles(
    store,
    Array.from({ length: count }, (_, i) => {
      const a = generateArticle(random, i, 600);
      return { name: a.name, bytes: Buffer.from(a.text) };
    }),
  );
  await store.close();
  console.log(JSON.stringify({ articles: count, ...(await encryptionFigures(dir, log)) }, null, 2));
  await fs.rm(dir, { recursive: true, force: true });
}
