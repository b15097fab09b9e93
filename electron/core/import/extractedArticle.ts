import type { TextMark } from '../../common/model/article';

/**
 * What a format importer gets out of a file: the article's text with paragraphs separated by
 * blank lines (before Dossier's one normalisation), and whatever provenance the file itself states.
 */
export interface ExtractedArticle {
  text: string;
  /** Bold and italic runs of `text`, when the format has them (Markdown, HTML). */
  marks?: TextMark[];
  /** IANA media type of the original file: text/plain, text/markdown, text/html, application/pdf. */
  mediaType: string;
  title?: string;
  /** ISO date (YYYY-MM-DD) when the file states one. */
  published?: string;
  author?: string;
  /** The publication (site name, newspaper). */
  outlet?: string;
  /** BCP 47 language tag when the file states one (html lang, front matter). */
  language?: string;
  /** The article's URL when the file states one (canonical link, og:url, front matter). */
  url?: string;
}

/** Largest file of each kind Dossier imports (documented in the README). */
export const IMPORT_LIMITS_BYTES = {
  text: 20 * 1024 * 1024,
  html: 20 * 1024 * 1024,
  pdf: 100 * 1024 * 1024,
} as const;
