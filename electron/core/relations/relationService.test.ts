import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../common/contract';
import { DEFAULT_RELATION_TYPES } from '../../common/model/relation';
import { checkWorkspace } from '../check/checkWorkspace';
import { createCore, type DossierCore } from '../dossierCore';
import { problemWith } from '../snapshots/workspaceFiles';
import { SCHEMA_VERSION } from '../store/schemaFile';
import { WorkspaceStore } from '../store/workspaceStore';
import { changeLine, rejection } from '../testing/testHelpers';
import { step } from '../../common/model/phrase';

const TEXT = [
  'India and Japan hold defence talks',
  '',
  'India and Japan are strategic partners in the Quad, along with the United States and Australia. Rajnath Singh has been Defence Minister since 2019.',
  '',
  'Defence Minister Rajnath Singh will meet his Japanese counterpart in New Delhi on Monday. India is negotiating a Reciprocal Provision of Supplies and Services Agreement with Japan.',
].join('\n');
const PARTNERS = 'India and Japan are strategic partners in the Quad';

let tmp: string;
let store: WorkspaceStore;
let core: DossierCore;
let articleId: string;
let ids: Record<'India' | 'Japan' | 'Quad' | 'Rajnath Singh', string>;

const b64 = (text: string) => Buffer.from(text).toString('base64');

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-relations-'));
  store = await WorkspaceStore.open(tmp, { create: true });
  core = createCore(store, { creator: { name: 'R. Analyst' } });
  const { articles } = await core.api['articles.import']({ files: [{ name: 'talks.txt', base64: b64(TEXT) }] });
  articleId = articles[0]!.id;
  const entity = async (name: string, type: 'place' | 'organization' | 'person') => (await core.api['entities.create']({ name, type })).entity.id;
  ids = { India: await entity('India', 'place'), Japan: await entity('Japan', 'place'), Quad: await entity('Quad', 'organization'), 'Rajnath Singh': await entity('Rajnath Singh', 'person') };
});

afterEach(async () => {
  await store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const relate = (from: string, to: string, type: string, quote: string) => core.api['relations.create']({ from, to, type, evidence: [{ articleId, quote }] });
const list = async (request: { entityId?: string; articleId?: string } = {}) => (await core.api['relations.list'](request)).relations;
const annotations = async () => (await core.api['annotations.list']({ articleId })).annotations;

describe('relations', () => {
  it('starts with the default vocabulary, each type with its inverse label', async () => {
    const { types } = await core.api['relations.types']({});
    expect(types).toEqual(DEFAULT_RELATION_TYPES);
    expect(types.find((t) => t.key === 'partner-in')).toEqual({ key: 'partner-in', label: 'partner in', inverse: 'has partner' });
  });

  it('creates a relationship from names with a quoted passage, highlighting it in the same undo step', async () => {
    const lines: string[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'workspace.changed') lines.push(changeLine(payload as EventPayload<'workspace.changed'>));
    });
    const { relation } = await relate('india', 'Quad', 'partner in', 'strategic partners in the Quad');
    const start = TEXT.indexOf('strategic partners in the Quad');
    expect(relation).toMatchObject({
      from: { id: ids.India, name: 'India', type: 'place' },
      to: { id: ids.Quad, name: 'Quad' },
      type: 'partner-in',
      label: 'partner in',
      inverse: 'has partner',
      grading: null,
      start: null,
      end: null,
      flagged: false,
      evidence: [{ articleId, status: 'anchored', start, end: start + 'strategic partners in the Quad'.length, exact: 'strategic partners in the Quad', articleTitle: 'India and Japan hold defence talks' }],
    });
    const [highlight] = await annotations();
    expect(highlight).toMatchObject({ id: relation.evidence[0]!.annotationId, target: { quote: { exact: 'strategic partners in the Quad' } } });
    expect(lines).toEqual(['edit annotation created, relation created']);

    await store.flush();
    const file = JSON.parse(await fs.readFile(path.join(tmp, 'relations.json'), 'utf8'));
    expect(file).toMatchObject({ schemaVersion: SCHEMA_VERSION, kind: 'relations', relations: [{ id: relation.id, from: ids.India, to: ids.Quad, type: 'partner-in' }] });
    // Names are read from the entities, never copied into the relationship.
    expect(JSON.stringify(file.relations)).not.toContain('"India"');

    expect((await core.api['history.undo']({})).label).toEqual(step('relate', { from: 'India', to: 'Quad' }));
    expect(await list()).toEqual([]);
    expect(await annotations()).toEqual([]);
    await core.api['history.redo']({});
    expect((await list()).map((r) => r.id)).toEqual([relation.id]);
    expect((await annotations()).map((a) => a.id)).toEqual([highlight!.id]);
  });

  it('uses a highlight that is already there, by id or because the quote is the same words', async () => {
    const start = TEXT.indexOf(PARTNERS);
    const { annotation } = await core.api['annotations.create']({ articleId, start, end: start + PARTNERS.length });
    const { relation } = await relate(ids.India, ids.Japan, 'partner-in', PARTNERS);
    expect(relation.evidence.map((e) => e.annotationId)).toEqual([annotation.id]);
    const { relation: byId } = await core.api['relations.create']({ from: 'Japan', to: 'Quad', type: 'partner-in', evidence: [{ articleId, annotationId: annotation.id }] });
    expect(byId.evidence[0]).toMatchObject({ annotationId: annotation.id, exact: PARTNERS });
    expect(await annotations()).toHaveLength(1);
  });

  it('lists an entity’s relationships either way round, and those with evidence in an article', async () => {
    const partner = (await relate('India', 'Quad', 'partner-in', PARTNERS)).relation;
    const minister = (await relate('Rajnath Singh', 'India', 'defence-minister-of', 'Defence Minister Rajnath Singh')).relation;
    const negotiating = (await relate('India', 'Japan', 'negotiating', 'India is negotiating')).relation;
    expect((await list({ entityId: ids.India })).map((r) => r.id)).toEqual([partner.id, minister.id, negotiating.id]);
    expect((await list({ entityId: ids.Quad })).map((r) => r.id)).toEqual([partner.id]);
    expect((await list({ entityId: ids.Japan })).map((r) => r.id)).toEqual([negotiating.id]);
    expect((await list({ articleId })).map((r) => r.id)).toEqual([partner.id, minister.id, negotiating.id]);
    expect(await list({ articleId: 'art_other' })).toEqual([]);
  });

  it('relationships survive re-import and merges', async () => {
    const { entity: republic } = await core.api['entities.create']({ name: 'Republic of India', type: 'place' });
    const partner = (await relate('Republic of India', 'Quad', 'partner-in', PARTNERS)).relation;
    const negotiating = (await relate('India', 'Japan', 'negotiating', 'India is negotiating')).relation;

    // Importing the same file again is recognised by its SHA-256: nothing new is stored.
    const again = await core.api['articles.import']({ files: [{ name: 'talks-copy.txt', base64: b64(TEXT) }] });
    expect(again.articles).toEqual([expect.objectContaining({ id: articleId, duplicate: true })]);
    expect(await list()).toEqual(await list());
    expect((await list()).map((r) => [r.id, r.flagged, r.evidence[0]!.status])).toEqual([
      [partner.id, false, 'anchored'],
      [negotiating.id, false, 'anchored'],
    ]);

    await core.api['entities.merge']({ sourceId: republic.id, targetId: ids.India });
    const merged = await list({ entityId: ids.India });
    expect(merged.map((r) => [r.from.name, r.label, r.to.name])).toEqual([
      ['India', 'partner in', 'Quad'],
      ['India', 'negotiating', 'Japan'],
    ]);
    expect(merged[0]!.from.id).toBe(ids.India);
    // The id merged away still names the survivor's relationships.
    expect((await list({ entityId: republic.id })).map((r) => r.id)).toEqual([partner.id, negotiating.id]);

    await core.api['history.undo']({});
    expect((await list({ entityId: republic.id })).map((r) => r.id)).toEqual([partner.id]);
    expect((await list({ entityId: ids.India })).map((r) => r.id)).toEqual([negotiating.id]);

    // And they survive reopening the workspace.
    await core.api['history.redo']({});
    await store.close();
    store = await WorkspaceStore.open(tmp);
    core = createCore(store);
    expect((await list({ entityId: ids.India })).map((r) => [r.id, r.from.name])).toEqual([
      [partner.id, 'India'],
      [negotiating.id, 'India'],
    ]);
  });

  it('shows an entity by its new name after a rename', async () => {
    await relate('Rajnath Singh', 'India', 'defence-minister-of', 'Defence Minister Rajnath Singh');
    await core.api['entities.update']({ id: ids['Rajnath Singh'], patch: { name: 'Shri Rajnath Singh' } });
    expect((await list())[0]!.from).toEqual({ id: ids['Rajnath Singh'], name: 'Shri Rajnath Singh', type: 'person' });
  });

  it('undoes and redoes a delete; deleting keeps the evidence highlight', async () => {
    const { relation } = await relate('India', 'Quad', 'partner-in', PARTNERS);
    await expect(core.api['relations.delete']({ id: relation.id })).resolves.toEqual({ deleted: relation.id });
    expect(await list()).toEqual([]);
    expect(await annotations()).toHaveLength(1);
    expect((await core.api['history.undo']({})).label).toEqual(step('deleteRelationship'));
    // Back as it was, changed now by whoever undid the delete.
    expect(await list()).toEqual([{ ...relation, modified: expect.any(String) }]);
    await core.api['history.redo']({});
    expect(await list()).toEqual([]);
    expect((await rejection(core.api['relations.delete']({ id: relation.id }))).code).toBe('not-found');
  });

  it('flags a relationship whose only evidence highlight is deleted, keeping its quote; undo brings it back', async () => {
    const { relation } = await relate('India', 'Quad', 'partner-in', PARTNERS);
    await core.api['annotations.delete']({ articleId, id: relation.evidence[0]!.annotationId });
    const [shown] = await list();
    expect(shown).toMatchObject({ flagged: true, evidence: [{ status: 'deleted', start: null, end: null, exact: PARTNERS }] });
    await core.api['history.undo']({});
    expect((await list())[0]).toMatchObject({ flagged: false, evidence: [{ status: 'anchored', exact: PARTNERS }] });
  });

  it('follows a new version of the article: moved evidence is re-anchored, evidence whose passage is gone flags its relationship', async () => {
    const partner = (await relate('India', 'Quad', 'partner-in', PARTNERS)).relation;
    const minister = (await relate('Rajnath Singh', 'India', 'defence-minister-of', 'Defence Minister Rajnath Singh')).relation;
    const both = (await core.api['relations.update']({ id: minister.id, patch: { addEvidence: [{ articleId, quote: 'Rajnath Singh has been Defence Minister' }] } })).relation;
    expect(both.evidence).toHaveLength(2);
    const v2 = TEXT.replace(/India and Japan are strategic partners[^\n]*\n\n/, '');
    expect(v2).not.toContain('strategic partners');
    const { counts } = await core.api['articles.replace']({ id: articleId, file: { name: 'talks-v2.txt', base64: b64(v2) } });
    expect(counts).toMatchObject({ orphaned: 2 });

    const byId = new Map((await list()).map((r) => [r.id, r]));
    expect(byId.get(partner.id)).toMatchObject({ flagged: true, evidence: [{ status: 'orphaned', start: null, end: null, exact: PARTNERS }] });
    // One passage left is enough: the relationship still stands, its moved evidence at its new place.
    const moved = byId.get(minister.id)!;
    expect(moved.flagged).toBe(false);
    // Its words are there; the paragraph before them went, so its context changed: drifted, still placed.
    expect(moved.evidence.map((e) => e.status)).toEqual(['drifted', 'orphaned']);
    const { text } = await core.api['articles.get']({ id: articleId });
    expect(text.slice(moved.evidence[0]!.start!, moved.evidence[0]!.end!)).toBe('Defence Minister Rajnath Singh');
  });

  it('edits type, dates and grading, adds and removes evidence, and refuses an edit based on another revision', async () => {
    const { relation } = await relate('India', 'Japan', 'negotiating', 'India is negotiating');
    const { relation: edited } = await core.api['relations.update']({
      id: relation.id,
      baseRev: 1,
      patch: { type: 'meets', start: '2024-11', end: '2025-05-05', grading: { reliability: 'B', credibility: 2 }, addEvidence: [{ articleId, quote: PARTNERS }] },
    });
    expect(edited).toMatchObject({ rev: 2, type: 'meets', label: 'meets', start: '2024-11', end: '2025-05-05', grading: { reliability: 'B', credibility: 2 } });
    expect(edited.evidence.map((e) => e.exact)).toEqual(['India is negotiating', PARTNERS]);
    expect((await rejection(core.api['relations.update']({ id: relation.id, baseRev: 1, patch: { grading: null } }))).code).toBe('conflict');

    const first = edited.evidence[0]!.annotationId;
    const { relation: fewer } = await core.api['relations.update']({ id: relation.id, patch: { removeEvidence: [first] } });
    expect(fewer.evidence.map((e) => e.exact)).toEqual([PARTNERS]);
    expect((await annotations()).map((a) => a.id)).toContain(first);
    const last = await rejection(core.api['relations.update']({ id: relation.id, patch: { removeEvidence: [fewer.evidence[0]!.annotationId] } }));
    expect(last.message).toMatch(/at least one passage/);

    await core.api['history.undo']({});
    await core.api['history.undo']({});
    expect((await list())[0]).toMatchObject({ rev: 1, type: 'negotiating', grading: null, start: null });
  });

  it('says what is wrong in one sentence: unknown entity or type, one entity twice, an ambiguous or missing quote, dates the wrong way round', async () => {
    expect((await rejection(relate('Atlantis', 'Quad', 'partner-in', PARTNERS))).message).toBe("No entity named 'Atlantis' in this workspace.");
    expect((await rejection(relate('India', 'Quad', 'allied with', PARTNERS))).message).toMatch(/^Unknown relationship type 'allied with' \(known: defence-minister-of, partner-in, /);
    expect((await rejection(relate('India', 'india', 'meets', PARTNERS))).code).toBe('bad-input');
    const ambiguous = await rejection(relate('India', 'Japan', 'meets', 'India'));
    expect(ambiguous.code).toBe('ambiguous-quote');
    expect((await rejection(relate('India', 'Japan', 'meets', 'not in the article'))).code).toBe('quote-not-found');
    const dates = await rejection(core.api['relations.create']({ from: 'India', to: 'Japan', type: 'meets', start: '2025-05', end: '2024', evidence: [{ articleId, quote: PARTNERS }] }));
    expect(dates.message).toMatch(/cannot end/);
    // Nothing is left half done: no highlight from a refused relationship.
    expect(await annotations()).toEqual([]);
    expect(await list()).toEqual([]);
    // The occurrence picks one of several places.
    const { relation } = await core.api['relations.create']({ from: 'India', to: 'Japan', type: 'meets', evidence: [{ articleId, quote: 'India', occurrence: 2 }] });
    expect(relation.evidence[0]!.start).toBe(TEXT.indexOf('India', TEXT.indexOf('India') + 1));
  });

  it('adds a type to the vocabulary (undoably) and relates with it', async () => {
    const { type } = await core.api['relations.addType']({ label: 'Supplies arms to', inverse: 'receives arms from' });
    expect(type).toEqual({ key: 'supplies-arms-to', label: 'Supplies arms to', inverse: 'receives arms from' });
    expect((await rejection(core.api['relations.addType']({ label: 'supplies arms to', inverse: 'x' }))).code).toBe('conflict');
    const { relation } = await relate('Japan', 'India', 'supplies-arms-to', PARTNERS);
    expect(relation).toMatchObject({ label: 'Supplies arms to', inverse: 'receives arms from' });
    await core.api['history.undo']({});
    await core.api['history.undo']({});
    expect((await core.api['relations.types']({})).types).toEqual(DEFAULT_RELATION_TYPES);
  });

  it('is checked by dossier check and by the backups’ validator', async () => {
    await relate('India', 'Quad', 'partner-in', PARTNERS);
    await store.flush();
    const good = await fs.readFile(path.join(tmp, 'relations.json'));
    expect(problemWith('relations.json', good)).toBeNull();
    const bad = Buffer.from(good.toString('utf8').replace('"partner-in"', '"Partner In"'));
    expect(problemWith('relations.json', bad)).toMatch(/relations\.json/);
    await store.close();
    await fs.writeFile(path.join(tmp, 'relations.json'), bad);
    const findings = await checkWorkspace(tmp);
    expect(findings).toEqual([expect.objectContaining({ file: 'relations.json', action: 'quarantine' })]);
    store = await WorkspaceStore.open(tmp);
    core = createCore(store);
  });
});
