import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { buildSearchSnapshot } from './searchBuild';

const TEXT = 'Quad summit\n\nIndia and Japan are strategic partners in the Quad, with Australia. Nippon sent observers to the naval drills.';
const PARTNERS = 'India and Japan are strategic partners in the Quad';

let tmp: string;
let dir: string;
let core: DossierCore;
let articleId: string;
const ids: Record<string, string> = {};

async function open(): Promise<DossierCore> {
  return createCore(await WorkspaceStore.open(dir, { create: true }), { creator: { name: 'Test' } });
}

const find = async (query: string, extra: Record<string, unknown> = {}) => (await core.api['search.query']({ query, ...extra })).results;
const relationsFound = async (query: string, extra: Record<string, unknown> = {}) => (await find(query, { kinds: ['relation'], ...extra })).map((r) => r.title);

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-relation-search-'));
  dir = path.join(tmp, 'ws');
  core = await open();
  const { articles } = await core.api['articles.import']({ files: [{ name: 'quad.txt', base64: Buffer.from(TEXT).toString('base64') }] });
  articleId = articles[0]!.id;
  for (const [name, type] of [['India', 'place'], ['Japan', 'place'], ['Quad', 'organization'], ['Nippon', 'place']] as const) {
    ids[name] = (await core.api['entities.create']({ name, type })).entity.id;
  }
});

afterEach(async () => {
  await core.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const relate = (from: string, to: string, type: string, quote: string) => core.api['relations.create']({ from, to, type, evidence: [{ articleId, quote }] });

describe('relationships in search', () => {
  it('are found by both names, the type either way round and the evidence words, and open on the passage', async () => {
    const { relation } = await relate('India', 'Quad', 'partner-in', PARTNERS);
    const [hit, ...rest] = await find('Quad partner');
    expect(rest.map((r) => r.kind)).not.toContain('relation');
    expect(hit).toMatchObject({ kind: 'relation', id: relation.id, title: 'India —partner in→ Quad', articleId, entityId: ids.India });
    expect(TEXT.slice(hit!.start!, hit!.end!)).toBe(PARTNERS);
    expect(hit!.snippet).toContain('<mark>');
    expect(await relationsFound('has partner')).toEqual(['India —partner in→ Quad']);
    expect(await relationsFound('strategic')).toEqual(['India —partner in→ Quad']);
    expect(await relationsFound('Australia')).toEqual([]);
    // Filters: its entities, its kind.
    expect(await relationsFound('partner', { entityIds: [ids.Quad] })).toEqual(['India —partner in→ Quad']);
    expect(await relationsFound('partner', { entityIds: [ids.Nippon] })).toEqual([]);
    expect((await find('strategic', { kinds: ['annotation'] })).map((r) => r.kind)).toEqual(['annotation']);
  });

  it('follow relationships as they are edited, deleted, undone, and their entities renamed and merged', async () => {
    const { relation } = await relate('Nippon', 'Quad', 'member-of', 'Nippon sent observers');
    expect(await relationsFound('observers')).toEqual(['Nippon —member of→ Quad']);

    await core.api['relations.update']({ id: relation.id, patch: { type: 'partner-in' } });
    expect(await relationsFound('observers')).toEqual(['Nippon —partner in→ Quad']);
    await core.api['entities.update']({ id: ids.Quad!, patch: { name: 'Quadrilateral Dialogue' } });
    expect(await relationsFound('quadrilateral partner')).toEqual(['Nippon —partner in→ Quadrilateral Dialogue']);
    await core.api['entities.merge']({ sourceId: ids.Nippon!, targetId: ids.Japan! });
    expect(await relationsFound('observers')).toEqual(['Japan —partner in→ Quadrilateral Dialogue']);
    expect(await relationsFound('observers', { entityIds: [ids.Japan] })).toHaveLength(1);

    await core.api['relations.delete']({ id: relation.id });
    expect(await relationsFound('observers')).toEqual([]);
    await core.api['history.undo']({});
    expect(await relationsFound('observers')).toEqual(['Japan —partner in→ Quadrilateral Dialogue']);
  });

  it('open the from-entity when no evidence passage is left, and are still found by the words it had', async () => {
    const { relation } = await relate('India', 'Quad', 'partner-in', PARTNERS);
    await core.api['annotations.delete']({ articleId, id: relation.evidence[0]!.annotationId });
    const [hit] = await find('strategic', { kinds: ['relation'] });
    expect(hit).toMatchObject({ id: relation.id, articleId: null, start: null, end: null, entityId: ids.India });
  });

  it('are in a rebuilt index and catch up from the journal when made by a process that never searched', async () => {
    await relate('India', 'Quad', 'partner-in', PARTNERS);
    expect(await relationsFound('partner')).toHaveLength(1);
    await core.close();
    core = await open();
    await relate('Japan', 'Quad', 'member-of', 'Nippon sent observers');
    await core.close();
    core = await open();
    expect(await relationsFound('quad')).toEqual(['India —partner in→ Quad', 'Japan —member of→ Quad'].sort());

    const snapshot = await buildSearchSnapshot(dir);
    expect(snapshot.documents.filter((d) => d.kind === 'relation').map((d) => d.title).sort()).toEqual(['India —partner in→ Quad', 'Japan —member of→ Quad']);
  });
});
