import { useCallback, useEffect, useState } from 'react';
import type { BriefSummary } from '../../../electron/common/model/brief';
import type { CitationFields } from '../../../electron/common/notes/nodes/CitationNode';
import { api, onEvent } from '../api';
import { useNotify } from '../ui/Toasts';
import { errorMessage, type SaveTracker } from '../ui/useSaveStatus';
import { BriefComposer } from './BriefComposer';

interface Props {
  saves: SaveTracker;
  onOpenEntity(entityId: string): void;
  onOpenCitation(citation: CitationFields): void;
  onUndo(): void;
}

/** The workspace's saved briefs and the one being composed. */
export function BriefsView({ saves, onOpenEntity, onOpenCitation, onUndo }: Props) {
  const [briefs, setBriefs] = useState<BriefSummary[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const notify = useNotify();

  const load = useCallback(async () => {
    try {
      const { briefs: list } = await api['briefs.list']({});
      setBriefs(list);
      setOpenId((current) => current ?? list[0]?.id ?? null);
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  }, [notify]);

  useEffect(() => {
    void load();
    return onEvent('workspace.changed', () => void load());
  }, [load]);

  const create = async () => {
    try {
      const { brief } = await api['briefs.create']({ title: 'New brief', sections: [] });
      setOpenId(brief.id);
      await load();
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  };

  return (
    <div className="notes-view briefs-view">
      <aside className="notes-index" aria-label="Briefs">
        <div className="notes-index-head">
          <h1>Briefs</h1>
          <button type="button" className="primary" onClick={() => void create()}>
            New brief
          </button>
        </div>
        {briefs.length === 0 ? (
          <p className="panel-empty">No briefs yet. A brief gathers articles, highlights, notes and entities to hand over.</p>
        ) : (
          <ul className="note-list">
            {briefs.map((b) => (
              <li key={b.id}>
                <button type="button" className={b.id === openId ? 'current' : undefined} aria-current={b.id === openId ? 'true' : undefined} onClick={() => setOpenId(b.id)}>
                  <span className="note-list-title" dir="auto">
                    {b.title}
                  </span>
                  <span className="note-list-meta">
                    {b.sectionCount} section{b.sectionCount === 1 ? '' : 's'} · {new Date(b.modified).toLocaleDateString()}
                    {b.handling && ` · ${b.handling}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <div className="notes-editor-area">
        {openId ? (
          <BriefComposer
            key={openId}
            briefId={openId}
            saves={saves}
            onOpenEntity={onOpenEntity}
            onOpenCitation={onOpenCitation}
            onDeleted={() => setOpenId(null)}
            onUndo={onUndo}
          />
        ) : (
          <p className="panel-empty">Open a brief, or create one.</p>
        )}
      </div>
    </div>
  );
}
