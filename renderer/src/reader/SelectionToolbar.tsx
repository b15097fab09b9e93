import { useState } from 'react';
import { usePopoverPlace } from '../ui/popoverPlace';
import type { EntitySummary, EntityType } from '../../../electron/common/model/entity';
import { EntityTypeSelect } from '../entities/EntityTypeSelect';
import { shortcutLabel, withShortcut } from '../ui/shortcuts';
import { useTranslation } from 'react-i18next';

interface Props {
  rect: DOMRect;
  reattaching: boolean;
  onHighlight(): void;
  onAttach(): void;
  onStartLink(): void;
  onLinkEntities(): void;
  onCite(): void;
  onAddEvent(): void;
}

/** The toolbar over a selection: highlight it (or attach an orphan to it), link it to an entity, relate two entities with it, cite it in a note, or add it to the timeline. */
export function SelectionToolbar({ rect, reattaching, onHighlight, onAttach, onStartLink, onLinkEntities, onCite, onAddEvent }: Props) {
  const { t } = useTranslation();
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="selection-toolbar" role="toolbar" aria-label={t('reader:selection')} style={{ top: Math.max(8, rect.top - 48), left: rect.left + rect.width / 2 }}>
      {reattaching ? (
        <button type="button" onMouseDown={keep} onClick={onAttach}>
          {t('reader:attachHere')}{' '}<kbd>{shortcutLabel('highlight')}</kbd>
        </button>
      ) : (
        <button type="button" onMouseDown={keep} onClick={onHighlight} title={withShortcut(t('reader:highlightAndComment'), 'highlight')}>
          {t('reader:highlightComment')}{' '}<kbd>{shortcutLabel('highlight')}</kbd>
        </button>
      )}
      <button type="button" onMouseDown={keep} onClick={onStartLink}>
        {t('reader:linkToEntity')}
      </button>
      {!reattaching && (
        <button type="button" onMouseDown={keep} onClick={onLinkEntities} title={withShortcut(t('reader:relateTwoEntitiesWithThis'), 'link-entities')}>
          {t('reader:linkEntities')}
        </button>
      )}
      {!reattaching && (
        <button type="button" onMouseDown={keep} onClick={onCite} title={t('reader:putThisPassageWithIts')}>
          {t('reader:citeInNote')}
        </button>
      )}
      {!reattaching && (
        <button type="button" onMouseDown={keep} onClick={onAddEvent} title={t('reader:makeThisPassageAnEvent')}>
          {t('reader:addToTimeline')}
        </button>
      )}
    </div>
  );
}

/**
 * Choosing the entity for a selected passage. It lives apart from the selection toolbar: typing
 * in its field moves the browser's selection away from the article.
 */
export function LinkEntityPopover({
  rect,
  selectedText,
  known,
  suggestedType,
  onLink,
  onCancel,
}: {
  rect: DOMRect;
  selectedText: string;
  known: EntitySummary[];
  /** The type detection gave these words, if it named them: a new entity starts as that. */
  suggestedType?: EntityType;
  onLink(target: { entityId: string } | { name: string; type: EntityType }): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(selectedText.trim());
  // Null until chosen: the suggestion may still be arriving when the popup opens.
  const [chosenType, setType] = useState<EntityType | null>(null);
  const type = chosenType ?? suggestedType ?? 'other';
  const { ref, style } = usePopoverPlace(rect);
  const q = query.trim().toLocaleLowerCase();
  const matches = known
    .filter((k) => !q || k.name.toLocaleLowerCase().includes(q) || k.aliases.some((a) => a.toLocaleLowerCase().includes(q)))
    .slice(0, 6);
  return (
    <div
      className="link-popover"
      role="dialog"
      aria-label={t('reader:linkToEntity2')}
      ref={ref}
      style={style}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <p className="muted small">{t('reader:linkTo', { trim: selectedText.trim() })}</p>
      <input aria-label={t('reader:entity')} value={query} autoFocus onChange={(e) => setQuery(e.target.value)} placeholder={t('reader:findOrNameAnEntity')} />
      <ul aria-label={t('reader:matchingEntities')}>
        {matches.map((k) => (
          <li key={k.id}>
            <button type="button" onClick={() => onLink({ entityId: k.id })}>
              {k.name}
            </button>
          </li>
        ))}
      </ul>
      {query.trim() && !known.some((k) => k.name.toLocaleLowerCase() === q) && (
        <div className="create-entity">
          <EntityTypeSelect value={type} onChange={setType} label={t('reader:newEntityType')} />
          <button type="button" onClick={() => onLink({ name: query.trim(), type })}>
            {t('reader:create', { trim: query.trim() })}
          </button>
        </div>
      )}
      <button type="button" className="link" onClick={onCancel}>
        {t('reader:cancel')}
      </button>
    </div>
  );
}
