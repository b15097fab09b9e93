import type { TextMark } from '../model/article';

/**
 * Bold and italic as offsets beside the plain text. A format importer writes the text with
 * private-use sentinels around emphasised runs (`openMark('strong') + 'text' + closeMark('strong')`);
 * `takeMarks` turns them into offsets. Sentinels ride through the one normalisation an article
 * gets (NFC, line endings, trimming), so the offsets are of the final text without tracking every
 * character the normalisation moves.
 */
type Kind = TextMark['kind'];

const OPEN: Record<Kind, string> = { strong: '\uE000', emphasis: '\uE002' };
const CLOSE: Record<Kind, string> = { strong: '\uE001', emphasis: '\uE003' };
const SENTINELS = /[\uE000-\uE003]/g;
const KIND_OF: Record<string, { kind: Kind; open: boolean }> = {
  [OPEN.strong]: { kind: 'strong', open: true },
  [CLOSE.strong]: { kind: 'strong', open: false },
  [OPEN.emphasis]: { kind: 'emphasis', open: true },
  [CLOSE.emphasis]: { kind: 'emphasis', open: false },
};

export function openMark(kind: Kind): string {
  return OPEN[kind];
}

export function closeMark(kind: Kind): string {
  return CLOSE[kind];
}

/** Source text with any sentinel characters of its own removed, so none can be taken for a mark. */
export function withoutSentinels(text: string): string {
  return text.replace(SENTINELS, '');
}

/**
 * The plain text and its marks. Nested runs of one kind count once; a run is trimmed of the
 * whitespace at its ends and dropped when nothing is left; touching runs of one kind join.
 */
export function takeMarks(marked: string): { text: string; marks: TextMark[] } {
  let text = '';
  const depth: Record<Kind, number> = { strong: 0, emphasis: 0 };
  const from: Record<Kind, number> = { strong: 0, emphasis: 0 };
  const runs: TextMark[] = [];
  let last = 0;
  for (let m = SENTINELS.exec(marked); m; m = SENTINELS.exec(marked)) {
    text += marked.slice(last, m.index);
    last = m.index + 1;
    const { kind, open } = KIND_OF[m[0]]!;
    if (open) {
      if (depth[kind]++ === 0) from[kind] = text.length;
    } else if (depth[kind] > 0 && --depth[kind] === 0) {
      runs.push({ start: from[kind], end: text.length, kind });
    }
  }
  SENTINELS.lastIndex = 0;
  text += marked.slice(last);
  // A run left open by a damaged source ends with the text.
  for (const kind of ['strong', 'emphasis'] as const) if (depth[kind] > 0) runs.push({ start: from[kind], end: text.length, kind });
  return { text, marks: tidy(text, runs) };
}

/** The text with sentinels put back at its marks (the inverse of `takeMarks` for tidy marks). */
export function putMarks(text: string, marks: readonly TextMark[]): string {
  const at = new Map<number, string>();
  const add = (offset: number, sentinel: string, first: boolean) => at.set(offset, first ? sentinel + (at.get(offset) ?? '') : (at.get(offset) ?? '') + sentinel);
  // At one offset, runs that end close before runs that start open.
  for (const m of marks) add(m.end, CLOSE[m.kind], true);
  for (const m of marks) add(m.start, OPEN[m.kind], false);
  let out = '';
  let last = 0;
  for (const offset of [...at.keys()].sort((a, b) => a - b)) {
    out += text.slice(last, offset) + at.get(offset)!;
    last = offset;
  }
  return out + text.slice(last);
}

function tidy(text: string, runs: TextMark[]): TextMark[] {
  const trimmed = runs
    .map((r) => {
      let { start, end } = r;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return { ...r, start, end };
    })
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.start - b.start);
  const out: TextMark[] = [];
  for (const r of trimmed) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === r.kind && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else out.push({ ...r });
  }
  return out.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}

/** A piece of a paragraph with the emphasis it has, for the reader to render. */
export interface MarkedSegment {
  text: string;
  strong: boolean;
  emphasis: boolean;
}

/** The paragraph text[start, end) cut where emphasis starts or stops; one segment when it has none. */
export function markedSegments(text: string, start: number, end: number, marks: readonly TextMark[]): MarkedSegment[] {
  const inside = marks.filter((m) => m.end > start && m.start < end);
  if (inside.length === 0) return [{ text: text.slice(start, end), strong: false, emphasis: false }];
  const cuts = [...new Set([start, end, ...inside.flatMap((m) => [Math.max(m.start, start), Math.min(m.end, end)])])].sort((a, b) => a - b);
  const segments: MarkedSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const covers = (kind: Kind) => inside.some((m) => m.kind === kind && m.start <= from && m.end >= to);
    segments.push({ text: text.slice(from, to), strong: covers('strong'), emphasis: covers('emphasis') });
  }
  return segments;
}
