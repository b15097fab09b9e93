import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Grading } from '../../../electron/common/model/annotation';
import { queries } from '../data/queries';
import { usePalette } from '../ui/WorkspaceContext';
import { EMPTY_SEARCH, filterCount, SEARCH_KINDS, type SearchForm } from './searchRequest';
import { useTranslation } from 'react-i18next';
import { credibilityName, reliabilityName } from '../i18n/i18n';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The search view's filters: kinds, entity, tag, colour, grading, dates and article. */
export function SearchFilters({ form, onChange }: { form: SearchForm; onChange(form: SearchForm): void }) {
  const { t } = useTranslation();
  const id = useId();
  const palette = usePalette();
  const entities = useQuery(queries.entities()).data?.entities;
  const articles = useQuery(queries.articles()).data?.articles;
  const entityOptions = useMemo(() => [...(entities ?? [])].sort((a, b) => collator.compare(a.name, b.name)), [entities]);
  const articleOptions = useMemo(() => [...(articles ?? [])].sort((a, b) => collator.compare(a.title, b.title)), [articles]);
  const set = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) => onChange({ ...form, [key]: value });
  const swatch = palette.find((p) => p.key === form.color)?.color;

  return (
    <div className="search-filters" role="group" aria-label={t('search:filters')}>
      <fieldset className="kind-filter">
        <legend>{t('search:kinds')}</legend>
        {SEARCH_KINDS.map((k) => (
          <label key={k.kind} className="check">
            <input
              type="checkbox"
              checked={form.kinds.includes(k.kind)}
              onChange={(e) => set('kinds', e.target.checked ? [...form.kinds, k.kind] : form.kinds.filter((x) => x !== k.kind))}
            />
            {t(k.plural)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('search:entity')}
        <select value={form.entityId} onChange={(e) => set('entityId', e.target.value)}>
          <option value="">{t('search:anyEntity')}</option>
          {entityOptions.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('search:tag')}
        <input type="text" value={form.tag} placeholder={t('search:anyTag')} onChange={(e) => set('tag', e.target.value)} />
      </label>
      <label>
        {t('search:colour')}
        <span className="colour-select">
          <span className="swatch" aria-hidden="true" style={{ background: swatch ?? 'transparent', borderStyle: swatch ? 'solid' : 'dashed' }} />
          <select value={form.color} onChange={(e) => set('color', e.target.value)}>
            <option value="">{t('search:anyColour')}</option>
            {palette.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label} ({p.key})
              </option>
            ))}
          </select>
        </span>
      </label>
      <fieldset className="grading-filter">
        <legend>{t('search:gradingAtLeast')}</legend>
        <select aria-label={t('search:sourceReliabilityAtLeast')} value={form.reliability} onChange={(e) => set('reliability', e.target.value)}>
          <option value="">{t('search:anySource')}</option>
          {(Object.keys(RELIABILITY_LABELS) as Grading['reliability'][]).map((code) => (
            <option key={code} value={code}>
              {code}: {reliabilityName(code)}
            </option>
          ))}
        </select>
        <select aria-label={t('search:informationCredibilityAtLeast')} value={form.credibility} onChange={(e) => set('credibility', e.target.value)}>
          <option value="">{t('search:anyInformation')}</option>
          {(Object.keys(CREDIBILITY_LABELS).map(Number) as Grading['credibility'][]).map((code) => (
            <option key={code} value={code}>
              {code}: {credibilityName(code)}
            </option>
          ))}
        </select>
      </fieldset>
      <fieldset className="date-filter">
        <legend>{t('search:dated')}</legend>
        <label htmlFor={`${id}-from`}>{t('search:from')}</label>
        <input id={`${id}-from`} type="date" value={form.from} max={form.to || undefined} onChange={(e) => set('from', e.target.value)} />
        <label htmlFor={`${id}-to`}>{t('search:to')}</label>
        <input id={`${id}-to`} type="date" value={form.to} min={form.from || undefined} onChange={(e) => set('to', e.target.value)} />
      </fieldset>
      <label className="article-filter">
        {t('search:article')}
        <select value={form.articleId} onChange={(e) => set('articleId', e.target.value)}>
          <option value="">{t('search:anyArticle')}</option>
          {articleOptions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title.length > 90 ? `${a.title.slice(0, 89)}…` : a.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="link" disabled={filterCount(form) === 0} onClick={() => onChange({ ...EMPTY_SEARCH, query: form.query })}>
        {t('search:clearFilters')}
      </button>
    </div>
  );
}
