import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../common/errors';
import { writeFileDurable } from '../core';

/** Fails before any work is done when the file would not be written anyway. */
export async function checkTarget(out: string, force: boolean): Promise<void> {
  const dir = await fs.stat(path.dirname(out)).catch(() => null);
  if (!dir?.isDirectory()) throw new DossierError('bad-input', `Cannot write ${out}: its folder does not exist.`);
  const existing = await fs.lstat(out).catch(() => null);
  if (existing?.isDirectory()) throw new DossierError('bad-input', `Cannot write ${out}: it is a folder.`);
  if (existing && !force) throw new DossierError('bad-input', `${out} already exists; add --force to overwrite it.`);
}

/**
 * Through the core's durable write (temp file, fsync, rename, fsync of the folder): a crash or a
 * full disk never leaves a half-written file under the target's name. That write replaces what
 * is there, so without --force the target is looked at again just before: a file that appears in
 * the instant between the two is the one case still overwritten.
 */
export async function writeOutput(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  await checkTarget(out, force);
  try {
    await writeFileDurable(out, bytes);
  } catch (error) {
    throw new DossierError('bad-input', `Cannot write ${out}: ${(error as Error).message}`);
  }
}
