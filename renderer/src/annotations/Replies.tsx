import { useState } from 'react';
import type { Reply } from '../../../electron/common/model/annotation';
import { isCommandKey } from '../commands/keymap';
import { isMac } from '../ui/shortcuts';
import { dates } from '../ui/formatDate';


/** The discussion under a highlight: replies in order, and a box to add one. */
export function Replies({
  replies,
  replying,
  onReply,
  onDelete,
  onClose,
}: {
  replies: Reply[];
  replying: boolean;
  onReply(body: string): Promise<boolean>;
  onDelete(replyId: string): void;
  onClose(): void;
}) {
  const [draft, setDraft] = useState('');
  const send = async () => {
    if (draft.trim() && (await onReply(draft.trim()))) setDraft('');
  };
  if (replies.length === 0 && !replying) return null;
  return (
    <div className="replies">
      {replies.length > 0 && (
        <ol aria-label="Replies">
          {replies.map((r) => (
            <li key={r.id} className="reply">
              <p className="reply-meta">
                <strong>{r.creator.name}</strong> <time dateTime={r.created}>{dates().dateTime(r.created)}</time>
                <button type="button" className="link" aria-label="Delete reply" onClick={() => onDelete(r.id)}>
                  Delete
                </button>
              </p>
              <p className="reply-body" dir="auto">
                {r.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {replying && (
        <div className="reply-editor">
          <textarea
            aria-label="Reply"
            placeholder="Reply…"
            rows={2}
            dir="auto"
            autoFocus
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (isCommandKey(e, 'post-reply', isMac)) {
                e.preventDefault();
                void send();
              } else if (e.key === 'Escape') {
                onClose();
              }
            }}
          />
          <div className="reply-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={!draft.trim()} onClick={() => void send()}>
              Post reply
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
