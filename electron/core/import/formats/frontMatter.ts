import { parse } from 'yaml';
import { cleanText, firstOf, toHttpUrl, toIsoDate, toLanguageTag } from '../metadataValues';

export interface FrontMatter {
  title?: string;
  url?: string;
  author?: string;
  outlet?: string;
  published?: string;
  language?: string;
}

export interface SplitDocument {
  /** Undefined when there is no front matter or it is not valid YAML mapping. */
  frontMatter?: FrontMatter;
  body: string;
}

// The fence must open the file; a closing `...` is YAML's own end-of-document marker.
const FENCED = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Separates YAML front matter from the Markdown body. A fenced block that is not valid YAML is
 * still cut off: it is metadata someone mistyped, and must not show up as article text.
 *
 * `strict` (plain text, where `---` lines are ordinary text too): the block is front matter only
 * when it is a YAML mapping stating at least one field Dossier reads; otherwise nothing is cut.
 */
export function splitFrontMatter(source: string, { strict = false } = {}): SplitDocument {
  const fenced = FENCED.exec(source);
  if (!fenced) return { body: source };
  const body = source.slice(fenced[0].length);
  const unread = strict ? { body: source } : { body };
  let data: unknown;
  try {
    data = parse(fenced[1] ?? '', { logLevel: 'error' });
  } catch {
    return unread;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return unread;
  const frontMatter = readFields(data as Record<string, unknown>);
  if (strict && Object.keys(frontMatter).length === 0) return unread;
  return { frontMatter, body };
}

function readFields(data: Record<string, unknown>): FrontMatter {
  const fields = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));
  const pick = (...keys: string[]) => keys.map((key) => fields.get(key));
  const entries = Object.entries({
    title: firstOf(pick('title'), cleanText),
    url: firstOf(pick('url', 'source'), toHttpUrl),
    author: firstOf(pick('author', 'authors'), authorName),
    // `source: The Tribune` names the outlet; `source: https://…` is the article's URL (above).
    outlet: firstOf(pick('outlet', 'publication', 'site', 'source'), outletName),
    published: firstOf(pick('published', 'date'), toIsoDate),
    language: firstOf(pick('language', 'lang'), toLanguageTag),
  }).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries) as FrontMatter;
}

function outletName(value: unknown): string | undefined {
  return toHttpUrl(value) === undefined ? cleanText(value) : undefined;
}

/** `author: A`, `author: [A, B]` or `author: {name: A}`. */
function authorName(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const names = value.map(authorName).filter((name) => name !== undefined);
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return cleanText((value as { name?: unknown }).name);
  return cleanText(value);
}
