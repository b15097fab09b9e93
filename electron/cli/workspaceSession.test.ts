import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../core/dossierCore';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { deadPid } from '../core/testing/testHelpers';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(PROJECT, 'electron', 'cli', 'main.ts');
const COMMANDS = 20;

let tmp: string;
let ws: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-session-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `dossier …` as its own process, the way a script or a terminal runs it. */
function dossier(args: string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: PROJECT,
      env: { ...process.env, DOSSIER_WORKSPACE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('many dossier commands at once', () => {
  it(
    `${COMMANDS} annotate processes started together on a stale lock: every highlight acknowledged is stored, once`,
    async () => {
      const words = Array.from({ length: COMMANDS }, (_, i) => `word${i + 1}x`);
      const store = await WorkspaceStore.open(ws, { create: true });
      const core = createCore(store);
      const text = `Ministers meet\n\nThe ministers met in Delhi on Monday: ${words.join(' ')}.`;
      const { articles } = await core.api['articles.import']({ files: [{ name: 'talks.txt', base64: Buffer.from(text).toString('base64') }] });
      const articleId = articles[0]!.id;
      await core.close();
      const lock = path.join(ws, '.dossier.lock');
      await fs.writeFile(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), startedAt: 'x' }));

      const exits = await Promise.all(words.map((w) => dossier(['annotate', '--workspace', ws, '--article', articleId, '--quote', w, '--json'])));

      const acknowledged = exits
        .filter((e) => e.code === 0)
        .map((e) => (JSON.parse(e.stdout) as { annotation: { id: string; exact: string } }).annotation);
      const stored = JSON.parse(await fs.readFile(path.join(ws, 'articles', articleId, 'annotations.json'), 'utf8')) as {
        annotations: { id: string }[];
      };
      const history = (await fs.readFile(path.join(ws, 'articles', articleId, 'history.jsonl'), 'utf8')).trim().split('\n');
      const counts = { acknowledged: acknowledged.length, stored: stored.annotations.length, history: history.filter((line) => line.includes('"op":"annotation.do"')).length };
      // Nothing acknowledged is lost, and the audit trail lists exactly what is stored.
      expect(stored.annotations.map((a) => a.id).sort(), JSON.stringify(counts)).toEqual(expect.arrayContaining(acknowledged.map((a) => a.id)));
      expect(counts.history, JSON.stringify(counts)).toBe(counts.stored);
      // And none failed: each waited its turn.
      for (const exit of exits) expect(exit.code, exit.stderr).toBe(0);
      expect(acknowledged.map((a) => a.exact).sort()).toEqual([...words].sort());
      expect(counts).toEqual({ acknowledged: COMMANDS, stored: COMMANDS, history: COMMANDS });
      // At most one of them took the dead process's lock over (another may have found none and got in first).
      expect(exits.filter((e) => /Took over a stale lock/.test(e.stderr)).length).toBeLessThanOrEqual(1);
      await expect(fs.access(lock)).rejects.toMatchObject({ code: 'ENOENT' });
      expect((await fs.readdir(ws)).filter((name) => name.endsWith('.tmp') || name.endsWith('.takeover'))).toEqual([]);
    },
    300_000,
  );
});
