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

interface Props {
  entity: Entity;
  /** This entity's highlighted passages: what the add form offers as evidence. */
  highlights: EntityPage['annotations'];
  others: readonly { id: string; name: string }[];
}

/** Words for where a piece of evidence stands; colour never says it alone. */
const STATUS_NOTE: Record<EvidenceView['status'], string | null> = {
  anchored: null,
  drifted: 'the words changed in the new version',
  orphaned: 'no longer in the current version',
  deleted: 'highlight deleted',
};

/** The entity's relationships, both ways round, each with the passages that support it. */
export function EntityRelations({ entity, highlights, others }: Props) {
  const { openEntity } = useAppActions();
  const relations = useQuery(queries.relations({ entityId: entity.id }));
  const list = relations.data?.relations ?? [];

  return (
    <section aria-labelledby="relations-title" className="relations">
      <h2 id="relations-title">
        Relationships <span className="count">{list.length}</span>
      </h2>
      {relations.error && (
        <p role="alert" className="load-error">
          {errorMessage(relations.error)}
        </p>
      )}
      {relations.data && list.length === 0 && <p className="panel-empty">No relationships yet. Add one below, or with dossier relate.</p>}
      {list.length > 0 && (
        <ul className="relation-list" aria-label={`Relationships of ${entity.name}`}>
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
  const { openAnnotation, openArticle, undo } = useAppActions();
  const notify = useNotify();
  const { label, other } = seenFrom(relation, entity.id);
  const when = period(relation);
  const remove = useMutation({
    mutationFn: () => api['relations.delete']({ id: relation.id }),
    onSuccess: () => notify({ tone: 'info', message: 'Relationship deleted.', action: { label: 'Undo', run: () => undo('entities') } }),
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });
  const openEvidence = (e: EvidenceView) => {
    if (e.status === 'deleted') openArticle(e.articleId);
    else openAnnotation(e.articleId, e.annotationId, e.start !== null && e.end !== null ? { start: e.start, end: e.end } : undefined);
  };

  return (
    <li className="relation" aria-label={`${entity.name} ${label} ${other.name ?? 'an entity that no longer exists'}`}>
      <div className="relation-head">
        <span dir="auto">{entity.name}</span> <span className="relation-label">—{label}→</span>{' '}
        {other.name === null ? (
          <span className="muted">an entity that no longer exists</span>
        ) : (
          <button type="button" className="link" dir="auto" onClick={() => onOpenEntity(other.id)}>
            {other.name}
          </button>
        )}
        {when && <span className="muted"> · {when}</span>}
        {relation.grading && <> <GradingBadge grading={relation.grading} /></>}
        {relation.flagged && <span className="badge warn">⚠ No evidence left in the articles</span>}
        <button type="button" className="link danger" aria-label={`Delete relationship: ${entity.name} ${label} ${other.name ?? ''}`.trim()} onClick={() => remove.mutate()}>
          Delete
        </button>
      </div>
      <ul className="relation-evidence" aria-label="Evidence">
        {relation.evidence.map((e) => (
          <li key={e.annotationId}>
            <button
              type="button"
              className="context"
              disabled={e.articleTitle === null}
              onClick={() => openEvidence(e)}
              aria-label={`Open the passage “${e.exact}”${e.articleTitle ? ` in ${e.articleTitle}` : ''}`}
            >
              <q dir="auto">{e.exact}</q>
              <span className="muted evidence-source">
                {e.articleTitle ?? 'article no longer in the library'}
                {STATUS_NOTE[e.status] && ` · ${STATUS_NOTE[e.status]}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
}
