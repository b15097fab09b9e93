import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api';
import { queries } from '../data/queries';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { BriefComposer } from './BriefComposer';
import { useLastChange } from '../ui/RecordAuthors';
import { useTranslation } from 'react-i18next';
import { countOf } from '../i18n/i18n';

/** The workspace's saved briefs and the one being composed. */
export function BriefsView({ initialBriefId = null }: { initialBriefId?: string | null }) {
  const { t } = useTranslation();
  const lastChange = useLastChange();
  const list = useQuery(queries.briefs());
  const briefs = list.data?.briefs ?? [];
  /** The brief the analyst opened; the first one until then, or once the chosen one is gone. */
  const [chosenId, setChosenId] = useState<string | null>(initialBriefId);
  const openId = chosenId && briefs.some((b) => b.id === chosenId) ? chosenId : (briefs[0]?.id ?? null);
  const notify = useNotify();
  const queryClient = useQueryClient();

  const create = useMutation({
    mutationFn: () => api['briefs.create']({ title: t('briefs:newBrief'), sections: [] }),
    onSuccess: async ({ brief }) => {
      await queryClient.invalidateQueries({ queryKey: queries.briefs().queryKey });
      setChosenId(brief.id);
    },
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });

  return (
    <div className="notes-view briefs-view">
      <aside className="notes-index" aria-label={t('briefs:briefs')}>
        <div className="notes-index-head">
          <h1>{t('briefs:briefs')}</h1>
          <button type="button" className="primary" onClick={() => create.mutate()}>
            {t('briefs:newBrief')}
          </button>
        </div>
        {list.error && <p role="alert">{errorMessage(list.error)}</p>}
        {briefs.length === 0 ? (
          <p className="panel-empty">{t('briefs:noBriefsYetABrief')}</p>
        ) : (
          <ul className="note-list">
            {briefs.map((b) => (
              <li key={b.id}>
                <button type="button" className={b.id === openId ? 'current' : undefined} aria-current={b.id === openId ? 'true' : undefined} onClick={() => setChosenId(b.id)}>
                  <span className="note-list-title" dir="auto">
                    {b.title}
                  </span>
                  <span className="note-list-meta">
                    {countOf(b.sectionCount, 'section')} · {lastChange(b)}
                    {b.handling && ` · ${b.handling}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <div className="notes-editor-area">
        {openId ? <BriefComposer key={openId} briefId={openId} onDeleted={() => void queryClient.invalidateQueries({ queryKey: queries.briefs().queryKey })} /> : <p className="panel-empty">{t('briefs:openABriefOrCreate')}</p>}
      </div>
    </div>
  );
}
