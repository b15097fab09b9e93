/**
 * A page's byline is often both in its metadata and in the article body ("By Ines Calloway,
 * transport correspondent"): the reader shows the author in the header, so a leading paragraph
 * that is only the byline is dropped from the text. Only a short line that is the author's name,
 * with "By" before it and a role after it at most, counts: a sentence that mentions the author
 * stays.
 */
const MAX_BYLINE = 160;
const ROLE = /^\s*(?:[,|·•–—-]|\band\b)\s*[^.!?\n]{0,100}$/iu;

export function isBylineParagraph(paragraph: string, author: string | undefined): boolean {
  if (!author) return false;
  const line = fold(paragraph);
  if (!line || line.length > MAX_BYLINE) return false;
  const name = fold(author).replace(/^by\s+/, '');
  if (!name) return false;
  const rest = line.replace(/^(?:by|written by|words by|text by)\s*:?\s+/, '').replace(/[.\s]+$/, '');
  if (rest === name) return true;
  return rest.startsWith(name) && ROLE.test(rest.slice(name.length));
}

function fold(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
}
