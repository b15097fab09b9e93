import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedArticleText } from '../e2e/seedWorkspace';
import { seedEntityName, seedRecords } from '../e2e/seedRecords';
import { createCore } from '../electron/core/dossierCore';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { median, quantile, round } from './stats';

/**
 * `node --import tsx bench/autoLink.ts [articles] [entities]`: importing one article into a large
 * workspace, where its confirmed entities are linked as part of the import. The workspace holds
 * `entities` confirmed entities (all with an alias) and `articles` articles, imported through the
 * core after the entities were confirmed, so the places they name are linked in every one of them
 * and the presence index is as large as a real library's. Prints JSON.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES = Number(process.argv[2] ?? 10_000);
const ENTITIES = Number(process.argv[3] ?? 5_000);
const PLACES = ['Lagos', 'Hanoi', 'Quito', 'Tbilisi', 'Dakar', 'Manila', 'Oslo', 'Lima', 'Accra', 'Baku', 'Perth', 'Riga'];
const SAMPLE = readFileSync(path.join(ROOT, 'assets', 'india-japan-defence-2025-05-04.txt'), 'utf8');
const b64 = (s: string) => Buffer.from(s).toString('base64');
const log = (line: string) => process.stderr.write(`${line}\n`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-autolink-'));
try {
  // Seeding closes the store when it is done with it.
  await seedRecords(await WorkspaceStore.open(dir, { create: true }), { entities: ENTITIES - PLACES.length - 2 });
  const store = await WorkspaceStore.open(dir);
  const core = createCore(store);
  for (const place of PLACES) await core.api['entities.create']({ name: place, type: 'place' });
  for (const [name, alias] of [['India', 'Republic of India'], ['Japan', 'Nippon']]) {
    const { entity } = await core.api['entities.create']({ name: name!, type: 'place' });
    await core.api['entities.update']({ id: entity.id, patch: { aliases: [alias!] } });
  }
  // Every seeded entity gets an alias, so the matcher holds two forms of each.
  for (const e of (await core.api['entities.list']({})).entities.filter((x) => x.aliases.length === 0).slice(0, 200)) {
    await core.api['entities.update']({ id: e.id, patch: { aliases: [`${e.name} Group`] } });
  }

  const t0 = performance.now();
  for (let from = 0; from < ARTICLES; from += 500) {
    const files = Array.from({ length: Math.min(500, ARTICLES - from) }, (_, i) => ({ name: `report-${from + i}.txt`, base64: b64(seedArticleText(from + i)) }));
    await core.api['articles.import']({ files });
    log(`imported ${from + files.length} articles`);
  }
  const bulkMs = performance.now() - t0;

  // One article at a time: the sample with a few seeded names added, as an analyst's next import.
  const times: number[] = [];
  let linked = 0;
  for (let n = 0; n < 15; n++) {
    const text = `${SAMPLE}\n\n${seedEntityName(n * 7)} and ${seedEntityName(n * 11 + 3)} were in Manila. The Republic of India replied (${n}).`;
    const t = performance.now();
    const { articles } = await core.api['articles.import']({ files: [{ name: `next-${n}.txt`, base64: b64(text) }] });
    times.push(performance.now() - t);
    linked = (await core.api['entities.forArticle']({ articleId: articles[0]!.id })).mentions.length;
  }
  const warm = times.slice(3);
  // The same import where no confirmed entity is named: what importing costs here without links.
  const plain: number[] = [];
  for (let n = 0; n < 15; n++) {
    const text = `Weather report ${n}\n\nRain is expected over the hills tomorrow, with wind from the north (${n}).`;
    const t = performance.now();
    await core.api['articles.import']({ files: [{ name: `plain-${n}.txt`, base64: b64(text) }] });
    plain.push(performance.now() - t);
  }
  const summary = (await core.api['entities.list']({})).entities;
  process.stdout.write(
    `${JSON.stringify(
      {
        articles: store.listArticles().length,
        entities: summary.length,
        presence_entries: summary.reduce((a, e) => a + e.articleCount, 0),
        bulk_import_ms_per_article: round(bulkMs / ARTICLES, 2),
        import_one_ms_median: round(median(warm)),
        import_one_ms_p90: round(quantile(warm, 0.9)),
        import_one_ms_first: round(times[0]!),
        import_one_nothing_named_ms_median: round(median(plain.slice(3))),
        links_in_one_article: linked,
        detector: 'in-process (the app and the host run it in the worker thread)',
      },
      null,
      2,
    )}\n`,
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
