import { useMutation, useQuery } from '@tanstack/react-query';
import type { Entity, EntityPage } from '../../../electron/common/model/entity';
import type { EvidenceView, RelationView } from '../../../electron/common/model/relation';
import { api } from '../api';
import { GradingBadge } from '../annotations/Grading';
import { useAppActions } from '../app/AppActions';
import { queries } from '../data/queries';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { AddRelationForm } from './AddRelationForm';
import { RelationSuggestionList } from './RelationSuggestionList';
import { period, seenFrom } from './relationText';
import { evidenceStatusNote } from './evidenceStatus';
import { RelationLabel } from '../ui/RelationLabel';
import { RecordAuthors } from '../ui/RecordAuthors';
import { useTranslation } from 'react-i18next';

interface Props {
  entity: Entity;
  /** This entity's highlighted passages: what the add form offers as evidence. */
  highlights: EntityPage['annotations'];
  others: readonly { id: string; name: string }[];
}

/** The entity's relationships, both ways round, each with the passages that support it. */
export function EntityRelations({ entity, highlights, others }: Props) {
  const { t } = useTranslation();
  const { openEntity } = useAppActions();
  const relations = useQuery(queries.relations({ entityId: entity.id }));
  const list = relations.data?.relations ?? [];

  return (
    <section aria-labelledby="relations-title" className="relations">
      <h2 id="relations-title">
        {t('entities:relationships')}{' '}<span className="count">{list.length}</span>
      </h2>
      {relations.error && (
        <p role="alert" className="load-error">
          {errorMessage(relations.error)}
        </p>
      )}
      {relations.data && list.length === 0 && <p className="panel-empty">{t('entities:noRelationshipsYetAddOne')}</p>}
      {list.length > 0 && (
        <ul className="relation-list" aria-label={t('entities:relationshipsOf', { name: entity.name })}>
          {list.map((r) => (
            <RelationItem key={r.id} relation={r} entity={entity} onOpenEntity={openEntity} />
          ))}
        </ul>
      )}
      <RelationSuggestionList request={{ entityId: entity.id }} entity={entity} others={others} highlights={highlights} />
      <AddRelationForm entity={entity} highlights={highlights} others={others} />
    </section>
  );
}

function RelationItem({ relation, entity, onOpenEntity }: { relation: RelationView; entity: Entity; onOpenEntity(id: string): void }) {
  const { t } = useTranslation();
  const { openAnnotation, openArticle, undo } = useAppActions();
  const notify = useNotify();
  const { label, other } = seenFrom(relation, entity.id);
  const when = period(relation);
  const remove = useMutation({
    mutationFn: () => api['relations.delete']({ id: relation.id }),
    onSuccess: () => notify({ tone: 'info', message: t('entities:relationshipDeleted'), action: { label: t('entities:undo'), run: () => undo('entities') } }),
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });
  const openEvidence = (e: EvidenceView) => {
    if (e.status === 'deleted') openArticle(e.articleId);
    else openAnnotation(e.articleId, e.annotationId, e.start !== null && e.end !== null ? { start: e.start, end: e.end } : undefined);
  };

  return (
    <li className="relation" aria-label={[entity.name, label, other.name ?? t('entities:anEntityThatNoLonger')].join(' ')}>
      <div className="relation-head">
        <span dir="auto">{entity.name}</span> <RelationLabel label={label} />{' '}
        {other.name === null ? (
          <span className="muted">{t('entities:anEntityThatNoLonger')}</span>
        ) : (
          <button type="button" className="link" dir="auto" onClick={() => onOpenEntity(other.id)}>
            {other.name}
          </button>
        )}
        {when && <span className="muted"> · {when}</span>}
        {relation.grading && <> <GradingBadge grading={relation.grading} /></>}
        {relation.flagged && <span className="badge warn">{t('entities:noEvidenceLeftInThe')}</span>}
        <button type="button" className="link danger" aria-label={t('entities:deleteRelationship', { name: entity.name, label, value: other.name ?? '' }).trim()} onClick={() => remove.mutate()}>
          {t('entities:delete')}
        </button>
      </div>
      <ul className="relation-evidence" aria-label={t('entities:evidence')}>
        {relation.evidence.map((e) => (
          <li key={e.annotationId}>
            <button
              type="button"
              className="context"
              disabled={e.articleTitle === null}
              onClick={() => openEvidence(e)}
              aria-label={e.articleTitle ? t('entities:openThePassageIn', { exact: e.exact, title: e.articleTitle }) : t('entities:openThePassage', { exact: e.exact })}
            >
              <q dir="auto">{e.exact}</q>
              <span className="muted evidence-source">
                {e.articleTitle ?? t('entities:articleNoLongerInThe')}
                {evidenceStatusNote(e.status) && ` · ${evidenceStatusNote(e.status)}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <RecordAuthors createdBy={relation.createdBy} modifiedBy={relation.modifiedBy} created={relation.created} modified={relation.modified} />
    </li>
  );
}
