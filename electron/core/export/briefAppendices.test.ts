import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportSource } from '../../common/model/brief';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { assembleBrief } from './assembleBrief';

/** The appendices gathered through the real relationship and timeline services. */

const DELHI = 'Delhi talks\n\nIndia and Japan are partners in the Quad. Rajnath Singh met Nippon officials in New Delhi. The ministers met again on 5 May 2025.';
const VIENTIANE = 'Vientiane meeting\n\nIndia is negotiating a supply agreement with Japan. The ADMM-Plus closed in November 2024. Planning began in 2024.';
const OTHER = 'Tokyo note\n\nJapan is a member of the Quad. The Quad first met in 2020.';

let tmp: string;
let store: WorkspaceStore;
let core: DossierCore;
let delhi: string;
let vientiane: string;
let other: string;

const b64 = (text: string) => Buffer.from(text).toString('base64');
const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

async function gather(source: ExportSource) {
  return assembleBrief(source, {
    store,
    notes: { list: async () => [], get: async () => Promise.reject(new Error('no notes')) },
    relations: { list: async (filter = {}) => (await core.api['relations.list'](filter)).relations },
    timeline: { list: async (filter = {}) => (await core.api['timeline.list'](filter)).events },
    brief: async (id) => (await core.api['briefs.get']({ id })).brief,
    author: 'R. Analyst',
    now: new Date('2025-06-03T12:00:00Z'),
  });
}

async function briefOf(articleIds: string[]): Promise<string> {
  const sections = articleIds.map((articleId, i) => ({ id: `sec_${i}`, kind: 'article' as const, articleId, filter: {} }));
  return (await core.api['briefs.create']({ title: 'Weekly', sections })).brief.id;
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-appendices-'));
  store = await WorkspaceStore.open(tmp, { create: true });
  core = createCore(store, { creator: { name: 'R. Analyst' } });
  const files = [DELHI, VIENTIANE, OTHER].map((text, i) => ({ name: `${i}.txt`, base64: b64(text) }));
  [delhi, vientiane, other] = (await core.api['articles.import']({ files })).articles.map((a) => a.id) as [string, string, string];
  for (const [name, type] of [['India', 'place'], ['Japan', 'place'], ['Quad', 'organization'], ['Rajnath Singh', 'person'], ['Nippon', 'place']] as const) {
    await core.api['entities.create']({ name, type });
  }
  const relate = (from: string, to: string, type: string, articleId: string, quote: string, extra = {}) =>
    core.api['relations.create']({ from, to, type, evidence: [{ articleId, quote }], ...extra });
  await relate('India', 'Quad', 'partner-in', delhi, 'India and Japan are partners in the Quad', { grading: { reliability: 'B', credibility: 2 }, start: '2017' });
  await relate('Rajnath Singh', 'Nippon', 'meets', delhi, 'Rajnath Singh met Nippon officials');
  await relate('Japan', 'Quad', 'member-of', other, 'Japan is a member of the Quad');
  const { relation } = await relate('India', 'Japan', 'negotiating', vientiane, 'India is negotiating a supply agreement with Japan');
  // Its only passage deleted: the relationship is flagged, and still listed.
  await core.api['annotations.delete']({ articleId: vientiane, id: relation.evidence[0]!.annotationId });
  const japan = (await core.api['entities.list']({})).entities.find((e) => e.name === 'Japan')!;
  const nippon = (await core.api['entities.list']({})).entities.find((e) => e.name === 'Nippon')!;
  await core.api['entities.merge']({ sourceId: nippon.id, targetId: japan.id });

  const event = (articleId: string, text: string, words: string, date: string, label: string) => core.api['timeline.add']({ articleId, ...at(text, words), date, label });
  await event(delhi, DELHI, 'The ministers met again on 5 May 2025.', '2025-05-05', 'Ministers meet again');
  await event(vientiane, VIENTIANE, 'The ADMM-Plus closed in November 2024.', '2024-11', 'ADMM-Plus closes');
  await event(vientiane, VIENTIANE, 'Planning began in 2024.', '2024', 'Planning begins');
  await event(other, OTHER, 'The Quad first met in 2020.', '2020', 'Quad first meets');
});

afterEach(async () => {
  await store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('brief appendices', () => {
  it('list the relationships with evidence in the brief’s articles, by name, merges followed, the unsupported one flagged', async () => {
    const content = await gather({ briefId: await briefOf([vientiane, delhi]) });
    expect(content.relations!.map((r) => `${r.from.name} —${r.label}→ ${r.to.name}${r.flagged ? ' (flagged)' : ''}`)).toEqual([
      'India —negotiating→ Japan (flagged)',
      'India —partner in→ Quad',
      'Rajnath Singh —meets→ Japan',
    ]);
    const [flagged, partners] = content.relations!;
    expect(flagged!.evidence).toEqual([{ quote: 'India is negotiating a supply agreement with Japan', language: 'en', title: 'Vientiane meeting', where: 'undated, passage deleted' }]);
    expect(partners).toMatchObject({ grading: { reliability: 'B', credibility: 2 }, start: '2017', end: null });
    expect(partners!.evidence).toEqual([{ quote: 'India and Japan are partners in the Quad', language: 'en', title: 'Delhi talks', where: 'undated, ¶ 2' }]);
    // The merged-away entity is named, and linked, as the one it was merged into.
    const japan = content.relations![2]!.to;
    expect(japan).toEqual({ id: content.relations![0]!.to.id, name: 'Japan' });
  });

  it('list the confirmed events of the brief’s articles earliest first, a year before its months', async () => {
    const content = await gather({ briefId: await briefOf([vientiane, delhi]) });
    expect(content.timeline!.map((e) => `${e.date} ${e.label}`)).toEqual(['2024 Planning begins', '2024-11 ADMM-Plus closes', '2025-05-05 Ministers meet again']);
    // Cited by the paragraph the reader shows (the title line is the first), as highlights are.
    expect(content.timeline![2]!.passage).toEqual({ quote: 'The ministers met again on 5 May 2025.', language: 'en', title: 'Delhi talks', where: 'undated, ¶ 2' });
  });

  it('cover every relationship and event in a brief of the whole workspace', async () => {
    const content = await gather({ all: true });
    expect(content.relations!.map((r) => r.label)).toEqual(['negotiating', 'partner in', 'member of', 'meets']);
    expect(content.timeline!.map((e) => e.date)).toEqual(['2020', '2024', '2024-11', '2025-05-05']);
  });

  it('are left out when the brief turns them off, or when they would be empty', async () => {
    const id = await briefOf([delhi]);
    await core.api['briefs.update']({ id, patch: { appendices: { relations: false } } });
    const noRelations = await gather({ briefId: id });
    expect(noRelations.relations).toBeUndefined();
    expect(noRelations.timeline).toHaveLength(1);
    await core.api['briefs.update']({ id, patch: { appendices: { relations: false, timeline: false } } });
    expect(await gather({ briefId: id })).not.toHaveProperty('timeline');

    const { articles } = await core.api['articles.import']({ files: [{ name: 'quiet.txt', base64: b64('Quiet\n\nNothing happened.') }] });
    const quiet = await gather({ articleId: articles[0]!.id });
    expect(quiet).not.toHaveProperty('relations');
    expect(quiet).not.toHaveProperty('timeline');
  });

  it('reach the exported file through the core', async () => {
    const { content } = await core.api['export.brief']({ source: { articleId: delhi }, format: 'md' });
    expect(content).toContain('### [[Rajnath Singh]] —meets→ [[Japan]]');
    expect(content).toContain('## Appendix: Timeline (1)');
  });
});
