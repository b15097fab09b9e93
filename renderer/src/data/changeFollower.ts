import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Makes the queries a change names stale (all of them for an empty list), so those on screen ask
 * again. A query's first answer still on its way when a change names it was read before the change,
 * and the cache would keep it as fresh (a fetch in flight is only restarted when there is data
 * already): such a query is asked again as soon as that answer lands.
 */
export function changeFollower(client: QueryClient): { changed(keys: readonly QueryKey[]): void; dispose(): void } {
  const cache = client.getQueryCache();
  const askAgain = new Set<Query>();
  const unsubscribe = cache.subscribe((event) => {
    if (event.type !== 'updated' || !askAgain.has(event.query)) return;
    if (event.action.type === 'error') askAgain.delete(event.query);
    if (event.action.type !== 'success') return;
    askAgain.delete(event.query);
    void client.invalidateQueries({ queryKey: event.query.queryKey, exact: true });
  });
  return {
    changed(keys) {
      const filters = keys.length === 0 ? [{}] : keys.map((queryKey) => ({ queryKey }));
      for (const filter of filters) {
        for (const query of cache.findAll(filter)) if (query.state.fetchStatus === 'fetching' && query.state.data === undefined) askAgain.add(query);
        void client.invalidateQueries(filter);
      }
    },
    dispose: unsubscribe,
  };
}
