import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';
import { shortcutLabel } from '../ui/shortcuts';
import { AnnotationCard } from './AnnotationCard';
import type { AnnotationsState } from './useAnnotations';

interface Props {
  state: AnnotationsState;
  activeId: string | null;
  editingId: string | null;
  reattachingId: string | null;
  onActivate(annotation: Annotation): void;
  onEdit(id: string | null): void;
  onDelete(annotation: Annotation): void;
  onReattach(annotation: Annotation | null): void;
  onCite(annotation: Annotation): void;
}

/** The highlights of the open article in document order, then those lost in a new version. */
export function AnnotationPanel({ state, activeId, editingId, reattachingId, onActivate, onEdit, onDelete, onReattach, onCite }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const placed = state.annotations.filter((a) => a.status !== 'orphaned');
  const orphans = state.annotations.filter((a) => a.status === 'orphaned');

  useEffect(() => {
    if (!activeId) return;
    listRef.current
      ?.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(activeId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const card = (a: Annotation) => (
    <AnnotationCard
      key={a.id}
      annotation={a}
      active={a.id === activeId}
      editing={a.id === editingId}
      state={state}
      onActivate={() => onActivate(a)}
      onEdit={(editing) => onEdit(editing ? a.id : null)}
      onDelete={() => onDelete(a)}
      onReattach={() => onReattach(a)}
      onCite={() => onCite(a)}
    />
  );

  return (
    <aside className="panel" aria-labelledby="panel-title" ref={listRef}>
      <h2 id="panel-title">
        Highlights <span className="count">{placed.length}</span>
      </h2>
      {placed.length === 0 ? (
        <p className="panel-empty">
          Select a passage in the article, then press <kbd>Highlight</kbd> or <kbd>{shortcutLabel('highlight')}</kbd>.
        </p>
      ) : (
        <ol className="annotation-list">{placed.map(card)}</ol>
      )}
      {orphans.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-title">
          <h2 id="orphans-title">
            Not found in this version <span className="count warn">{orphans.length}</span>
          </h2>
          <p className="panel-empty">
            These passages changed too much in the new version to be placed with confidence. Press Re-attach, then select
            their words in the article.
          </p>
          {reattachingId && (
            <p className="reattach-hint" role="status">
              Select the new words in the article, then press <strong>Attach here</strong>.{' '}
              <button type="button" className="link" onClick={() => onReattach(null)}>
                Cancel
              </button>
            </p>
          )}
          <ol className="annotation-list">{orphans.map(card)}</ol>
        </section>
      )}
    </aside>
  );
}
