import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DossierError, moment, phrase } from '../../common/errors';
import { FILE_NAMES } from './files';

export const LockInfo = z.object({
  pid: z.number().int(),
  host: z.string(),
  startedAt: z.string(),
  /** Set while a Dossier window serves the workspace, so the CLI can talk to it instead. */
  url: z.string().optional(),
  token: z.string().optional(),
});
export type LockInfo = z.infer<typeof LockInfo>;

export interface HeldLock {
  file: string;
  /** Said to the user when a stale lock of a dead process was taken over. */
  takeoverMessage: string | null;
  /** When this process took the lock (ms since the epoch). */
  takenAt: number;
  advertise(url: string, token: string): Promise<void>;
  release(): Promise<void>;
}

/**
 * The name a stale lock is claimed under before it is removed: a second hard link to the lock
 * file, which `link()` creates only if no one else holds it. Only the claimer removes the stale
 * lock, so two processes can never both remove it (and with it the fresh lock of a third).
 */
const CLAIM = `${FILE_NAMES.lock}.takeover`;
/** A claim is held for two system calls; one this old was left by a process that died meanwhile. */
const CLAIM_STALE_MS = 5_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseLock(raw: string): LockInfo | null {
  try {
    const parsed = LockInfo.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function readLockFile(file: string): Promise<LockInfo | null> {
  try {
    return parseLock(await fs.readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

export async function readLock(dir: string): Promise<LockInfo | null> {
  return readLockFile(path.join(dir, FILE_NAMES.lock));
}

/** The lock of another live process on this machine, or null. */
export async function liveLockHolder(dir: string): Promise<LockInfo | null> {
  const info = await readLock(dir);
  if (!info || info.pid === process.pid) return null;
  if (info.host === os.hostname() && !isAlive(info.pid)) return null;
  return info;
}

/**
 * A lock is written whole before it appears (temp file, then rename or link), so an unreadable
 * one is damage, or one written by an earlier Dossier that created it empty and filled it after:
 * look again before giving up on it.
 */
async function readLockPatiently(file: string): Promise<LockInfo | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const info = await readLockFile(file);
    if (info) return info;
    await sleep(40);
  }
  return null;
}

function isStale(info: LockInfo | null): boolean {
  return info === null || (info.host === os.hostname() && info.pid !== process.pid && !isAlive(info.pid));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A temp file beside `file` holding `data` (the temp-file pattern of durableFile.ts). Not fsynced:
 * a lock speaks of running processes, and one emptied by a power cut is taken over as unreadable.
 */
async function writeTemp(file: string, data: string): Promise<string> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(tmp, data, { flag: 'wx', mode: 0o600 });
  return tmp;
}

/** Creates the lock file whole, only if there is none: `link()` fails when the name exists. */
async function createLock(file: string, info: LockInfo): Promise<boolean> {
  const tmp = await writeTemp(file, JSON.stringify(info));
  try {
    await fs.link(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

function sameFile(a: { dev: bigint; ino: bigint }, b: { dev: bigint; ino: bigint }): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Removes the lock file if it is still stale, under the claim: answers what was removed (the
 * stale holder, or null for an unreadable lock), or undefined when nothing was (another process
 * is taking it over, or its holder turned out to be alive).
 */
async function removeStaleLock(file: string): Promise<{ removed: LockInfo | null } | undefined> {
  const claim = path.join(path.dirname(file), CLAIM);
  try {
    await fs.link(file, claim);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined; // the lock went meanwhile: try to create it again
    if (code !== 'EEXIST') throw error;
    const stat = await fs.stat(claim).catch(() => null);
    // Its claimer died between two system calls: the claim is dropped so the lock can be taken.
    if (stat && Date.now() - stat.ctimeMs > CLAIM_STALE_MS) await fs.rm(claim, { force: true });
    return undefined;
  }
  try {
    // What was claimed is whatever the lock file was at that moment: judged again, by itself.
    const claimed = await readLockPatiently(claim);
    if (!isStale(claimed)) return undefined;
    const [held, current] = await Promise.all([fs.stat(claim, { bigint: true }), fs.stat(file, { bigint: true }).catch(() => null)]);
    if (!current || !sameFile(held, current)) return undefined;
    await fs.rm(file, { force: true });
    return { removed: claimed };
  } finally {
    await fs.rm(claim, { force: true });
  }
}

/**
 * One writer per workspace: a lock file with PID, host and start time. A lock of a process that
 * no longer runs on this machine is taken over, by one process only however many try at once.
 */
export async function acquireLock(dir: string): Promise<HeldLock> {
  const file = path.join(dir, FILE_NAMES.lock);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  let takeoverMessage: string | null = null;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await createLock(file, mine)) return heldLock(file, mine, takeoverMessage);
    const holder = await readLockPatiently(file);
    if (holder && holder.host === os.hostname() && holder.pid === process.pid) {
      throw new DossierError('locked', phrase('lock.openHere', { path: dir }), file);
    }
    if (holder && holder.host === os.hostname() && isAlive(holder.pid)) {
      throw new DossierError(
        'locked',
        phrase('lock.openElsewhere', { path: dir, pid: String(holder.pid), since: moment(holder.startedAt) }),
        file,
      );
    }
    if (holder && holder.host !== os.hostname()) {
      throw new DossierError(
        'locked',
        phrase('lock.openOnHost', { path: dir, host: holder.host, pid: String(holder.pid) }),
        file,
      );
    }
    const outcome = await removeStaleLock(file);
    if (outcome) {
      takeoverMessage = outcome.removed
        ? `Took over a stale lock left by process ${outcome.removed.pid} (started ${outcome.removed.startedAt}), which is no longer running.`
        : 'Took over an unreadable lock file.';
    } else {
      // Someone else is taking it over: see who holds it in a moment.
      await sleep(10 + Math.random() * 20);
    }
  }
  throw new DossierError('locked', phrase('lock.couldNotLock', { path: dir }), file);
}

function heldLock(file: string, mine: LockInfo, takeoverMessage: string | null): HeldLock {
  let released = false;
  return {
    file,
    takeoverMessage,
    takenAt: Date.now(),
    async advertise(url, token) {
      // Replaced whole (never truncated and refilled), so a reader never sees it half-written.
      const tmp = await writeTemp(file, JSON.stringify({ ...mine, url, token }));
      try {
        await fs.rename(tmp, file);
      } catch (error) {
        await fs.rm(tmp, { force: true });
        throw error;
      }
    },
    async release() {
      if (released) return;
      released = true;
      const current = await readLock(path.dirname(file));
      if (current?.pid === mine.pid && current.host === mine.host) await fs.rm(file, { force: true });
    },
  };
}
