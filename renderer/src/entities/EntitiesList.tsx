import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { EntityType } from '../../../electron/common/model/entity';
import { useAppActions } from '../app/AppActions';
import { queries } from '../data/queries';
import { errorMessage } from '../ui/useSaveStatus';
import { ENTITY_TYPES, EntityTypeBadge } from './EntityTypeSelect';
import { ENTITY_TYPE_LABELS } from '../../../electron/common/model/entity';

/** Every entity in the workspace, filtered by type and name, most mentioned first. */
export function EntitiesList() {
  const { openEntity: onOpenEntity } = useAppActions();
  const list = useQuery(queries.entities());
  const entities = list.data?.entities ?? null;
  const [type, setType] = useState<EntityType | ''>('');
  const [query, setQuery] = useState('');

  if (list.error && !entities) return <div className="load-error" role="alert">{errorMessage(list.error)}</div>;
  if (!entities) return <div className="loading" aria-busy="true">Loading entities…</div>;
  const q = query.trim().toLocaleLowerCase();
  const shown = entities.filter(
    (e) => (!type || e.type === type) && (!q || e.name.toLocaleLowerCase().includes(q) || e.aliases.some((a) => a.toLocaleLowerCase().includes(q))),
  );
  const counts = new Map<EntityType, number>();
  for (const e of entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);

  return (
    <div className="entity-page-scroll">
      <section className="entities-list" aria-labelledby="entities-title">
        <h1 id="entities-title">Entities</h1>
        <div className="filters">
          <input type="search" aria-label="Find an entity" placeholder="Find by name or alias…" value={query} onChange={(e) => setQuery(e.target.value)} />
          <div role="group" aria-label="Filter by type">
            <button type="button" aria-pressed={type === ''} onClick={() => setType('')}>
              All {entities.length}
            </button>
            {ENTITY_TYPES.filter((t) => counts.has(t)).map((t) => (
              <button key={t} type="button" aria-pressed={type === t} onClick={() => setType(t)}>
                {ENTITY_TYPE_LABELS[t]} {counts.get(t)}
              </button>
            ))}
          </div>
        </div>
        {entities.length === 0 ? (
          <p className="panel-empty">No entities yet. Open an article and review its suggestions in the Entities tab.</p>
        ) : (
          <table className="entity-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Mentions</th>
                <th scope="col">Articles</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id}>
                  <td>
                    <button type="button" className="link" onClick={() => onOpenEntity(e.id)}>
                      {e.name}
                    </button>
                    {e.aliases.length > 0 && <span className="muted small"> ({e.aliases.join(', ')})</span>}
                  </td>
                  <td>
                    <EntityTypeBadge type={e.type} />
                  </td>
                  <td>{e.mentionCount}</td>
                  <td>{e.articleCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
