import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';
import { OrderSelect } from '../ui/OrderSelect';
import { shortcutLabel } from '../ui/shortcuts';
import { useListKeys } from '../ui/useListKeys';
import { useMeasuredList } from '../ui/useMeasuredList';
import { useStoredChoice } from '../ui/useStoredChoice';
import { usePalette, useWorkspaceId } from '../ui/WorkspaceContext';
import { AnnotationCard } from './AnnotationCard';
import { usePassagePlaces } from './passagePlaces';
import { annotationFilter, HIGHLIGHT_ORDERS, NO_COLOUR, sortAnnotations, type HighlightOrder } from './sortAnnotations';
import type { AnnotationsState } from './useAnnotations';
import { Trans, useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../data/queries';
import { showsAuthors } from '../ui/RecordAuthors';

interface Props {
  state: AnnotationsState;
  /** The article shown: its text numbers the paragraphs each card names. */
  article: { id: string; version: number; text: string };
  activeId: string | null;
  editingId: string | null;
  reattachingId: string | null;
  onActivate(annotation: Annotation): void;
  onEdit(id: string | null): void;
  onDelete(annotation: Annotation): void;
  onReattach(annotation: Annotation | null): void;
  onCite(annotation: Annotation): void;
}

/** Space between cards, counted in each card's row. */
const CARD_GAP = 10;
/** Reveals of a card chosen far down before giving up: each lands nearer, as the cards passed are measured. */
const MAX_REVEAL_TRIES = 5;
/** Characters of a quote or comment on one line of the panel, roughly. */
const LINE_CHARS = 42;
const LINE_HEIGHT = 21;

/** The line saying who added and changed a highlight, when it shows (`RecordAuthors`). */
const AUTHORS_LINE = 21;

/** A card's height before it is first rendered: near enough that the scrollbar does not jump much. */
function estimateCard(a: Annotation, me: string | undefined): number {
  const lines = (text: string) => Math.ceil(text.length / LINE_CHARS);
  const quote = Math.min(4, Math.max(1, lines(a.target.quote.exact))) * LINE_HEIGHT;
  const comment = a.comment ? 8 + lines(a.comment) * LINE_HEIGHT : 0;
  const meta = a.color || a.grading || a.tags.length > 0 ? 30 : 0;
  const authors = showsAuthors(a.creator, a.modifiedBy, me) ? AUTHORS_LINE : 0;
  return 62 + quote + comment + meta + authors + a.replies.length * 56 + CARD_GAP;
}

/**
 * The highlights of the open article in the order chosen (the text's by default), narrowed by words
 * and colour, then those lost in a new version. Only the cards in view (plus a few) are in the DOM,
 * so an article with 1,000 highlights keeps a small page; a card selected elsewhere (in the text, by
 * a search result) is scrolled into the window first.
 */
export function AnnotationPanel({ state, article, activeId, editingId, reattachingId, onActivate, onEdit, onDelete, onReattach, onCite }: Props) {
  const { t } = useTranslation();
  const palette = usePalette();
  const [order, setOrder] = useStoredChoice<HighlightOrder>('highlightOrder', useWorkspaceId(), HIGHLIGHT_ORDERS, 'position');
  const [words, setWords] = useState('');
  const [colour, setColour] = useState('');
  const placed = useMemo(() => state.annotations.filter((a) => a.status !== 'orphaned'), [state.annotations]);
  const orphans = useMemo(() => state.annotations.filter((a) => a.status === 'orphaned'), [state.annotations]);
  const shown = useMemo(() => {
    const matches = annotationFilter(words, colour);
    return sortAnnotations(matches ? placed.filter(matches) : placed, order);
  }, [placed, words, colour, order]);
  const keys = useMemo(() => shown.map((a) => a.id), [shown]);
  const me = useQuery(queries.workspace()).data?.creator.name;
  const estimate = useCallback((index: number) => estimateCard(shown[index]!, me), [shown, me]);
  const { attachScroller, window: rowWindow, offsets, reveal, measureRef } = useMeasuredList(keys, estimate, CARD_GAP);
  const { rowProps, onKeyDown, attachList } = useListKeys(shown.length, reveal, false);
  const scroller = useRef<HTMLElement | null>(null);
  const narrowed = words.trim() !== '' || colour !== '';
  const placeOf = usePassagePlaces(article.id, article.version, article.text, state.annotations);

  // A highlight selected elsewhere: shown (the filter gives way), brought into the window, then into view.
  const wanted = useRef<string | null>(null);
  const scrollWanted = useRef<string | null>(null);
  /** How many times the wanted card was revealed again after measuring moved it (see below). */
  const revealTries = useRef(0);
  useEffect(() => {
    wanted.current = activeId;
  }, [activeId]);
  useEffect(() => {
    const id = wanted.current;
    if (!id) return;
    const index = keys.indexOf(id);
    if (index < 0) {
      if (narrowed && placed.some((a) => a.id === id)) {
        setWords('');
        setColour('');
      } else if (orphans.some((a) => a.id === id)) {
        wanted.current = null;
        scrollWanted.current = id;
      }
      return;
    }
    wanted.current = null;
    reveal(index);
    scrollWanted.current = id;
    revealTries.current = 0;
  }, [activeId, keys, narrowed, placed, orphans, reveal]);
  useLayoutEffect(() => {
    const id = scrollWanted.current;
    const card = id ? scroller.current?.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(id)}"]`) : null;
    if (id && !card) {
      // The cards between were measured on the way and moved the place the card was revealed at:
      // reveal it again at its measured place, a few times at most.
      const index = keys.indexOf(id);
      if (index >= 0 && revealTries.current++ < MAX_REVEAL_TRIES) reveal(index);
      return;
    }
    if (!card) return;
    scrollWanted.current = null;
    // After this frame's measuring has settled the cards' places.
    requestAnimationFrame(() => card.isConnected && card.scrollIntoView({ block: 'nearest' }));
  });

  const attach = useCallback(
    (element: HTMLElement | null) => {
      scroller.current = element;
      attachScroller(element);
    },
    [attachScroller],
  );

  /** A new filter or order starts from the top of the list. */
  const narrow = (change: () => void) => {
    change();
    reveal(0);
  };

  const card = (a: Annotation, index?: number) => (
    <AnnotationCard
      key={a.id}
      annotation={a}
      place={placeOf(a)}
      active={a.id === activeId}
      editing={a.id === editingId}
      state={state}
      onActivate={() => onActivate(a)}
      onEdit={(editing) => onEdit(editing ? a.id : null)}
      onDelete={() => onDelete(a)}
      onReattach={() => onReattach(a)}
      onCite={() => onCite(a)}
      row={index === undefined ? undefined : { key: a.id, style: { top: offsets[index] }, ref: measureRef }}
      quoteProps={index === undefined ? undefined : rowProps(index)}
    />
  );

  return (
    <aside className="panel annotation-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">
        {t('annotations:highlights')}{' '}<span className="count">{narrowed ? t('annotations:of', { length: shown.length, length2: placed.length }) : placed.length}</span>
      </h2>
      {(placed.length > 1 || narrowed) && (
        <div className="list-controls">
          <input type="search" aria-label={t('annotations:filterHighlights')} placeholder={t('annotations:filterHighlights')} value={words} onChange={(e) => narrow(() => setWords(e.target.value))} />
          <select aria-label={t('annotations:highlightColour')} value={colour} onChange={(e) => narrow(() => setColour(e.target.value))}>
            <option value="">{t('annotations:allColours')}</option>
            {palette.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
            <option value={NO_COLOUR}>{t('annotations:noColour')}</option>
          </select>
          <OrderSelect label={t('annotations:sortHighlights')} value={order} orders={HIGHLIGHT_ORDERS} onChange={(next) => narrow(() => setOrder(next))} />
        </div>
      )}
      <div className="panel-scroll" ref={attach}>
        {placed.length === 0 ? (
          <p className="panel-empty">
            <Trans i18nKey={shortcutLabel('highlight') ? 'annotations:emptyHint' : 'annotations:emptyHintNoKey'} values={{ key: shortcutLabel('highlight') }} components={{ button: <kbd />, kbd: <kbd /> }} />
          </p>
        ) : shown.length === 0 ? (
          <p className="panel-empty">{t('annotations:noHighlightMatches')}</p>
        ) : (
          <ol
            className="annotation-list virtual"
            aria-label={t('annotations:highlights')}
            ref={attachList}
            style={{ height: offsets.at(-1) }}
            onKeyDown={onKeyDown}
          >
            {shown.slice(rowWindow.start, rowWindow.end).map((a, i) => card(a, rowWindow.start + i))}
          </ol>
        )}
        {orphans.length > 0 && (
          <section className="orphans" aria-labelledby="orphans-title">
            <h2 id="orphans-title">
              {t('annotations:notFoundInThisVersion')}{' '}<span className="count warn">{orphans.length}</span>
            </h2>
            <p className="panel-empty">
              {t('annotations:thesePassagesChangedTooMuch')}
            </p>
            {reattachingId && (
              <p className="reattach-hint" role="status">
                {t('annotations:selectTheNewWordsIn')}{' '}<strong>{t('annotations:attachHere')}</strong>.{' '}
                <button type="button" className="link" onClick={() => onReattach(null)}>
                  {t('annotations:cancel')}
                </button>
              </p>
            )}
            <ol className="annotation-list">{orphans.map((a) => card(a))}</ol>
          </section>
        )}
      </div>
    </aside>
  );
}
