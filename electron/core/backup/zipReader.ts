import { promises as fs } from 'node:fs';
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import { DossierError, phrase } from '../../common/errors';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 1 << 20;

/**
 * Reads a ZIP archive through its central directory, one entry at a time and in chunks, so a
 * large backup is never held in memory. (fflate's streaming Unzip scans for signatures instead,
 * and would cut an entry whose bytes happen to contain one.) Every entry's CRC-32 and size are
 * checked as it is read. ZIP64 is not supported; Dossier's backups never need it.
 */
export class ZipReader {
  private constructor(
    private readonly handle: fs.FileHandle,
    readonly file: string,
    readonly entries: ZipEntry[],
  ) {}

  static async open(file: string): Promise<ZipReader> {
    const handle = await fs.open(file, 'r');
    try {
      const entries = await readCentralDirectory(handle, file);
      return new ZipReader(handle, file, entries);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /** The entry's bytes, chunk by chunk; refuses more than `maxBytes` or the declared size. */
  async *read(entry: ZipEntry, maxBytes = Number.MAX_SAFE_INTEGER): AsyncGenerator<Uint8Array> {
    const damaged = (why: string) => new DossierError('corrupt-file', phrase('restore.entryOfArchiveDamaged', { file: this.file, name: entry.name, why }), this.file);
    if (entry.size > maxBytes) throw damaged('is larger than expected');
    const header = await readAt(this.handle, entry.localHeaderOffset, 30);
    if (header.length < 30 || u32(header, 0) !== LOCAL || u16(header, 8) !== entry.method) throw damaged('has a damaged header');
    const nameLength = u16(header, 26);
    const name = await readAt(this.handle, entry.localHeaderOffset + 30, nameLength);
    if (decodeName(name) !== entry.name) throw damaged('has a damaged header');
    let position = entry.localHeaderOffset + 30 + nameLength + u16(header, 28);
    let remaining = entry.compressedSize;
    let produced = 0;
    let crc = 0;
    const out: Uint8Array[] = [];
    const inflate = entry.method === 8 ? new Inflate((chunk) => out.push(chunk)) : null;
    while (remaining > 0 || out.length > 0) {
      if (remaining > 0) {
        const chunk = await readAt(this.handle, position, Math.min(CHUNK, remaining));
        if (chunk.length === 0) throw damaged('is cut short');
        position += chunk.length;
        remaining -= chunk.length;
        try {
          if (inflate) inflate.push(chunk, remaining === 0);
          else out.push(chunk);
        } catch {
          throw damaged('cannot be decompressed');
        }
      }
      for (const chunk of out.splice(0)) {
        produced += chunk.length;
        if (produced > entry.size) throw damaged('holds more than its declared size');
        crc = crc32(chunk, crc);
        yield chunk;
      }
    }
    if (produced !== entry.size) throw damaged('is shorter than its declared size');
    if (crc !== entry.crc32) throw damaged('fails its checksum');
  }

  /** A small entry whole (the manifest). */
  async readAll(entry: ZipEntry, maxBytes: number): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of this.read(entry, maxBytes)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
}

async function readCentralDirectory(handle: fs.FileHandle, file: string): Promise<ZipEntry[]> {
  const damaged = (why: string) => new DossierError('corrupt-file', phrase('restore.unreadableArchive', { file, why }), file);
  const { size } = await handle.stat();
  const tail = await readAt(handle, Math.max(0, size - 22 - 0xffff), Math.min(size, 22 + 0xffff));
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD && i + 22 + u16(tail, i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw damaged('no ZIP directory at its end');
  const count = u16(tail, eocd + 10);
  const cdSize = u32(tail, eocd + 12);
  const cdOffset = u32(tail, eocd + 16);
  if (u16(tail, eocd + 4) !== 0 || u16(tail, eocd + 6) !== 0 || u16(tail, eocd + 8) !== count) throw damaged('a multi-part archive');
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw damaged('ZIP64, which Dossier does not read');
  if (cdOffset + cdSize > size - tail.length + eocd) throw damaged('its directory lies outside the file');
  const cd = await readAt(handle, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || u32(cd, p) !== CENTRAL) throw damaged('a damaged directory entry');
    const flags = u16(cd, p + 8);
    if (flags & 1) throw damaged('encrypted entries');
    const nameLength = u16(cd, p + 28);
    const entry: ZipEntry = {
      method: u16(cd, p + 10),
      crc32: u32(cd, p + 16),
      compressedSize: u32(cd, p + 20),
      size: u32(cd, p + 24),
      localHeaderOffset: u32(cd, p + 42),
      name: decodeName(cd.subarray(p + 46, p + 46 + nameLength)),
    };
    if (entry.method !== 0 && entry.method !== 8) throw damaged(`compression method ${entry.method}`);
    if (entry.localHeaderOffset + 30 + entry.compressedSize > cdOffset) throw damaged('an entry lies outside the file');
    entries.push(entry);
    p += 46 + nameLength + u16(cd, p + 30) + u16(cd, p + 32);
  }
  return entries;
}

function decodeName(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not a name Dossier writes; returned as something no check will accept.
    return '\0';
  }
}

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
