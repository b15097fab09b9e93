import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './testing/runCaptured';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

let tmp: string;
let ws: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-cli-backups-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const run = (...args: string[]) => runCaptured([...args, '--workspace', ws]);
const json = async <T>(...args: string[]): Promise<T> => {
  const r = await run(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

describe('dossier backups', () => {
  it('takes, lists, shows and restores backups, and the restore can be undone', async () => {
    const { articles } = await json<{ articles: { id: string }[] }>('import', SAMPLE);
    const id = articles[0]!.id;
    expect(await json('backups')).toEqual({ backups: [] });
    const first = (await json<{ backup: { id: string; changed: number } }>('backups', 'take')).backup;
    expect(first.changed).toBeGreaterThan(3);
    expect(await json('backups', 'take')).toEqual({ backup: null });

    expect((await run('annotate', '--article', id, '--quote', 'strategic partners', '--comment', 'Quad')).code).toBe(0);
    const annotations = `articles/${id}/annotations.json`;
    const restored = await json<{ restored: string[]; before: string }>('backups', 'restore', first.id, '--file', annotations);
    expect(restored.restored).toEqual([annotations]);
    expect((await json<{ annotations: unknown[] }>('annotations', '--article', id)).annotations).toEqual([]);

    const { files } = await json<{ files: { file: string; change: string }[] }>('backups', 'files', restored.before);
    expect(files).toContainEqual(expect.objectContaining({ file: annotations, change: 'changed' }));
    await json('backups', 'restore', restored.before);
    expect((await json<{ annotations: unknown[] }>('annotations', '--article', id)).annotations).toHaveLength(1);
    const list = (await json<{ backups: { reason: string }[] }>('backups')).backups.map((b) => b.reason);
    expect(list).toEqual(['before-restore', 'before-restore', 'manual']);
  });

  it('says in one line what is wrong with a call', async () => {
    await json('import', SAMPLE);
    for (const [args, message] of [
      [['backups', 'restore'], /needs a backup ID/],
      [['backups', 'files'], /needs a backup ID/],
      [['backups', 'fetch'], /unknown backups command/],
      [['backups', 'take', '--file', 'x'], /--file goes with backups restore/],
    ] as const) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^dossier: [^\n]+\n$/);
      expect(r.stderr).toMatch(message);
    }
    const missing = await run('backups', 'restore', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^dossier: No backup nope in this workspace/);
  });
});
