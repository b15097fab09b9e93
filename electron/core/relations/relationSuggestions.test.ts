import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../common/contract';
import type { RelationSuggestion } from '../../common/model/relation';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { changeLine, rejection } from '../testing/testHelpers';
import { step } from '../../common/model/phrase';

const SAMPLE = fileURLToPath(new URL('../../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

let tmp: string;
let store: WorkspaceStore;
let core: DossierCore;
let articleId: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-suggest-'));
  store = await WorkspaceStore.open(tmp, { create: true });
  core = createCore(store, { creator: { name: 'R. Analyst' } });
  const bytes = await fs.readFile(SAMPLE);
  articleId = (await core.api['articles.import']({ files: [{ name: 'sample.txt', base64: bytes.toString('base64') }] })).articles[0]!.id;
  // The analyst confirms what detection found: those are the entities suggestions are made between.
  await core.api['entities.acceptAll']({ articleId });
});

afterEach(async () => {
  await store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const suggestions = async (request: { articleId: string } | { entityId: string } = { articleId }) => (await core.api['relations.suggestions'](request)).suggestions;
const line = (s: Pick<RelationSuggestion, 'from' | 'to' | 'label'>) => `${s.from.name} —${s.label}→ ${s.to.name}`;
const idOf = async (name: string) => (await core.api['entities.list']({})).entities.find((e) => e.name === name)!.id;

describe('suggested relationships of the sample', () => {
  it('suggests what the sentences state between its confirmed entities, each with its sentence as evidence', async () => {
    const found = await suggestions();
    expect(found.map(line).sort()).toEqual([
      'Gen Nakatani —defence minister of→ Japan',
      'India —negotiating→ Japan',
      'Japan —partner in→ Quad',
      'Rajnath Singh —defence minister of→ India',
      'Rajnath Singh —meets→ Gen Nakatani',
      'United States —partner in→ Quad',
      'Australia —partner in→ Quad',
      'India —partner in→ Quad',
    ].sort());
    const { text } = await core.api['articles.get']({ id: articleId });
    for (const s of found) {
      expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.exact);
      expect(s).toMatchObject({ articleTitle: expect.any(String), evidence: { articleId } });
    }
    const quad = found.find((s) => line(s) === 'India —partner in→ Quad')!;
    expect(quad.evidence.exact).toBe('India and Japan are strategic partners in the Quad, along with the United States and Australia.');
    expect(quad).toMatchObject({ type: 'partner-in', inverse: 'has partner', from: { type: 'place' }, to: { name: 'Quad', type: 'organization' } });
  });

  it('lists an entity’s suggestions either way round', async () => {
    expect((await suggestions({ entityId: await idOf('Quad') })).map(line).sort()).toEqual(
      ['Australia —partner in→ Quad', 'India —partner in→ Quad', 'Japan —partner in→ Quad', 'United States —partner in→ Quad'].sort(),
    );
    expect((await suggestions({ entityId: await idOf('Gen Nakatani') })).map(line).sort()).toEqual(['Gen Nakatani —defence minister of→ Japan', 'Rajnath Singh —meets→ Gen Nakatani']);
  });

  it('accepting is creating the relationship with the sentence as evidence, one undo step; the suggestion goes', async () => {
    const meets = (await suggestions()).find((s) => s.type === 'meets')!;
    const lines: string[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'workspace.changed') lines.push(changeLine(payload as EventPayload<'workspace.changed'>));
    });
    const { relation } = await core.api['relations.create']({ from: meets.from.id, to: meets.to.id, type: meets.type, evidence: [meets.evidence] });
    expect(relation.evidence[0]).toMatchObject({ status: 'anchored', start: meets.evidence.start, end: meets.evidence.end, exact: meets.evidence.exact });
    expect(lines).toEqual(['edit annotation created, relation created']);
    expect((await suggestions()).some((s) => s.key === meets.key)).toBe(false);
    await core.api['history.undo']({});
    expect((await core.api['annotations.list']({ articleId })).annotations).toEqual([]);
    expect((await suggestions()).some((s) => s.key === meets.key)).toBe(true);
  });

  it('an edited acceptance (another type over the same sentence) settles the suggestion too', async () => {
    const negotiating = (await suggestions()).find((s) => s.type === 'negotiating')!;
    await core.api['relations.create']({ from: negotiating.from.id, to: negotiating.to.id, type: 'meets', evidence: [negotiating.evidence] });
    expect((await suggestions()).some((s) => s.type === 'negotiating' || s.type === 'meets' && s.from.name === 'India')).toBe(false);
  });

  it('refuses evidence whose words are no longer where the renderer saw them', async () => {
    const s = (await suggestions())[0]!;
    const error = await rejection(core.api['relations.create']({ from: s.from.id, to: s.to.id, type: s.type, evidence: [{ ...s.evidence, exact: 'other words' }] }));
    expect(error.code).toBe('conflict');
  });

  it('remembers a dismissal in relations.json, across reopening and a merge; undo brings the suggestion back', async () => {
    const quad = (await suggestions()).find((s) => line(s) === 'Australia —partner in→ Quad')!;
    const lines: string[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'workspace.changed') lines.push(changeLine(payload as EventPayload<'workspace.changed'>));
    });
    await core.api['relations.dismissSuggestion']({ key: quad.key });
    expect(lines).toEqual(['edit relation deleted']);
    expect((await suggestions()).map((s) => s.key)).not.toContain(quad.key);
    expect((await rejection(core.api['relations.dismissSuggestion']({ key: quad.key }))).code).toBe('not-found');
    expect((await core.api['history.undo']({})).label).toEqual(step('dismissSuggestedRelationship'));
    expect((await suggestions()).map((s) => s.key)).toContain(quad.key);
    await core.api['history.redo']({});

    await store.close();
    store = await WorkspaceStore.open(tmp);
    core = createCore(store);
    const file = JSON.parse(await fs.readFile(path.join(tmp, 'relations.json'), 'utf8'));
    expect(file.dismissed).toEqual([quad.key]);
    expect((await suggestions()).map((s) => s.key)).not.toContain(quad.key);

    // Merging Australia into a new entity: the dismissal follows the entity.
    const { entity: commonwealth } = await core.api['entities.create']({ name: 'Commonwealth of Australia', type: 'place' });
    await core.api['entities.merge']({ sourceId: quad.from.id, targetId: commonwealth.id });
    expect((await suggestions()).filter((s) => s.to.name === 'Quad').map((s) => s.from.name).sort()).toEqual(['India', 'Japan', 'United States']);

    await core.api['history.undo']({});
    expect((await suggestions()).map((s) => s.key)).not.toContain(quad.key);
  });

  it('reads a relations.json written before dismissals existed', async () => {
    await core.api['relations.create']({ from: 'India', to: 'Quad', type: 'partner-in', evidence: [{ articleId, quote: 'strategic partners in the Quad' }] });
    await store.close();
    const file = path.join(tmp, 'relations.json');
    const old = JSON.parse(await fs.readFile(file, 'utf8'));
    delete old.dismissed;
    await fs.writeFile(file, JSON.stringify(old));
    store = await WorkspaceStore.open(tmp);
    core = createCore(store);
    expect((await suggestions()).map(line)).not.toContain('India —partner in→ Quad');
    expect((await core.api['relations.list']({})).relations).toHaveLength(1);
  });
});
