import createDOMPurify, { type DOMPurify } from 'dompurify';
import type { ElementContent } from 'hast';
import { JSDOM } from 'jsdom';
import type { NoteContent } from '../../common/model/note';
import { noteToHtml } from '../notes/renderNote';
import type { BriefContent } from './briefContent';
import type { CitationFields } from '../../common/notes/nodes/CitationNode';
import { afterTitle, noteCitation, oneLine } from './briefText';
import { domToHast } from './domToHast';

/**
 * A note as HTML syntax (hast) fit to embed in a self-contained brief: rendered by Lexical, then
 * sanitised (no scripts, handlers, styles, forms or embedded resources; links only to http(s) and
 * mailto), with headings moved under the brief's, mentions linked to the entity index and each
 * citation completed with the article's current title, date and offsets.
 *
 * The sanitised DOM becomes hast node by node rather than joining the brief as a string of raw
 * HTML: the brief's serialiser then escapes every text and attribute of the note as it does the
 * rest of the page, and no part of the page is written with `allowDangerousHtml`. (Reparsing the
 * string with hast-util-from-html would do the same, but it is not installed, and jsdom already
 * holds the tree.)
 */
export function noteHtml(
  note: NoteContent,
  content: BriefContent,
  options: { under: number; linkEntity: (id: string) => string | null; title?: string },
): ElementContent[] {
  const { under, linkEntity } = options;
  const { purify, document } = sanitizer();
  const raw = noteToHtml(note, { entityName: (id) => content.entityNames[id] });
  const fragment = purify.sanitize(raw, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'img', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'video', 'audio', 'picture', 'source', 'link', 'meta', 'base'],
    // Inline styles can fetch (background: url(…)); the brief's own stylesheet sets white-space.
    FORBID_ATTR: ['style', 'srcset', 'src', 'action', 'formaction', 'spellcheck', 'contenteditable'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
  const box = document.createElement('div');
  box.append(fragment);
  // A note that opens with its own title would show it twice under the heading the brief gives it.
  const first = box.firstElementChild;
  if (options.title && first && /^H[1-6]$/.test(first.tagName) && oneLine(first.textContent ?? '') === oneLine(options.title)) first.remove();

  const headings = [...box.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  // The note's top heading goes just under the brief's heading for the note.
  const move = Math.max(0, under + 1 - Math.min(...headings.map((h) => Number(h.tagName[1]))));
  for (const heading of headings) {
    const level = Math.min(6, Number(heading.tagName[1]) + move);
    const moved = document.createElement(`h${level}`);
    moved.append(...heading.childNodes);
    heading.replaceWith(moved);
  }
  for (const link of box.querySelectorAll('a[href]')) link.setAttribute('rel', 'noreferrer noopener');
  // Each block finds its own direction: an Arabic paragraph in an English note reads right to left.
  for (const block of box.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, pre')) block.setAttribute('dir', 'auto');
  for (const mention of [...box.querySelectorAll('[data-entity-id]')]) {
    const href = linkEntity(mention.getAttribute('data-entity-id') ?? '');
    mention.className = 'mention';
    mention.removeAttribute('data-entity-type');
    if (!href || mention.closest('a')) continue;
    const link = document.createElement('a');
    link.href = href;
    link.className = 'mention';
    mention.replaceWith(link);
    link.append(...mention.childNodes);
  }
  // The exported DOM drops the annotation id; the JSON has it, in the same (document) order.
  const fields = citationNodes(note);
  [...box.querySelectorAll('span.citation')].forEach((citation, i) => {
    const c = fields[i];
    if (!c) return;
    const cited = noteCitation(content, c);
    citation.replaceChildren(citationParts(document, c.quote, cited.title, cited.where));
    if (cited.deleted) citation.classList.add('deleted');
  });
  return domToHast([...box.childNodes]);
}

function citationNodes(note: NoteContent): CitationFields[] {
  const found: CitationFields[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: unknown; children?: unknown };
    if (n.type === 'citation') {
      const c = node as Partial<CitationFields>;
      found.push({
        articleId: String(c.articleId ?? ''),
        annotationId: typeof c.annotationId === 'string' ? c.annotationId : null,
        quote: String(c.quote ?? ''),
        source: String(c.source ?? ''),
        start: Number(c.start ?? 0),
        end: Number(c.end ?? 0),
      });
    }
    if (Array.isArray(n.children)) n.children.forEach(visit);
  };
  visit(note.root);
  return found;
}

function citationParts(document: Document, quote: string, title: string, where: string): DocumentFragment {
  const parts = document.createDocumentFragment();
  const q = document.createElement('q');
  q.textContent = quote;
  const cite = document.createElement('cite');
  cite.textContent = title;
  parts.append(q, ' (', cite, `${afterTitle(where)})`);
  return parts;
}

let shared: { purify: DOMPurify; document: Document } | undefined;

/** One jsdom window for the process: creating one costs far more than sanitising a note. */
function sanitizer(): { purify: DOMPurify; document: Document } {
  if (!shared) {
    const { window } = new JSDOM('<!doctype html><body></body>');
    shared = { purify: createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]), document: window.document };
  }
  return shared;
}
