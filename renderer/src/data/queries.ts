import type { HistoryScope } from '../../../electron/common/model/history';
import { queryOptions, QueryClient } from '@tanstack/react-query';
import type { CallRequest, CallResponse } from '../../../electron/common/contract';
import { api, onEvent, onEventsResumed } from '../api';
import { changeFollower } from './changeFollower';
import { queryKey, staleQueries, type QueryCall } from './invalidation';

/**
 * A contract call as a cached query, keyed `[call, request]`. Nothing here polls: answers stay
 * fresh until the change feed says otherwise (see invalidation.ts).
 */
export function callQuery<K extends QueryCall>(call: K, request: CallRequest<K>) {
  return queryOptions<CallResponse<K>, Error, CallResponse<K>, readonly [K, CallRequest<K>]>({
    queryKey: queryKey(call, request),
    queryFn: () => api[call](request) as Promise<CallResponse<K>>,
  });
}

/** The queries the screens share. */
export const queries = {
  workspace: () => callQuery('workspace.info', {}),
  articles: () => callQuery('articles.list', {}),
  trashed: () => callQuery('articles.trashed', {}),
  article: (id: string) => callQuery('articles.get', { id }),
  annotations: (articleId: string) => callQuery('annotations.list', { articleId }),
  entities: () => callQuery('entities.list', {}),
  articleEntities: (articleId: string) => callQuery('entities.forArticle', { articleId }),
  entityPage: (id: string) => callQuery('entities.page', { id }),
  resolveEntities: (ids: string[]) => callQuery('entities.resolve', { ids }),
  notes: (filter: NonNullable<CallRequest<'notes.list'>['filter']> = {}) => callQuery('notes.list', { filter }),
  /**
   * A note opens in its editor from this answer once: dropped as soon as no pane shows it, so a
   * note opened again never starts from an answer older than the last save.
   */
  note: (id: string) => ({ ...callQuery('notes.get', { id }), gcTime: 0 }),
  noteTags: () => callQuery('notes.tags', {}),
  noteRevisions: (id: string) => callQuery('notes.revisions', { id }),
  /** A revision never changes once kept: its answer needs no refresh. */
  noteRevision: (id: string, revisionId: string) => callQuery('notes.revision', { id, revisionId }),
  /** Undo and redo of one view (see HistoryScope), or of everything. */
  history: (scope?: HistoryScope) => callQuery('history.state', scope ? { scope } : {}),
  historyList: () => callQuery('history.list', {}),
  briefs: () => callQuery('briefs.list', {}),
  relations: (request: CallRequest<'relations.list'> = {}) => callQuery('relations.list', request),
  relationTypes: () => callQuery('relations.types', {}),
  relationSuggestions: (request: CallRequest<'relations.suggestions'>) => callQuery('relations.suggestions', request),
  search: (request: CallRequest<'search.query'>) => callQuery('search.query', request),
  timeline: (filter: CallRequest<'timeline.list'> = {}) => callQuery('timeline.list', filter),
  timelineSuggestions: (articleId: string) => callQuery('timeline.suggestions', { articleId }),
  graph: (filter: CallRequest<'graph.data'>) => callQuery('graph.data', filter),
  /** Like a note: the brief's summary editor starts from it, so it is never kept once closed. */
  brief: (id: string) => ({ ...callQuery('briefs.get', { id }), gcTime: 0 }),
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The change feed invalidates what changed: an answer is fresh until then.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: false,
        // Local calls: no network to wait for, even when the browser believes it is offline.
        networkMode: 'always',
      },
      mutations: { networkMode: 'always' },
    },
  });
}

/** Subscribes the cache to the change feed: the one listener of `workspace.changed`. */
export function followChangeFeed(client: QueryClient): () => void {
  const follower = changeFollower(client);
  const off = onEvent('workspace.changed', (event) => follower.changed(staleQueries(event)));
  // Changes made while the events were cut off were never announced: everything is asked again.
  const offResumed = onEventsResumed(() => follower.changed([]));
  return () => {
    off();
    offResumed();
    follower.dispose();
  };
}
