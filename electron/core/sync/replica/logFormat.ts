import { crc32 } from 'node:zlib';

/**
 * The byte layout of the replica's log file (little-endian):
 *
 *   file header   'DSRL' u32 version                                   (8 bytes)
 *   record        u32 payloadLength  u32 crc32(payload)  payload        (one per durable write)
 *   payload       op*
 *   op            u8 kind (1 put, 2 del)  u32 keyLength  u32 valueLength  key  value
 *
 * One record is one fdatasync: every batch acknowledged together is one record, so a crash can
 * only tear the last record, which was never acknowledged. A record that fails its checksum
 * anywhere else is damage, not a torn write, and is reported instead of silently dropped.
 */
export const FILE_MAGIC = 'DSRL';
export const FILE_VERSION = 1;
export const FILE_HEADER_SIZE = 8;
export const RECORD_HEADER_SIZE = 8;
export const OP_HEADER_SIZE = 9;

const PUT = 1;
const DEL = 2;

export type LogOp = { type: 'put'; key: Buffer; value: Buffer } | { type: 'del'; key: Buffer };

/** What an op costs in the file; the store counts it to know how many bytes are dead. */
export function opSize(keyLength: number, valueLength: number): number {
  return OP_HEADER_SIZE + keyLength + valueLength;
}

export function encodeFileHeader(): Buffer {
  const header = Buffer.alloc(FILE_HEADER_SIZE);
  header.write(FILE_MAGIC, 0, 'latin1');
  header.writeUInt32LE(FILE_VERSION, 4);
  return header;
}

export function checkFileHeader(header: Buffer): string | null {
  if (header.length < FILE_HEADER_SIZE || header.toString('latin1', 0, 4) !== FILE_MAGIC) return 'not a replica log';
  const version = header.readUInt32LE(4);
  return version === FILE_VERSION ? null : `written by a newer version (log format ${version})`;
}

export interface EncodedRecord {
  bytes: Buffer;
  /** Where each op's value starts, counted from the start of the record (puts only; -1 for dels). */
  valueOffsets: number[];
}

export function encodeRecord(ops: readonly LogOp[]): EncodedRecord {
  let payloadLength = 0;
  for (const op of ops) payloadLength += opSize(op.key.length, op.type === 'put' ? op.value.length : 0);
  const bytes = Buffer.allocUnsafe(RECORD_HEADER_SIZE + payloadLength);
  const valueOffsets: number[] = [];
  let at = RECORD_HEADER_SIZE;
  for (const op of ops) {
    const value = op.type === 'put' ? op.value : null;
    bytes.writeUInt8(value ? PUT : DEL, at);
    bytes.writeUInt32LE(op.key.length, at + 1);
    bytes.writeUInt32LE(value ? value.length : 0, at + 5);
    at += OP_HEADER_SIZE;
    op.key.copy(bytes, at);
    at += op.key.length;
    if (value) {
      valueOffsets.push(at);
      value.copy(bytes, at);
      at += value.length;
    } else {
      valueOffsets.push(-1);
    }
  }
  bytes.writeUInt32LE(payloadLength, 0);
  bytes.writeUInt32LE(crc32(bytes.subarray(RECORD_HEADER_SIZE)), 4);
  return { bytes, valueOffsets };
}

export interface DecodedOp {
  type: 'put' | 'del';
  key: Buffer;
  /** A view into the payload: copy it before keeping it. */
  value: Buffer | null;
  /** Offset of the value in the payload. */
  valueOffset: number;
}

export function payloadChecks(payload: Buffer, expectedCrc: number): boolean {
  return crc32(payload) === expectedCrc;
}

/** Decodes a payload whose checksum already matched; throws on a malformed op (damage). */
export function decodePayload(payload: Buffer): DecodedOp[] {
  const ops: DecodedOp[] = [];
  let at = 0;
  while (at < payload.length) {
    if (at + OP_HEADER_SIZE > payload.length) throw new Error('op header runs past its record');
    const kind = payload.readUInt8(at);
    const keyLength = payload.readUInt32LE(at + 1);
    const valueLength = payload.readUInt32LE(at + 5);
    const keyStart = at + OP_HEADER_SIZE;
    const valueOffset = keyStart + keyLength;
    const end = valueOffset + valueLength;
    if (end > payload.length || (kind !== PUT && kind !== DEL)) throw new Error('malformed op');
    const key = payload.subarray(keyStart, valueOffset);
    ops.push(kind === PUT
      ? { type: 'put', key, value: payload.subarray(valueOffset, end), valueOffset }
      : { type: 'del', key, value: null, valueOffset: -1 });
    at = end;
  }
  return ops;
}
