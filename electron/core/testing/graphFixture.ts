import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Grading } from '../../common/model/annotation';
import type { EntityType } from '../../common/model/entityType';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';

const TALKS = [
  'India and Japan hold defence talks',
  '',
  'India and Japan are strategic partners in the Quad. Rajnath Singh has been Defence Minister since 2019.',
  '',
  'Narendra Modi leads India. Tokyo hosts the talks.',
].join('\n');
const SUMMIT = ['The Quad summit', '', 'Japan joined the Quad in 2019. Rajnath Singh will meet his counterpart.'].join('\n');

export const ENTITIES = {
  India: 'place',
  Japan: 'place',
  Quad: 'organization',
  'Rajnath Singh': 'person',
  'Narendra Modi': 'person',
  Tokyo: 'place',
} as const satisfies Record<string, EntityType>;
export type EntityName = keyof typeof ENTITIES;

/** A link chart's workspace: two articles, six entities and five relationships of every kind a filter tells apart. */
export interface GraphFixture {
  dir: string;
  store: WorkspaceStore;
  core: DossierCore;
  /** The articles "talks" (A) and "summit" (B). */
  articles: { A: string; B: string };
  ids: Record<EntityName, string>;
  /** The relationships by their role in the tests. */
  rel: Record<'indiaQuad' | 'japanQuad' | 'rajnathIndia' | 'modiIndia' | 'tokyoJapan', string>;
  close(): Promise<void>;
}

/**
 * - indiaQuad:    India —partner in→ Quad, B2, 2020–, one passage in A
 * - japanQuad:    Japan —partner in→ Quad, A1, 2019-05–2021, passages in A and B
 * - rajnathIndia: Rajnath Singh —defence minister of→ India, ungraded, 2019–, one passage in B
 * - modiIndia:    Narendra Modi —leads→ India, C3, undated, one passage in A
 * - tokyoJapan:   Tokyo —meets→ Japan, F6, –2018-03, one passage in A
 */
export async function graphFixture(prefix = 'dossier-graph-'): Promise<GraphFixture> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const store = await WorkspaceStore.open(dir, { create: true });
  const core = createCore(store, { creator: { name: 'R. Analyst' } });
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const { articles } = await core.api['articles.import']({ files: [{ name: 'talks.txt', base64: b64(TALKS) }, { name: 'summit.txt', base64: b64(SUMMIT) }] });
  const [A, B] = [articles.find((a) => a.title.includes('talks'))!.id, articles.find((a) => a.title.includes('summit'))!.id];
  const ids = {} as Record<EntityName, string>;
  for (const [name, type] of Object.entries(ENTITIES) as [EntityName, EntityType][]) ids[name] = (await core.api['entities.create']({ name, type })).entity.id;
  const relate = async (from: EntityName, to: EntityName, type: string, grading: Grading | null, start: string | null, end: string | null, evidence: [string, string][]) =>
    (
      await core.api['relations.create']({
        from: ids[from],
        to: ids[to],
        type,
        grading,
        start,
        end,
        evidence: evidence.map(([articleId, quote]) => ({ articleId, quote })),
      })
    ).relation.id;
  const rel = {
    indiaQuad: await relate('India', 'Quad', 'partner-in', { reliability: 'B', credibility: 2 }, '2020', null, [[A, 'strategic partners in the Quad']]),
    japanQuad: await relate('Japan', 'Quad', 'partner-in', { reliability: 'A', credibility: 1 }, '2019-05', '2021', [
      [A, 'India and Japan are strategic partners'],
      [B, 'Japan joined the Quad'],
    ]),
    rajnathIndia: await relate('Rajnath Singh', 'India', 'defence-minister-of', null, '2019', null, [[B, 'Rajnath Singh will meet']]),
    modiIndia: await relate('Narendra Modi', 'India', 'leads', { reliability: 'C', credibility: 3 }, null, null, [[A, 'Narendra Modi leads India']]),
    tokyoJapan: await relate('Tokyo', 'Japan', 'meets', { reliability: 'F', credibility: 6 }, null, '2018-03', [[A, 'Tokyo hosts the talks']]),
  };
  return {
    dir,
    store,
    core,
    articles: { A, B },
    ids,
    rel,
    close: async () => {
      await store.close();
      // The core's background work (the search index) may still be writing: rm retries a folder that filled meanwhile.
      await fs.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}
