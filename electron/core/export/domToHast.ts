import type { ElementContent } from 'hast';
import { h } from 'hastscript';

/**
 * DOM nodes (from jsdom, after sanitising) as hast, so they join a page built as a syntax tree and
 * are escaped by its serialiser like everything else on it. Comments and other node kinds are
 * dropped: a brief has no use for them.
 */
export function domToHast(nodes: Node[]): ElementContent[] {
  return nodes.flatMap(toHast);
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function toHast(node: Node): ElementContent[] {
  if (node.nodeType === TEXT_NODE) return [{ type: 'text', value: node.textContent ?? '' }];
  if (node.nodeType !== ELEMENT_NODE) return [];
  const element = node as Element;
  const tag = element.localName;
  // The serialiser writes the text of script and style as it is; the sanitiser has removed both already.
  if (tag === 'script' || tag === 'style') return [];
  const children = [...element.childNodes].flatMap(toHast);
  // hastscript reads `.` and `#` in a name as class and id; a name that is not plain HTML keeps only its content.
  if (!/^[a-z][a-z0-9]*$/.test(tag)) return children;
  return [h(tag, Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])), children)];
}
