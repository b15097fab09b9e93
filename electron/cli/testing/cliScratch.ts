import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A CLI test's scratch space: a fresh folder per test with `ws` inside it for the workspace, and
 * what the test started that must stop after it (running apps, child processes), undone in reverse.
 */
export interface CliScratch {
  readonly tmp: string;
  readonly ws: string;
  readonly children: ChildProcess[];
  readonly cleanups: (() => Promise<void>)[];
}

export function cliScratch(prefix: string): CliScratch {
  const scratch = { tmp: '', ws: '', children: [] as ChildProcess[], cleanups: [] as (() => Promise<void>)[] };
  beforeEach(async () => {
    scratch.tmp = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    scratch.ws = path.join(scratch.tmp, 'ws');
  });
  afterEach(async () => {
    for (const cleanup of scratch.cleanups.splice(0).reverse()) await cleanup();
    for (const child of scratch.children.splice(0)) child.kill();
    await fs.rm(scratch.tmp, { recursive: true, force: true });
  });
  return scratch;
}
