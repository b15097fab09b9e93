import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { normalizeArticleText } from '../../common/text/normalizeArticleText';
import { detectLanguage } from '../language/detectLanguage';
import { WorkspaceStore } from '../store/workspaceStore';
import { sourceCoreWorker } from '../testing/sourceWorker';
import { CoreWorker } from '../workers/workerClient';
import { extractArticle } from './extractArticle';
import { importArticles } from './importArticles';
import { readArticleFile } from './readArticleFile';

const LANGUAGES = ['ar', 'fa', 'he', 'hi', 'ja', 'ko', 'mixed', 'ru', 'uk', 'zh'];
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/languages/${name}.txt`, import.meta.url)));
const SAMPLE = readFileSync(fileURLToPath(new URL('../../../assets/india-japan-defence-2025-05-04.txt', import.meta.url)));

/** Every language fixture as a .txt, and variants that move the 600-character window detection reads. */
const FILES: { name: string; bytes: Uint8Array }[] = [
  ...LANGUAGES.map((l) => ({ name: `${l}.txt`, bytes: fixture(l) })),
  // A lead-in date and CRLF line ends are normalised away before detection, in both threads.
  { name: 'lead-in.txt', bytes: Buffer.from(`date 2025-05-04 ${fixture('ru').toString('utf8').replace(/\n/g, '\r\n')}`) },
  // Long: English first, Russian after the sample window.
  { name: 'long.txt', bytes: Buffer.concat([SAMPLE, Buffer.from('\n\n'), Buffer.from(fixture('ru').toString('utf8').repeat(40))]) },
  { name: 'page.md', bytes: Buffer.from(`---\nlang: fr\n---\n\n${fixture('ar').toString('utf8')}`) },
];

let tmp: string;
let worker: CoreWorker;
// A worker that cannot start falls back to this thread and says so here: the tests would prove nothing.
const workerFailed = vi.spyOn(console, 'error');
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-read-'));
  worker = new CoreWorker(await sourceCoreWorker(tmp));
});
afterAll(async () => {
  expect(workerFailed).not.toHaveBeenCalled();
  await worker.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('reading an imported file', () => {
  it('detects the language in the worker thread exactly as in this thread, on every language fixture', async () => {
    for (const { name, bytes } of FILES) {
      const offThread = await worker.run('extract', { bytes, name });
      const here = await readArticleFile(bytes, name);
      expect(offThread, name).toEqual(here);
      // The same answer the import gave when it detected on the main thread: the normalised text, read by detectLanguage.
      const extracted = await extractArticle(bytes, name);
      expect(offThread.language, name).toBe(extracted.language ?? detectLanguage(normalizeArticleText(extracted.text).text));
    }
    const languages = Object.fromEntries(await Promise.all(FILES.map(async ({ name, bytes }) => [name, (await worker.run('extract', { bytes, name })).language])));
    expect(languages).toEqual({
      'ar.txt': 'ar', 'fa.txt': 'fa', 'he.txt': 'he', 'hi.txt': 'hi', 'ja.txt': 'ja', 'ko.txt': 'ko', 'mixed.txt': 'en', 'ru.txt': 'ru', 'uk.txt': 'uk', 'zh.txt': 'zh',
      'lead-in.txt': 'ru', 'long.txt': 'en', 'page.md': 'fr',
    });
  });

  it('gives the text the import stores, normalised once, with the lead-in date taken out', async () => {
    const read = await worker.run('extract', { bytes: FILES.find((f) => f.name === 'lead-in.txt')!.bytes, name: 'lead-in.txt' });
    expect(read.leadInDate).toBe('2025-05-04');
    expect(read.text).toBe(normalizeArticleText(fixture('ru').toString('utf8')).text);
  });
});

describe('importing with the file read elsewhere', () => {
  it('stores the language the reader gave and detects nothing on the importing thread', async () => {
    const store = await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true });
    try {
      // A reader that answers a language no text reads as: the import must take it as it is.
      const extract: typeof readArticleFile = async (bytes, name, options) => ({ ...(await readArticleFile(bytes, name, options)), language: 'qaa' });
      const { articles } = await importArticles(store, [{ name: 'ar.txt', bytes: fixture('ar') }], { extract });
      expect((await store.readMeta(articles[0]!.id)).language).toBe('qaa');

      const viaWorker = await importArticles(store, [{ name: 'ja.txt', bytes: fixture('ja') }], { extract: (bytes, name, options) => worker.run('extract', { bytes, name, options }) });
      expect((await store.readMeta(viaWorker.articles[0]!.id)).language).toBe('ja');
    } finally {
      await store.close();
    }
  });
});
