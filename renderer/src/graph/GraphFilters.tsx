import { useQuery } from '@tanstack/react-query';
import { memo, useMemo } from 'react';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from '../../../electron/common/model/annotation';
import type { EntityType } from '../../../electron/common/model/entityType';
import { queries } from '../data/queries';
import { FilterSelect } from '../ui/FilterSelect';
import { TYPE_SHAPES } from './chartStyle';
import { activeFilters, dateProblem, EMPTY_GRAPH_FORM, type GraphForm } from './graphForm';
import { useTranslation } from 'react-i18next';
import { countOf, credibilityName, ENTITY_TYPES, reliabilityName, typeName } from '../i18n/i18n';
import { useRelationWords } from '../ui/relationWords';

interface Props {
  form: GraphForm;
  onChange(form: GraphForm): void;
}

const TYPES = ENTITY_TYPES;

/**
 * What the chart shows: entity types, a relation, an article, a least grading, a time span, one
 * entity's neighbourhood. Memoised: its entity list can hold thousands of options, and the chart
 * around it re-renders as its layout settles.
 */
export const GraphFilters = memo(function GraphFilters({ form, onChange }: Props) {
  const { t } = useTranslation();
  const words = useRelationWords();
  const types = useQuery(queries.relationTypes()).data?.types ?? [];
  const articlesAnswer = useQuery(queries.articles()).data;
  const articleOptions = useMemo(() => (articlesAnswer?.articles ?? []).map((a) => ({ id: a.id, name: a.title })), [articlesAnswer]);
  const entities = useQuery(queries.entities()).data?.entities ?? [];
  const set = (patch: Partial<GraphForm>) => onChange({ ...form, ...patch });
  const toggleType = (type: EntityType) => set({ types: form.types.includes(type) ? form.types.filter((t) => t !== type) : [...form.types, type] });
  const count = activeFilters(form);
  return (
    <div className="filters graph-filters">
      <div role="group" aria-label={t('graph:entityTypes')}>
        {TYPES.map((type) => (
          <button key={type} type="button" aria-pressed={form.types.includes(type)} onClick={() => toggleType(type)} className={`type-toggle type-${type}`}>
            <span className={`shape-swatch shape-${TYPE_SHAPES[type]}`} aria-hidden="true" />
            {typeName(type)}
          </button>
        ))}
      </div>
      <div className="graph-filter-grid">
        <label>
          <span className="muted small">{t('graph:relation')}</span>
          <select value={form.relation} onChange={(e) => set({ relation: e.target.value })}>
            <option value="">{t('graph:allRelations')}</option>
            {types.map((t) => (
              <option key={t.key} value={t.key}>
                {words(t.label)}
              </option>
            ))}
          </select>
        </label>
        <FilterSelect label={t('graph:article')} value={form.articleId} any={t('graph:allArticles')} options={articleOptions} onChange={(articleId) => set({ articleId })} />
        <label>
          <span className="muted small">{t('graph:sourceAtLeast')}</span>
          <select value={form.reliability} onChange={(e) => set({ reliability: e.target.value as GraphForm['reliability'] })}>
            <option value="">{t('graph:anySource')}</option>
            {(Object.keys(RELIABILITY_LABELS) as (keyof typeof RELIABILITY_LABELS)[]).map((r) => (
              <option key={r} value={r}>
                {r} — {reliabilityName(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="muted small">{t('graph:informationAtLeast')}</span>
          <select value={form.credibility} onChange={(e) => set({ credibility: e.target.value as GraphForm['credibility'] })}>
            <option value="">{t('graph:anyInformation')}</option>
            {(Object.keys(CREDIBILITY_LABELS) as unknown as (keyof typeof CREDIBILITY_LABELS)[]).map((c) => (
              <option key={c} value={String(c)}>
                {c} — {credibilityName(c)}
              </option>
            ))}
          </select>
        </label>
        <DateField label={t('graph:from')} value={form.from} onChange={(from) => set({ from })} />
        <DateField label={t('graph:until')} value={form.to} onChange={(to) => set({ to })} />
        <FilterSelect label={t('graph:aroundEntity')} value={form.focusId} any={t('graph:wholeGraph')} options={entities} onChange={(focusId) => set({ focusId })} />
        <label>
          <span className="muted small">{t('graph:stepsOut')}</span>
          <input type="number" min={1} max={6} value={form.hops} disabled={!form.focusId} onChange={(e) => set({ hops: Number(e.target.value) })} />
        </label>
      </div>
      {count > 0 && (
        <button type="button" className="clear-filters" onClick={() => onChange(EMPTY_GRAPH_FORM)}>
          {t('graph:clear', { countOf: countOf(count, 'filter') })}
        </button>
      )}
    </div>
  );
});

function DateField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const problem = dateProblem(value);
  const id = `graph-date-${label.toLowerCase()}`;
  return (
    <label>
      <span className="muted small">{label}</span>
      <input value={value} placeholder={t('graph:yyyyMmDd')} aria-invalid={problem !== null} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(e) => onChange(e.target.value)} />
      {problem && (
        <span id={`${id}-problem`} className="field-problem small">
          {problem}
        </span>
      )}
    </label>
  );
}
