import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../electron/common/model/annotation';
import { queries } from '../data/queries';
import { PickerInput } from '../ui/PickerInput';
import { useDebounced } from '../ui/useDebounced';
import { usePickerDialog } from '../ui/usePickerDialog';
import { pickerFieldKey } from '../ui/useListKeys';
import './citeNotePicker.css';
import './citePassagePicker.css';

/** A highlight that can be cited: which one, its words and the article's title as shown. */
export interface HighlightChoice {
  articleId: string;
  annotationId: string;
  quote: string;
  source: string;
}

interface Props {
  /** The article the note is written on: its highlights come first, in reading order. */
  articleId: string | null;
  onPick(choice: HighlightChoice): void;
  onCancel(): void;
}

const NO_ANNOTATIONS: Annotation[] = [];
const SEARCH_LIMIT = 30;

/** Lower case without accents, so "defence" finds "Défense". */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * Which highlighted passage to cite in a note: the note's own article's highlights first (in
 * reading order, narrowed by the words typed), then highlights anywhere in the workspace that the
 * search finds for those words. Arrow keys move, Enter picks, Escape cancels.
 */
export function CitePassagePicker({ articleId, onPick, onCancel }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 150);
  const own = useQuery({ ...queries.annotations(articleId ?? ''), enabled: articleId !== null }).data?.annotations ?? NO_ANNOTATIONS;
  const titles = useQuery(queries.articles()).data?.articles;
  const found = useQuery({
    ...queries.search({ query: settled, kinds: ['annotation'], limit: SEARCH_LIMIT }),
    enabled: settled !== '',
    placeholderData: keepPreviousData,
  }).data?.results;

  const options = useMemo(() => {
    const titleOf = new Map((titles ?? []).map((a) => [a.id, a.title]));
    const words = fold(query).split(/\s+/).filter(Boolean);
    // An orphaned highlight has no place in the article's text to cite.
    const mine: HighlightChoice[] = [...own]
      .filter((a) => a.status !== 'orphaned' && words.every((w) => fold(`${a.target.quote.exact} ${a.comment} ${a.tags.join(' ')}`).includes(w)))
      .sort((a, b) => a.target.position.start - b.target.position.start)
      .map((a) => ({ articleId: a.articleId, annotationId: a.id, quote: a.target.quote.exact, source: titleOf.get(a.articleId) ?? '' }));
    const shown = new Set(mine.map((c) => c.annotationId));
    const others: HighlightChoice[] =
      settled === ''
        ? []
        : (found ?? [])
            .filter((r) => r.articleId !== null && !shown.has(r.id))
            .map((r) => ({ articleId: r.articleId!, annotationId: r.id, quote: r.title, source: titleOf.get(r.articleId!) ?? '' }));
    return [...mine, ...others];
  }, [own, titles, found, query, settled]);

  const picker = usePickerDialog(options.length);
  const { id, dialog, listRef, current, setActive, optionId } = picker;

  const pick = (index: number) => {
    const option = options[index];
    if (option) onPick(option);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => pickerFieldKey(event, current, options.length, setActive, () => pick(current));

  return (
    <dialog
      ref={dialog}
      className="cite-picker cite-passage-picker"
      aria-labelledby={`${id}-title`}
      onClose={onCancel}
      onClick={(e) => e.target === dialog.current && dialog.current.close()}
    >
      <div className="cite-picker-body">
        <h2 id={`${id}-title`}>{t('notes:citePassage')}</h2>
        <PickerInput picker={picker} count={options.length} label={t('notes:findAHighlight')} placeholder={t('notes:typeWordsOfAHighlight')} query={query} onQuery={setQuery} onKeyDown={onKey} />
        <ul ref={listRef} id={`${id}-list`} role="listbox" aria-label={t('notes:highlightsToCite')}>
          {options.map((option, i) => (
            <li
              key={option.annotationId}
              id={optionId(i)}
              data-index={i}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'active' : undefined}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => pick(i)}
            >
              <span className="cite-passage-quote" dir="auto">
                {option.quote}
              </span>
              <span className="cite-note-detail cite-passage-source" dir="auto">
                {option.source}
              </span>
            </li>
          ))}
        </ul>
        {options.length === 0 && (
          <p className="muted cite-picker-none">{query.trim() === '' ? t('notes:noHighlightsYetType') : t('notes:noHighlightMatches', { trim: query.trim() })}</p>
        )}
      </div>
    </dialog>
  );
}
