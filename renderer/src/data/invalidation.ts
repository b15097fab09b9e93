import type { CallName, CallRequest, RecordChange } from '../../../electron/common/contract';
import type { WorkspaceChange } from '../../../electron/common/changes';
import { ENTITY_REJECTIONS_RECORD } from '../../../electron/common/model/entity';
import { GRAPH_POSITIONS_RECORD } from '../../../electron/common/model/graph';
import { RELATION_TYPES_RECORD } from '../../../electron/common/model/relation';

/**
 * The contract calls the renderer reads through the query cache. A query's key is
 * `[call, request]`, so a change can name every query of a call (`[call]`) or those of one
 * record (`[call, { articleId }]`): the cache matches a key by its prefix and by the fields given.
 */
export type QueryCall = Extract<
  CallName,
  | 'workspace.info'
  | 'articles.list'
  | 'articles.trashed'
  | 'articles.get'
  | 'annotations.list'
  | 'entities.list'
  | 'entities.forArticle'
  | 'entities.page'
  | 'entities.resolve'
  | 'notes.list'
  | 'notes.get'
  | 'notes.tags'
  | 'notes.revisions'
  | 'notes.revision'
  | 'history.state'
  | 'history.list'
  | 'briefs.list'
  | 'briefs.get'
  | 'search.query'
  | 'relations.list'
  | 'relations.types'
  | 'relations.suggestions'
  | 'timeline.list'
  | 'timeline.suggestions'
  | 'graph.data'
>;

export type QueryKey<K extends QueryCall = QueryCall> = readonly [K, CallRequest<K>];

/** What a change makes stale: every query of a call, or those whose request has these fields. */
export type StaleQueries = { [K in QueryCall]: readonly [K] | readonly [K, Partial<CallRequest<K>>] }[QueryCall];

export function queryKey<K extends QueryCall>(call: K, request: CallRequest<K>): QueryKey<K> {
  return [call, request] as const;
}

/**
 * The one map from the change feed to the cache: for each record a change touched, the queries
 * whose answer it may change. Everything the renderer shows from the store is refreshed by this
 * map alone; components never listen to `workspace.changed` themselves.
 */
export function staleQueries(event: WorkspaceChange): StaleQueries[] {
  // Every change, undo and redo included, moves the history's "Undo X / Redo Y".
  const stale: StaleQueries[] = [['history.state'], ['history.list']];
  for (const change of event.changes) stale.push(...staleFor(change));
  // Search results carry titles and snippets of every searchable kind (relationships too, with their type's labels; timeline events are not one).
  const searchable = (c: (typeof event.changes)[number]) => (c.subject === 'workspace' ? c.id === RELATION_TYPES_RECORD : c.subject !== 'brief' && c.subject !== 'event');
  if (event.changes.some(searchable)) stale.push(['search.query']);
  return unique(stale);
}

function staleFor(c: RecordChange): StaleQueries[] {
  switch (c.subject) {
    case 'article':
      // Created, deleted (an undone import), new metadata or version, or its entity suggestions.
      return [
        ['articles.list'],
        // Into the trash and out of it, or emptied.
        ['articles.trashed'],
        ['workspace.info'],
        ['articles.get', { id: c.id }],
        ['annotations.list', { articleId: c.id }],
        ['entities.forArticle', { articleId: c.id }],
        ...(c.kind === 'updated' ? [] : ([['entities.list']] as const)),
        // Entity pages show mentions in context with the article's title.
        ['entities.page'],
        // Relationships show their evidence's article title, and lose it when the article goes;
        // suggestions are read from its text.
        ['relations.list'],
        ['relations.suggestions'],
        // Events show the article's title; a new version or publication date moves its dates.
        ['timeline.list'],
        // A new version can leave a relationship without evidence (a flagged edge).
        ['graph.data'],
        ['timeline.suggestions', { articleId: c.id }],
      ];
    case 'annotation':
      return [
        ...(c.articleId ? ([['annotations.list', { articleId: c.articleId }]] as const) : ([['annotations.list']] as const)),
        // Highlights about an entity are on its page; a relationship shows its evidence as the highlight stands.
        ['entities.page'],
        ['relations.list'],
        ['graph.data'],
        // A relationship's evidence over a sentence settles that sentence's suggestion.
        ['relations.suggestions'],
      ];
    case 'entity':
      // Names, types and merges show in lists, in the reader's mentions and in notes' @mentions.
      // Relationships, events and suggested dates show entity names.
      // Suggested relationships are made between confirmed mentions.
      return [['entities.list'], ['entities.page'], ['entities.resolve'], ['entities.forArticle'], ['relations.list'], ['relations.suggestions'], ['timeline.list'], ['timeline.suggestions'], ['graph.data']];
    case 'note':
      // A save may keep a revision, and a restore always does. A revision itself never changes.
      return [['notes.list'], ['notes.tags'], ['notes.get', { id: c.id }], ['notes.revisions', { id: c.id }], ['entities.page']];
    case 'brief':
      return [['briefs.list'], ['briefs.get', { id: c.id }]];
    case 'relation':
      // A relationship made, or a suggestion dismissed (announced as deleted under its key).
      return [['relations.list'], ['relations.suggestions'], ['graph.data']];
    case 'workspace':
      // The palette (colour meanings) and the workspace's name travel with workspace.info; the
      // relationship types are a workspace setting too, and relationships show their labels.
      // Pinned chart positions refresh nothing: the chart that pinned the node shows it already,
      // and reloading its data would lay the chart out again under the analyst's hand.
      if (c.id === GRAPH_POSITIONS_RECORD) return [];
      // Forms rejected (here, or by a colleague and synced) leave every article's review.
      if (c.id === ENTITY_REJECTIONS_RECORD) return [['entities.forArticle']];
      return c.id === RELATION_TYPES_RECORD ? [['relations.types'], ['relations.list'], ['relations.suggestions'], ['graph.data']] : [['workspace.info']];
    case 'event':
      // An event confirmed, edited or removed, or a suggested date dismissed (or put back).
      return [['timeline.list'], ...(c.articleId ? ([['timeline.suggestions', { articleId: c.articleId }]] as const) : ([['timeline.suggestions']] as const))];
  }
}

function unique(list: StaleQueries[]): StaleQueries[] {
  const seen = new Set<string>();
  return list.filter((key) => {
    const text = JSON.stringify(key);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
