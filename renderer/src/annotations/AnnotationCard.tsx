import { useState, type CSSProperties } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';
import { usePalette } from '../ui/WorkspaceContext';
import { ColourChip, ColourPicker } from './ColourPicker';
import { CommentEditor } from './CommentEditor';
import { GradingBadge, GradingPicker } from './Grading';
import { Replies } from './Replies';
import { TagEditor } from './TagEditor';
import { RecordAuthors } from '../ui/RecordAuthors';
import type { AnnotationsState } from './useAnnotations';
import { textDirection } from '../../../electron/common/text/textDirection';
import './AnnotationCard.css';
import { useTranslation } from 'react-i18next';

interface Props {
  annotation: Annotation;
  /** Where the passage is, in paragraphs: "¶ 4", or "v1 ¶ 3" for a passage of an earlier version. */
  place: string;
  active: boolean;
  editing: boolean;
  state: AnnotationsState;
  onActivate(): void;
  onEdit(editing: boolean): void;
  onDelete(): void;
  /** For an orphan: start choosing new words for it. */
  onReattach?(): void;
  onCite?(): void;
  /** Where the card sits in a windowed list, and what measures it there. */
  row?: { key: string; style: CSSProperties; ref(element: HTMLElement | null): (() => void) | undefined };
  /** Put on the quote button: it is the card's stop for the list's arrow keys. */
  quoteProps?: Record<string, unknown>;
}

/** One highlight in the panel: its quote, meaning, grading, tags, comment and replies. */
export function AnnotationCard({ annotation: a, place, active, editing, state, onActivate, onEdit, onDelete, onReattach, onCite, row, quoteProps }: Props) {
  const { t } = useTranslation();
  const palette = usePalette();
  const [replying, setReplying] = useState(false);
  const colour = palette.find((p) => p.key === a.color);
  const orphan = a.status === 'orphaned';

  return (
    <li
      data-annotation-id={a.id}
      data-status={a.status}
      className={`annotation-card colour-border-${a.color ?? 'none'}${active ? ' active' : ''}${orphan ? ' orphan' : ''}`}
      aria-current={active ? 'true' : undefined}
      data-row-key={row?.key}
      style={row?.style}
      ref={row?.ref}
    >
      {orphan ? (
        <p className="quote orphan-quote" dir="auto">
          {a.target.quote.exact}
        </p>
      ) : (
        <button type="button" className="quote" dir={textDirection(a.target.quote.exact)} onClick={onActivate} title={t('annotations:showInTheArticle2')} {...quoteProps}>
          <span className="visually-hidden">{t('annotations:showInTheArticle')}{' '}</span>
          <span dir="auto">{a.target.quote.exact}</span>
        </button>
      )}
      {(colour || a.grading || a.tags.length > 0 || a.status === 'drifted') && (
        <div className="card-meta">
          {colour && <ColourChip entry={colour} />}
          {a.grading && <GradingBadge grading={a.grading} />}
          {a.status === 'drifted' && (
            <span className="chip drifted" title={t('annotations:theArticleChangedHereSince')}>
              {t('annotations:textChanged')}
            </span>
          )}
          {a.tags.map((t) => (
            <span key={t} className="chip tag">
              #{t}
            </span>
          ))}
        </div>
      )}
      {editing ? (
        <div className="card-editor">
          <CommentEditor value={a.comment} onChange={(c) => state.editComment(a.id, c)} onDone={() => onEdit(false)} />
          <ColourPicker palette={palette} value={a.color} onChange={(color) => void state.update(a.id, { color })} />
          <GradingPicker value={a.grading} onChange={(grading) => void state.update(a.id, { grading })} />
          <TagEditor tags={a.tags} onChange={(tags) => void state.update(a.id, { tags })} />
          <button type="button" className="primary done" onClick={() => onEdit(false)}>
            {t('annotations:done')}
          </button>
        </div>
      ) : a.comment ? (
        <p className="comment" dir="auto">
          {a.comment}
        </p>
      ) : null}
      <RecordAuthors createdBy={a.creator} modifiedBy={a.modifiedBy} created={a.created} modified={a.modified} />
      <Replies
        replies={a.replies}
        replying={replying}
        onReply={(body) => state.addReply(a.id, body)}
        onEdit={(replyId, body) => state.editReply(a.id, replyId, body)}
        onDelete={(replyId) => void state.deleteReply(a.id, replyId)}
        onClose={() => setReplying(false)}
      />
      <div className="card-actions">
        <span className="offsets" title={orphan ? t('annotations:paragraphsInVersionOfThe', { version: a.target.version }) : t('annotations:paragraphsInTheArticle')}>
          {place}
        </span>
        {orphan && onReattach && (
          <button type="button" onClick={onReattach}>
            {t('annotations:reAttach')}
          </button>
        )}
        {!editing && (
          <button type="button" onClick={() => onEdit(true)}>
            {a.comment ? t('annotations:edit') : t('annotations:addComment')}
          </button>
        )}
        {!replying && (
          <button type="button" onClick={() => setReplying(true)}>
            {t('annotations:reply')}
          </button>
        )}
        {onCite && !orphan && (
          <button type="button" onClick={onCite} title={t('annotations:putThisPassageWithIts')}>
            {t('annotations:citeInNote')}
          </button>
        )}
        <button type="button" className="danger" onClick={onDelete} aria-label={t('annotations:deleteHighlight')}>
          {t('annotations:delete')}
        </button>
      </div>
    </li>
  );
}
