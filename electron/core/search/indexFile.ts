import zlib from 'node:zlib';
import { filesOf } from '../store/fileAccess';
import type { DocMeta, IndexSnapshot } from './searchIndex';

/**
 * The persisted search index: a derived file, rebuilt whenever it is missing or does not check
 * out. A short JSON header (vocabulary, documents, the change journal it is current up to) is
 * followed by the posting lists as raw little-endian arrays, so loading is one read and three
 * typed-array views rather than parsing millions of numbers.
 */
const MAGIC = 'DOSSIER-SEARCH-1\n';
/**
 * 2: relationships are documents too; an index saved before them is built again, with them.
 * 3: words are cut and folded for every script (CJK as pairs of characters, Arabic letter
 * variants and digits, widths): an index of older terms would miss them, so it is built again.
 */
export const INDEX_FORMAT = 3;

export interface IndexFileHeader {
  format: number;
  /** The change journal whose lines after `journalOffset` are newer than this snapshot. */
  journal: string;
  journalOffset: number;
  vocabulary: string[];
  documents: DocMeta[];
  postings: number;
  crc32: number;
}

export async function writeIndexFile(file: string, snapshot: IndexSnapshot, journal: { file: string; offset: number }): Promise<void> {
  const postings = snapshot.docs.length;
  const offsets = Buffer.from(snapshot.offsets.buffer, snapshot.offsets.byteOffset, snapshot.offsets.byteLength);
  const docs = Buffer.from(snapshot.docs.buffer, snapshot.docs.byteOffset, snapshot.docs.byteLength);
  const weights = Buffer.from(snapshot.weights.buffer, snapshot.weights.byteOffset, snapshot.weights.byteLength);
  const crc32 = zlib.crc32(weights, zlib.crc32(docs, zlib.crc32(offsets)));
  const header: IndexFileHeader = {
    format: INDEX_FORMAT,
    journal: journal.file,
    journalOffset: journal.offset,
    vocabulary: snapshot.vocabulary,
    documents: snapshot.documents,
    postings,
    crc32,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.alloc(MAGIC.length + 4);
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(headerBytes.length, MAGIC.length);
  // Typed arrays need aligned offsets: pad the header so the binary part starts at a multiple of 4.
  const pad = Buffer.alloc((4 - ((lead.length + headerBytes.length) % 4)) % 4);
  await filesOf(file).writeFileDurable(file, Buffer.concat([lead, headerBytes, pad, offsets, docs, weights]));
}

/** The snapshot in `file`, or null when there is none or it does not check out (then it is rebuilt). */
export async function readIndexFile(file: string): Promise<{ snapshot: IndexSnapshot; header: IndexFileHeader } | null> {
  let bytes: Buffer;
  try {
    // Sealed in an encrypted workspace: one that does not open is rebuilt, like one that does not check out.
    bytes = await filesOf(file).readFile(file);
  } catch {
    return null;
  }
  try {
    if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as IndexFileHeader;
    if (header.format !== INDEX_FORMAT || !Array.isArray(header.vocabulary) || !Array.isArray(header.documents)) return null;
    let at = headerStart + headerLength;
    at += (4 - (at % 4)) % 4;
    const v = header.vocabulary.length;
    const need = at + (v + 1) * 4 + header.postings * 6;
    if (bytes.length !== need) return null;
    // One aligned copy of the binary part; the arrays are views into it.
    const binary = new Uint8Array(bytes.length - at);
    binary.set(bytes.subarray(at));
    const offsets = new Uint32Array(binary.buffer, 0, v + 1);
    const docs = new Uint32Array(binary.buffer, (v + 1) * 4, header.postings);
    const weights = new Uint16Array(binary.buffer, (v + 1) * 4 + header.postings * 4, header.postings);
    const crc32 = zlib.crc32(Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength), zlib.crc32(Buffer.from(docs.buffer, docs.byteOffset, docs.byteLength), zlib.crc32(Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength))));
    if (crc32 !== header.crc32 || offsets[v] !== header.postings) return null;
    return { header, snapshot: { vocabulary: header.vocabulary, documents: header.documents, offsets, docs, weights } };
  } catch {
    return null;
  }
}
