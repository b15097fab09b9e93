/**
 * Widens a span so neither edge falls between the two halves of a surrogate pair: a highlight
 * must never cut an astral character (𠮷, 𝔸, most emoji) in half. Fuzzy matching works on UTF-16
 * code units and can end up there.
 */
export function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  return { start: splitsPair(text, start) ? start - 1 : start, end: splitsPair(text, end) ? end + 1 : end };
}

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Converts offsets between UTF-16 code units (what Dossier stores) and code points (what the W3C
 * TextPositionSelector counts) for one text. Built once per text: converting every annotation of
 * a long article by slicing and counting would be quadratic.
 */
export class CodePointOffsets {
  /** UTF-16 index of the first half of every surrogate pair, ascending. */
  private readonly pairs: number[] = [];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      if (splitsPair(text, i + 1)) this.pairs.push(i++);
    }
  }

  /** Code points before `utf16`; an offset inside a pair counts that pair as before it. */
  toCodePoints(utf16: number): number {
    const clamped = Math.max(0, Math.min(utf16, this.text.length));
    return clamped - countBelow(this.pairs, clamped - 1, (p) => p);
  }

  /** The UTF-16 offset of the `codePoints`-th code point (or the text's end past it). */
  toUtf16(codePoints: number): number {
    const n = Math.max(0, codePoints);
    // Pair k starts at code point pairs[k] - k; every pair starting before code point n adds a unit.
    const offset = n + countBelow(this.pairs, n, (p, k) => p - k);
    return Math.min(offset, this.text.length);
  }
}

/** How many items have key(item, index) < limit; keys ascend with the index. */
function countBelow(items: readonly number[], limit: number, key: (item: number, index: number) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!, mid) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
