import { forwardRef, useDeferredValue, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { shortcutLabel } from '../ui/shortcuts';
import type { ReaderHandle } from './ArticleReader';
import { findMatches, firstMatchFrom, foldForFind, matchStatus, MAX_MATCHES, stepMatch } from './findInText';
import './FindBar.css';
import { useTranslation } from 'react-i18next';

export interface FindBarHandle {
  /** Focuses the field (its words selected, or replaced by `words` when given). */
  focus(words?: string): void;
  step(direction: 1 | -1): void;
}

interface Props {
  text: string;
  reader: React.RefObject<ReaderHandle | null>;
  onClose(): void;
}

/**
 * Find in the article (Ctrl/Cmd+F): matches of the article's text string, every one marked and
 * the current one marked more strongly and brought into view. Enter and F3 go on, with Shift back;
 * Escape closes with the current match selected, so a highlight can be made of it at once.
 */
export const FindBar = forwardRef<FindBarHandle, Props>(function FindBar({ text, reader, onClose }, ref) {
  const { t } = useTranslation();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const typed = useDeferredValue(query);
  const folded = useMemo(() => foldForFind(text), [text]);
  const matches = useMemo(() => findMatches(folded, typed), [folded, typed]);
  const capped = matches.length >= MAX_MATCHES;
  const [current, setCurrent] = useState(-1);
  /** Where the reader was when the search began: the first match from there is the first shown. */
  const from = useRef(0);

  useEffect(() => {
    from.current = reader.current?.readingOffset() ?? 0;
  }, [reader]);
  // A new query starts again from where the reader was.
  useEffect(() => {
    setCurrent(firstMatchFrom(matches, from.current));
    reader.current?.showMatches(matches);
  }, [matches, reader]);
  useEffect(() => {
    reader.current?.showCurrentMatch(matches[current] ?? null);
  }, [current, matches, reader]);
  useEffect(
    () => () => {
      reader.current?.showMatches([]);
      reader.current?.showCurrentMatch(null);
    },
    [reader],
  );

  /** Words put in by focus(): selected once rendered, so typing replaces them. */
  const selectWhenShown = useRef(false);
  useEffect(() => {
    if (!selectWhenShown.current) return;
    selectWhenShown.current = false;
    input.current?.select();
  }, [query]);

  const step = (direction: 1 | -1) => setCurrent((c) => stepMatch(c, matches.length, direction));

  useImperativeHandle(ref, () => ({
    focus(words) {
      if (words !== undefined && words !== query) {
        selectWhenShown.current = true;
        setQuery(words);
      }
      input.current?.focus();
      input.current?.select();
    },
    step,
  }));

  const close = () => {
    const match = matches[current];
    onClose();
    if (match) reader.current?.selectAndFocus(match);
    else reader.current?.focus();
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const status = typed.trim() ? matchStatus(current, matches.length, capped) : '';

  return (
    <div className="find-bar-anchor">
      <div className="find-bar" role="search" aria-label={t('reader:findInTheArticle')} onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && close()}>
        <input
          ref={input}
          type="search"
          aria-label={t('reader:findInTheArticle')}
          dir="auto"
          placeholder={t('reader:findInTheArticle')}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKey}
          aria-describedby={statusId}
        />
        <output id={statusId} className="find-status" aria-live="polite">
          {status}
        </output>
        <button type="button" aria-label={t('reader:previousMatch')} title={t('reader:previousMatchShiftEnter', { shortcutLabel: shortcutLabel('find-previous') })} disabled={matches.length === 0} onClick={() => step(-1)}>
          ↑
        </button>
        <button type="button" aria-label={t('reader:nextMatch')} title={t('reader:nextMatchEnter', { shortcutLabel: shortcutLabel('find-next') })} disabled={matches.length === 0} onClick={() => step(1)}>
          ↓
        </button>
        <button type="button" aria-label={t('reader:closeFind')} title={t('reader:closeEsc')} onClick={close}>
          ×
        </button>
      </div>
    </div>
  );
});
