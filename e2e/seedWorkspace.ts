import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importArticles, WorkspaceStore } from '../electron/core';
import { seedRecords, type SeedRecords } from './seedRecords';

const SAMPLE = 'india-japan-defence-2025-05-04.txt';
const TOPICS = ['Port', 'Border', 'Grain', 'Cable', 'Drone', 'Satellite', 'Pipeline', 'Election', 'Summit', 'Fisheries', 'Rail', 'Vaccine'];
const PLACES = ['Lagos', 'Hanoi', 'Quito', 'Tbilisi', 'Dakar', 'Manila', 'Oslo', 'Lima', 'Accra', 'Baku', 'Perth', 'Riga'];

/** The n-th generated article: a numbered title, a date spread over two years, a few sentences. */
export function seedArticleText(n: number): string {
  const topic = TOPICS[n % TOPICS.length]!;
  const place = PLACES[Math.floor(n / TOPICS.length) % PLACES.length]!;
  const day = new Date(Date.UTC(2023, 0, 1) + (n % 730) * 86_400_000).toISOString().slice(0, 10);
  const number = String(n).padStart(4, '0');
  return [
    `date ${day} Report ${number}: ${topic} talks in ${place}`,
    `Officials in ${place} met on the ${topic.toLowerCase()} question. Report ${number} records what was said and who attended.`,
    `A second paragraph so the article has a body: delegations, statements and the next meeting's date.`,
  ].join('\n\n');
}

/**
 * Fills a new workspace, before Dossier starts on it, with the bundled sample (the article it opens
 * on), `count` generated articles, through the core's own import, as a big library would be, and
 * the `records` asked for.
 */
export async function seedWorkspace(dir: string, root: string, count: number, records: SeedRecords = {}): Promise<void> {
  const store = await WorkspaceStore.open(dir, { create: true });
  try {
    const sample = await importArticles(store, [{ name: SAMPLE, bytes: readFileSync(path.join(root, 'assets', SAMPLE)) }]);
    await store.setStartArticle(sample.articles[0]!.id);
    const sources = Array.from({ length: count }, (_, n) => ({ name: `report-${n}.txt`, bytes: Buffer.from(seedArticleText(n)) }));
    if (sources.length > 0) {
      const outcome = await importArticles(store, sources);
      if (outcome.failures.length > 0) throw new Error(`Seeding the workspace failed: ${outcome.failures[0]!.message}`);
    }
    await seedRecords(store, records);
  } finally {
    await store.close();
  }
}
