import { DossierError, phrase } from '../../../common/errors';
import type { EncodingCandidate } from '../../../common/model/textEncoding';
import { previewLine } from '../../../common/text/previewLine';
import { importFailure } from '../importFailures';
import { decodeAs, isAscii, isUtf8, resolveEncoding, tryDecode } from './decodeAs';
import { detectEncoding, type ScoredEncoding } from './detectEncoding';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding the text was read in. */
  encoding: string;
}

export interface DecodeOptions {
  /** The encoding the analyst chose (any label): it wins over everything the bytes say. */
  chosen?: string;
  /** The encoding the file names itself in (an HTML page's <meta charset>), as a WHATWG name. */
  declared?: string;
  /** A BOM-less UTF-16 page found by its first character; otherwise the BOM is read here. */
  bom?: string;
  /** The text is markup: previews leave the tags out. */
  markup?: boolean;
}

/**
 * A text file's bytes → its text, in this order: the analyst's choice; a byte order mark;
 * UTF-8, when the bytes are valid UTF-8 (a page declaring another charset over valid UTF-8 with
 * non-ASCII text was re-saved by an editor that kept the old <meta>); the declared charset;
 * the encoding detected, when one reading is clearly likelier. Otherwise Dossier asks: the
 * `encoding-unknown` error lists the likely encodings with a line of each reading.
 */
export function decodeTextFile(bytes: Uint8Array, file: string, options: DecodeOptions = {}): DecodedText {
  if (options.chosen !== undefined) {
    const encoding = resolveEncoding(options.chosen);
    if (!encoding) throw unknownEncodingLabel(options.chosen, file);
    return { text: decodeAs(bytes, encoding), encoding };
  }
  const bom = options.bom ?? bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes, bom), encoding: bom };
  const { declared } = options;
  if (isUtf8(bytes)) {
    // Pure ASCII reads the same in every encoding but one that shifts with escapes (ISO-2022-JP).
    const text = declared && declared !== 'utf-8' && isAscii(bytes) ? tryDecode(bytes, declared) : null;
    return text === null ? { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8' } : { text, encoding: declared! };
  }
  if (declared && declared !== 'utf-8') {
    const text = tryDecode(bytes, declared);
    if (text !== null) return { text, encoding: declared };
  }
  const guess = detectEncoding(bytes);
  if (guess.encoding) {
    // UTF-8 is only a candidate when damaged: its � marks stay, showing where.
    const text = guess.encoding === 'utf-8' ? decodeAs(bytes, 'utf-8') : tryDecode(bytes, guess.encoding);
    if (text !== null) return { text, encoding: guess.encoding };
  }
  throw encodingUnknown(file, guess.candidates, options.markup ?? false);
}

/** UTF-8, UTF-16LE or UTF-16BE by its byte order mark. */
export function bomEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return undefined;
}

/** How many candidates the analyst is offered (more are in the full list). */
const OFFERED = 4;

function encodingUnknown(file: string, candidates: ScoredEncoding[], markup: boolean): DossierError {
  if (candidates.length === 0) return importFailure(file, phrase('import.noKnownEncoding', { file }));
  const best = candidates[0]!.score;
  const offered = candidates.filter((c, i) => i < 2 || c.score >= best / 2).slice(0, OFFERED);
  const names = offered.map((c) => c.encoding);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  return new DossierError(
    'encoding-unknown',
    names.length > 1
      ? phrase('import.encodingUnsure', { file, some: names.slice(0, -1), last: names.at(-1)! })
      : phrase('import.encodingUnsureOne', { file, encoding: list! }),
    file,
    offered.map((c): EncodingCandidate => ({ encoding: c.encoding, preview: previewLine(c.text, markup) })),
  );
}

function unknownEncodingLabel(label: string, file: string): DossierError {
  return new DossierError(
    'bad-input',
    phrase('import.unknownEncodingLabel', { label }),
    file,
  );
}
