import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DossierError, phrase, wordsOf } from '../../common/errors';
import { writeFileDurable } from '../store/durableFile';

/** The key file beside the workspace's other files: the workspace key, wrapped (docs/ENCRYPTION.md › Keys). */
export const KEYS_FILE = 'keys.json';

/**
 * scrypt's cost: N = 2^17, r = 8 (128 MiB) took 450–600 ms on the reference machine, N = 2^16
 * 180–260 ms, under the 250 ms the issue asks for. Stored with each wrap, so tests may use less
 * and a later Dossier more.
 */
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
export type KdfParams = { N: number; r: number; p: number };

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const Wrap = z.object({ salt: B64, nonce: B64, wrapped: B64 });
const Kdf = z.object({ name: z.literal('scrypt'), N: z.number().int().min(2), r: z.number().int().positive(), p: z.number().int().positive() });

export const KeyFile = z.object({
  kind: z.literal('dossier-keys'),
  format: z.literal(1),
  cipher: z.literal('aes-256-gcm'),
  workspaceId: z.string(),
  kdf: Kdf,
  passphrase: Wrap,
  recovery: Wrap,
});
export type KeyFile = z.infer<typeof KeyFile>;

type Slot = 'passphrase' | 'recovery';

/** scrypt's memory is 128·N·r bytes; Node refuses above its default 32 MiB unless told. */
function derive(secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Binds a wrap to its slot, its workspace and its cost: lowering N in the file makes the unwrap fail. */
function wrapAad(slot: Slot, workspaceId: string, kdf: KdfParams): Buffer {
  return Buffer.from(`dossier-keys/1/${slot}/${workspaceId}/${kdf.N},${kdf.r},${kdf.p}`, 'utf8');
}

async function wrap(slot: Slot, secret: string, key: Buffer, workspaceId: string, kdf: KdfParams): Promise<z.infer<typeof Wrap>> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(secret, salt, kdf), nonce);
  cipher.setAAD(wrapAad(slot, workspaceId, kdf));
  const wrapped = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return { salt: salt.toString('base64'), nonce: nonce.toString('base64'), wrapped: wrapped.toString('base64') };
}

async function unwrap(slot: Slot, secret: string, file: KeyFile): Promise<Buffer | null> {
  const w = file[slot];
  const sealed = Buffer.from(w.wrapped, 'base64');
  if (sealed.length !== 48) return null;
  const decipher = createDecipheriv('aes-256-gcm', await derive(secret, Buffer.from(w.salt, 'base64'), file.kdf), Buffer.from(w.nonce, 'base64'));
  decipher.setAAD(wrapAad(slot, file.workspaceId, file.kdf));
  decipher.setAuthTag(sealed.subarray(32));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, 32)), decipher.final()]);
  } catch {
    return null;
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 256 random bits as 52 base32 characters in groups of four: read aloud, typed, or printed once. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(32);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** A recovery key as typed: case, spaces and dashes do not matter; null when it cannot be one. */
export function normaliseRecoveryKey(text: string): string | null {
  const bare = text.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z2-7]{52}$/.test(bare)) return null;
  return bare.match(/.{1,4}/g)!.join('-');
}

export async function readKeyFile(root: string): Promise<KeyFile | null> {
  const file = path.join(root, KEYS_FILE);
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DossierError('corrupt-file', phrase('store.cannotRead', { file, reason: wordsOf(error) }), file);
  }
  return parseKeyFile(raw, file);
}

/** A key file's text (read from the folder, or from a backup archive) checked against its schema. */
export function parseKeyFile(raw: string, file: string): KeyFile {
  let parsed;
  try {
    parsed = KeyFile.safeParse(JSON.parse(raw));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw new DossierError('corrupt-file', phrase('crypt.keyFileDamaged', { file }), file);
  return parsed.data;
}

/** A new workspace key wrapped under the passphrase and a new recovery key. Nothing is written. */
export async function newKeyFile(workspaceId: string, passphrase: string, kdf: KdfParams = DEFAULT_KDF): Promise<{ file: KeyFile; key: Buffer; recoveryKey: string }> {
  const key = randomBytes(32);
  const recoveryKey = newRecoveryKey();
  const [pass, recovery] = await Promise.all([wrap('passphrase', passphrase, key, workspaceId, kdf), wrap('recovery', recoveryKey, key, workspaceId, kdf)]);
  const file: KeyFile = { kind: 'dossier-keys', format: 1, cipher: 'aes-256-gcm', workspaceId, kdf: { name: 'scrypt', ...kdf }, passphrase: pass, recovery };
  return { file, key, recoveryKey };
}

export async function writeKeyFile(root: string, file: KeyFile): Promise<void> {
  // Readable by the analyst alone: it holds nothing secret in the clear, but nobody else needs it.
  await writeFileDurable(path.join(root, KEYS_FILE), `${JSON.stringify(file, null, 2)}\n`, 0o600);
}

/**
 * The workspace key, from the passphrase or the recovery key; null when neither opens it. A text
 * shaped like a recovery key is tried against that slot only if the passphrase slot refuses it.
 */
export async function unlockKeyFile(file: KeyFile, secret: string): Promise<Buffer | null> {
  const key = await unwrap('passphrase', secret, file);
  if (key) return key;
  const recovery = normaliseRecoveryKey(secret);
  return recovery ? unwrap('recovery', recovery, file) : null;
}

/** The same key wrapped under a new passphrase (new salt, current cost); the recovery wrap stays. */
export async function rewrapped(file: KeyFile, key: Buffer, passphrase: string, kdf: KdfParams = file.kdf): Promise<KeyFile> {
  const sameCost = kdf.N === file.kdf.N && kdf.r === file.kdf.r && kdf.p === file.kdf.p;
  if (!sameCost) throw new DossierError('internal', 'Changing the cost of the key derivation needs the recovery key as well.');
  return { ...file, passphrase: await wrap('passphrase', passphrase, key, file.workspaceId, file.kdf) };
}

/** A new recovery key for the same workspace key (an encryption resumed after a crash never showed the first). */
export async function withNewRecoveryKey(file: KeyFile, key: Buffer): Promise<{ file: KeyFile; recoveryKey: string }> {
  const recoveryKey = newRecoveryKey();
  return { file: { ...file, recovery: await wrap('recovery', recoveryKey, key, file.workspaceId, file.kdf) }, recoveryKey };
}
