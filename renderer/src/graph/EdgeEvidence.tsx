import { useQuery } from '@tanstack/react-query';
import type { GraphEdge } from '../../../electron/common/model/graph';
import type { EvidenceView } from '../../../electron/common/model/relation';
import { GradingBadge } from '../annotations/Grading';
import { useAppActions } from '../app/AppActions';
import { queries } from '../data/queries';
import { period } from '../entities/relationText';
import { evidenceStatusNote } from '../entities/evidenceStatus';
import { RelationLabel } from '../ui/RelationLabel';
import { errorMessage } from '../ui/useSaveStatus';
import { useTranslation } from 'react-i18next';

/** The passages behind one edge of the chart, each a way back into the reader. */
export function EdgeEvidence({ edge, names, onClose }: { edge: GraphEdge; names: ReadonlyMap<string, string>; onClose(): void }) {
  const { t } = useTranslation();
  const { openAnnotation, openArticle, openEntity } = useAppActions();
  // An entity's relationships are one cached answer the entity page shares.
  const relations = useQuery(queries.relations({ entityId: edge.source }));
  const relation = relations.data?.relations.find((r) => r.id === edge.id) ?? null;
  const from = names.get(edge.source) ?? t('graph:anEntity');
  const to = names.get(edge.target) ?? t('graph:anEntity');
  const open = (e: EvidenceView) => {
    if (e.status === 'deleted' || e.start === null || e.end === null) openArticle(e.articleId);
    else openAnnotation(e.articleId, e.annotationId, { start: e.start, end: e.end });
  };
  const when = relation ? period(relation) : null;
  return (
    <section className="panel edge-evidence" aria-labelledby="edge-evidence-title">
      <div className="panel-head">
        <h2 id="edge-evidence-title">
          <button type="button" className="link" dir="auto" onClick={() => openEntity(edge.source)}>
            {from}
          </button>{' '}
          <RelationLabel label={edge.label} />{' '}
          <button type="button" className="link" dir="auto" onClick={() => openEntity(edge.target)}>
            {to}
          </button>
        </h2>
        <button type="button" className="icon" aria-label={t('graph:closeTheEvidence')} onClick={onClose}>
          ×
        </button>
      </div>
      <p className="muted small">
        {edge.grading && <GradingBadge grading={edge.grading} />} {when}
        {edge.flagged && <span className="badge warn">{t('graph:noEvidenceLeftInThe')}</span>}
      </p>
      {relations.error && (
        <p role="alert" className="load-error">
          {errorMessage(relations.error)}
        </p>
      )}
      {!relation && !relations.error && <p className="loading">{t('graph:loadingTheEvidence')}</p>}
      {relation && (
        <ol className="evidence-list" aria-label={t('graph:evidence')}>
          {relation.evidence.map((e) => (
            <li key={e.annotationId}>
              <button type="button" className="evidence-open" onClick={() => open(e)} aria-label={t('graph:openThePassageIn', { slice: e.exact.slice(0, 80), value: e.articleTitle ?? t('graph:aDeletedArticle') })}>
                <q dir="auto">{e.exact}</q>
              </button>
              <span className="muted small">
                {e.articleTitle ?? t('graph:articleDeleted')}
                {evidenceStatusNote(e.status) && ` · ${evidenceStatusNote(e.status)}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
