import { z } from 'zod';

/**
 * A text encoding, by the name the WHATWG Encoding Standard gives it (what `TextDecoder` takes
 * and reports): `windows-1256`, `gb18030`, `shift_jis`, `koi8-r` … Any of its labels is accepted
 * where the analyst names one (`cp1251`, `latin1`, `sjis`); the core turns it into the name.
 */
export const EncodingLabel = z.string().trim().min(1).max(40);

/** One encoding a file may be in, with the start of its text read that way, for the analyst to choose from. */
export const EncodingCandidate = z.object({
  encoding: z.string(),
  /** A line of the text as this encoding reads it: the words where the candidates differ. */
  preview: z.string(),
});
export type EncodingCandidate = z.infer<typeof EncodingCandidate>;

/**
 * Every encoding of the WHATWG Encoding Standard that a text file can be in, with what it is
 * for, in the order a person looks for one: Unicode, then by script. (`replacement` and
 * `x-user-defined` are left out: no file is written in them.)
 */
export const TEXT_ENCODINGS: readonly { encoding: string; name: string }[] = [
  { encoding: 'utf-8', name: 'Unicode (UTF-8)' },
  { encoding: 'utf-16le', name: 'Unicode (UTF-16LE)' },
  { encoding: 'utf-16be', name: 'Unicode (UTF-16BE)' },
  { encoding: 'windows-1256', name: 'Arabic (Windows-1256)' },
  { encoding: 'iso-8859-6', name: 'Arabic (ISO-8859-6)' },
  { encoding: 'windows-1257', name: 'Baltic (Windows-1257)' },
  { encoding: 'iso-8859-4', name: 'Baltic (ISO-8859-4)' },
  { encoding: 'iso-8859-13', name: 'Baltic (ISO-8859-13)' },
  { encoding: 'windows-1250', name: 'Central European (Windows-1250)' },
  { encoding: 'iso-8859-2', name: 'Central European (ISO-8859-2)' },
  { encoding: 'gb18030', name: 'Chinese, Simplified (GB18030)' },
  { encoding: 'gbk', name: 'Chinese, Simplified (GBK)' },
  { encoding: 'big5', name: 'Chinese, Traditional (Big5)' },
  { encoding: 'windows-1251', name: 'Cyrillic (Windows-1251)' },
  { encoding: 'koi8-r', name: 'Cyrillic, Russian (KOI8-R)' },
  { encoding: 'koi8-u', name: 'Cyrillic, Ukrainian (KOI8-U)' },
  { encoding: 'ibm866', name: 'Cyrillic (DOS, IBM866)' },
  { encoding: 'iso-8859-5', name: 'Cyrillic (ISO-8859-5)' },
  { encoding: 'x-mac-cyrillic', name: 'Cyrillic (Mac)' },
  { encoding: 'windows-1253', name: 'Greek (Windows-1253)' },
  { encoding: 'iso-8859-7', name: 'Greek (ISO-8859-7)' },
  { encoding: 'windows-1255', name: 'Hebrew (Windows-1255)' },
  { encoding: 'iso-8859-8', name: 'Hebrew, visual order (ISO-8859-8)' },
  { encoding: 'iso-8859-8-i', name: 'Hebrew (ISO-8859-8-I)' },
  { encoding: 'shift_jis', name: 'Japanese (Shift_JIS)' },
  { encoding: 'euc-jp', name: 'Japanese (EUC-JP)' },
  { encoding: 'iso-2022-jp', name: 'Japanese (ISO-2022-JP)' },
  { encoding: 'euc-kr', name: 'Korean (EUC-KR)' },
  { encoding: 'iso-8859-10', name: 'Nordic (ISO-8859-10)' },
  { encoding: 'iso-8859-16', name: 'Romanian (ISO-8859-16)' },
  { encoding: 'iso-8859-14', name: 'Celtic (ISO-8859-14)' },
  { encoding: 'iso-8859-3', name: 'South European (ISO-8859-3)' },
  { encoding: 'windows-874', name: 'Thai (Windows-874)' },
  { encoding: 'windows-1254', name: 'Turkish (Windows-1254)' },
  { encoding: 'windows-1258', name: 'Vietnamese (Windows-1258)' },
  { encoding: 'windows-1252', name: 'Western (Windows-1252)' },
  { encoding: 'iso-8859-15', name: 'Western (ISO-8859-15)' },
  { encoding: 'macintosh', name: 'Western (Mac Roman)' },
];

/** "Arabic (Windows-1256)" for `windows-1256`; the name itself for one not in the list. */
export function encodingName(encoding: string): string {
  return TEXT_ENCODINGS.find((e) => e.encoding === encoding)?.name ?? encoding;
}
