import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The sealed form of a workspace file (docs/ENCRYPTION.md › The envelope):
 *
 *   "DXE1" | generation (u64 BE) | nonce (12) | AES-256-GCM ciphertext | tag (16)
 *
 * The associated data binds the magic, the generation and the file's workspace-relative path, so
 * a file cannot be moved to another path, nor its generation changed, without failing to open.
 */
export const MAGIC = Buffer.from('DXE1', 'latin1');
const HEADER = MAGIC.length + 8;
const NONCE = 12;
const TAG = 16;
/** The smallest sealed file: an empty plaintext. */
export const ENVELOPE_OVERHEAD = HEADER + NONCE + TAG;
/** What a sealed line starts with: the base64 of the magic. */
const LINE_PREFIX = MAGIC.toString('base64').slice(0, 5);

export class EnvelopeError extends Error {}

function aad(generation: number, rel: string): Buffer {
  const head = Buffer.alloc(HEADER);
  MAGIC.copy(head, 0);
  head.writeBigUInt64BE(BigInt(generation), MAGIC.length);
  return Buffer.concat([head, Buffer.from(rel, 'utf8')]);
}

export function seal(key: Uint8Array, rel: string, generation: number, plaintext: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ad = aad(generation, rel);
  cipher.setAAD(ad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([ad.subarray(0, HEADER), nonce, body, cipher.getAuthTag()]);
}

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).equals(MAGIC);
}

/** The generation a sealed file says it has (not yet authenticated), or null when it is not sealed. */
export function generationOf(bytes: Uint8Array): number | null {
  if (bytes.length < HEADER || !isSealed(bytes)) return null;
  return Number(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).readBigUInt64BE(MAGIC.length));
}

/** Opens a sealed file of `rel`; throws EnvelopeError saying why it does not open. */
export function open(key: Uint8Array, rel: string, sealed: Uint8Array): { generation: number; plaintext: Buffer } {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.length);
  if (!isSealed(bytes)) throw new EnvelopeError('it is not encrypted (a plaintext file in an encrypted workspace)');
  if (bytes.length < ENVELOPE_OVERHEAD) throw new EnvelopeError('it is cut short');
  const generation = generationOf(bytes)!;
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(HEADER, HEADER + NONCE));
  decipher.setAAD(aad(generation, rel));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
  try {
    const plaintext = decipher.update(bytes.subarray(HEADER + NONCE, bytes.length - TAG));
    // GCM is a stream mode: final() only checks the tag and adds no bytes, so the plaintext is not
    // copied again (a 13 MB notes list is read on every opening).
    const rest = decipher.final();
    return { generation, plaintext: rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]) };
  } catch {
    throw new EnvelopeError('it fails authentication: it was changed, cut short, or belongs to another file or workspace');
  }
}

/**
 * The first `length` bytes of a sealed file's plaintext from the first bytes of the file, NOT
 * authenticated (null when the bytes are not a sealed file). GCM encrypts in counter mode from the
 * counter block nonce‖2, so a prefix decrypts on its own. Only for a hint that the full,
 * authenticated read confirms when the file is used: the schema version a large document says it
 * has, looked at when a workspace opens, without decrypting its 13 MB.
 */
export function peekPlaintext(key: Uint8Array, head: Uint8Array, length: number): Buffer | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.length);
  if (!isSealed(bytes) || bytes.length < HEADER + NONCE) return null;
  const counter = Buffer.concat([bytes.subarray(HEADER, HEADER + NONCE), Buffer.from([0, 0, 0, 2])]);
  const decipher = createDecipheriv('aes-256-ctr', key, counter);
  return decipher.update(bytes.subarray(HEADER + NONCE, HEADER + NONCE + length));
}

/** How many bytes of a sealed file hold its first `length` bytes of plaintext. */
export function sealedPrefixLength(length: number): number {
  return HEADER + NONCE + length;
}

/** One line of an appended file, sealed: base64 of the envelope of its text (no newline in it). */
export function sealLine(key: Uint8Array, rel: string, generation: number, line: string): string {
  return seal(key, rel, generation, Buffer.from(line, 'utf8')).toString('base64');
}

export function isSealedLine(text: string): boolean {
  return text.startsWith(LINE_PREFIX);
}

export function openLine(key: Uint8Array, rel: string, text: string): { generation: number; line: string } {
  if (!isSealedLine(text)) throw new EnvelopeError('a line is not encrypted (a plaintext line in an encrypted workspace)');
  const { generation, plaintext } = open(key, rel, Buffer.from(text, 'base64'));
  return { generation, line: plaintext.toString('utf8') };
}
