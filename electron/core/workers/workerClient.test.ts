import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DossierError } from '../../common/errors';
import { articlePdf, ARTICLE_TITLE } from '../import/fixtures/pdfFixtures';
import { CoreWorker } from './workerClient';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const BUILT = path.join(ROOT, 'out', 'main', 'coreWorker.js');

let tmp: string;
const workers: CoreWorker[] = [];
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-worker-'));
});
afterEach(async () => {
  for (const w of workers.splice(0)) await w.close();
  vi.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});
const keep = (w: CoreWorker) => (workers.push(w), w);

describe('CoreWorker', () => {
  it('sends tasks to the worker and matches answers by id', async () => {
    const file = path.join(tmp, 'echo.mjs');
    await fs.writeFile(
      file,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => setTimeout(() => parentPort.postMessage({ id: m.id, output: [{ name: m.task + ':' + m.input.text, type: 'other', aliases: [], mentions: [] }] }), m.input.text.length));`,
    );
    const worker = keep(new CoreWorker(file));
    const [slow, fast] = await Promise.all([worker.run('detect', { text: 'slower', options: {} }), worker.run('detect', { text: 'f', options: {} })]);
    expect(slow[0]!.name).toBe('detect:slower');
    expect(fast[0]!.name).toBe('detect:f');
  });

  it('brings a user-facing error back with its code and words', async () => {
    const file = path.join(tmp, 'fails.mjs');
    await fs.writeFile(
      file,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, error: { code: 'import-failed', message: 'x.pdf has no text layer', file: 'x.pdf' } }));`,
    );
    const error = await keep(new CoreWorker(file)).run('extract', { bytes: new Uint8Array(1), name: 'x.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DossierError);
    expect(error).toMatchObject({ code: 'import-failed', message: 'x.pdf has no text layer' });
  });

  it('runs tasks in the calling thread when the worker is missing or cannot start', async () => {
    const missing = keep(new CoreWorker(path.join(tmp, 'missing.js')));
    const article = await missing.run('extract', { bytes: new TextEncoder().encode('Title\n\nBody text here.'), name: 'a.txt' });
    expect(article.text).toContain('Body text here.');

    const broken = path.join(tmp, 'broken.mjs');
    await fs.writeFile(broken, "throw new Error('cannot start');\n");
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const worker = keep(new CoreWorker(broken));
    const entities = await worker.run('detect', { text: 'Rajnath Singh visited New Delhi.', options: {} });
    expect(entities.map((e) => e.name)).toContain('Rajnath Singh');
  });

  it('passes a task\'s progress to its caller before the answer', async () => {
    const file = path.join(tmp, 'progress.mjs');
    await fs.writeFile(
      file,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => { for (let i = 1; i <= 3; i++) parentPort.postMessage({ id: m.id, progress: { done: i, total: 3 } }); parentPort.postMessage({ id: m.id, output: { vocabulary: [], documents: [], offsets: new Uint32Array(1), docs: new Uint32Array(0), weights: new Uint16Array(0) } }); });`,
    );
    const worker = keep(new CoreWorker(file));
    const seen: [number, number][] = [];
    const snapshot = await worker.run('searchIndex', { dir: tmp }, (done, total) => seen.push([done, total]));
    expect(seen).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(snapshot.documents).toEqual([]);
  });

  it.runIf(existsSync(BUILT))('builds the search index of a workspace in the built worker thread, with progress', async () => {
    const { WorkspaceStore } = await import('../store/workspaceStore');
    const { createCore } = await import('../dossierCore');
    const core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }));
    await core.api['articles.import']({ files: [{ name: 'a.txt', base64: Buffer.from('Quad summit\n\nLeaders met in Tokyo.').toString('base64') }] });
    const worker = keep(new CoreWorker(BUILT));
    const seen: [number, number][] = [];
    const snapshot = await worker.run('searchIndex', { dir: path.join(tmp, 'ws') }, (done, total) => seen.push([done, total]));
    expect(seen).toEqual([[1, 1]]);
    expect(snapshot.documents.map((d) => d.title)).toEqual(['Quad summit']);
    expect(snapshot.vocabulary).toContain('tokyo');
    await core.close();
  });

  it.runIf(existsSync(BUILT))('reads a PDF in the built worker thread, off the calling thread', async () => {
    const worker = keep(new CoreWorker(BUILT));
    const article = await worker.run('extract', { bytes: await articlePdf(), name: 'report.pdf' });
    expect(article.title ?? article.text).toContain(ARTICLE_TITLE.split(' ')[0]!);
    const failure = await worker.run('extract', { bytes: new Uint8Array(0), name: 'empty.txt' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DossierError);
  });
});
