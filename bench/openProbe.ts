import { WorkspaceStore } from '../electron/core/store/workspaceStore';

/**
 * One fresh process opening a workspace until the first page of the library is ready to render.
 * Prints {open_ms, process_ms, rss_mb} as JSON.
 */
const dir = process.argv[2]!;
const t0 = performance.now();
const store = await WorkspaceStore.open(dir, { lock: false });
const firstPage = store
  .listArticles()
  .slice(0, 50)
  .map(({ id, title, published }) => ({ id, title, published }));
const t1 = performance.now();
if (firstPage.length === 0) throw new Error('empty workspace');
console.log(
  JSON.stringify({
    open_ms: t1 - t0,
    process_ms: t1,
    rss_mb: process.memoryUsage().rss / 1024 / 1024,
  }),
);
await store.close();
