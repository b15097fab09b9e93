import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallRequest } from '../../../electron/common/contract';
import { type EntityPage as Page } from '../../../electron/common/model/entity';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { queries } from '../data/queries';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { EntityRelations } from './EntityRelations';
import { EntityTypeBadge, EntityTypeSelect } from './EntityTypeSelect';
import { excerptAfterTitle } from '../notes/NoteList';
import { dates } from '../ui/formatDate';
import { useTranslation } from 'react-i18next';
import { countOf, typeName } from '../i18n/i18n';
import { useNoteTitle } from '../notes/noteTitle';
import { RecordAuthors } from '../ui/RecordAuthors';

interface Props {
  entityId: string;
}

/** Everything about one entity across the workspace: mentions with context, annotations, aliases, company. */
export function EntityPage({ entityId }: Props) {
  const { t } = useTranslation();
  const titleOf = useNoteTitle();
  const { openArticle: onOpenArticle, openEntity: onOpenEntity, openNote: onOpenNote } = useAppActions();
  const pageQuery = useQuery(queries.entityPage(entityId));
  const listQuery = useQuery(queries.entities());
  const page = pageQuery.data ?? null;
  const others = (listQuery.data?.entities ?? []).filter((e) => e.id !== entityId);
  const error = pageQuery.error ?? listQuery.error;
  const [mergeInto, setMergeInto] = useState('');
  const notify = useNotify();
  const queryClient = useQueryClient();

  const { mutate: save } = useMutation({
    mutationFn: (patch: CallRequest<'entities.update'>['patch']) => api['entities.update']({ id: entityId, patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queries.entityPage(entityId).queryKey }),
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });
  const merge = useMutation({
    mutationFn: (targetId: string) => api['entities.merge']({ sourceId: entityId, targetId }),
    onSuccess: ({ entity: target }) => {
      notify({ tone: 'info', message: t('entities:mergedInto', { value: page?.entity.name ?? 'The entity', name: target.name }) });
      onOpenEntity(target.id);
    },
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });

  if (error && !(page && listQuery.data)) return <div className="load-error" role="alert">{errorMessage(error)}</div>;
  if (!page) return <div className="loading" aria-busy="true">{t('entities:openingTheEntity')}</div>;
  const { entity } = page;
  const byArticle = new Map<string, Page['mentions']>();
  for (const m of page.mentions) byArticle.set(m.articleId, [...(byArticle.get(m.articleId) ?? []), m]);

  return (
    <div className="entity-page-scroll">
      <article className="entity-page" aria-labelledby="entity-name">
        <header>
          <h1 id="entity-name" dir="auto">
            {entity.name}
          </h1>
          <p className="reader-meta">
            <EntityTypeBadge type={entity.type} />{' '}{t('entities:in', { countOf: countOf(page.mentions.length, 'mention'), countOf2: countOf(byArticle.size, 'article') })}
            {entity.externalId && <span> · {entity.externalId}</span>}
          </p>
          <RecordAuthors createdBy={entity.createdBy} modifiedBy={entity.modifiedBy} created={entity.created} modified={entity.modified} />
        </header>

        <form
          className="entity-form"
          aria-label={t('entities:entityDetails')}
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            save({
              name: String(data.get('name')),
              aliases: String(data.get('aliases'))
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean),
              description: String(data.get('description')),
              externalId: String(data.get('externalId')).trim() || null,
            });
          }}
          key={`${entity.id}-${entity.rev}`}
        >
          <label>
            {t('entities:name')}
            <input name="name" defaultValue={entity.name} dir="auto" />
          </label>
          <label>
            {t('entities:type')}
            <EntityTypeSelect value={entity.type} onChange={(type) => save({ type })} label={t('entities:entityType')} />
          </label>
          <label className="wide">
            {t('entities:aliasesCommaSeparated')}
            <input name="aliases" defaultValue={entity.aliases.join(', ')} />
          </label>
          <label className="wide">
            {t('entities:description')}
            <textarea name="description" rows={2} defaultValue={entity.description} dir="auto" />
          </label>
          <label>
            {t('entities:externalId')}
            {/* A hint of the form, never an example id: a real QID here read as this entity's own. */}
            <input name="externalId" defaultValue={entity.externalId ?? ''} placeholder={t('entities:wikidataQidQOrAnother')} />
          </label>
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('entities:save')}
            </button>
          </div>
        </form>

        {/* Before the mentions, which run long: what the entity is related to is the summary. */}
        <EntityRelations entity={entity} highlights={page.annotations} others={others} />

        <section aria-labelledby="mentions-title">
          <h2 id="mentions-title">{t('entities:mentions')}</h2>
          {byArticle.size === 0 && <p className="panel-empty">{t('entities:noMentionsYet')}</p>}
          {[...byArticle].map(([articleId, mentions]) => (
            <div key={articleId} className="mention-group">
              <h3>
                <button type="button" className="link" onClick={() => onOpenArticle(articleId)}>
                  {mentions[0]!.title}
                </button>{' '}
                <span className="muted">{mentions[0]!.published ? dates().date(mentions[0]!.published) : t('entities:undated')}</span>
              </h3>
              <ul aria-label={t('entities:mentionsIn', { title: mentions[0]!.title })}>
                {mentions.map((m) => (
                  <li key={`${m.start}`}>
                    <button type="button" className="context" onClick={() => onOpenArticle(articleId, m)}>
                      {m.context}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>

        {page.annotations.length > 0 && (
          <section aria-labelledby="entity-annotations-title">
            <h2 id="entity-annotations-title">{t('entities:highlightsAbout', { name: entity.name })}</h2>
            <ul>
              {page.annotations.map((a) => (
                <li key={a.id}>
                  <blockquote dir="auto">{a.exact}</blockquote>
                  {a.comment && <p dir="auto">{a.comment}</p>}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="entity-notes-title">
          <h2 id="entity-notes-title">
            {t('entities:notesMentioning', { name: entity.name })}{' '}<span className="count">{page.notes.length}</span>
          </h2>
          {page.notes.length === 0 ? (
            <p className="panel-empty">{t('entities:noNoteMentionsYetType', { name: entity.name })}</p>
          ) : (
            <ul className="entity-notes" aria-label={t('entities:notesMentioning', { name: entity.name })}>
              {page.notes.map((n) => (
                <li key={n.id}>
                  <button type="button" className="link" onClick={() => onOpenNote(n.id)}>
                    {titleOf(n)}
                  </button>
                  {excerptAfterTitle(n) && (
                    <p className="muted" dir="auto">
                      {excerptAfterTitle(n)}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        {page.cooccurring.length > 0 && (
          <section aria-labelledby="cooccurring-title">
            <h2 id="cooccurring-title">{t('entities:appearsWith')}</h2>
            <ul className="cooccurring">
              {page.cooccurring.map((c) => (
                <li key={c.id}>
                  <button type="button" className="link" onClick={() => onOpenEntity(c.id)}>
                    {c.name}
                  </button>{' '}
                  <span className="muted">
                    {typeName(c.type)} · {countOf(c.articles, 'article')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}

        {others.length > 0 && (
          <section aria-labelledby="merge-title" className="merge">
            <h2 id="merge-title">{t('entities:merge')}</h2>
            <p className="muted">{t('entities:mergingMovesEveryMentionOf', { name: entity.name })}</p>
            <select aria-label={t('entities:mergeInto2', { name: entity.name })} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
              <option value="">{t('entities:chooseAnEntity')}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>{' '}
            <button
              type="button"
              disabled={!mergeInto}
              onClick={() => merge.mutate(mergeInto)}
            >
              {t('entities:mergeInto3')}
            </button>
          </section>
        )}
      </article>
    </div>
  );
}
