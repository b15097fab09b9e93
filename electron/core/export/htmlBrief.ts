import type { Annotation } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';
import { ENTITY_TYPE_LABELS } from '../../common/model/entity';
import type { BriefContent, BriefSource } from './briefContent';
import { colourMeaning, colourOf, excerptCitation, gradingText, isWebUrl, oneLine, provenance, shortDate, singleArticle } from './briefText';
import { briefCss } from './htmlBriefStyles';
import { noteHtml } from './noteHtml';

export interface HtmlBriefOptions {
  /**
   * For the PDF printer: leave the page header and footer (handling line, page numbers) to the
   * printer rather than to CSS page-margin boxes.
   */
  forPdf?: boolean;
}

/**
 * A brief as one self-contained HTML file: inline CSS, no scripts, nothing fetched (a CSP says so
 * to the browser too). Everything the analyst or an article wrote is escaped; notes are sanitised.
 */
export function htmlBrief(content: BriefContent, options: HtmlBriefOptions = {}): string {
  const single = singleArticle(content);
  const handling = oneLine(content.handling);
  const body: string[] = [];
  const indexIds = new Set((content.entityIndex ?? []).map((r) => r.id));
  const linkEntity = (id: string) => (indexIds.has(id) ? `#${anchor('entity', id)}` : null);

  body.push('<header>');
  if (handling) body.push(`<p class="handling">${esc(handling)}</p>`);
  body.push(`<h1 dir="auto">${esc(oneLine(content.title))}</h1>`, '<dl class="meta">');
  if (single) body.push(...provenanceRows(single));
  if (content.author.trim()) body.push(row('Prepared by', esc(oneLine(content.author))));
  body.push(row('Brief generated', esc(shortDate(content.generated))), '</dl>', '</header>');

  if (content.summary) {
    body.push('<section aria-labelledby="summary">', '<h2 id="summary">Summary</h2>');
    body.push(`<div class="note-body" dir="auto">${noteHtml(content.summary, content, { under: 2, linkEntity })}</div>`, '</section>');
  }

  const noteCount = content.sections.filter((s) => s.kind === 'note').length;
  let notesOpen = false;
  content.sections.forEach((section, i) => {
    if (section.kind === 'article') {
      const { article } = section.source;
      if (single) {
        body.push(...highlights(content, section.source, 2));
      } else {
        const id = anchor('article', `${article.id}-${i}`);
        body.push(`<section class="article" aria-labelledby="${id}">`, `<h2 id="${id}" dir="auto">${esc(oneLine(article.title))}</h2>`);
        body.push('<dl class="meta">', ...provenanceRows(article), '</dl>', ...highlights(content, section.source, 3), '</section>');
      }
      return;
    }
    const { note, article } = section;
    if (single && !notesOpen) {
      body.push('<section aria-labelledby="notes">', `<h2 id="notes">Notes (${noteCount})</h2>`);
      notesOpen = true;
    }
    const level = single ? 3 : 2;
    body.push(`<section class="note">`, `<h${level} dir="auto">${esc(oneLine(note.title) || 'Untitled note')}</h${level}>`);
    if (article && !single) body.push(`<p class="note-on">Note on <cite dir="auto">${esc(oneLine(article.title))}</cite></p>`);
    body.push(`<div class="note-body" dir="auto">${noteHtml(note.content, content, { under: level, linkEntity, title: note.title })}</div>`, '</section>');
  });
  if (notesOpen) body.push('</section>');

  if (content.entityIndex) body.push(...entityIndex(content));
  if (handling) body.push(`<footer class="end"><p class="handling">${esc(handling)}</p></footer>`);

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Belt and braces: even if something slipped through, the browser runs no script and fetches nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Dossier">',
    `<title>${esc(oneLine(content.title))}</title>`,
    `<style>${briefCss({ handling, pageBoxes: !options.forPdf && handling !== '' })}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function highlights(content: BriefContent, source: BriefSource, level: number): string[] {
  const { article, excerpts, orphans } = source;
  const out = [`<h${level}>Highlights (${excerpts.length})</h${level}>`];
  if (excerpts.length === 0) out.push('<p class="empty">No highlights yet.</p>');
  excerpts.forEach((a, i) => out.push(...excerpt(content, article, a, level + 1, `${i + 1}.`)));
  if (orphans.length > 0) {
    out.push(`<h${level}>Highlights not found in the current version (${orphans.length})</h${level}>`);
    for (const a of orphans) out.push(...excerpt(content, article, a, level + 1, null));
  }
  return out;
}

function excerpt(content: BriefContent, article: ArticleMeta, a: Annotation, level: number, number: string | null): string[] {
  const h = Math.min(6, level);
  const meaning = colourMeaning(a, content.palette);
  const swatch = colourOf(a, content.palette);
  const style = swatch && /^#[0-9a-f]{6}$/i.test(swatch) ? ` style="--swatch: ${swatch}"` : '';
  const badges: string[] = [];
  if (meaning) badges.push(`<span class="badge colour" title="Colour: ${esc(meaning)}">${esc(meaning)}</span>`);
  if (a.grading) badges.push(`<span class="badge grading" title="Grading ${esc(gradingText(a.grading))}">${esc(gradingText(a.grading))}</span>`);
  if (a.status === 'drifted') badges.push('<span class="badge drifted">text changed since highlighted</span>');
  const cited = excerptCitation(article, a);
  const out = [`<article class="excerpt"${style}>`];
  if (number !== null || badges.length) out.push(`<h${h}>${number ? `<span>${number}</span>` : ''}${badges.join('')}</h${h}>`);
  out.push(`<blockquote dir="auto">${esc(a.target.quote.exact)}</blockquote>`);
  out.push(`<p class="cite">— <cite dir="auto">${esc(oneLine(cited.title))}</cite>, ${esc(cited.where)}</p>`);
  if (a.tags.length) out.push(`<p class="tags">Tags: ${a.tags.map((t) => `<span class="tag">${esc(t)}</span>`).join(', ')}</p>`);
  if (a.comment.trim()) out.push(`<div class="comment" dir="auto">${paragraphs(a.comment)}</div>`);
  if (a.replies.length) {
    out.push('<ol class="replies">');
    for (const r of a.replies) out.push(`<li dir="auto"><strong>${esc(r.creator.name)}</strong> (${esc(shortDate(r.created))}): ${esc(r.body.trim())}</li>`);
    out.push('</ol>');
  }
  out.push('</article>');
  return out;
}

function entityIndex(content: BriefContent): string[] {
  const rows = content.entityIndex ?? [];
  const out = ['<section aria-labelledby="entity-index">', `<h2 id="entity-index">Entity index (${rows.length})</h2>`];
  if (rows.length === 0) return [...out, '<p class="empty">No entities named.</p>', '</section>'];
  out.push('<table>', '<thead><tr><th scope="col">Entity</th><th scope="col">Type</th><th scope="col" class="num">Mentions</th><th scope="col">Mentioned in</th></tr></thead>', '<tbody>');
  for (const r of rows) {
    const where = r.mentionedIn.map((m) => `${m.kind === 'note' ? 'note ' : ''}<cite dir="auto">${esc(oneLine(m.title))}</cite>`).join('; ');
    out.push(
      `<tr id="${anchor('entity', r.id)}"><td dir="auto">${esc(r.name)}</td><td class="type">${ENTITY_TYPE_LABELS[r.type]}</td><td class="num">${r.mentionCount}</td><td>${where}</td></tr>`,
    );
  }
  out.push('</tbody>', '</table>', '</section>');
  return out;
}

function provenanceRows(article: ArticleMeta): string[] {
  return provenance(article).map((p) => {
    if (p.kind === 'hash') return row(p.label, `<code>${esc(p.value)}</code>`);
    if (p.kind === 'url' && isWebUrl(p.value)) return row(p.label, `<a href="${esc(p.value)}" rel="noreferrer noopener">${esc(p.value)}</a>`);
    return row(p.label, esc(oneLine(p.value)));
  });
}

function row(label: string, html: string): string {
  return `<dt>${esc(label)}</dt><dd dir="auto">${html}</dd>`;
}

function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
}

/** An id attribute from a stored id: only the characters ids are made of. */
function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
