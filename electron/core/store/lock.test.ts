import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierError } from '../../common/errors';
import { deadPid, liveForeignPid as liveForeign } from '../testing/testHelpers';
import { acquireLock, liveLockHolder, readLock, type HeldLock } from './lock';

let tmp: string;
const liveForeignPid = () => liveForeign(children);
let lockFile: string;
const children: ChildProcess[] = [];
const held: HeldLock[] = [];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-lock-'));
  lockFile = path.join(tmp, '.dossier.lock');
});
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  for (const child of children.splice(0)) child.kill();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function writeLock(info: object): Promise<string> {
  const raw = JSON.stringify(info);
  await fs.writeFile(lockFile, raw);
  return raw;
}

async function acquire(): Promise<HeldLock> {
  const lock = await acquireLock(tmp);
  held.push(lock);
  return lock;
}

describe('acquireLock', () => {
  it('writes a lock file with this PID, host and start time', async () => {
    const lock = await acquire();
    expect(lock.file).toBe(lockFile);
    expect(lock.takeoverMessage).toBeNull();
    const info = JSON.parse(await fs.readFile(lockFile, 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(Number.isNaN(Date.parse(info.startedAt))).toBe(false);
    if (process.platform !== 'win32') expect((await fs.stat(lockFile)).mode & 0o777).toBe(0o600);
  });

  it('release removes the lock file, and a second release is harmless', async () => {
    const lock = await acquire();
    await lock.release();
    await expect(fs.access(lockFile)).rejects.toMatchObject({ code: 'ENOENT' });
    await lock.release();
    await expect(fs.access(lockFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('release leaves a lock that another process has taken since', async () => {
    const lock = await acquire();
    const raw = await writeLock({ pid: liveForeignPid(), host: os.hostname(), startedAt: new Date().toISOString() });
    await lock.release();
    expect(await fs.readFile(lockFile, 'utf8')).toBe(raw);
  });

  it('advertise adds the URL and token for the CLI, keeping the owner', async () => {
    const lock = await acquire();
    await lock.advertise('http://127.0.0.1:4567', 'secret-token');
    expect(await readLock(tmp)).toMatchObject({
      pid: process.pid,
      host: os.hostname(),
      url: 'http://127.0.0.1:4567',
      token: 'secret-token',
    });
  });

  it('takes over a stale lock of a dead process on this machine, and says so', async () => {
    const pid = deadPid();
    await writeLock({ pid, host: os.hostname(), startedAt: '2025-01-01T00:00:00.000Z' });
    const lock = await acquire();
    expect(lock.takeoverMessage).toContain(String(pid));
    expect(lock.takeoverMessage).toMatch(/no longer running/);
    expect(await readLock(tmp)).toMatchObject({ pid: process.pid });
  });

  it('takes over an unreadable lock file', async () => {
    await fs.writeFile(lockFile, 'garbage{');
    const lock = await acquire();
    expect(lock.takeoverMessage).toMatch(/unreadable/);
    expect(await readLock(tmp)).toMatchObject({ pid: process.pid });
  });

  it('refuses a lock held by another live process and leaves its file alone', async () => {
    const pid = liveForeignPid();
    const raw = await writeLock({ pid, host: os.hostname(), startedAt: '2025-01-01T00:00:00.000Z' });
    const error = await acquireLock(tmp).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DossierError);
    expect(error).toMatchObject({ code: 'locked', file: lockFile });
    expect((error as Error).message).toContain(String(pid));
    expect(await fs.readFile(lockFile, 'utf8')).toBe(raw);
  });

  it('refuses a lock held from another machine (its PID cannot be checked)', async () => {
    const raw = await writeLock({ pid: deadPid(), host: 'some-other-machine', startedAt: '2025-01-01T00:00:00.000Z' });
    await expect(acquireLock(tmp)).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining('some-other-machine') });
    expect(await fs.readFile(lockFile, 'utf8')).toBe(raw);
  });
});

describe('readLock', () => {
  it('is null without a lock file, or with one that is not a lock', async () => {
    expect(await readLock(tmp)).toBeNull();
    await fs.writeFile(lockFile, '{"pid":"nope"}');
    expect(await readLock(tmp)).toBeNull();
  });
});

describe('liveLockHolder', () => {
  it('is null without a lock, for this process and for a dead process', async () => {
    expect(await liveLockHolder(tmp)).toBeNull();
    await writeLock({ pid: process.pid, host: os.hostname(), startedAt: 'x' });
    expect(await liveLockHolder(tmp)).toBeNull();
    await writeLock({ pid: deadPid(), host: os.hostname(), startedAt: 'x' });
    expect(await liveLockHolder(tmp)).toBeNull();
  });

  it('is the lock of a live other process, with its URL and token', async () => {
    const pid = liveForeignPid();
    await writeLock({ pid, host: os.hostname(), startedAt: 'x', url: 'http://127.0.0.1:1', token: 't' });
    expect(await liveLockHolder(tmp)).toEqual({ pid, host: os.hostname(), startedAt: 'x', url: 'http://127.0.0.1:1', token: 't' });
  });

  it('counts a lock from another machine as live', async () => {
    await writeLock({ pid: deadPid(), host: 'some-other-machine', startedAt: 'x' });
    expect(await liveLockHolder(tmp)).toMatchObject({ host: 'some-other-machine' });
  });
});

/**
 * A process that, at `startAt`, takes the lock (trying again while another holds it), holds it
 * for a moment, and prints when it held it.
 */
const CONTENDER = `
  const { acquireLock } = await import(process.env.LOCK_MODULE);
  const [dir, startAt] = process.argv.slice(1);
  await new Promise((r) => setTimeout(r, Number(startAt) - Date.now()));
  for (;;) {
    try {
      const lock = await acquireLock(dir);
      const from = Date.now();
      await new Promise((r) => setTimeout(r, 30));
      const to = Date.now();
      await lock.release();
      console.log(JSON.stringify({ from, to, takeover: lock.takeoverMessage !== null }));
      break;
    } catch (error) {
      if (error.code !== 'locked') throw error;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 10));
    }
  }
`;

describe('acquireLock across processes', () => {
  it('a stale lock that many processes find at once is removed by one: no two ever hold the workspace together', async () => {
    await writeLock({ pid: deadPid(), host: os.hostname(), startedAt: 'x' });
    const module = fileURLToPath(new URL('./lock.ts', import.meta.url));
    const startAt = Date.now() + 4_000;
    const runs = await Promise.all(
      Array.from({ length: 12 }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CONTENDER, tmp, String(startAt)], {
          env: { ...process.env, LOCK_MODULE: module },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let out = '';
        let err = '';
        child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        return new Promise<{ from: number; to: number; takeover: boolean }>((resolve, reject) =>
          child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err)))),
        );
      }),
    );
    const held = [...runs].sort((a, b) => a.from - b.from);
    for (let i = 1; i < held.length; i++) expect(held[i]!.from, JSON.stringify(held)).toBeGreaterThanOrEqual(held[i - 1]!.to);
    // The one that removed the stale lock says so, unless another, finding no lock at all, got in first.
    expect(runs.filter((r) => r.takeover).length).toBeLessThanOrEqual(1);
    await expect(fs.access(lockFile)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);
});
