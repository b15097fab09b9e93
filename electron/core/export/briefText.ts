import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Annotation, type Grading } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';
import type { Palette } from '../../common/model/palette';
import type { CitationFields } from '../../common/notes/nodes/CitationNode';
import type { DateFormatChoice } from '../../common/model/settings';
import { formatDate } from '../../common/text/dateFormat';
import { languageLabel } from '../../common/text/languageTag';
import type { BriefContent, BriefSource } from './briefContent';

/**
 * The wording every brief format shares (grading, colour meaning, citations), so a Markdown, HTML
 * and PDF brief of the same content say the same thing. Plain text: each format puts it in its
 * syntax tree (or document) as text, and that format's serialiser escapes it.
 */

export function gradingText(grading: Grading): string {
  const { reliability, credibility } = grading;
  return `${reliability}${credibility} (${RELIABILITY_LABELS[reliability].toLowerCase()}; ${CREDIBILITY_LABELS[credibility].toLowerCase()})`;
}

/** What the analyst named the highlight's colour, or null (no colour, or one no longer in the palette). */
export function colourMeaning(a: Annotation, palette: Palette): string | null {
  return palette.find((p) => p.key === a.color)?.label ?? null;
}

export function colourOf(a: Annotation, palette: Palette): string | null {
  return palette.find((p) => p.key === a.color)?.color ?? null;
}

export function articleDate(article: { published: string | null }, choice?: DateFormatChoice): string {
  return article.published ? shortDate(article.published, choice) : 'undated';
}

/**
 * Where an excerpt comes from: title, date (or the version it was made on, for an orphan) and the
 * paragraphs it is in, numbered as the reader shows them ("¶ 4"): a reader of the brief can find
 * a paragraph; character offsets meant nothing to anyone.
 */
export function excerptCitation({ article, places }: Pick<BriefSource, 'article' | 'places'>, a: Annotation, choice?: DateFormatChoice): { title: string; where: string } {
  const when = a.status === 'orphaned' ? `version ${a.target.version}` : articleDate(article, choice);
  return { title: article.title, where: joinWhere(when, places?.[a.id]) };
}

/** The key of a note's citation in `CitedArticle.places`. */
export function citationKey(c: Pick<CitationFields, 'annotationId' | 'start' | 'end'>): string {
  return `${c.annotationId ?? ''}@${c.start}-${c.end}`;
}

/** What follows a cited title: ", 2025-05-04, ¶ 4", or nothing when nothing is known of where. */
export function afterTitle(where: string): string {
  return where ? `, ${where}` : '';
}

function joinWhere(...parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(', ');
}

/** A note's citation: the article's current title and date when known, and whether the passage was deleted since. */
export function noteCitation(content: BriefContent, c: CitationFields): { title: string; where: string; deleted: boolean } {
  const article = content.citedArticles?.[c.articleId];
  const deleted = c.annotationId !== null && (article?.deletedAnnotations.includes(c.annotationId) ?? false);
  const date = article ? articleDate(article, content.dateFormat) : null;
  return {
    title: article?.title ?? c.source,
    where: joinWhere(date, article?.places?.[citationKey(c)], deleted ? 'passage deleted' : null),
    deleted,
  };
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A date for people, as the app's setting says (the ISO day when none is given). */
export function shortDate(iso: string, choice?: DateFormatChoice): string {
  return choice ? formatDate(iso, choice) : iso.slice(0, 10);
}

/**
 * A timeline event's date for people, as precise as it is known ("2014", "November 2024",
 * "5 May 2025" or "2025-05-05"); the ISO date itself when no format is given.
 */
export function eventDate(date: string, choice?: DateFormatChoice): string {
  return choice ? formatDate(date, choice) : date;
}

/** The one article a brief is about, when it is a brief of one article: its header then shows the article's provenance. */
export function singleArticle(content: BriefContent): ArticleMeta | null {
  const articles = content.sections.filter((s) => s.kind === 'article');
  if (articles.length !== 1 || articles[0]!.kind !== 'article') return null;
  const { article } = articles[0]!.source;
  return article.title === content.title ? article : null;
}

/** Provenance lines of an article, in the order every format shows them; absent values are left out. */
export function provenance(article: ArticleMeta, choice?: DateFormatChoice): { label: string; value: string; kind?: 'url' | 'hash' }[] {
  const version = article.versions.find((v) => v.version === article.version) ?? article.versions[article.versions.length - 1]!;
  const rows: { label: string; value: string | null; kind?: 'url' | 'hash' }[] = [
    { label: 'Outlet', value: article.outlet },
    { label: 'Author', value: article.author },
    { label: 'Published', value: articleDate(article, choice) },
    { label: 'Language', value: article.language ? languageLabel(article.language) : null },
    { label: 'Source', value: article.source },
    { label: 'URL', value: article.url, kind: 'url' },
    { label: 'Imported', value: shortDate(article.importedAt, choice) },
    { label: 'Version', value: article.versions.length > 1 ? `${version.version} of ${article.versions.length}` : null },
    { label: 'SHA-256', value: version.sha256, kind: 'hash' },
  ];
  return rows.filter((r): r is { label: string; value: string; kind?: 'url' | 'hash' } => Boolean(r.value));
}

/** Only http(s) addresses become links: the URL is editable, and `javascript:` must never be one. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/\S/i.test(url);
}

/** What a flagged relationship says in every format, so the mark never depends on colour or style. */
export const FLAGGED_RELATION = 'Flagged: no supporting passage is left in the articles';

/** When a relationship held, as far as the analyst recorded it: "2017 – 2020", "since 2017", "until 2020", or null. */
export function relationPeriod({ start, end }: { start: string | null; end: string | null }): string | null {
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return `since ${start}`;
  if (end) return `until ${end}`;
  return null;
}

/** An appendix's entity by its name now; one deleted since still reads as something. */
export function entityName(ref: { name: string | null }): string {
  return ref.name === null ? 'a deleted entity' : oneLine(ref.name);
}
