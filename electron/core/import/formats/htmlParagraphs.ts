/**
 * Sanitised article DOM → plain-text paragraphs, the way a reader sees them: every block
 * element starts a paragraph, `<br>` is a line break, a table row is one paragraph of cells
 * joined by " | ", whitespace collapses except inside <pre>. Works on nodeType numbers because
 * the DOM classes live in the jsdom window, not in Node's globals.
 */
const ELEMENT = 1;
const TEXT = 3;
const DOCUMENT = 9;
const FRAGMENT = 11;

const BLOCKS = new Set(
  'address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody tfoot thead ul'.split(
    ' ',
  ),
);
const SKIPPED = new Set('script style template noscript iframe object embed svg canvas audio video select button textarea head title'.split(' '));

export function htmlParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
      .join('\n')
      .trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === TEXT) {
      current += (node.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== FRAGMENT && node.nodeType !== DOCUMENT) return;
    const tag = node.nodeType === ELEMENT ? (node as Element).localName : '';
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      current += '\n';
    } else if (tag === 'pre') {
      flush();
      paragraphs.push(...nonEmpty((node.textContent ?? '').replace(/^\n+|\s+$/g, '')));
    } else if (tag === 'tr') {
      flush();
      const cells = [...(node as Element).children].filter((cell) => cell.localName === 'td' || cell.localName === 'th');
      paragraphs.push(...nonEmpty(cells.map((cell) => htmlParagraphs(cell).join(' ')).filter(Boolean).join(' | ')));
    } else if (BLOCKS.has(tag)) {
      flush();
      node.childNodes.forEach(walk);
      flush();
    } else {
      node.childNodes.forEach(walk);
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

function nonEmpty(text: string): string[] {
  return text.trim() ? [text] : [];
}
