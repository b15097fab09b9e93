import { createCore } from '../electron/core/dossierCore';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';

/**
 * One fresh process on a workspace whose search index was saved: opens it until the first page
 * of the library is ready to render (open_ms), then loads the saved index (search/index.bin and
 * its journal) until the first query answers (index_reload_ms), with the heap before and after
 * (run with --expose-gc, so both are measured after a full collection). Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/indexProbe.ts <workspace> <query>
 */
const [dir, query] = [process.argv[2]!, process.argv[3]!];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const MB = 1024 * 1024;

const t0 = performance.now();
const store = await WorkspaceStore.open(dir, { lock: false });
const firstPage = store
  .listArticles()
  .slice(0, 50)
  .map(({ id, title, published }) => ({ id, title, published }));
const t1 = performance.now();
if (firstPage.length === 0) throw new Error('empty workspace');
const rssOpen = process.memoryUsage().rss;

const core = createCore(store);
gc();
const before = process.memoryUsage();
const t2 = performance.now();
const { results } = await core.api['search.query']({ query });
const t3 = performance.now();
gc();
const after = process.memoryUsage();
console.log(
  JSON.stringify({
    open_ms: t1 - t0,
    process_ms: t1,
    rss_open_mb: rssOpen / MB,
    index_reload_ms: t3 - t2,
    // Posting lists live in ArrayBuffers, outside the JS heap proper: both count.
    index_heap_mb: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB,
    heap_used_mb: (after.heapUsed - before.heapUsed) / MB,
    array_buffers_mb: (after.arrayBuffers - before.arrayBuffers) / MB,
    rss_mb: after.rss / MB,
    results: results.length,
  }),
);
await store.close();
