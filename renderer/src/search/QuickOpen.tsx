import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { PickerInput } from '../ui/PickerInput';
import { usePickerDialog } from '../ui/usePickerDialog';
import { pickerFieldKey } from '../ui/useListKeys';
import { queries } from '../data/queries';
import { matchPlaces, placeKey, preparePlaces, type Place, type PlaceKind } from './matchPlaces';
import { dates } from '../ui/formatDate';
import { Trans, useTranslation } from 'react-i18next';
import { countOf, typeName } from '../i18n/i18n';
import { useNoteTitle } from '../notes/noteTitle';

const KIND_LABELS: Record<PlaceKind, string> = { article: 'search:article', note: 'search:note', entity: 'search:entity', brief: 'search:brief' };

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
  const { t } = useTranslation();
  const titleOf = useNoteTitle();
  const [query, setQuery] = useState('');
  const articles = useQuery(queries.articles()).data?.articles;
  const notes = useQuery(queries.notes()).data?.notes;
  const entities = useQuery(queries.entities()).data?.entities;
  const briefs = useQuery(queries.briefs()).data?.briefs;

  const prepared = useMemo(() => {
    const places: Place[] = [
      ...(articles ?? []).map((a) => ({ kind: 'article' as const, id: a.id, title: a.title, lang: a.language ?? undefined, detail: [a.outlet, a.published && dates().date(a.published)].filter(Boolean).join(' · ') })),
      ...(notes ?? []).map((n) => ({ kind: 'note' as const, id: n.id, title: titleOf(n), detail: n.excerpt.slice(0, 80) })),
      ...(entities ?? []).map((e) => ({ kind: 'entity' as const, id: e.id, title: e.name, aliases: e.aliases, detail: typeName(e.type) })),
      ...(briefs ?? []).map((b) => ({ kind: 'brief' as const, id: b.id, title: b.title, detail: countOf(b.sectionCount, 'section') })),
    ];
    return preparePlaces(places);
  }, [articles, notes, entities, briefs, titleOf]);
  const matches = useMemo(() => matchPlaces(prepared, query, recent), [prepared, query, recent]);
  const picker = usePickerDialog(matches.length);
  const { id, dialog, listRef, current, setActive, optionId } = picker;


  const go = (place: Place | undefined) => {
    if (!place) return;
    dialog.current?.close();
    onGo(place);
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => pickerFieldKey(event, current, matches.length, setActive, () => go(matches[current]?.place));

  const loading = !articles || !notes || !entities || !briefs;
  const empty = query.trim() === '';

  return (
    <dialog ref={dialog} className="quick-open" aria-label={t('search:goTo')} onClose={onClose} onClick={(e) => e.target === dialog.current && dialog.current.close()}>
      {/* The dialog has no padding of its own: a click on it is a click on the backdrop. */}
      <div className="quick-open-body">
      <PickerInput picker={picker} count={matches.length} label={t('search:goToAnArticleNote')} placeholder={t('search:goToAnArticleNote2')} query={query} onQuery={setQuery} onKeyDown={onKey} />
      <p className="quick-open-caption" id={`${id}-caption`}>
        {loading ? t('search:loadingNames') : empty ? (recent.length > 0 ? t('search:recentlyOpened') : t('search:everything')) : matches.length === 0 ? t('search:nothingIsCalled', { trim: query.trim() }) : t('search:bestMatches')}
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
            <span className={`kind-badge kind-${place.kind}`}>{t(KIND_LABELS[place.kind])}</span>
            <span className="place-name" dir="auto">
              {/* The title alone carries the article's language: "(also …)" is in the window's. */}
              {place.lang ? (
                <span lang={place.lang} dir="auto">
                  {place.title}
                </span>
              ) : (
                place.title
              )}
              {alias && <span className="place-alias">{' '}{t('search:also', { alias })}</span>}
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
        <Trans i18nKey="search:pickerKeys" components={{ kbd: <kbd /> }} />
      </p>
      </div>
    </dialog>
  );
}
