import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DossierError } from '../../common/errors';
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
  advertise(url: string, token: string): Promise<void>;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readLock(dir: string): Promise<LockInfo | null> {
  try {
    const parsed = LockInfo.safeParse(JSON.parse(await fs.readFile(path.join(dir, FILE_NAMES.lock), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The lock of another live process on this machine, or null. */
export async function liveLockHolder(dir: string): Promise<LockInfo | null> {
  const info = await readLock(dir);
  if (!info || info.pid === process.pid) return null;
  if (info.host === os.hostname() && !isAlive(info.pid)) return null;
  return info;
}

/** Another process may have created the lock file and not yet filled it: look again before giving up on it. */
async function readLockPatiently(dir: string): Promise<LockInfo | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const info = await readLock(dir);
    if (info) return info;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  return null;
}

/** One writer per workspace: a lock file with PID, host and start time. */
export async function acquireLock(dir: string): Promise<HeldLock> {
  const file = path.join(dir, FILE_NAMES.lock);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  let takeoverMessage: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return heldLock(file, mine, takeoverMessage);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLockPatiently(dir);
    if (holder && holder.host === os.hostname() && holder.pid === process.pid) {
      throw new DossierError('locked', `The workspace ${dir} is already open in this Dossier.`, file);
    }
    if (holder && holder.host === os.hostname() && isAlive(holder.pid)) {
      throw new DossierError(
        'locked',
        `The workspace ${dir} is open in another Dossier (process ${holder.pid}, since ${holder.startedAt}).`,
        file,
      );
    }
    if (holder && holder.host !== os.hostname()) {
      throw new DossierError(
        'locked',
        `The workspace ${dir} is open in Dossier on ${holder.host} (process ${holder.pid}). Close it there first.`,
        file,
      );
    }
    takeoverMessage = holder
      ? `Took over a stale lock left by process ${holder.pid} (started ${holder.startedAt}), which is no longer running.`
      : 'Took over an unreadable lock file.';
    await fs.rm(file, { force: true });
  }
  throw new DossierError('locked', `Could not lock the workspace ${dir}.`, file);
}

function heldLock(file: string, mine: LockInfo, takeoverMessage: string | null): HeldLock {
  let released = false;
  return {
    file,
    takeoverMessage,
    async advertise(url, token) {
      await fs.writeFile(file, JSON.stringify({ ...mine, url, token }), { mode: 0o600 });
    },
    async release() {
      if (released) return;
      released = true;
      const current = await readLock(path.dirname(file));
      if (current?.pid === mine.pid) await fs.rm(file, { force: true });
    },
  };
}
