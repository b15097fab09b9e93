import { cleanText, firstOf, toHttpUrl, toLanguageTag } from '../metadataValues';

/** What a page states about itself, read from the untouched document (readability edits its copy). */
export interface HtmlMetadata {
  titles: string[];
  publishedDates: string[];
  authors: string[];
  outlets: string[];
  language?: string;
  url?: string;
}

type JsonObject = Record<string, unknown>;

/** Candidates in order of trust; the importer takes the first usable one after readability's own. */
export function readHtmlMetadata(document: Document): HtmlMetadata {
  const meta = (selector: string) =>
    [...document.querySelectorAll(`meta${selector}`)].map((el) => el.getAttribute('content')).filter(isString);
  const ld = jsonLdArticle(document);
  const times = ['time[itemprop="datePublished"]', 'time[pubdate]', 'article time[datetime]', 'time[datetime]'];
  return {
    titles: [...meta('[property="og:title"]'), document.title].filter(Boolean),
    publishedDates: [
      ...meta('[property="article:published_time"]'),
      ...(ld ? [ld.datePublished] : []).filter(isString),
      ...meta('[name="date" i], [name="pubdate" i], [name="publish-date" i], [name="dc.date" i], [name="dcterms.date" i]'),
      ...times.map((selector) => document.querySelector(selector)?.getAttribute('datetime')).filter(isString),
    ],
    authors: [...meta('[name="author" i]'), ...names(ld?.author)],
    outlets: [...meta('[property="og:site_name"]'), ...names(ld?.publisher)],
    language: toLanguageTag(document.documentElement.getAttribute('lang')),
    url: firstOf(
      [document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), ...meta('[property="og:url"]')],
      toHttpUrl,
    ),
  };
}

const ARTICLE_TYPE = /Article|Posting|Report|NewsArticle|Blog/i;

/** The page's schema.org article object, looking through arrays and @graph; malformed JSON-LD is ignored. */
function jsonLdArticle(document: Document): JsonObject | undefined {
  const nodes: JsonObject[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      nodes.push(value as JsonObject);
      collect((value as JsonObject)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken structured data is the page's problem, not a reason to refuse the article.
    }
  }
  const typed = (node: JsonObject) => [node['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
  return nodes.find(typed) ?? nodes.find((node) => 'datePublished' in node);
}

/** schema.org people and organisations come as a name, an object with a name, or a list of either. */
function names(value: unknown): string[] {
  if (Array.isArray(value)) {
    const all = value.flatMap(names);
    return all.length ? [all.join(', ')] : [];
  }
  const name = value && typeof value === 'object' ? (value as JsonObject).name : value;
  const text = cleanText(name);
  return text ? [text] : [];
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
