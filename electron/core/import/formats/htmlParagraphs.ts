import { closeMark, openMark, withoutSentinels } from '../../../common/text/textMarks';

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

/** Spaces before a list item per level of nesting, and the bullets by level, as for Markdown. */
const INDENT = '    ';
const BULLETS = ['•', '◦', '▪'];
const MARKS: Record<string, 'strong' | 'emphasis'> = { strong: 'strong', b: 'strong', em: 'emphasis', i: 'emphasis' };
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * List items keep their markers ("• ", "1. ", nested ones indented) and <strong>/<b>, <em>/<i>
 * are kept as mark sentinels (see textMarks.ts), except in headings: a heading may be the title.
 */
export function htmlParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  /** The marker the next paragraph starts with: set by a list item, used once. */
  let lead = '';
  const lists: { ordered: boolean; next: number }[] = [];
  let inHeading = 0;
  const flush = () => {
    const paragraph = current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
      .join('\n')
      .trim();
    current = '';
    if (!withoutSentinels(paragraph).trim()) {
      // Only marks (<b><p>…</p></b> opens bold before the paragraph): they carry on into the next one.
      current = paragraph.replace(/[^\uE000-\uE003]/g, '');
      return;
    }
    paragraphs.push(lead + paragraph);
    lead = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === TEXT) {
      current += withoutSentinels(node.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== FRAGMENT && node.nodeType !== DOCUMENT) return;
    const tag = node.nodeType === ELEMENT ? (node as Element).localName : '';
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      current += '\n';
    } else if (tag === 'pre') {
      flush();
      paragraphs.push(...nonEmpty(withoutSentinels(node.textContent ?? '').replace(/^\n+|\s+$/g, '')));
    } else if (tag === 'tr') {
      flush();
      const cells = [...(node as Element).children].filter((cell) => cell.localName === 'td' || cell.localName === 'th');
      paragraphs.push(...nonEmpty(cells.map((cell) => htmlParagraphs(cell).join(' ')).filter(Boolean).join(' | ')));
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      const start = Number.parseInt((node as Element).getAttribute('start') ?? '', 10);
      lists.push({ ordered: tag === 'ol', next: Number.isFinite(start) ? start : 1 });
      node.childNodes.forEach(walk);
      flush();
      lists.pop();
    } else if (tag === 'li') {
      flush();
      const list = lists[lists.length - 1];
      const depth = Math.max(0, lists.length - 1);
      const marker = list?.ordered ? `${list.next++}.` : BULLETS[Math.min(depth, BULLETS.length - 1)]!;
      lead = `${INDENT.repeat(depth)}${marker} `;
      node.childNodes.forEach(walk);
      flush();
      lead = '';
    } else if (MARKS[tag] && inHeading === 0) {
      const kind = MARKS[tag];
      current += openMark(kind);
      node.childNodes.forEach(walk);
      current += closeMark(kind);
    } else if (BLOCKS.has(tag)) {
      flush();
      if (HEADINGS.has(tag)) inHeading++;
      node.childNodes.forEach(walk);
      flush();
      if (HEADINGS.has(tag)) inHeading--;
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
