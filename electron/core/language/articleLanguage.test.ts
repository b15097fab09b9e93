import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../import/fixtures/languages/${name}`, import.meta.url)));
const file = (name: string, content: string | Uint8Array) => ({ name, base64: Buffer.from(content).toString('base64') });

let tmp: string;
let core: DossierCore;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-language-'));
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }));
});
afterEach(async () => {
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function importOne(name: string, content: string | Uint8Array): Promise<string> {
  const { articles, failures } = await core.api['articles.import']({ files: [file(name, content)] });
  expect(failures).toEqual([]);
  return articles[0]!.id;
}

describe("an article's language", () => {
  it('is detected from the text at import and stored with the metadata', async () => {
    for (const [name, tag] of [['ar.txt', 'ar'], ['zh.txt', 'zh'], ['ja.txt', 'ja'], ['uk.txt', 'uk']] as const) {
      const id = await importOne(name, fixture(name));
      expect((await core.store.readMeta(id)).language, name).toBe(tag);
    }
  });

  it('is the one the file states, when it states one', async () => {
    const html = `<!doctype html><html lang="fr"><head><title>Réunion</title></head><body><article><h1>Réunion</h1><p>${fixture('ru.txt').toString('utf8')}</p></article></body></html>`;
    const id = await importOne('page.html', html);
    expect((await core.store.readMeta(id)).language).toBe('fr');
  });

  it('of an article stored without one is read from its text when it is opened, without rewriting it', async () => {
    const id = await importOne('he.txt', fixture('he.txt'));
    // As written before detection existed.
    await core.store.writeMeta({ ...(await core.store.readMeta(id)), language: null });
    const before = await core.store.readMeta(id);

    const { article } = await core.api['articles.get']({ id });
    expect(article.language).toBe('he');
    expect(await core.store.readMeta(id)).toEqual(before);
    expect((await core.api['history.state']({ scope: `article:${id}` })).undo).toMatchObject({ key: 'importArticle' });
  });

  it('is corrected by the analyst as an undoable edit of the details', async () => {
    const id = await importOne('fa.txt', fixture('fa.txt'));
    expect((await core.api['articles.get']({ id })).article.language).toBe('fa');
    await core.api['articles.updateMeta']({ id, patch: { language: 'prs' } });
    expect((await core.api['articles.get']({ id })).article.language).toBe('prs');
    await core.api['history.undo']({ scope: `article:${id}` });
    expect((await core.api['articles.get']({ id })).article.language).toBe('fa');
  });

  it('is on the library list, follows the analyst’s correction and its undo, and is null where a list written before it has none', async () => {
    const arabic = await importOne('ar.txt', fixture('ar.txt'));
    const hebrew = await importOne('he.txt', fixture('he.txt'));
    const listed = async () => Object.fromEntries((await core.api['articles.list']({})).articles.map((a) => [a.id, a.language]));
    expect(await listed()).toEqual({ [arabic]: 'ar', [hebrew]: 'he' });
    await core.api['articles.updateMeta']({ id: arabic, patch: { language: 'ar-EG' } });
    expect((await listed())[arabic]).toBe('ar-EG');
    await core.api['history.undo']({ scope: `article:${arabic}` });
    expect((await listed())[arabic]).toBe('ar');
    await core.api['articles.trash']({ id: hebrew });
    expect((await core.api['articles.trashed']({})).articles.map((a) => a.language)).toEqual(['he']);

    // library.json as written before lists carried the language: read as unknown, not rewritten.
    await core.store.flush();
    const file = path.join(tmp, 'ws', 'library.json');
    const library = JSON.parse(await fs.readFile(file, 'utf8'));
    for (const entry of library.articles) delete entry.language;
    await core.store.close();
    await fs.writeFile(file, JSON.stringify(library));
    core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws')));
    expect(await listed()).toEqual({ [arabic]: null });
  });
});
