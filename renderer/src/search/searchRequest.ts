import type { SearchKind, SearchRequest, SearchResult } from '../../../electron/common/model/search';

/** What the analyst has typed and chosen in the search view; empty strings mean "any". */
export interface SearchForm {
  query: string;
  kinds: SearchKind[];
  entityId: string;
  tag: string;
  color: string;
  /** Source reliability A–F and information credibility 1–6: "at least this good". */
  reliability: string;
  credibility: string;
  from: string;
  to: string;
  articleId: string;
}

export const EMPTY_SEARCH: SearchForm = {
  query: '',
  kinds: [],
  entityId: '',
  tag: '',
  color: '',
  reliability: '',
  credibility: '',
  from: '',
  to: '',
  articleId: '',
};

export const SEARCH_KINDS: { kind: SearchKind; label: string; plural: string }[] = [
  { kind: 'article', label: 'search:article', plural: 'search:articles' },
  { kind: 'annotation', label: 'search:highlight', plural: 'search:highlights' },
  { kind: 'note', label: 'search:note', plural: 'search:notes' },
  { kind: 'entity', label: 'search:entity', plural: 'search:entities' },
  { kind: 'relation', label: 'search:relationship', plural: 'search:relationships' },
];

export const RESULT_LIMIT = 200;

/**
 * The `search.query` request for the form, or null when there is nothing to ask (no words and
 * no filter). A filter without words lists everything that passes it.
 */
export function searchRequest(form: SearchForm): SearchRequest | null {
  const request: SearchRequest = { query: form.query.trim(), limit: RESULT_LIMIT };
  if (form.kinds.length > 0 && form.kinds.length < SEARCH_KINDS.length) {
    request.kinds = SEARCH_KINDS.map((k) => k.kind).filter((k) => form.kinds.includes(k));
  }
  if (form.entityId) request.entityIds = [form.entityId];
  if (form.tag.trim()) request.tag = form.tag.trim().replace(/^#/, '');
  if (form.color) request.color = form.color;
  if (form.reliability || form.credibility) request.minGrading = `${form.reliability || 'F'}${form.credibility || '6'}`;
  if (form.from) request.from = form.from;
  if (form.to) request.to = form.to;
  if (form.articleId) request.articleId = form.articleId;
  const filtered = Object.keys(request).some((k) => k !== 'query' && k !== 'limit');
  return request.query || filtered ? request : null;
}

/** How many filters (beyond the words) the form sets. */
export function filterCount(form: SearchForm): number {
  return [form.kinds.length > 0, form.entityId, form.tag.trim(), form.color, form.reliability || form.credibility, form.from, form.to, form.articleId].filter(Boolean).length;
}

export type ResultRow = { type: 'group'; kind: SearchKind; count: number } | { type: 'result'; result: SearchResult; index: number };

/** The results grouped by kind (articles, highlights, notes, entities, relationships), each group under a heading with its count. */
export function groupResults(results: readonly SearchResult[]): { rows: ResultRow[]; ordered: SearchResult[] } {
  const rows: ResultRow[] = [];
  const ordered: SearchResult[] = [];
  for (const { kind } of SEARCH_KINDS) {
    const group = results.filter((r) => r.kind === kind);
    if (group.length === 0) continue;
    rows.push({ type: 'group', kind, count: group.length });
    for (const result of group) {
      rows.push({ type: 'result', result, index: ordered.length });
      ordered.push(result);
    }
  }
  return { rows, ordered };
}
