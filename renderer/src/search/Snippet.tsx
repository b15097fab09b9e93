import { snippetParts } from './snippetParts';

/** A search snippet as text nodes, matched words in <mark>: the snippet is never parsed as HTML. */
export function Snippet({ snippet, className }: { snippet: string; className?: string }) {
  return (
    <span className={className} dir="auto">
      {snippetParts(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
    </span>
  );
}
