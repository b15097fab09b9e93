import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallRequest } from '../../../electron/common/contract';
import type { Entity, EntityPage } from '../../../electron/common/model/entity';
import type { RelationSuggestion } from '../../../electron/common/model/relation';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { queries } from '../data/queries';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { AddRelationForm } from './AddRelationForm';
import { useTranslation } from 'react-i18next';
import { RelationLabel } from '../ui/RelationLabel';

interface Props {
  request: CallRequest<'relations.suggestions'>;
  /** The entity whose page shows the list: each suggestion reads from its side. */
  entity?: Pick<Entity, 'id' | 'name'>;
  /** What the edit form offers as the other end, and as evidence besides the sentence. */
  others: readonly { id: string; name: string }[];
  highlights?: EntityPage['annotations'];
}

const NO_HIGHLIGHTS: EntityPage['annotations'] = [];

/** Relationships the sentences seem to state: accept one as it is, edit it first, or dismiss it for good. */
export function RelationSuggestionList({ request, entity, others, highlights = NO_HIGHLIGHTS }: Props) {
  const { t } = useTranslation();
  const query = useQuery(queries.relationSuggestions(request));
  const [editing, setEditing] = useState<string | null>(null);
  const list = query.data?.suggestions ?? [];
  const titleId = 'articleId' in request ? 'article-suggested-relations' : 'entity-suggested-relations';
  if (query.error) return <p role="alert" className="load-error">{errorMessage(query.error)}</p>;
  if (!query.data) return null;
  return (
    <section aria-labelledby={titleId} className="relation-suggestions">
      <h3 id={titleId}>
        {t('entities:suggestedRelationships')}{' '}<span className="count">{list.length}</span>
      </h3>
      {list.length === 0 ? (
        <p className="panel-empty">{t('entities:noRelationshipSuggestedFromThe', { value: entity ? t('entities:naming', { name: entity.name }) : '' })}</p>
      ) : (
        <ul className="relation-list" aria-label={t('entities:suggestedRelationships')}>
          {list.map((s) => (
            <SuggestionItem key={s.key} suggestion={s} entity={entity} editing={editing === s.key} onEdit={(on) => setEditing(on ? s.key : null)} others={others} highlights={highlights} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  suggestion: RelationSuggestion;
  entity?: Pick<Entity, 'id' | 'name'>;
  editing: boolean;
  onEdit(on: boolean): void;
  others: Props['others'];
  highlights: EntityPage['annotations'];
}

function SuggestionItem({ suggestion: s, entity, editing, onEdit, others, highlights }: ItemProps) {
  const { t } = useTranslation();
  const { openArticle, undo } = useAppActions();
  const notify = useNotify();
  const incoming = entity !== undefined && s.to.id === entity.id && s.from.id !== entity.id;
  const [near, label, far] = incoming ? [s.to, s.inverse, s.from] : [s.from, s.label, s.to];
  const reads = `${near.name} ${label} ${far.name}`;
  const accept = useMutation({
    mutationFn: () => api['relations.create']({ from: s.from.id, to: s.to.id, type: s.type, evidence: [s.evidence] }),
    onSuccess: () => notify({ tone: 'info', message: t('entities:relationshipAdded', { reads }), action: { label: t('entities:undo'), run: () => undo('entities') } }),
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });
  const dismiss = useMutation({
    mutationFn: () => api['relations.dismissSuggestion']({ key: s.key }),
    onSuccess: () => notify({ tone: 'info', message: t('entities:suggestionDismissed'), action: { label: t('entities:undo'), run: () => undo('entities') } }),
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });
  const busy = accept.isPending || dismiss.isPending;
  return (
    <li className="relation suggested" aria-label={reads}>
      <div className="relation-head">
        <span dir="auto">{near.name}</span> <RelationLabel label={label} /> <span dir="auto">{far.name}</span>
        <span className="suggestion-actions">
          <button type="button" className="primary small" disabled={busy} onClick={() => accept.mutate()} aria-label={t('entities:accept2', { reads })}>
            {t('entities:accept')}
          </button>
          <button type="button" className="small" aria-expanded={editing} onClick={() => onEdit(!editing)} aria-label={t('entities:edit2', { reads })}>
            {t('entities:edit')}
          </button>
          <button type="button" className="small" disabled={busy} onClick={() => dismiss.mutate()} aria-label={t('entities:dismiss2', { reads })}>
            {t('entities:dismiss')}
          </button>
        </span>
      </div>
      <button type="button" className="context" onClick={() => openArticle(s.evidence.articleId, { start: s.evidence.start, end: s.evidence.end, flash: true })} aria-label={t('entities:openAtTheSentence', { articleTitle: s.articleTitle, exact: s.evidence.exact })}>
        <q dir="auto">{s.evidence.exact}</q>
        {entity && <span className="muted evidence-source">{s.articleTitle}</span>}
      </button>
      {editing && <AddRelationForm entity={{ id: near.id, name: near.name ?? '' }} highlights={highlights} others={others} prefill={s} onDone={() => onEdit(false)} />}
    </li>
  );
}
