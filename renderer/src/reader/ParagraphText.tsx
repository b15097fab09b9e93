import { Fragment } from 'react';
import type { TextMark } from '../../../electron/common/model/article';
import { markedSegments } from '../../../electron/common/text/textMarks';
import './ParagraphText.css';

/**
 * A paragraph's text with the source's bold and italic. Without emphasis it is one text node; with
 * it, the runs are wrapped in <strong>/<em> and the element still holds exactly the paragraph's
 * text, so offsets (textOffsets.ts) and painted highlights are unchanged by it.
 */
export function ParagraphText({ text, start, end, marks }: { text: string; start: number; end: number; marks: readonly TextMark[] }) {
  const segments = markedSegments(text, start, end, marks);
  if (segments.length === 1 && !segments[0]!.strong && !segments[0]!.emphasis) return <>{segments[0]!.text}</>;
  return (
    <>
      {segments.map((s, i) => {
        const inner = s.emphasis ? <em>{s.text}</em> : s.text;
        return s.strong ? <strong key={i}>{inner}</strong> : <Fragment key={i}>{inner}</Fragment>;
      })}
    </>
  );
}

/** A paragraph that is a list item an import kept ("• …", "◦ …", "3. …", "☑ …"): set closer to its neighbours. */
const LIST_ITEM = /^\s*(?:[•◦▪☑☐]|\d{1,4}\.)\s/u;

export function paragraphClass(paragraph: string): string | undefined {
  return LIST_ITEM.test(paragraph) ? 'list-item' : undefined;
}
