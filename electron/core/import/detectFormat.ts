export type ArticleFormat = 'pdf' | 'html' | 'markdown' | 'text';

const EXTENSIONS: Record<string, ArticleFormat> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

/**
 * What the bytes are, by content first and by the file name second: downloads are often
 * misnamed (a PDF saved as `.txt`, a page saved without an extension). Markdown has no
 * signature, so only its extension tells it from plain text.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): ArticleFormat {
  const head = sniffText(bytes.subarray(0, 1024));
  if (/^[\s]*%PDF-/.test(head)) return 'pdf';
  if (looksLikeHtml(head)) return 'html';
  const dot = fileName.lastIndexOf('.');
  const extension = dot > fileName.search(/[^/\\]*$/) ? fileName.slice(dot).toLowerCase() : '';
  return EXTENSIONS[extension] ?? 'text';
}

/** A leading doctype, <html>, <head> or <body>, after any BOM, whitespace, comments and XML declaration. */
function looksLikeHtml(head: string): boolean {
  const rest = head.replace(/^(?:\s+|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*/, '');
  return /^<(?:!doctype\s+html|html|head|body)[\s>/]/i.test(rest);
}

/** The start of the file as characters: UTF-16 by its BOM (or its zero bytes), else byte by byte. */
function sniffText(bytes: Uint8Array): string {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0)) return new TextDecoder('utf-16le').decode(bytes);
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c)) return new TextDecoder('utf-16be').decode(bytes);
  // latin1 keeps every ASCII byte as itself, which is all the signatures need; it drops a UTF-8 BOM as "ï»¿".
  return new TextDecoder('latin1').decode(bytes).replace(/^\u00ef\u00bb\u00bf/, '');
}
