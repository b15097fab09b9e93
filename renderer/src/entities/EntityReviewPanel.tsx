import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { EntityType, Suggestion } from '../../../electron/common/model/entity';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { isMac } from '../ui/shortcuts';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { EntityTypeBadge, EntityTypeSelect } from './EntityTypeSelect';
import type { ArticleEntities } from './useArticleEntities';

interface Props {
  articleId: string;
  entities: ArticleEntities;
}

/** Review of detected entities (accept, rename, retype, merge, reject) and the article's confirmed ones. */
export function EntityReviewPanel({ articleId, entities }: Props) {
  const { openEntity } = useAppActions();
  const notify = useNotify();
  // Accept, reject, merge: the panel shows the outcome once the article's entities are fetched again.
  const review = useMutation({
    mutationFn: (work: () => Promise<unknown>) => work(),
    onSuccess: () => entities.reload(),
    onError: (error) => notify({ tone: 'error', message: errorMessage(error) }),
  });
  const run = (work: () => Promise<unknown>) => review.mutateAsync(work).then(
    () => undefined,
    () => undefined,
  );
  const confirmed = new Map<string, { name: string; type: EntityType; count: number }>();
  for (const m of entities.mentions) {
    const entry = confirmed.get(m.entityId) ?? { name: m.name, type: m.type, count: 0 };
    entry.count += 1;
    confirmed.set(m.entityId, entry);
  }

  if (entities.loading) return <p className="panel-empty" aria-busy="true">Finding entities…</p>;
  if (entities.error) return <p className="form-error" role="alert">{entities.error}</p>;
  return (
    <div className="entity-review">
      <section aria-labelledby="review-title">
        <div className="section-head">
          <h2 id="review-title">
            To review <span className="count">{entities.suggestions.length}</span>
          </h2>
          {entities.suggestions.length > 0 && (
            <button type="button" className="primary small" onClick={() => void run(() => api['entities.acceptAll']({ articleId }))}>
              Accept all
            </button>
          )}
        </div>
        {entities.suggestions.length === 0 ? (
          <p className="panel-empty">Nothing left to review in this article.</p>
        ) : (
          <ol className="suggestion-list" aria-label="Suggested entities">
            {entities.suggestions.map((s) => (
              <SuggestionRow key={s.key} suggestion={s} known={entities.known} articleId={articleId} run={run} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="confirmed-title">
        <h2 id="confirmed-title">
          In this article <span className="count">{confirmed.size}</span>
        </h2>
        <p className="muted small">{isMac ? '⌘' : 'Ctrl'}+click an underlined name in the article to open its page.</p>
        <ul className="confirmed-list" aria-label="Entities in this article">
          {[...confirmed].map(([id, e]) => (
            <li key={id}>
              <button type="button" className="link" onClick={() => openEntity(id)}>
                {e.name}
              </button>{' '}
              <EntityTypeBadge type={e.type} /> <span className="muted">×{e.count}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function SuggestionRow({
  suggestion: s,
  known,
  articleId,
  run,
}: {
  suggestion: Suggestion;
  known: ArticleEntities['known'];
  articleId: string;
  run(work: () => Promise<unknown>): Promise<void>;
}) {
  const [name, setName] = useState(s.name);
  const [type, setType] = useState<EntityType>(s.type);
  const [mergeInto, setMergeInto] = useState('');
  const existing = s.entityId ? known.find((k) => k.id === s.entityId) : undefined;
  return (
    <li className="suggestion" aria-label={s.name}>
      <div className="suggestion-head">
        <input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} dir="auto" />
        <EntityTypeSelect value={type} onChange={setType} />
        <span className="muted" title="Mentions in this article">
          ×{s.mentions.length}
        </span>
      </div>
      {s.aliases.length > 0 && <p className="muted small">Also: {s.aliases.join(', ')}</p>}
      <div className="suggestion-actions">
        {existing ? (
          <button type="button" className="primary small" onClick={() => void run(() => api['entities.accept']({ articleId, key: s.key, entityId: existing.id }))}>
            Link to {existing.name}
          </button>
        ) : (
          <button type="button" className="primary small" onClick={() => void run(() => api['entities.accept']({ articleId, key: s.key, name, type }))}>
            Accept
          </button>
        )}
        <button type="button" className="small" onClick={() => void run(() => api['entities.reject']({ articleId, key: s.key }))}>
          Reject
        </button>
        {known.length > 0 && (
          <>
            <select aria-label={`Merge ${s.name} into`} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
              <option value="">Merge into…</option>
              {known.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
            {mergeInto && (
              <button type="button" className="small" onClick={() => void run(() => api['entities.accept']({ articleId, key: s.key, entityId: mergeInto }))}>
                Merge
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
