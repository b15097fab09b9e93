/**
 * Positioned PDF text runs → the article's paragraphs. A PDF has no paragraphs, only glyph runs
 * at coordinates (y grows upwards), so the layout is read back the way a reader reads it:
 * runs on one baseline form a line; a larger gap, a change of type size, an indented first line
 * or a short line ending a sentence starts a paragraph; lines repeated at the top or bottom of
 * the pages (running heads, page numbers) are not the article.
 */
export interface PdfTextRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Type size. */
  size: number;
  rtl: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
  /** Set right to left: it starts at the right margin and its last line ends short on the left. */
  rtl: boolean;
}

const TERMINAL = /[.!?:…"”’»)\]。！？؟۔।]$/u;
const BULLET = /^(?:[•·▪◦‣*–-]|\d{1,3}[.)])\s/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Pages in order, each the runs of one page → paragraphs. */
export function pdfParagraphs(pages: PdfTextRun[][]): string[] {
  const lines = dropRunningLines(pages.map(pageLines));
  const spacing = median(lines.flatMap((page) => page.slice(1).map((line, i) => page[i]!.y - line.y)).filter((gap) => gap > 0));
  const paragraphs: string[] = [];
  for (const page of lines) {
    const margin = Math.min(...page.map((line) => line.x));
    const right = Math.max(...page.map((line) => line.right));
    let current: string | undefined;
    page.forEach((line, i) => {
      const previous = page[i - 1];
      if (current === undefined) {
        // A page break ends a paragraph unless the sentence visibly runs on.
        const last = paragraphs.at(-1);
        if (last !== undefined && !TERMINAL.test(last) && /^\p{Ll}/u.test(line.text)) current = joinLines(paragraphs.pop()!, line.text);
        else current = line.text;
      } else if (previous && startsParagraph(previous, line, { spacing, margin, right })) {
        paragraphs.push(current);
        current = line.text;
      } else {
        current = joinLines(current, line.text);
      }
    });
    if (current !== undefined) paragraphs.push(current);
  }
  return paragraphs;
}

function startsParagraph(previous: Line, line: Line, page: { spacing: number; margin: number; right: number }): boolean {
  const em = Math.max(line.size, previous.size);
  // The median gap is the leading when most gaps are between lines; on a page of one-line
  // paragraphs it is the paragraph gap itself, so it is capped at a generous leading for the type.
  const leading = Math.min(page.spacing || Infinity, 1.5 * em);
  if (previous.y - line.y > 1.5 * leading) return true;
  if (Math.abs(line.size - previous.size) > 0.15 * em) return true;
  // Indents and short last lines are measured from where a line starts: the right margin in Arabic or Hebrew.
  const indent = (l: Line) => (l.rtl ? page.right - l.right : l.x - page.margin);
  if (indent(line) > 0.5 * em && Math.abs(indent(line) - indent(previous)) > 0.5 * em && !BULLET.test(previous.text)) return true;
  const short = previous.rtl ? previous.x - page.margin : page.right - previous.right;
  return short > 3 * em && TERMINAL.test(previous.text);
}

/**
 * A word split at a line end ("co-" + "operation") is mended; a hyphen before a capital or a
 * digit ("Indo-" + "Pacific", "2019-" + "20") is a real one and stays.
 */
export function joinLines(before: string, after: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
  if (/[\p{L}\p{N}][-\u2010]$/u.test(before)) {
    return /\p{L}.$/u.test(before) && /^\p{Ll}/u.test(after) ? before.slice(0, -1) + after : before + after;
  }
  if (CJK.test(before.at(-1) ?? '') && CJK.test(after[0] ?? '')) return before + after;
  return `${before} ${after}`;
}

/** Runs on one baseline (within half a type size) are one line, read left to right (right to left for RTL). */
function pageLines(runs: PdfTextRun[]): Line[] {
  const sorted = runs.filter((run) => run.text.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextRun[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - run.y) <= 0.5 * Math.max(group[0]!.size, run.size)) group.push(run);
    else groups.push([run]);
  }
  return groups.map(toLine).filter((line) => line.text.length > 0);
}

function toLine(runs: PdfTextRun[]): Line {
  const rtl = runs.filter((run) => run.rtl).length > runs.length / 2;
  const ordered = [...runs].sort((a, b) => (rtl ? b.x - a.x : a.x - b.x));
  let text = '';
  let end = -Infinity;
  for (const run of ordered) {
    const start = rtl ? -(run.x + run.width) : run.x;
    // pdf.js emits spaces as runs of their own when the PDF has them; a visible gap is a space too.
    if (text && start - end > 0.2 * run.size && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    text += run.text;
    end = Math.max(end, start + run.width);
  }
  const left = Math.min(...runs.map((run) => run.x));
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x: left,
    y: median(runs.map((run) => run.y)),
    right: Math.max(...runs.map((run) => run.x + run.width)),
    size: Math.max(...runs.map((run) => run.size)),
    rtl,
  };
}

/**
 * Running heads and feet: among the two top and two bottom lines of each page, text that recurs
 * (digits ignored, so "Page 3" matches "Page 4") on all pages but possibly a title page, and
 * bare page numbers anywhere at those edges.
 */
function dropRunningLines(pages: Line[][]): Line[][] {
  const key = (line: Line) => line.text.toLowerCase().replace(/\d+/g, '#');
  const edges = (page: Line[]) => new Set([...page.slice(0, 2), ...page.slice(-2)]);
  const seen = new Map<string, number>();
  for (const page of pages) {
    for (const k of new Set([...edges(page)].map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, pages.length - 1);
  return pages.map((page) => {
    const edge = edges(page);
    return page.filter((line) => !edge.has(line) || (!isPageNumber(line.text) && (seen.get(key(line)) ?? 0) < needed));
  });
}

function isPageNumber(text: string): boolean {
  return /^(?:page\s+)?[-–—\s]*(?:\d+|[ivxlcdm]+)[-–—\s]*(?:(?:of|\/)\s*\d+)?$/i.test(text);
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
