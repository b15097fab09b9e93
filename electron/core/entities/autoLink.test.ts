import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { step } from '../../common/model/phrase';

/**
 * Confirmed entities are linked in every article that comes in later (an import, a new version),
 * with real detection and matching: what the analyst sees.
 */
const FIRST = 'Talks in New Delhi\n\nIndia and Japan signed a logistics pact in New Delhi. India said the pact would help.';

let tmp: string;
let core: DossierCore;
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-autolink-'));
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }));
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const importText = async (text: string, name = `a${Math.random()}.txt`) => (await core.api['articles.import']({ files: [{ name, base64: b64(text) }] })).articles[0]!.id;

/** Imports FIRST and confirms its India (with `aliases`), as a review would. */
async function confirmIndia(aliases: string[] = []) {
  const first = await importText(FIRST);
  const { suggestions } = await core.api['entities.forArticle']({ articleId: first });
  const { entity } = await core.api['entities.accept']({ articleId: first, key: suggestions.find((s) => s.name === 'India')!.key });
  if (aliases.length > 0) await core.api['entities.update']({ id: entity.id, patch: { aliases } });
  return { first, india: entity.id };
}

const linked = async (articleId: string) => (await core.api['entities.forArticle']({ articleId })).mentions.map((m) => [m.text, m.name]);
const toReview = async (articleId: string) => (await core.api['entities.forArticle']({ articleId })).suggestions.filter((s) => s.entityId === null).map((s) => s.name);

describe('linking confirmed entities in new articles', () => {
  it('links names and aliases in an imported article, leaving only new names to review', async () => {
    await confirmIndia(['Republic of India']);
    const second = await importText('Envoys meet in Manila\n\nThe Republic of India sent envoys to Manila. India and the Philippines agreed on patrols.');
    expect(await linked(second)).toEqual([
      ['Republic of India', 'India'],
      ['India', 'India'],
    ]);
    const { suggestions } = await core.api['entities.forArticle']({ articleId: second });
    expect(suggestions.map((s) => s.name)).not.toContain('India');
    expect(await toReview(second)).toEqual(expect.arrayContaining(['Manila', 'Philippines']));
  });

  it('keeps detection’s case rules: short names only as written, long ones in any case', async () => {
    await confirmIndia(['Republic of India']);
    const second = await importText('Notes\n\nThe republic of india said little; india was not named in capitals.');
    expect(await linked(second)).toEqual([['republic of india', 'India']]);
  });

  it('never links a body qualified by another country to its namesake', async () => {
    const first = await importText('Drills\n\nThe US Marine Corps trained near Okinawa.');
    const { suggestions } = await core.api['entities.forArticle']({ articleId: first });
    const { entity } = await core.api['entities.accept']({ articleId: first, key: suggestions.find((s) => s.name === 'US Marine Corps')!.key });
    await core.api['entities.update']({ id: entity.id, patch: { aliases: ['Marine Corps'] } });
    const second = await importText('Kamandag\n\nThe Philippine Marine Corps trained with the US Marine Corps. Later the Marine Corps flew home.');
    expect(await linked(second)).toEqual([
      ['US Marine Corps', 'US Marine Corps'],
      ['Marine Corps', 'US Marine Corps'],
    ]);
    expect(await toReview(second)).toContain('Philippine Marine Corps');
  });

  it('keeps rejected forms rejected, even as an alias of a confirmed entity', async () => {
    const { first } = await confirmIndia();
    const japan = (await core.api['entities.forArticle']({ articleId: first })).suggestions.find((s) => s.name === 'Japan')!;
    await core.api['entities.reject']({ articleId: first, key: japan.key });
    const india = (await core.api['entities.list']({})).entities.find((e) => e.name === 'India')!;
    await core.api['entities.update']({ id: india.id, patch: { aliases: ['Japan'] } });
    const second = await importText('Ties\n\nJapan and India held talks.');
    expect(await linked(second)).toEqual([['India', 'India']]);
    expect(await toReview(second)).not.toContain('Japan');
  });

  it('makes the links part of the import: undo removes them with the article, redo brings both back', async () => {
    const { india } = await confirmIndia();
    const second = await importText('More talks\n\nIndia hosted the talks again.');
    const count = async () => (await core.api['entities.list']({})).entities.find((e) => e.id === india)!;
    expect(await count()).toMatchObject({ mentionCount: 3, articleCount: 2 });
    expect((await core.api['history.undo']({ confirm: true })).label).toEqual(step('importArticle', { title: 'More talks' }));
    expect(await count()).toMatchObject({ mentionCount: 2, articleCount: 1 });
    expect((await core.api['articles.list']({})).articles.map((a) => a.id)).not.toContain(second);
    await core.api['history.redo']({});
    expect(await count()).toMatchObject({ mentionCount: 3, articleCount: 2 });
    expect(await linked(second)).toEqual([['India', 'India']]);
  });

  it('links again in a new version, moving the earlier links onto it; undo puts the old version’s back', async () => {
    const { first } = await confirmIndia(['Republic of India']);
    const before = await linked(first);
    const v2 = `Talks in New Delhi\n\nUpdate: the Republic of India confirmed the pact.\n\n${FIRST.split('\n\n')[1]}`;
    await core.api['articles.replace']({ id: first, file: { name: 'v2.txt', base64: b64(v2) } });
    const { mentions } = await core.api['entities.forArticle']({ articleId: first });
    expect(mentions.map((m) => [m.text, v2.slice(m.start, m.end), m.name])).toEqual([
      ['Republic of India', 'Republic of India', 'India'],
      ['India', 'India', 'India'],
      ['India', 'India', 'India'],
    ]);
    expect((await core.api['history.undo']({})).label).toEqual(step('replaceWithNewVersion'));
    expect(await linked(first)).toEqual(before);
  });

  it('links known entities in an article imported before they were confirmed, in one undoable step', async () => {
    const earlier = await importText('Earlier\n\nIndia sent ships. India also sent aircraft.');
    await confirmIndia(['Republic of India']);
    expect((await core.api['entities.forArticle']({ articleId: earlier })).suggestions.find((s) => s.name === 'India')?.entityId).toBeTruthy();
    expect(await linked(earlier)).toEqual([]);
    expect(await core.api['entities.linkKnown']({ articleId: earlier })).toEqual({ linked: 2 });
    expect(await linked(earlier)).toEqual([
      ['India', 'India'],
      ['India', 'India'],
    ]);
    expect((await core.api['entities.forArticle']({ articleId: earlier })).suggestions.map((s) => s.name)).not.toContain('India');
    expect(await core.api['entities.linkKnown']({ articleId: earlier })).toEqual({ linked: 0 });
    expect((await core.api['history.undo']({})).label).toEqual(step('linkKnownEntities'));
    expect(await linked(earlier)).toEqual([]);
  });

  it('links aliases in other scripts in every article: 印度, インド, Индия and الهند are India', async () => {
    const { india } = await confirmIndia(['印度', 'インド', 'Индия', 'الهند']);
    const fixture = (lang: string) => readFileSync(path.join(__dirname, '..', 'import', 'fixtures', 'languages', `${lang}.txt`), 'utf8');
    const ids: Record<string, string> = {};
    for (const lang of ['zh', 'ja', 'ru', 'ar']) ids[lang] = await importText(fixture(lang), `${lang}.txt`);
    const indiaIn = async (lang: string) => (await linked(ids[lang]!)).filter(([, name]) => name === 'India').map(([text]) => text);
    expect(await indiaIn('zh')).toEqual(['印度', '印度']);
    expect(await indiaIn('ja')).toEqual(['インド']);
    // Inflected: "Министры обороны Индии" — of India.
    expect(await indiaIn('ru')).toEqual(['Индии', 'Индии']);
    // الهندي, "Indian" (the Indian minister), is India as "Indian" is; المحيط الهندي stays the ocean.
    expect(await indiaIn('ar')).toEqual(['الهندي', 'الهند']);
    const entity = (await core.api['entities.list']({})).entities.find((e) => e.id === india)!;
    expect(entity).toMatchObject({ articleCount: 5, mentionCount: 2 + 2 + 1 + 2 + 2 });
    // Nothing in these articles is left to review as India.
    expect(await toReview(ids.zh!)).not.toContain('India');
  });
});

