import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentWorkspaces } from '../core/appData/recentWorkspaces';
import { runCaptured } from './testing/runCaptured';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-cli-workspaces-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('dossier workspaces', () => {
  it('lists the recent workspaces, most recent first, the missing ones marked', async () => {
    const env = { DOSSIER_APP_DATA: path.join(tmp, 'app-data') };
    expect((await runCaptured(['workspaces'], { env })).stdout).toBe('No workspace opened in the app yet.\n');

    const kept = path.join(tmp, 'kept');
    await fs.mkdir(kept);
    await fs.writeFile(path.join(kept, 'workspace.json'), '{}');
    const recent = new RecentWorkspaces(env.DOSSIER_APP_DATA);
    await recent.record(path.join(tmp, 'gone'), 'Gone');
    await recent.record(kept, 'Kept');

    const json = await runCaptured(['workspaces', '--json'], { env });
    expect(json.code).toBe(0);
    const { workspaces } = JSON.parse(json.stdout) as { workspaces: { name: string; path: string; missing: boolean }[] };
    expect(workspaces.map((w) => [w.name, w.path, w.missing])).toEqual([
      ['Kept', kept, false],
      ['Gone', path.join(tmp, 'gone'), true],
    ]);
    const text = await runCaptured(['workspaces'], { env });
    expect(text.stdout.split('\n')[1]).toMatch(/^Gone\t.*\t\(missing\)$/);
    expect((await runCaptured(['workspaces', 'extra'], { env })).code).toBe(2);
  });
});
