import type { DateFormatChoice } from '../../../common/model/settings';
import {
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  Tab,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Annotation, type Grading } from '../../../common/model/annotation';
import type { Palette, PaletteEntry } from '../../../common/model/palette';
import type { BriefSource } from '../briefContent';
import { afterTitle, excerptCitation, gradingText, provenance as provenanceRows } from '../briefText';
import type { DocxParts } from './docxParts';
import { ACCENT, META_TABS, MONO_FONT, MUTED, RULE, STYLE } from './docxStyles';
import { bidiClosers, commentDate, initialsOf, isRtl, safeLink, textRuns, xmlSafe } from './docxText';
import { isRtlPassage, sourceRuns } from './sourceRuns';

/**
 * One source article: its provenance, its annotated excerpts in document order, then the
 * annotations whose passage is not in the current version. Each excerpt's quote carries a real
 * Word comment (with the replies as a thread) anchored on exactly the quoted words.
 */
export function sourceToDocx(source: BriefSource, parts: DocxParts, palette: Palette, dateFormat?: DateFormatChoice): Paragraph[] {
  const { article } = source;
  const out: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      bidirectional: isRtlPassage(article.title, article.language) || undefined,
      children: [new Bookmark({ id: parts.bookmarkFor('article', article.id), children: sourceRuns(article.title, article.language) })],
    }),
    ...provenance(source, dateFormat),
  ];

  out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns(`Annotated excerpts (${source.excerpts.length})`) }));
  if (source.excerpts.length === 0) out.push(new Paragraph({ children: textRuns('No annotated passages.', { italics: true }) }));
  source.excerpts.forEach((annotation, i) => out.push(...excerpt(annotation, `${i + 1}`, source, parts, palette, dateFormat)));

  if (source.orphans.length > 0) {
    out.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns(`Not found in the current version (${source.orphans.length})`) }),
      new Paragraph({
        children: textRuns(
          'These passages were annotated in an earlier version of the article and could not be placed in the current text. ' +
            'They are shown with the words they had then.',
          { italics: true },
        ),
      }),
    );
    source.orphans.forEach((annotation) => out.push(...excerpt(annotation, 'Not found', source, parts, palette, dateFormat)));
  }
  return out;
}

function provenance({ article }: BriefSource, dateFormat?: DateFormatChoice): Paragraph[] {
  const rows: [string, ParagraphChild[]][] = provenanceRows(article, dateFormat).map(({ label, value, kind }) => {
    const link = kind === 'url' ? safeLink(value) : null;
    // Only a web address becomes a link; anything else the analyst typed there is shown as text.
    if (link) return [label, [new ExternalHyperlink({ link, children: textRuns(value, { style: STYLE.hyperlink }) })]];
    return [label, textRuns(value, kind === 'hash' ? { font: MONO_FONT, size: 16 } : {})];
  });
  return rows.map(([label, value], i) => {
    const last = i === rows.length - 1;
    return new Paragraph({
      style: STYLE.meta,
      tabStops: [...META_TABS],
      keepNext: !last,
      spacing: last ? { after: 200 } : undefined,
      children: [new TextRun({ text: label, bold: true }), new TextRun({ children: [new Tab()] }), ...value],
    });
  });
}

function excerpt(a: Annotation, label: string, source: BriefSource, parts: DocxParts, palette: Palette, dateFormat?: DateFormatChoice): Paragraph[] {
  const colour = colourOf(a, palette);
  const exact = a.target.quote.exact;
  const { language } = source.article;
  const thread = commentThread(a, colour, parts);
  const quote = new Paragraph({
    style: STYLE.quote,
    keepNext: true,
    bidirectional: isRtlPassage(exact, language) || undefined,
    border: { left: { style: 'single', size: 18, color: colour ? hex(colour.color) : RULE, space: 8 } },
    children: [
      ...thread.map((id) => new CommentRangeStart(id)),
      ...sourceRuns(exact, language, {}, { keepBidiOpen: true }),
      // Each comment of the thread ends on the same words, as Word writes a thread.
      ...thread.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
      // Outside the range, so the comment holds exactly the quoted words.
      ...textRuns(bidiClosers(xmlSafe(exact))),
    ],
  });
  return [labelLine(a, label, colour), quote, citationLine(a, source, dateFormat)];
}

/** The visible badge line: number, colour meaning (a square of the colour and its name), grading. */
function labelLine(a: Annotation, label: string, colour: PaletteEntry | null): Paragraph {
  const children: ParagraphChild[] = [new TextRun({ text: label, bold: true, color: ACCENT })];
  const separator = () => new TextRun({ text: '   ' });
  if (colour) {
    children.push(separator(), new TextRun({ text: '■ ', color: hex(colour.color) }), ...textRuns(colour.label, { bold: true }));
  }
  if (a.grading) children.push(separator(), ...gradingRuns(a.grading));
  if (a.status === 'drifted') children.push(separator(), new TextRun({ text: 'Wording changed since annotated', italics: true }));
  return new Paragraph({ style: STYLE.excerptLabel, children });
}

/** The Admiralty code on a dark chip, then its words. */
export function gradingRuns({ reliability, credibility }: Grading): TextRun[] {
  return [
    new TextRun({ text: ` ${reliability}${credibility} `, bold: true, color: 'FFFFFF', shading: { type: 'clear', fill: ACCENT, color: 'auto' } }),
    new TextRun({ text: ` ${RELIABILITY_LABELS[reliability]}; ${CREDIBILITY_LABELS[credibility].toLowerCase()}` }),
  ];
}

function citationLine(a: Annotation, source: BriefSource, dateFormat?: DateFormatChoice): Paragraph {
  return citationParagraph({ ...excerptCitation(source, a, dateFormat), language: source.article.language });
}

/** "— Title, date, ¶ 4" under a quote; the title in the article's language. */
export function citationParagraph({ title, where, language }: { title: string; where: string; language?: string | null }): Paragraph {
  return new Paragraph({
    style: STYLE.citation,
    children: [new TextRun({ text: '— ' }), ...sourceRuns(title, language, { italics: true }), ...textRuns(afterTitle(where))],
  });
}

/**
 * Adds the annotation's comment and one reply comment per reply; returns their ids, the
 * annotation's own first. Tags, colour meaning and grading go into the comment too, so a reader
 * working through Word's comment pane sees the whole annotation.
 */
function commentThread(a: Annotation, colour: PaletteEntry | null, parts: DocxParts): number[] {
  const body = textParagraphs(a.comment);
  if (body.length === 0) body.push(new Paragraph({ style: STYLE.commentText, children: textRuns('Highlighted without a comment.', { italics: true }) }));
  const details: string[] = [];
  if (colour) details.push(`Colour: ${colour.label}`);
  if (a.grading) details.push(`Grading: ${gradingText(a.grading)}`);
  if (a.tags.length > 0) details.push(`Tags: ${a.tags.join(', ')}`);
  if (a.status === 'drifted') details.push('The wording changed since it was annotated.');
  if (a.status === 'orphaned') details.push(`Not found in the current version; annotated in version ${a.target.version}.`);
  const detailParagraphs = details.map((line) => new Paragraph({ style: STYLE.commentMeta, bidirectional: isRtl(line) || undefined, children: textRuns(line) }));

  const id = parts.addComment({ ...authorOf(a.creator.name, a.created), children: [...body, ...detailParagraphs] });
  const replies = a.replies.map((reply) =>
    parts.addComment({
      ...authorOf(reply.creator.name, reply.created),
      parentId: id,
      children: nonEmpty(textParagraphs(reply.body)),
    }),
  );
  return [id, ...replies];
}

function authorOf(name: string, created: string): { author: string; initials: string; date?: Date } {
  const date = commentDate(created);
  return { author: xmlSafe(name) || 'Analyst', initials: initialsOf(name), ...(date ? { date } : {}) };
}

/** Plain text as paragraphs, one per line, each laid out in its own direction. */
function textParagraphs(text: string): Paragraph[] {
  return xmlSafe(text)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => new Paragraph({ style: STYLE.commentText, bidirectional: isRtl(line) || undefined, children: textRuns(line) }));
}

function nonEmpty(paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.length > 0 ? paragraphs : [new Paragraph({ style: STYLE.commentText })];
}

function colourOf(a: Annotation, palette: Palette): PaletteEntry | null {
  return palette.find((p) => p.key === a.color) ?? null;
}

/** Word wants RRGGBB; a palette colour that is not one (it is validated on save, not here) falls back to grey. */
function hex(cssColour: string): string {
  const value = cssColour.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(value) ? value : MUTED;
}
