import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';

interface Props {
  annotations: Annotation[];
  activeId: string | null;
  editingId: string | null;
  onActivate(annotation: Annotation): void;
  onEdit(id: string | null): void;
  onCommentChange(id: string, comment: string): void;
  onDelete(annotation: Annotation): void;
}

/** The highlights of the open article, in document order, with their comments. */
export function AnnotationPanel({ annotations, activeId, editingId, onActivate, onEdit, onCommentChange, onDelete }: Props) {
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!activeId) return;
    listRef.current
      ?.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(activeId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  return (
    <aside className="panel" aria-labelledby="panel-title">
      <h2 id="panel-title">
        Highlights <span className="count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 ? (
        <p className="panel-empty">
          Select a passage in the article, then press <kbd>Highlight</kbd> or <kbd>{shortcutLabel('H')}</kbd>.
        </p>
      ) : (
        <ol className="annotation-list" ref={listRef}>
          {annotations.map((a) => (
            <li
              key={a.id}
              data-annotation-id={a.id}
              className={`annotation-card${a.id === activeId ? ' active' : ''}`}
              aria-current={a.id === activeId ? 'true' : undefined}
            >
              <button type="button" className="quote" onClick={() => onActivate(a)} title="Show in the article">
                <span className="visually-hidden">Show in the article: </span>
                <span dir="auto">{a.target.quote.exact}</span>
              </button>
              {editingId === a.id ? (
                <CommentEditor
                  value={a.comment}
                  onChange={(c) => onCommentChange(a.id, c)}
                  onDone={() => onEdit(null)}
                />
              ) : a.comment ? (
                <p className="comment" dir="auto">
                  {a.comment}
                </p>
              ) : null}
              <div className="card-actions">
                <span className="offsets" title="Character offsets in the article">
                  {a.target.position.start}–{a.target.position.end}
                </span>
                {editingId !== a.id && (
                  <button type="button" onClick={() => onEdit(a.id)}>
                    {a.comment ? 'Edit comment' : 'Add comment'}
                  </button>
                )}
                <button type="button" className="danger" onClick={() => onDelete(a)} aria-label="Delete highlight">
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

function CommentEditor({ value, onChange, onDone }: { value: string; onChange(v: string): void; onDone(): void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  return (
    <div className="comment-editor">
      <textarea
        ref={ref}
        aria-label="Comment"
        dir="auto"
        placeholder="Why does this passage matter?"
        value={value}
        rows={3}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onDone}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <p className="hint">Saved as you type · {shortcutLabel('Enter', false)} or Esc to finish</p>
    </div>
  );
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutLabel(key: string, shift = true): string {
  return `${isMac ? '⌘' : 'Ctrl'}+${shift ? 'Shift+' : ''}${key}`;
}
