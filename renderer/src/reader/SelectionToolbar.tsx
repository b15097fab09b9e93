import { useState } from 'react';
import type { EntitySummary, EntityType } from '../../../electron/common/model/entity';
import { EntityTypeSelect } from '../entities/EntityTypeSelect';
import { shortcutLabel } from '../ui/shortcuts';

interface Props {
  rect: DOMRect;
  selectedText: string;
  reattaching: boolean;
  known: EntitySummary[];
  onHighlight(): void;
  onAttach(): void;
  onLink(target: { entityId: string } | { name: string; type: EntityType }): void;
}

/** The toolbar over a selection: highlight it (or attach an orphan to it), or link it to an entity. */
export function SelectionToolbar({ rect, selectedText, reattaching, known, onHighlight, onAttach, onLink }: Props) {
  const [linking, setLinking] = useState(false);
  const [query, setQuery] = useState(selectedText.trim());
  const [type, setType] = useState<EntityType>('other');
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const q = query.trim().toLocaleLowerCase();
  const matches = known
    .filter((k) => !q || k.name.toLocaleLowerCase().includes(q) || k.aliases.some((a) => a.toLocaleLowerCase().includes(q)))
    .slice(0, 6);

  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection"
      style={{ top: Math.max(8, rect.top - 48), left: rect.left + rect.width / 2 }}
    >
      {reattaching ? (
        <button type="button" onMouseDown={keep} onClick={onAttach}>
          Attach here <kbd>{shortcutLabel('H')}</kbd>
        </button>
      ) : (
        <button type="button" onMouseDown={keep} onClick={onHighlight} title={`Highlight and comment (${shortcutLabel('H')})`}>
          Highlight + comment <kbd>{shortcutLabel('H')}</kbd>
        </button>
      )}
      <button type="button" onMouseDown={keep} onClick={() => setLinking((v) => !v)} aria-expanded={linking}>
        Link to entity…
      </button>
      {linking && (
        <div className="link-popover" role="dialog" aria-label="Link to entity">
          <input aria-label="Entity" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} placeholder="Find or name an entity" />
          <ul role="listbox" aria-label="Matching entities">
            {matches.map((k) => (
              <li key={k.id} role="option" aria-selected="false">
                <button type="button" onMouseDown={keep} onClick={() => onLink({ entityId: k.id })}>
                  {k.name}
                </button>
              </li>
            ))}
          </ul>
          {query.trim() && !known.some((k) => k.name.toLocaleLowerCase() === q) && (
            <div className="create-entity">
              <EntityTypeSelect value={type} onChange={setType} label="New entity type" />
              <button type="button" onMouseDown={keep} onClick={() => onLink({ name: query.trim(), type })}>
                Create “{query.trim()}”
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
