import { takeMarks } from '../../../common/text/textMarks';
import { decodeArticleBytes } from '../decodeText';
import { encodingField, type ExtractedArticle, type ExtractOptions } from '../extractedArticle';
import { requireArticleText } from '../importFailures';
import { splitFrontMatter } from './frontMatter';
import { markdownParagraphs } from './markdownParagraphs';

export function extractMarkdown(bytes: Uint8Array, file: string, options: ExtractOptions = {}): ExtractedArticle {
  const decoded = decodeArticleBytes(bytes, file, options.encoding);
  const { frontMatter = {}, body } = splitFrontMatter(decoded.text);
  const { paragraphs, opensWithTitle } = markdownParagraphs(body);
  let title = frontMatter.title;
  // An opening `# Heading` is the title; when front matter states the same title it is not repeated either.
  if (opensWithTitle && (title === undefined || title === paragraphs[0])) title = paragraphs.shift();
  const { text, marks } = takeMarks(paragraphs.join('\n\n'));
  requireArticleText(text, file);
  return { ...frontMatter, title, text, ...(marks.length > 0 ? { marks } : {}), mediaType: 'text/markdown', ...encodingField(decoded.encoding) };
}
