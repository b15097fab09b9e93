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
  /**
   * The encoding a text file was read in (a WHATWG name), when it was not UTF-8: kept with the
   * version as provenance, so the original bytes can be read again the same way.
   */
  encoding?: string;
}

/** How a file is to be read, when the analyst said. */
export interface ExtractOptions {
  /** The text encoding the analyst chose (any label TextDecoder knows), after Dossier asked. */
  encoding?: string;
}

/** The `encoding` field of an extracted article: only a text not read as UTF-8 carries one. */
export function encodingField(encoding: string): Pick<ExtractedArticle, 'encoding'> {
  return encoding === 'utf-8' ? {} : { encoding };
}

/** Largest file of each kind Dossier imports (documented in the README). */
export const IMPORT_LIMITS_BYTES = {
  text: 20 * 1024 * 1024,
  html: 20 * 1024 * 1024,
  pdf: 100 * 1024 * 1024,
} as const;
