import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { EntityType, Suggestion } from '../../../electron/common/model/entity';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { isMac } from '../ui/shortcuts';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { EntityTypeBadge, EntityTypeSelect } from './EntityTypeSelect';
import { mentionSnippet } from './mentionSnippet';
import type { ArticleEntities } from './useArticleEntities';
import { useTranslation } from 'react-i18next';
import { countOf, formatNumber, listed } from '../i18n/i18n';

type Locate = (range: { start: number; end: number } | null) => void;

interface Props {
  articleId: string;
  entities: ArticleEntities;
  /** The article's text, for each suggestion's context. */
  text: string;
  /** Points the reader at a mention while a suggestion is hovered or focused (null: stop). */
  onLocate: Locate;
}

/** Review of detected entities (accept, rename, retype, merge, reject) and the article's confirmed ones. */
export function EntityReviewPanel({ articleId, entities, text, onLocate }: Props) {
  const { t } = useTranslation();
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
  const linkKnown = () =>
    run(async () => {
      const { linked } = await api['entities.linkKnown']({ articleId });
      notify({
        tone: 'info',
        message: linked === 0 ? t('entities:everyMentionOfAKnown') : t('entities:linkedOfKnownEntities', { countOf: countOf(linked, 'mention') }),
      });
    });
  const confirmed = new Map<string, { name: string; type: EntityType; count: number }>();
  for (const m of entities.mentions) {
    const entry = confirmed.get(m.entityId) ?? { name: m.name, type: m.type, count: 0 };
    entry.count += 1;
    confirmed.set(m.entityId, entry);
  }

  if (entities.loading) return <p className="panel-empty" aria-busy="true">{t('entities:findingEntities')}</p>;
  if (entities.error) return <p className="form-error" role="alert">{entities.error}</p>;
  return (
    <div className="entity-review">
      <section aria-labelledby="review-title">
        <div className="section-head">
          <h2 id="review-title">
            {t('entities:toReview')}{' '}<span className="count">{entities.toReview.length}</span>
          </h2>
          {entities.toReview.length > 0 && (
            <button type="button" className="primary small" onClick={() => void run(() => api['entities.acceptAll']({ articleId }))}>
              {t('entities:acceptAll')}
            </button>
          )}
        </div>
        {entities.toReview.length === 0 ? (
          <p className="panel-empty">{t('entities:nothingLeftToReviewIn')}</p>
        ) : (
          <ol className="suggestion-list" aria-label={t('entities:suggestedEntities')}>
            {entities.toReview.map((s) => (
              <SuggestionRow key={s.key} suggestion={s} known={entities.known} articleId={articleId} run={run} text={text} onLocate={onLocate} />
            ))}
          </ol>
        )}
        {entities.known.length > 0 && <KnownLinks pending={entities.knownPending} known={entities.known} onLink={() => void linkKnown()} />}
      </section>
      <section aria-labelledby="confirmed-title">
        <h2 id="confirmed-title">
          {t('entities:inThisArticle')}{' '}<span className="count">{confirmed.size}</span>
        </h2>
        <p className="muted small">{t('entities:clickAnUnderlinedNameIn', { value: isMac ? '⌘' : t('entities:ctrl') })}</p>
        <ul className="confirmed-list" aria-label={t('entities:entitiesInThisArticle')}>
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

/**
 * Confirmed entities are linked as articles come in; an article imported before an entity was
 * confirmed gets its links here, in one click (one undo step), rather than on opening: opening
 * an article never changes it behind the analyst's back, nor lands in the undo history.
 */
function KnownLinks({ pending, known, onLink }: { pending: Suggestion[]; known: ArticleEntities['known']; onLink(): void }) {
  const { t } = useTranslation();
  const names = [...new Set(pending.map((s) => known.find((k) => k.id === s.entityId)?.name ?? s.name))];
  return (
    <div className="known-links">
      <p className="muted small">
        {names.length > 0 ? t('entities:namedHereNotLinkedYet', { names: names.length > 4 ? t('entities:namesAndMore', { names: listed(names.slice(0, 4)), count: names.length - 4, n: formatNumber(names.length - 4) }) : listed(names) }) : t('entities:entitiesYouConfirmAreLinked')}
      </p>
      <button type="button" className={names.length > 0 ? 'primary small' : 'small'} onClick={onLink}>
        {t('entities:linkKnownEntitiesInThis')}
      </button>
    </div>
  );
}

function SuggestionRow({
  suggestion: s,
  known,
  articleId,
  run,
  text,
  onLocate,
}: {
  suggestion: Suggestion;
  known: ArticleEntities['known'];
  articleId: string;
  run(work: () => Promise<unknown>): Promise<void>;
  text: string;
  onLocate: Locate;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(s.name);
  const [type, setType] = useState<EntityType>(s.type);
  const [mergeInto, setMergeInto] = useState('');
  const first = s.mentions[0];
  const snippet = first ? mentionSnippet(text, first.start, first.end) : null;
  // The row may go (accepted, rejected) while it points at its mention: the mark goes with it.
  const locating = useRef(false);
  const locate = (on: boolean) => {
    if (on === locating.current || !first) return;
    locating.current = on;
    onLocate(on ? first : null);
  };
  useEffect(
    () => () => {
      if (locating.current) onLocate(null);
    },
    [onLocate],
  );
  const accept = () => run(() => api['entities.accept']({ articleId, key: s.key, name, type }));
  return (
    <li
      className="suggestion"
      aria-label={s.name}
      onMouseEnter={() => locate(true)}
      onMouseLeave={(e) => !e.currentTarget.contains(document.activeElement) && locate(false)}
      onFocus={() => locate(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && locate(false)}
    >
      <div className="suggestion-head">
        <textarea
          aria-label={t('entities:name')}
          rows={1}
          value={name}
          dir="auto"
          onChange={(e) => setName(e.target.value.replace(/\s*\n\s*/g, ' '))}
          // Enter accepts, as in a one-line form; a name never holds a line break.
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
            e.preventDefault();
            void accept();
          }}
        />
        <EntityTypeSelect value={type} onChange={setType} />
        <span className="muted" title={t('entities:mentionsInThisArticle')}>
          ×{s.mentions.length}
        </span>
      </div>
      {snippet && (
        <p className="suggestion-context" dir="auto">
          {snippet.before}
          <mark>{snippet.mention}</mark>
          {snippet.after}
        </p>
      )}
      {s.aliases.length > 0 && <p className="muted small">{t('entities:also', { join: listed(s.aliases) })}</p>}
      <div className="suggestion-actions">
        <button type="button" className="primary small" onClick={() => void accept()}>
          {t('entities:accept')}
        </button>
        <button type="button" className="small" onClick={() => void run(() => api['entities.reject']({ articleId, key: s.key }))}>
          {t('entities:reject')}
        </button>
        {known.length > 0 && (
          <>
            <select aria-label={t('entities:mergeInto2', { name: s.name })} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
              <option value="">{t('entities:mergeInto')}</option>
              {known.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
            {mergeInto && (
              <button type="button" className="small" onClick={() => void run(() => api['entities.accept']({ articleId, key: s.key, entityId: mergeInto }))}>
                {t('entities:merge')}
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
