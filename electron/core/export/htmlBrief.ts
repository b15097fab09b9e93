import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Annotation } from '../../common/model/annotation';
import type { DateFormatChoice } from '../../common/model/settings';
import type { ArticleMeta } from '../../common/model/article';
import { ENTITY_TYPE_LABELS } from '../../common/model/entity';
import { passageDirection } from '../../common/text/languageTag';
import type { BriefContent, BriefEntityRef, BriefEvent, BriefPassage, BriefRelation, BriefSource } from './briefContent';
import {
  afterTitle,
  colourMeaning,
  colourOf,
  entityName,
  eventDate,
  excerptCitation,
  FLAGGED_RELATION,
  gradingText,
  isWebUrl,
  oneLine,
  provenance,
  relationPeriod,
  shortDate,
  singleArticle,
} from './briefText';
import { briefCss } from './htmlBriefStyles';
import { noteHtml } from './noteHtml';

export interface HtmlBriefOptions {
  /**
   * For the PDF printer: leave the page header and footer (handling line, page numbers) to the
   * printer rather than to CSS page-margin boxes.
   */
  forPdf?: boolean;
}

/** Belt and braces: even if something slipped through, the browser runs no script and fetches nothing. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * A brief as one self-contained HTML file: inline CSS, no scripts, nothing fetched (a CSP says so
 * to the browser too). The page is a syntax tree (hast) written by hast-util-to-html, so whatever
 * the analyst or an article wrote is a text node or an attribute value, escaped where it lands;
 * notes are sanitised before they join the tree.
 */
export function htmlBrief(content: BriefContent, options: HtmlBriefOptions = {}): string {
  const single = singleArticle(content);
  const handling = oneLine(content.handling);
  const indexIds = new Set((content.entityIndex ?? []).map((r) => r.id));
  const linkEntity = (id: string) => (indexIds.has(id) ? `#${anchor('entity', id)}` : null);

  const body: ElementContent[] = [];
  const meta = [...(single ? provenanceRows(single, content.dateFormat) : [])];
  if (content.author.trim()) meta.push(row('Prepared by', oneLine(content.author)));
  meta.push(row('Brief generated', shortDate(content.generated, content.dateFormat)));
  body.push(
    h(
      'header',
      lines([handling ? h('p.handling', handling) : null, h('h1', single ? sourceWords(content.title, single.language) : { dir: 'auto' }, oneLine(content.title)), h('dl.meta', lines(meta))]),
    ),
  );

  if (content.summary) {
    const note = h('div.note-body', { dir: 'auto' }, noteHtml(content.summary, content, { under: 2, linkEntity }));
    body.push(h('section', { ariaLabelledBy: 'summary' }, lines([h('h2#summary', 'Summary'), note])));
  }

  const noteCount = content.sections.filter((s) => s.kind === 'note').length;
  // In a brief of one article, the notes share one "Notes" section, which holds all that follows it.
  let into = body;
  const add = (...elements: ElementContent[]) => (into === body ? body.push(...elements) : elements.forEach((e) => into.push(e, newline())));
  content.sections.forEach((section, i) => {
    if (section.kind === 'article') {
      const { article } = section.source;
      if (single) {
        add(...highlights(content, section.source, 2));
      } else {
        const id = anchor('article', `${article.id}-${i}`);
        const heading = h('h2', { id, ...sourceWords(article.title, article.language) }, oneLine(article.title));
        add(h('section.article', { ariaLabelledBy: id }, lines([heading, h('dl.meta', lines(provenanceRows(article, content.dateFormat))), ...highlights(content, section.source, 3)])));
      }
      return;
    }
    const { note, article } = section;
    if (single && into === body) {
      const notes = h('section', { ariaLabelledBy: 'notes' }, lines([h('h2#notes', `Notes (${noteCount})`)]));
      body.push(notes);
      into = notes.children;
    }
    const level = single ? 3 : 2;
    add(
      h(
        'section.note',
        lines([
          h(`h${level}`, { dir: 'auto' }, oneLine(note.title) || 'Untitled note'),
          article && !single ? h('p.note-on', ['Note on ', h('cite', { dir: 'auto' }, oneLine(article.title))]) : null,
          h('div.note-body', { dir: 'auto' }, noteHtml(note.content, content, { under: level, linkEntity, title: note.title })),
        ]),
      ),
    );
  });

  if (content.relations) body.push(relationsAppendix(content.relations, linkEntity));
  if (content.timeline) body.push(timelineAppendix(content.timeline, linkEntity, content.dateFormat));
  if (content.entityIndex) body.push(entityIndex(content.entityIndex));
  if (handling) body.push(h('footer.end', h('p.handling', handling)));

  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      newline(),
      h(
        'html',
        { lang: 'en' },
        lines([
          h(
            'head',
            lines([
              h('meta', { charSet: 'utf-8' }),
              h('meta', { httpEquiv: 'Content-Security-Policy', content: CSP }),
              h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
              h('meta', { name: 'generator', content: 'Dossier' }),
              h('title', oneLine(content.title)),
              // The serialiser writes a style element's text as it is (CSS is not HTML-escaped): the one
              // piece of user text in it, the handling line, briefCss keeps inside a CSS string, `<` escaped.
              h('style', briefCss({ handling, pageBoxes: !options.forPdf && handling !== '' })),
            ]),
          ),
          h('body', lines([h('main', lines(body))])),
        ]),
      ),
      newline(),
    ],
  };
  return toHtml(page, { characterReferences: { useNamedReferences: true } });
}

function highlights(content: BriefContent, source: BriefSource, level: number): Element[] {
  const { excerpts, orphans } = source;
  const out = [h(`h${level}`, `Highlights (${excerpts.length})`)];
  if (excerpts.length === 0) out.push(h('p.empty', 'No highlights yet.'));
  excerpts.forEach((a, i) => out.push(excerpt(content, source, a, level + 1, `${i + 1}.`)));
  if (orphans.length > 0) {
    out.push(h(`h${level}`, `Highlights not found in the current version (${orphans.length})`));
    for (const a of orphans) out.push(excerpt(content, source, a, level + 1, null));
  }
  return out;
}

function excerpt(content: BriefContent, source: BriefSource, a: Annotation, level: number, number: string | null): Element {
  const meaning = colourMeaning(a, content.palette);
  const swatch = colourOf(a, content.palette);
  // The palette is editable: only a plain hex colour goes into the style attribute.
  const style = swatch && /^#[0-9a-f]{6}$/i.test(swatch) ? { style: `--swatch: ${swatch}` } : {};
  const badges: Element[] = [];
  if (meaning) badges.push(h('span.badge.colour', { title: `Colour: ${meaning}` }, meaning));
  if (a.grading) badges.push(h('span.badge.grading', { title: `Grading ${gradingText(a.grading)}` }, gradingText(a.grading)));
  if (a.status === 'drifted') badges.push(h('span.badge.drifted', 'text changed since highlighted'));
  const cited = excerptCitation(source, a, content.dateFormat);
  return h(
    'article.excerpt',
    style,
    lines([
      number !== null || badges.length ? h(`h${Math.min(6, level)}`, [number ? h('span', number) : null, ...badges]) : null,
      ...quoted({ quote: a.target.quote.exact, language: source.article.language, ...cited }),
      a.tags.length ? h('p.tags', ['Tags: ', ...a.tags.flatMap((t, i) => [i > 0 ? ', ' : '', h('span.tag', t)])]) : null,
      a.comment.trim() ? h('div.comment', { dir: 'auto' }, paragraphs(a.comment)) : null,
      a.replies.length
        ? h(
            'ol.replies',
            lines(a.replies.map((r) => h('li', { dir: 'auto' }, [h('strong', r.creator.name), ` (${shortDate(r.created, content.dateFormat)}): ${r.body.trim()}`]))),
          )
        : null,
    ]),
  );
}

/** A quoted passage and its citation, as every excerpt of the brief shows them. */
function quoted(passage: BriefPassage): Element[] {
  return [h('blockquote', sourceWords(passage.quote, passage.language), passage.quote), citation(passage)];
}

function citation({ title, where, language }: Pick<BriefPassage, 'title' | 'where' | 'language'>): Element {
  return h('p.cite', ['— ', h('cite', sourceWords(title, language), oneLine(title)), afterTitle(where)]);
}

/**
 * Attributes of an element holding an article's own words (its title, a quoted passage): its
 * language, so readers, screen readers and the fonts of the stylesheet treat it as such, and its
 * direction; the brief around it stays in the brief's language.
 */
function sourceWords(text: string, language: string | null | undefined): { lang?: string; dir: 'rtl' | 'auto' } {
  return language ? { lang: language, dir: passageDirection(text, language) } : { dir: 'auto' };
}

type LinkEntity = (id: string) => string | null;

/** An entity linked to its row of the entity index when the brief has one, as note mentions are. */
function entityRef(ref: BriefEntityRef, linkEntity: LinkEntity): Element {
  if (ref.name === null) return h('em', entityName(ref));
  const href = linkEntity(ref.id);
  return href ? h('a.mention', { href, dir: 'auto' }, oneLine(ref.name)) : h('bdi', oneLine(ref.name));
}

function relationsAppendix(relations: BriefRelation[], linkEntity: LinkEntity): Element {
  const items = relations.map((r) => {
    const period = relationPeriod(r);
    const grading = r.grading ? gradingText(r.grading) : 'ungraded';
    return h(
      r.flagged ? 'article.relation.flagged' : 'article.relation',
      lines([
        h('h3', [entityRef(r.from, linkEntity), ` —${oneLine(r.label)}→ `, entityRef(r.to, linkEntity)]),
        h('p.relation-facts', [h('span.badge.grading', { title: `Grading ${grading}` }, grading), period ? h('span.period', period) : null]),
        r.flagged ? h('p.flag', { role: 'note' }, h('strong', FLAGGED_RELATION)) : null,
        ...r.evidence.flatMap(quoted),
      ]),
    );
  });
  const heading = h('h2#appendix-relations', `Appendix: Relationships (${relations.length})`);
  return h('section.appendix', { ariaLabelledBy: 'appendix-relations' }, lines([heading, ...items]));
}

function timelineAppendix(events: BriefEvent[], linkEntity: LinkEntity, dateFormat?: DateFormatChoice): Element {
  const head = h('thead', h('tr', ['Date', 'Event', 'Entities', 'Passage'].map((title) => h('th', { scope: 'col' }, title))));
  const rows = events.map((e) =>
    h('tr', [
      h('td.date', h('time', { dateTime: e.date }, eventDate(e.date, dateFormat))),
      h('td', { dir: 'auto' }, oneLine(e.label)),
      h('td', e.entities.flatMap((ref, i) => [i > 0 ? ', ' : '', entityRef(ref, linkEntity)])),
      h('td', [h('q', sourceWords(e.passage.quote, e.passage.language), oneLine(e.passage.quote)), citation(e.passage)]),
    ]),
  );
  const heading = h('h2#appendix-timeline', `Appendix: Timeline (${events.length})`);
  return h('section.appendix', { ariaLabelledBy: 'appendix-timeline' }, lines([heading, h('table.timeline', lines([head, h('tbody', lines(rows))]))]));
}

function entityIndex(rows: NonNullable<BriefContent['entityIndex']>): Element {
  const heading = h('h2#entity-index', `Entity index (${rows.length})`);
  if (rows.length === 0) return h('section', { ariaLabelledBy: 'entity-index' }, lines([heading, h('p.empty', 'No entities named.')]));
  const head = h('thead', h('tr', [h('th', { scope: 'col' }, 'Entity'), h('th', { scope: 'col' }, 'Type'), h('th.num', { scope: 'col' }, 'Mentions'), h('th', { scope: 'col' }, 'Mentioned in')]));
  const body = rows.map((r) => {
    const where = r.mentionedIn.flatMap((m, i) => [i > 0 ? '; ' : '', m.kind === 'note' ? 'note ' : '', h('cite', { dir: 'auto' }, oneLine(m.title))]);
    return h('tr', { id: anchor('entity', r.id) }, [h('td', { dir: 'auto' }, r.name), h('td.type', ENTITY_TYPE_LABELS[r.type]), h('td.num', String(r.mentionCount)), h('td', where)]);
  });
  return h('section', { ariaLabelledBy: 'entity-index' }, lines([heading, h('table', lines([head, h('tbody', lines(body))]))]));
}

function provenanceRows(article: ArticleMeta, choice?: DateFormatChoice): ElementContent[][] {
  return provenance(article, choice).map((p) => {
    if (p.kind === 'hash') return row(p.label, h('code', p.value));
    if (p.kind === 'url' && isWebUrl(p.value)) return row(p.label, h('a', { href: p.value, rel: 'noreferrer noopener' }, p.value));
    return row(p.label, oneLine(p.value));
  });
}

function row(label: string, value: Element | string): ElementContent[] {
  return [h('dt', label), h('dd', { dir: 'auto' }, value)];
}

function paragraphs(text: string): Element[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => h('p', p));
}

/** Block children one to a line, so the file reads well as source too. */
function lines(children: (ElementContent | ElementContent[] | null)[]): ElementContent[] {
  return [newline(), ...children.filter((c) => c !== null).flatMap((c) => [...(Array.isArray(c) ? c : [c]), newline()])];
}

function newline(): ElementContent {
  return { type: 'text', value: '\n' };
}

/** An id attribute from a stored id: only the characters ids are made of. */
function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
