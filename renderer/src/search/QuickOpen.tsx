import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { PickerInput } from '../ui/PickerInput';
import { usePickerDialog } from '../ui/usePickerDialog';
import { ENTITY_TYPE_LABELS } from '../../../electron/common/model/entity';
import { queries } from '../data/queries';
import { matchPlaces, placeKey, preparePlaces, type Place, type PlaceKind } from './matchPlaces';
import { dates } from '../ui/formatDate';
import { countOf } from '../../../electron/common/text/plural';

const KIND_LABELS: Record<PlaceKind, string> = { article: 'Article', note: 'Note', entity: 'Entity', brief: 'Brief' };

interface Props {
  /** Recently opened places, most recent first ("article:<id>" …). */
  recent: readonly string[];
  onGo(place: Place): void;
  onClose(): void;
}

/**
 * Jump to any article, note, entity or brief by name. The names come from the lists the other
 * screens already hold, and are matched here, as the analyst types, without a round trip.
 */
export function QuickOpen({ recent, onGo, onClose }: Props) {
  const [query, setQuery] = useState('');
  const articles = useQuery(queries.articles()).data?.articles;
  const notes = useQuery(queries.notes()).data?.notes;
  const entities = useQuery(queries.entities()).data?.entities;
  const briefs = useQuery(queries.briefs()).data?.briefs;

  const prepared = useMemo(() => {
    const places: Place[] = [
      ...(articles ?? []).map((a) => ({ kind: 'article' as const, id: a.id, title: a.title, detail: [a.outlet, a.published && dates().date(a.published)].filter(Boolean).join(' · ') })),
      ...(notes ?? []).map((n) => ({ kind: 'note' as const, id: n.id, title: n.title || 'Untitled note', detail: n.excerpt.slice(0, 80) })),
      ...(entities ?? []).map((e) => ({ kind: 'entity' as const, id: e.id, title: e.name, aliases: e.aliases, detail: ENTITY_TYPE_LABELS[e.type] })),
      ...(briefs ?? []).map((b) => ({ kind: 'brief' as const, id: b.id, title: b.title, detail: countOf(b.sectionCount, 'section') })),
    ];
    return preparePlaces(places);
  }, [articles, notes, entities, briefs]);
  const matches = useMemo(() => matchPlaces(prepared, query, recent), [prepared, query, recent]);
  const picker = usePickerDialog(matches.length);
  const { id, dialog, listRef, current, setActive, optionId } = picker;


  const go = (place: Place | undefined) => {
    if (!place) return;
    dialog.current?.close();
    onGo(place);
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + 8, PageUp: current - 8 };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(moves[event.key]!, matches.length - 1)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(matches[current]?.place);
    }
  };

  const loading = !articles || !notes || !entities || !briefs;
  const empty = query.trim() === '';

  return (
    <dialog ref={dialog} className="quick-open" aria-label="Go to" onClose={onClose} onClick={(e) => e.target === dialog.current && dialog.current.close()}>
      {/* The dialog has no padding of its own: a click on it is a click on the backdrop. */}
      <div className="quick-open-body">
      <PickerInput picker={picker} count={matches.length} label="Go to an article, note, entity or brief" placeholder="Go to an article, note, entity or brief…" query={query} onQuery={setQuery} onKeyDown={onKey} />
      <p className="quick-open-caption" id={`${id}-caption`}>
        {loading ? 'Loading names…' : empty ? (recent.length > 0 ? 'Recently opened' : 'Everything') : matches.length === 0 ? `Nothing is called “${query.trim()}”.` : 'Best matches'}
      </p>
      <ul ref={listRef} id={`${id}-list`} role="listbox" aria-labelledby={`${id}-caption`}>
        {matches.map(({ place, alias }, i) => (
          <li
            key={placeKey(place)}
            id={optionId(i)}
            data-index={i}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : undefined}
            onMouseMove={() => i !== current && setActive(i)}
            onClick={() => go(place)}
          >
            <span className={`kind-badge kind-${place.kind}`}>{KIND_LABELS[place.kind]}</span>
            <span className="place-name" dir="auto">
              {place.title}
              {alias && <span className="place-alias"> (also “{alias}”)</span>}
            </span>
            {place.detail && (
              <span className="place-detail" dir="auto">
                {place.detail}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="quick-open-hint" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
      </p>
      </div>
    </dialog>
  );
}
