import { useState } from 'react';
import type { Reply } from '../../../electron/common/model/annotation';
import { isCommandKey } from '../commands/keymap';
import { isMac } from '../ui/shortcuts';
import { dates } from '../ui/formatDate';
import './replies.css';
import { useTranslation } from 'react-i18next';


/** The discussion under a highlight: replies in order, each editable by the analyst, and a box to add one. */
export function Replies({
  replies,
  replying,
  onReply,
  onEdit,
  onDelete,
  onClose,
}: {
  replies: Reply[];
  replying: boolean;
  onReply(body: string): Promise<boolean>;
  onEdit(replyId: string, body: string): Promise<boolean>;
  onDelete(replyId: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  /** The reply being edited, and its text as typed so far. */
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const send = async () => {
    if (draft.trim() && (await onReply(draft.trim()))) setDraft('');
  };
  const saveEdit = async () => {
    if (!editing) return;
    const original = replies.find((r) => r.id === editing.id)?.body;
    if (!editing.body.trim() || editing.body.trim() === original || (await onEdit(editing.id, editing.body.trim()))) setEditing(null);
  };
  if (replies.length === 0 && !replying) return null;
  return (
    <div className="replies">
      {replies.length > 0 && (
        <ol aria-label={t('annotations:replies')}>
          {replies.map((r) => (
            <li key={r.id} className="reply">
              <p className="reply-meta">
                <strong>{r.creator.name}</strong> <time dateTime={r.created}>{dates().dateTime(r.created)}</time>
                {r.modified !== r.created && (
                  <span className="reply-edited" title={t('annotations:edited2', { modified: dates().dateTime(r.modified) })}>
                    {t('annotations:edited')}
                  </span>
                )}
                {editing?.id !== r.id && (
                  <button type="button" className="link" aria-label={t('annotations:editReply')} onClick={() => setEditing({ id: r.id, body: r.body })}>
                    {t('annotations:edit')}
                  </button>
                )}
                <button type="button" className="link" aria-label={t('annotations:deleteReply')} onClick={() => onDelete(r.id)}>
                  {t('annotations:delete')}
                </button>
              </p>
              {editing?.id === r.id ? (
                <div className="reply-editor">
                  <ReplyBox
                    label={t('annotations:editReply')}
                    value={editing.body}
                    onChange={(body) => setEditing({ id: r.id, body })}
                    onSubmit={() => void saveEdit()}
                    onCancel={() => setEditing(null)}
                  />
                  <div className="reply-actions">
                    <button type="button" onClick={() => setEditing(null)}>
                      {t('annotations:cancel')}
                    </button>
                    <button type="button" className="primary" disabled={!editing.body.trim()} onClick={() => void saveEdit()}>
                      {t('annotations:saveReply')}
                    </button>
                  </div>
                </div>
              ) : (
                <p className="reply-body" dir="auto">
                  {r.body}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {replying && (
        <div className="reply-editor">
          <ReplyBox label={t('annotations:reply')} placeholder={t('annotations:reply2')} value={draft} onChange={setDraft} onSubmit={() => void send()} onCancel={onClose} />
          <div className="reply-actions">
            <button type="button" onClick={onClose}>
              {t('annotations:cancel')}
            </button>
            <button type="button" className="primary" disabled={!draft.trim()} onClick={() => void send()}>
              {t('annotations:postReply')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** A reply's text box: grows with its text up to a limit, then scrolls; Ctrl/Cmd+Enter sends, Escape cancels. */
function ReplyBox({ label, placeholder, value, onChange, onSubmit, onCancel }: { label: string; placeholder?: string; value: string; onChange(value: string): void; onSubmit(): void; onCancel(): void }) {
  return (
    <textarea
      className="reply-box"
      aria-label={label}
      placeholder={placeholder}
      rows={2}
      dir="auto"
      autoFocus
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (isCommandKey(e, 'post-reply', isMac)) {
          e.preventDefault();
          onSubmit();
        } else if (e.key === 'Escape') {
          onCancel();
        }
      }}
    />
  );
}
