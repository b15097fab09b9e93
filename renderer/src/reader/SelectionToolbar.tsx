import { useState } from 'react';
import { usePopoverPlace } from '../ui/popoverPlace';
import type { EntitySummary, EntityType } from '../../../electron/common/model/entity';
import { EntityTypeSelect } from '../entities/EntityTypeSelect';
import { shortcutLabel, withShortcut } from '../ui/shortcuts';

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
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={{ top: Math.max(8, rect.top - 48), left: rect.left + rect.width / 2 }}>
      {reattaching ? (
        <button type="button" onMouseDown={keep} onClick={onAttach}>
          Attach here <kbd>{shortcutLabel('highlight')}</kbd>
        </button>
      ) : (
        <button type="button" onMouseDown={keep} onClick={onHighlight} title={withShortcut('Highlight and comment', 'highlight')}>
          Highlight + comment <kbd>{shortcutLabel('highlight')}</kbd>
        </button>
      )}
      <button type="button" onMouseDown={keep} onClick={onStartLink}>
        Link to entity…
      </button>
      {!reattaching && (
        <button type="button" onMouseDown={keep} onClick={onLinkEntities} title={withShortcut('Relate two entities with this passage as evidence', 'link-entities')}>
          Link entities…
        </button>
      )}
      {!reattaching && (
        <button type="button" onMouseDown={keep} onClick={onCite} title="Put this passage, with its source, into a note">
          Cite in note
        </button>
      )}
      {!reattaching && (
        <button type="button" onMouseDown={keep} onClick={onAddEvent} title="Make this passage an event on the timeline">
          Add to timeline…
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
      aria-label="Link to entity"
      ref={ref}
      style={style}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <p className="muted small">Link “{selectedText.trim()}” to</p>
      <input aria-label="Entity" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} placeholder="Find or name an entity" />
      <ul aria-label="Matching entities">
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
          <EntityTypeSelect value={type} onChange={setType} label="New entity type" />
          <button type="button" onClick={() => onLink({ name: query.trim(), type })}>
            Create “{query.trim()}”
          </button>
        </div>
      )}
      <button type="button" className="link" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
