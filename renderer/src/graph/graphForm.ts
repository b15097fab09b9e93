import type { EntityType } from '../../../electron/common/model/entityType';
import type { GraphFilter } from '../../../electron/common/model/graph';
import { OVERVIEW_EDGES, OVERVIEW_NODES } from '../../../electron/common/model/graphOverview';
import { t } from '../i18n/i18n';

/** The chart's filters as the form holds them: strings straight from its fields. */
export interface GraphForm {
  /** Entity types to show; empty shows every type. */
  types: EntityType[];
  relation: string;
  articleId: string;
  reliability: '' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  credibility: '' | '1' | '2' | '3' | '4' | '5' | '6';
  from: string;
  to: string;
  focusId: string;
  hops: number;
}

export const EMPTY_GRAPH_FORM: GraphForm = { types: [], relation: '', articleId: '', reliability: '', credibility: '', from: '', to: '', focusId: '', hops: 2 };

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A date field's problem in words, or null when it is empty or a YYYY, YYYY-MM or YYYY-MM-DD date. */
export function dateProblem(value: string): string | null {
  return value.trim() === '' || DATE.test(value.trim()) ? null : t('graph:useYyyyYyyyMmOr');
}

/**
 * The contract's filter from the form. A grading chosen on one scale only leaves the other open
 * (F and 6: "cannot be judged" are the scales' ends); a date still being typed is ignored.
 */
export function toGraphFilter(form: GraphForm): GraphFilter {
  const filter: GraphFilter = {};
  if (form.types.length) filter.entityTypes = [...form.types];
  if (form.relation) filter.relationTypes = [form.relation];
  if (form.articleId) filter.articleId = form.articleId;
  if (form.reliability || form.credibility) filter.minGrading = { reliability: form.reliability || 'F', credibility: Number(form.credibility || '6') as 1 };
  if (form.from.trim() && !dateProblem(form.from)) filter.from = form.from.trim();
  if (form.to.trim() && !dateProblem(form.to)) filter.to = form.to.trim();
  if (form.focusId) filter.focus = { entityId: form.focusId, hops: Math.min(6, Math.max(1, Math.round(form.hops) || 1)) };
  return filter;
}

/** How many filters narrow the chart now (the "Clear filters" button says so). */
export function activeFilters(form: GraphForm): number {
  const filter = toGraphFilter(form);
  return Object.keys(filter).length;
}

/** What the chart asks the core for: the overview of a large graph, unless everything was asked for. */
export function chartRequest(filter: GraphFilter, everything: boolean): GraphFilter {
  return everything ? filter : { ...filter, limit: { nodes: OVERVIEW_NODES, edges: OVERVIEW_EDGES } };
}
