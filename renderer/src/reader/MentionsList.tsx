import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { ParagraphNumbers } from '../../../electron/common/text/paragraphNumbers';
import { keymap } from '../commands/keymap';
import { isMac, shortcutLabel } from '../ui/shortcuts';
import { revealRect } from './caretBrowsing';
import { highlightsSupported, MENTION_FOCUS_HIGHLIGHT_NAME, type PaintedMention } from './highlightPainter';
import { mentionStops, moveStop, stopFrom } from './mentionStops';
import { offsetsToRange } from './textOffsets';
import './MentionsList.css';
import { Trans, useTranslation } from 'react-i18next';
import { listed, typeName } from '../i18n/i18n';

const mentionKeys = keymap('mentions', isMac);

export interface MentionsListHandle {
  /** Takes the focus, on the first linked mention from `offset` on; false when the article has none. */
  focusFrom(offset: number): boolean;
}

interface Props {
  text: string;
  mentions: readonly PaintedMention[];
  /** The paragraphs, where the mentions are painted. */
  bodyRef: RefObject<HTMLElement | null>;
  /** The text's focusable scrolling area: Escape goes back there, the caret at the mention. */
  scrollRef: RefObject<HTMLElement | null>;
  onOpenEntity(entityId: string): void;
}

/**
 * The article's linked entity mentions as one tab stop after its text. Mentions are painted on
 * the text with the CSS Custom Highlight API, not wrapped in elements, so none can take the
 * focus: this listbox takes it instead, and the arrows move from mention to mention, each
 * painted as focused in the text and brought into view while a screen reader hears "Rajnath
 * Singh, Person, ¶ 2". Enter opens the entity's page; Escape (or Shift+Tab) goes back to the
 * text with the caret at the mention, to select from there. Highlights are reached through
 * their cards in the side panel.
 */
export const MentionsList = forwardRef<MentionsListHandle, Props>(function MentionsList({ text, mentions, bodyRef, scrollRef, onOpenEntity }, ref) {
  const { t } = useTranslation();
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const stops = useMemo(() => mentionStops(mentions), [mentions]);
  const paragraphs = useMemo(() => new ParagraphNumbers(text), [text]);
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const index = Math.min(active, Math.max(0, stops.length - 1));
  const current = stops[index];

  useImperativeHandle(
    ref,
    () => ({
      focusFrom(offset) {
        if (stops.length === 0 || !listRef.current) return false;
        setActive(stopFrom(stops, offset));
        listRef.current.focus({ preventScroll: true });
        return true;
      },
    }),
    [stops],
  );

  // The mention the list is on, painted in the text and in view while the list has the focus.
  useEffect(() => {
    const body = bodyRef.current;
    if (!focused || !current || !body) return;
    const range = offsetsToRange(body, current.start, current.end);
    if (!range) return;
    const scroller = scrollRef.current;
    if (scroller) {
      revealRect(scroller, range.getBoundingClientRect(), 64);
      // Paragraphs far off are laid out only when near (content-visibility): look again once they are.
      requestAnimationFrame(() => revealRect(scroller, range.getBoundingClientRect(), 64));
    }
    if (!highlightsSupported()) return;
    CSS.highlights.set(MENTION_FOCUS_HIGHLIGHT_NAME, new Highlight(range));
    return () => void CSS.highlights.delete(MENTION_FOCUS_HIGHLIGHT_NAME);
  }, [bodyRef, scrollRef, focused, current]);

  if (stops.length === 0) return null;

  const describe = (m: (typeof stops)[number]) => {
    const where = paragraphs.label(m.start, m.end);
    return listed([text.slice(m.start, m.end), typeName(m.type), where]);
  };

  const backToText = () => {
    const body = bodyRef.current;
    const range = current && body && offsetsToRange(body, current.start, current.start);
    if (range) document.getSelection()?.collapse(range.startContainer, range.startOffset);
    scrollRef.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const command = mentionKeys(event.nativeEvent);
    if (!command) return;
    event.preventDefault();
    // Keys of the text around must not also act on them.
    event.stopPropagation();
    if (command === 'reader-next-mention') setActive(moveStop(index, stops.length, 'next'));
    else if (command === 'reader-previous-mention') setActive(moveStop(index, stops.length, 'previous'));
    else if (command === 'mention-ends') setActive(moveStop(index, stops.length, event.key === 'Home' ? 'first' : 'last'));
    else if (command === 'mention-open' && current) onOpenEntity(current.entityId);
    else if (command === 'mention-to-text') backToText();
  };

  const optionId = (i: number) => `${id}-m${i}`;
  return (
    <div
      ref={listRef}
      className="mentions-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('reader:entityMentionsInTheArticle', { total: stops.length })}
      aria-activedescendant={focused ? optionId(index) : undefined}
      aria-describedby={`${id}-hint`}
      onFocus={(e) => e.target === e.currentTarget && setFocused(true)}
      onBlur={(e) => e.target === e.currentTarget && setFocused(false)}
      onKeyDown={onKeyDown}
    >
      <div className="mentions-list-bar" aria-hidden="true">
        <span className="mentions-list-where">
          {t('reader:mentionNOfM', { n: index + 1, total: stops.length })}
        </span>
        <strong dir="auto">{current && text.slice(current.start, current.end)}</strong>
        <span className="mentions-list-type">{current && typeName(current.type)}</span>
        <span className="mentions-list-keys">
          <Trans i18nKey="reader:mentionKeys" values={{ open: shortcutLabel('mention-open') }} components={{ kbd: <kbd /> }} />
        </span>
      </div>
      <div className="visually-hidden">
        {stops.map((m, i) => (
          <div key={`${m.start}:${m.end}`} id={optionId(i)} role="option" aria-selected={i === index} onClick={() => onOpenEntity(m.entityId)}>
            {describe(m)}
          </div>
        ))}
      </div>
      <p id={`${id}-hint`} className="visually-hidden">
        {t('reader:mentionsListHint')}
      </p>
    </div>
  );
});
