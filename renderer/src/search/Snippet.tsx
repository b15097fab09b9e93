import { snippetParts } from './snippetParts';
import './Snippet.css';

/**
 * A search snippet as text nodes, matched words in <mark>: the snippet is never parsed as HTML.
 * Its direction comes from its own text (an Arabic passage reads and aligns right to left); `lang`,
 * when the passage is an article's, picks the fonts and shaping of the article's language.
 */
export function Snippet({ snippet, className, lang }: { snippet: string; className?: string; lang?: string }) {
  return (
    <span className={className} lang={lang} dir="auto">
      {snippetParts(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
    </span>
  );
}
