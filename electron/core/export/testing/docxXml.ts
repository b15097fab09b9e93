import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';

/** Reading a .docx back in tests: its parts parsed with a strict XML parser, and WordprocessingML queries. */

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

const { DOMParser } = new JSDOM('').window;

export interface DocxPackage {
  names: string[];
  /** The raw text of a part, or throws if the package has no such part. */
  raw(name: string): string;
  /** A part parsed as XML; throws with the parser's message if it is not well-formed. */
  xml(name: string): Document;
}

export function readDocx(bytes: Uint8Array): DocxPackage {
  const files = unzipSync(bytes);
  const raw = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`The package has no ${name}; it has ${Object.keys(files).join(', ')}`);
    return strFromU8(file);
  };
  return { names: Object.keys(files), raw, xml: (name) => parseXml(raw(name), name) };
}

export function parseXml(text: string, name = 'XML'): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${name} is not well-formed: ${error.textContent}`);
  return doc;
}

export function all(node: Document | Element, localName: string, ns = W): Element[] {
  return Array.from(node.getElementsByTagNameNS(ns, localName));
}

export function attr(el: Element, localName: string, ns = W): string | null {
  return el.getAttributeNS(ns, localName);
}

/** The text a reader sees in an element: w:t, with w:tab as a tab and w:br as a line break. */
export function textOf(node: Element): string {
  let out = '';
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (child.namespaceURI === W && child.localName === 't') out += child.textContent ?? '';
      else if (child.namespaceURI === W && child.localName === 'tab' && el.localName === 'r') out += '\t';
      else if (child.namespaceURI === W && child.localName === 'br') out += '\n';
      else walk(child);
    }
  };
  walk(node);
  return out;
}

/** Every body paragraph with its style id and text, in document order. */
export function paragraphs(doc: Document): { style: string | null; text: string; el: Element }[] {
  return all(doc, 'p').map((el) => {
    const pStyle = all(el, 'pStyle')[0];
    return { style: pStyle ? attr(pStyle, 'val') : null, text: textOf(el), el };
  });
}

/** The text between a comment's w:commentRangeStart and w:commentRangeEnd, across runs and paragraphs. */
export function commentedText(doc: Document, id: number): string {
  let inside = false;
  let out = '';
  let done = false;
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (done) return;
      if (child.namespaceURI === W && child.localName === 'commentRangeStart' && attr(child, 'id') === String(id)) inside = true;
      else if (child.namespaceURI === W && child.localName === 'commentRangeEnd' && attr(child, 'id') === String(id)) done = true;
      else if (inside && child.namespaceURI === W && child.localName === 't') out += child.textContent ?? '';
      else if (inside && child.namespaceURI === W && child.localName === 'tab' && el.localName === 'r') out += '\t';
      else if (inside && child.namespaceURI === W && child.localName === 'br') out += '\n';
      else walk(child);
      if (inside && !done && child.namespaceURI === W && child.localName === 'p') out += '\n';
    }
  };
  walk(doc.documentElement);
  if (!done) throw new Error(`Comment ${id} has no range end`);
  return out;
}

export interface WordComment {
  id: number;
  author: string | null;
  text: string;
  paraId: string | null;
}

export function comments(doc: Document): WordComment[] {
  return all(doc, 'comment').map((el) => {
    const ps = all(el, 'p');
    return {
      id: Number(attr(el, 'id')),
      author: attr(el, 'author'),
      text: ps.map(textOf).join('\n'),
      paraId: ps.at(-1)?.getAttributeNS('http://schemas.microsoft.com/office/word/2010/wordml', 'paraId') ?? null,
    };
  });
}

/**
 * The child order the WordprocessingML schema requires for properties; Word reports a file with
 * properties out of order as unreadable, while LibreOffice opens it anyway, so a conversion check
 * alone would not catch it.
 */
const SCHEMA_ORDER: Record<string, string[]> = {
  pPr: 'pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange'.split(' '),
  rPr: 'ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange'.split(' '),
  tblPr: 'tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange'.split(' '),
  trPr: 'cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden ins del trPrChange'.split(' '),
  tcPr: 'cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange'.split(' '),
};

/** Property elements whose children are unknown or out of the schema's order, as "pPr: a,b,c". */
export function schemaOrderProblems(doc: Document): string[] {
  const problems: string[] = [];
  for (const [name, order] of Object.entries(SCHEMA_ORDER)) {
    for (const el of all(doc, name)) {
      const ranks = Array.from(el.children).map((c) => (c.namespaceURI === W ? order.indexOf(c.localName) : -1));
      if (ranks.some((r, i) => r === -1 || (i > 0 && r < ranks[i - 1]!))) problems.push(`${name}: ${Array.from(el.children, (c) => c.localName).join(',')}`);
    }
  }
  return problems;
}
