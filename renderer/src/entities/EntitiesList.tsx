import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { EntityType } from '../../../electron/common/model/entity';
import { useAppActions } from '../app/AppActions';
import { OrderSelect } from '../ui/OrderSelect';
import { queries } from '../data/queries';
import { useRecent } from '../library/recentPlaces';
import { useListKeys } from '../ui/useListKeys';
import { errorMessage } from '../ui/useSaveStatus';
import { useStoredChoice } from '../ui/useStoredChoice';
import { useVirtualList } from '../ui/useVirtualList';
import { useWorkspaceId } from '../ui/WorkspaceContext';
import { ENTITY_TYPES, EntityTypeBadge } from './EntityTypeSelect';
import { ENTITY_ORDERS, entityFilter, sortEntities, type EntityOrder } from './sortEntities';
import { useTranslation } from 'react-i18next';
import { listed, typeName } from '../i18n/i18n';

/** Every row is this tall (names and aliases stay on one line), so the table can be windowed. */
export const ENTITY_ROW_HEIGHT = 40;

const COLUMNS: { label: string; order: EntityOrder | null }[] = [
  { label: 'entities:name', order: 'name' },
  { label: 'entities:type', order: 'type' },
  { label: 'entities:mentions', order: 'mentions' },
  { label: 'entities:articles', order: null },
];

/**
 * Every entity in the workspace, narrowed by name, alias and type, in the order chosen. Only the
 * rows in view (plus a few) are in the DOM, so thousands of entities scroll like ten.
 */
export function EntitiesList() {
  const { t } = useTranslation();
  const { openEntity } = useAppActions();
  const workspaceId = useWorkspaceId();
  const list = useQuery(queries.entities());
  const entities = list.data?.entities ?? null;
  const [type, setType] = useState<EntityType | ''>('');
  const [query, setQuery] = useState('');
  const [order, setOrder] = useStoredChoice<EntityOrder>('entityOrder', workspaceId, ENTITY_ORDERS, 'mentions');
  const recent = useRecent(workspaceId);
  const recentForOrder = order === 'recent' ? recent : null;
  const shown = useMemo(() => {
    const sorted = sortEntities(entities ?? [], order, recentForOrder ?? []);
    const matches = entityFilter(query, type);
    return matches ? sorted.filter(matches) : sorted;
  }, [entities, order, recentForOrder, query, type]);
  const heights = useMemo(() => shown.map(() => ENTITY_ROW_HEIGHT), [shown]);
  const { attachScroller, window: rowWindow, offsets, reveal } = useVirtualList(heights);
  const { rowProps, onKeyDown, attachList } = useListKeys(shown.length, reveal);
  const counts = useMemo(() => {
    const byType = new Map<EntityType, number>();
    for (const e of entities ?? []) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    return byType;
  }, [entities]);

  if (list.error && !entities) return <div className="load-error" role="alert">{errorMessage(list.error)}</div>;
  if (!entities) return <div className="loading" aria-busy="true">{t('entities:loadingEntities')}</div>;

  const narrow = (change: () => void) => {
    change();
    reveal(0);
  };

  return (
    <div className="entity-page-scroll list-page">
      <section className="entities-list" aria-labelledby="entities-title">
        <div className="list-title">
          <h1 id="entities-title">{t('entities:entities')}</h1>
          <span className="count" data-testid="entity-count">
            {shown.length === entities.length ? entities.length : t('entities:of', { length: shown.length, length2: entities.length })}
          </span>
        </div>
        <div className="filters">
          <div className="filter-row">
            <input type="search" aria-label={t('entities:findAnEntity')} placeholder={t('entities:findByNameOrAlias')} value={query} onChange={(e) => narrow(() => setQuery(e.target.value))} />
            <OrderSelect label={t('entities:sortEntities')} value={order} orders={ENTITY_ORDERS} onChange={(next) => narrow(() => setOrder(next))} />
          </div>
          <div role="group" aria-label={t('entities:filterByType')}>
            <button type="button" aria-pressed={type === ''} onClick={() => narrow(() => setType(''))}>
              {t('entities:all', { length: entities.length })}
            </button>
            {ENTITY_TYPES.filter((t) => counts.has(t)).map((t) => (
              <button key={t} type="button" aria-pressed={type === t} onClick={() => narrow(() => setType(t))}>
                {typeName(t)} {counts.get(t)}
              </button>
            ))}
          </div>
        </div>
        {entities.length === 0 ? (
          <p className="panel-empty">{t('entities:noEntitiesYetOpenAn')}</p>
        ) : (
          <div role="table" className="entity-table" aria-labelledby="entities-title" aria-rowcount={shown.length + 1}>
            <div role="rowgroup">
              <div role="row" className="entity-row head" aria-rowindex={1}>
                {COLUMNS.map((c) => (
                  <span
                    key={c.label}
                    role="columnheader"
                    aria-sort={c.order === order ? (c.order === 'mentions' ? 'descending' : 'ascending') : undefined}
                  >
                    {c.order ? (
                      <button type="button" className="column-sort" onClick={() => narrow(() => setOrder(c.order!))} title={t('entities:sortBy', { column: t(c.label) })}>
                        {t(c.label)}
                      </button>
                    ) : (
                      t(c.label)
                    )}
                  </span>
                ))}
              </div>
            </div>
            <div className="entity-rows" ref={attachScroller} data-testid="entity-rows">
              <div
                role="rowgroup"
                ref={attachList}
                style={{ height: offsets.at(-1) }}
                onKeyDown={onKeyDown}
              >
                {shown.slice(rowWindow.start, rowWindow.end).map((e, i) => {
                  const index = rowWindow.start + i;
                  return (
                    <div key={e.id} role="row" className="entity-row" aria-rowindex={index + 2} style={{ top: offsets[index], height: ENTITY_ROW_HEIGHT }}>
                      <span role="cell" className="entity-name">
                        <button type="button" className="link" onClick={() => openEntity(e.id)} {...rowProps(index)}>
                          <span dir="auto">{e.name}</span>
                        </button>
                        {e.aliases.length > 0 && (
                          <span className="muted small" dir="auto">
                            {' '}
                            ({listed(e.aliases)})
                          </span>
                        )}
                      </span>
                      <span role="cell">
                        <EntityTypeBadge type={e.type} />
                      </span>
                      <span role="cell">{e.mentionCount}</span>
                      <span role="cell">{e.articleCount}</span>
                    </div>
                  );
                })}
              </div>
              {shown.length === 0 && <p className="panel-empty">{t('entities:noEntityMatches')}</p>}
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
