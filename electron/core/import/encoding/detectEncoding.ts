import { analyse } from 'chardet';
import { decodeAs, tryDecode } from './decodeAs';
import { textPlausibility } from './textPlausibility';

export interface ScoredEncoding {
  encoding: string;
  /** How much the text read this way looks like words: 0–1, times the encoding's prior. */
  score: number;
  /** The sample read in this encoding. */
  text: string;
}

export interface EncodingGuess {
  /** The encoding, when one is clearly likelier than any other reading; null means ask. */
  encoding: string | null;
  /** Every reading that differs from the others, likeliest first. */
  candidates: ScoredEncoding[];
}

/** Enough text to tell; a whole 20 MB file would only take longer. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * chardet's names for the multi-byte encodings it detects. Its frequency statistics tell these
 * apart; its single-byte results are left out, as textPlausibility judges those better on short texts.
 */
const MULTI_BYTE: Record<string, string> = {
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  GB18030: 'gb18030',
  Big5: 'big5',
  'ISO-2022-JP': 'iso-2022-jp',
};

/**
 * The single-byte encodings tried, common ones first (a tie keeps the earlier one). Rarer
 * tables (Mac, Thai, Vietnamese, the other ISO-8859 parts) are left to the analyst's choice:
 * each one tried is one more way for a short text to look ambiguous.
 */
const SINGLE_BYTE = [
  'windows-1252',
  'windows-1251',
  'windows-1256',
  'windows-1250',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1257',
  'koi8-r',
  'koi8-u',
  'ibm866',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
];

/**
 * Western European text is the most common legacy text there is (browsers assume it), and its
 * accented letters also spell Czech or Slovak when read as Windows-1250 (très → trčs): a
 * nudge, not a rule; a reading scoring above 1 this way is still just the likelier one.
 */
const PRIOR: Record<string, number> = { 'windows-1252': 1.15 };

/** A reading must score at least this, and beat the next different reading by this much, to be taken without asking. */
export const MIN_SCORE = 0.5;
export const MIN_MARGIN = 0.15;

/**
 * The encoding of bytes that are not UTF-8, by trying each likely one: a reading that has bytes
 * the encoding cannot hold, or C1 control characters, is out; the rest are scored. Readings
 * that come out the same (KOI8-R and KOI8-U on Russian text) count once.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // A sample cut inside a multi-byte character keeps the cut character back rather than failing.
  const partial = { stream: sample.length < bytes.length };
  const scored: ScoredEncoding[] = [];
  for (const match of analyse(sample)) {
    const encoding = MULTI_BYTE[match.name];
    const text = encoding ? tryDecode(sample, encoding, partial) : null;
    if (encoding && text !== null) scored.push({ encoding, score: (match.confidence / 100) * textPlausibility(text), text });
  }
  for (const encoding of SINGLE_BYTE) {
    const text = tryDecode(sample, encoding);
    if (text === null || C1_CONTROLS.test(text)) continue;
    scored.push({ encoding, score: textPlausibility(text) * (PRIOR[encoding] ?? 1), text });
  }
  // UTF-8 with a few damaged bytes (a cut download, a bad copy) stays UTF-8, its damage shown as �.
  const utf8 = decodeAs(sample, 'utf-8', partial);
  if (utf8.includes('\ufffd')) scored.push({ encoding: 'utf-8', score: textPlausibility(utf8), text: utf8 });
  const seen = new Set<string>();
  const candidates = scored
    .sort((a, b) => b.score - a.score)
    .filter((c) => !seen.has(c.text) && seen.add(c.text));
  const [best, next] = candidates;
  const clear = best !== undefined && best.score >= MIN_SCORE && best.score - (next?.score ?? 0) >= MIN_MARGIN;
  return { encoding: clear ? best.encoding : null, candidates };
}

const C1_CONTROLS = /[\x80-\x9f]/;
