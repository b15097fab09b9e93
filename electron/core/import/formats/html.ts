import { Readability } from '@mozilla/readability';
import createDOMPurify, { type WindowLike } from 'dompurify';
import { takeMarks, withoutSentinels } from '../../../common/text/textMarks';
import { encodingField, type ExtractedArticle, type ExtractOptions } from '../extractedArticle';
import { requireArticleText } from '../importFailures';
import { cleanText, firstOf, toIsoDate, toLanguageTag } from '../metadataValues';
import { removeBoilerplate } from './boilerplate';
import { isBylineParagraph } from './byline';
import { decodeHtml } from './decodeHtml';
import { readHtmlMetadata } from './htmlMetadata';
import { htmlParagraphs } from './htmlParagraphs';
import { parseInertHtml } from './inertDom';

/**
 * A saved web page → its article. Readability finds the article in a copy of the page; its
 * output is HTML built from untrusted markup, so DOMPurify cleans it before any text is read
 * from it. Nothing on the page runs or loads (see inertDom.ts).
 */
export function extractHtml(bytes: Uint8Array, file: string, options: ExtractOptions = {}): ExtractedArticle {
  const decoded = decodeHtml(bytes, file, options.encoding);
  const dom = parseInertHtml(decoded.text);
  try {
    const { window } = dom;
    const stated = readHtmlMetadata(window.document);
    const copy = window.document.cloneNode(true) as Document;
    removeBoilerplate(copy);
    const article = new Readability(copy).parse();
    const purify = createDOMPurify(window as unknown as WindowLike);
    const content = purify.sanitize(article?.content ?? '', { RETURN_DOM_FRAGMENT: true });
    const title = firstOf([article?.title, ...stated.titles], cleanText);
    let paragraphs = htmlParagraphs(content);
    // Readability usually drops the headline from the body, but not always; the title is shown once.
    if (title !== undefined && paragraphs[0] === title) paragraphs.shift();
    const author = firstOf([article?.byline, ...stated.authors], byline);
    // Likewise the byline, which the reader shows in the article's header: once is enough.
    if (paragraphs.length > 1 && isBylineParagraph(withoutSentinels(paragraphs[0]!), author)) paragraphs = paragraphs.slice(1);
    const { text, marks } = takeMarks(paragraphs.join('\n\n'));
    return {
      text: requireArticleText(text, file),
      ...(marks.length > 0 ? { marks } : {}),
      mediaType: 'text/html',
      title,
      published: firstOf([article?.publishedTime, ...stated.publishedDates], toIsoDate),
      author,
      outlet: firstOf([article?.siteName, ...stated.outlets], cleanText),
      language: stated.language ?? toLanguageTag(article?.lang),
      url: stated.url,
      ...encodingField(decoded.encoding),
    };
  } finally {
    dom.window.close();
  }
}

function byline(value: unknown): string | undefined {
  return cleanText(cleanText(value)?.replace(/^by\s+/i, ''));
}
