import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierError } from '../../common/errors';
import type { DetectedEntity } from '../../common/model/entity';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import type { EntityDetector } from './entityDetector';
import { findKnownInTexts, type KnownSearch } from './knownMentions';
import { step } from '../../common/model/phrase';

/**
 * The service is tested with a scripted detector, so each test states exactly what detection
 * found; detection itself is tested in detectEntities.test.ts.
 */
const TEXT =
  'Defence Minister Rajnath Singh met his Japanese counterpart in New Delhi.\n\n' +
  'Singh said India and Japan would deepen cooperation. Indian officials agreed.';

function found(text: string, name: string, type: DetectedEntity['type'], forms: string[], aliases: string[] = []): DetectedEntity {
  const all = forms.flatMap((form) => {
    const out: DetectedEntity['mentions'] = [];
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) {
      const whole = !/\p{L}/u.test(text[at - 1] ?? '') && !/\p{L}/u.test(text[at + form.length] ?? '');
      if (whole) out.push({ start: at, end: at + form.length, text: form });
    }
    return out;
  });
  // Longest first, then no overlaps: "Singh" inside "Rajnath Singh" is not a second mention.
  const mentions: DetectedEntity['mentions'] = [];
  for (const m of all.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!mentions.some((x) => x.start < m.end && m.start < x.end)) mentions.push(m);
  }
  mentions.sort((a, b) => a.start - b.start);
  return { name, type, aliases, mentions };
}

class ScriptedDetector implements EntityDetector {
  calls: { text: string; rejected: string[]; known: string[] }[] = [];
  async detect(text: string, options: { known?: { name: string }[]; rejected?: string[] }): Promise<DetectedEntity[]> {
    this.calls.push({ text, rejected: options.rejected ?? [], known: (options.known ?? []).map((k) => k.name) });
    const rejected = new Set(options.rejected ?? []);
    return [
      found(text, 'Rajnath Singh', 'person', ['Rajnath Singh', 'Singh'], ['Singh']),
      found(text, 'New Delhi', 'place', ['New Delhi']),
      found(text, 'India', 'place', ['India']),
      found(text, 'Japan', 'place', ['Japan']),
      found(text, 'Indian', 'other', ['Indian']),
    ].filter((e) => e.mentions.length > 0 && !rejected.has(e.name.toLowerCase()));
  }
  async findKnown(search: KnownSearch) {
    return findKnownInTexts(search);
  }
  async close() {}
}

let tmp: string;
let core: DossierCore;
let detector: ScriptedDetector;
let articleId: string;
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-entities-'));
  detector = new ScriptedDetector();
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }), { detector });
  articleId = (await core.api['articles.import']({ files: [{ name: 'a.txt', base64: b64(TEXT) }] })).articles[0]!.id;
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const suggestion = async (name: string, id = articleId) => {
  const { suggestions } = await core.api['entities.forArticle']({ articleId: id });
  const s = suggestions.find((x) => x.name === name);
  if (!s) throw new Error(`no suggestion ${name}`);
  return s;
};

describe('EntityService', () => {
  it('detects once per version of the text and lists suggestions with their mentions', async () => {
    const first = await core.api['entities.forArticle']({ articleId });
    expect(first.suggestions.map((s) => s.name)).toEqual(['Rajnath Singh', 'New Delhi', 'India', 'Japan', 'Indian']);
    expect(first.suggestions[0]!.mentions.map((m) => m.text)).toEqual(['Rajnath Singh', 'Singh']);
    await core.api['entities.forArticle']({ articleId });
    expect(detector.calls).toHaveLength(1);
  });

  it('accepts a suggestion as a confirmed entity whose mentions are stored, and can undo it', async () => {
    const s = await suggestion('Rajnath Singh');
    const { entity } = await core.api['entities.accept']({ articleId, key: s.key });
    expect(entity).toMatchObject({ name: 'Rajnath Singh', type: 'person', aliases: ['Singh'] });
    const after = await core.api['entities.forArticle']({ articleId });
    expect(after.suggestions.map((x) => x.name)).not.toContain('Rajnath Singh');
    expect(after.mentions.map((m) => [m.text, m.name])).toEqual([
      ['Rajnath Singh', 'Rajnath Singh'],
      ['Singh', 'Rajnath Singh'],
    ]);
    expect((await core.api['entities.list']({})).entities).toEqual([
      { id: entity.id, name: 'Rajnath Singh', type: 'person', aliases: ['Singh'], mentionCount: 2, articleCount: 1 },
    ]);

    expect((await core.api['history.undo']({})).label).toEqual(step('acceptEntity', { name: 'Rajnath Singh' }));
    expect((await core.api['entities.list']({})).entities).toEqual([]);
    expect((await core.api['entities.forArticle']({ articleId })).suggestions.map((x) => x.name)).toContain('Rajnath Singh');
  });

  it('renames and retypes on accept; a second accept of the same name joins the entity', async () => {
    const s = await suggestion('Indian');
    const { entity } = await core.api['entities.accept']({ articleId, key: s.key, name: 'India', type: 'place' });
    expect(entity).toMatchObject({ name: 'India', type: 'place', aliases: ['Indian'] });
    const india = await suggestion('India');
    expect(india.entityId).toBe(entity.id);
    const { entity: joined } = await core.api['entities.accept']({ articleId, key: india.key, entityId: entity.id });
    expect(joined.id).toBe(entity.id);
    const page = await core.api['entities.page']({ id: entity.id });
    expect(page.mentions.map((m) => m.text)).toEqual(['India', 'Indian']);
    expect(page.mentions[0]!.context).toContain('Singh said India and Japan');
  });

  it('merges one entity into another: mentions move, names become aliases, undo restores both', async () => {
    const { entity: indian } = await core.api['entities.accept']({ articleId, key: (await suggestion('Indian')).key });
    const { entity: india } = await core.api['entities.accept']({ articleId, key: (await suggestion('India')).key });
    const { entity: merged } = await core.api['entities.merge']({ sourceId: indian.id, targetId: india.id });
    expect(merged).toMatchObject({ id: india.id, name: 'India', aliases: ['Indian'] });
    expect((await core.api['entities.list']({})).entities.map((e) => [e.name, e.mentionCount])).toEqual([['India', 2]]);
    await core.api['history.undo']({});
    expect((await core.api['entities.list']({})).entities.map((e) => e.name).sort()).toEqual(['India', 'Indian']);
    const error = await core.api['entities.merge']({ sourceId: india.id, targetId: india.id }).catch((e: unknown) => e);
    expect((error as DossierError).code).toBe('bad-input');
  });

  it('gives detection the confirmed entities as they are now: after accepting, merging and undoing', async () => {
    const knownNow = async (): Promise<string[]> => (await core.api['entities.detect']({ text: 'x' }), detector.calls.at(-1)!.known.sort());
    expect(await knownNow()).toEqual([]);
    const { entity: indian } = await core.api['entities.accept']({ articleId, key: (await suggestion('Indian')).key });
    const { entity: india } = await core.api['entities.accept']({ articleId, key: (await suggestion('India')).key });
    expect(await knownNow()).toEqual(['India', 'Indian']);
    expect(await knownNow()).toEqual(['India', 'Indian']);
    await core.api['entities.merge']({ sourceId: indian.id, targetId: india.id });
    expect(await knownNow()).toEqual(['India']);
    await core.api['history.undo']({});
    expect(await knownNow()).toEqual(['India', 'Indian']);
  });

  it('remembers rejections: a rejected name is not suggested again in later articles', async () => {
    await core.api['entities.reject']({ articleId, key: (await suggestion('New Delhi')).key });
    expect((await core.api['entities.forArticle']({ articleId })).suggestions.map((s) => s.name)).not.toContain('New Delhi');
    const other = (await core.api['articles.import']({ files: [{ name: 'b.txt', base64: b64(`${TEXT}\n\nMore talks in New Delhi next year.`) }] })).articles[0]!.id;
    const later = await core.api['entities.forArticle']({ articleId: other });
    expect(detector.calls.at(-1)!.rejected).toContain('new delhi');
    expect(later.suggestions.map((s) => s.name)).not.toContain('New Delhi');
  });

  it('a rejection also leaves the review of articles detected before it, and says so on the change feed', async () => {
    const other = (await core.api['articles.import']({ files: [{ name: 'b.txt', base64: b64(`${TEXT}\n\nMore talks in New Delhi next year.`) }] })).articles[0]!.id;
    // Both reviewed before the rejection: New Delhi waits in each.
    expect((await suggestion('New Delhi', other)).mentions.length).toBeGreaterThan(0);
    const events: { subject: string; id: string }[] = [];
    const unsubscribe = core.events.subscribe((name, payload) => {
      if (name === 'workspace.changed') events.push(...(payload as { changes: { subject: string; id: string }[] }).changes);
    });
    await core.api['entities.reject']({ articleId, key: (await suggestion('New Delhi')).key });
    unsubscribe();
    expect((await core.api['entities.forArticle']({ articleId: other })).suggestions.map((s) => s.name)).not.toContain('New Delhi');
    expect(events).toContainEqual(expect.objectContaining({ subject: 'workspace', id: 'entity-rejections' }));
    // Accepting everything there accepts what is still offered, not the rejected name.
    await core.api['entities.acceptAll']({ articleId: other });
    expect((await core.api['entities.list']({})).entities.map((e) => e.name)).not.toContain('New Delhi');
  });

  it('links a selected passage by hand, to a new or an existing entity, and co-occurrence follows', async () => {
    const start = TEXT.indexOf('Japanese');
    const { mention } = await core.api['entities.link']({ articleId, start, end: start + 'Japanese'.length, name: 'Japan', type: 'place' });
    expect(mention).toMatchObject({ text: 'Japanese', source: 'manual' });
    await core.api['entities.accept']({ articleId, key: (await suggestion('Rajnath Singh')).key });
    const japan = (await core.api['entities.list']({})).entities.find((e) => e.name === 'Japan')!;
    const page = await core.api['entities.page']({ id: japan.id });
    expect(page.mentions.map((m) => m.text)).toEqual(['Japanese']);
    expect(page.cooccurring.map((c) => c.name)).toEqual(['Rajnath Singh']);
    const bad = await core.api['entities.link']({ articleId, start: 3, end: 3, name: 'x' }).catch((e: unknown) => e);
    expect((bad as DossierError).code).toBe('bad-input');
  });

  it('lists the highlights that overlap an entity on its page', async () => {
    const start = TEXT.indexOf('Rajnath');
    await core.api['annotations.create']({ articleId, start, end: start + 30, comment: 'Who is meeting whom' });
    const { entity } = await core.api['entities.accept']({ articleId, key: (await suggestion('Rajnath Singh')).key });
    const page = await core.api['entities.page']({ id: entity.id });
    expect(page.annotations.map((a) => a.comment)).toEqual(['Who is meeting whom']);
  });

  it('moves confirmed mentions onto a new version of the article', async () => {
    await core.api['entities.accept']({ articleId, key: (await suggestion('Rajnath Singh')).key });
    const v2 = `Update: talks went well.\n\n${TEXT}`;
    await core.api['articles.replace']({ id: articleId, file: { name: 'a2.txt', base64: b64(v2) } });
    const { mentions } = await core.api['entities.forArticle']({ articleId });
    expect(mentions.map((m) => [m.text, v2.slice(m.start, m.end)])).toEqual([
      ['Rajnath Singh', 'Rajnath Singh'],
      ['Singh', 'Singh'],
    ]);
  });
});
