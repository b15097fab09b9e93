import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECENT_FILE, RECENT_LIMIT, RecentWorkspaces } from './recentWorkspaces';

let tmp: string;
let appData: string;
let clock: number;
let recent: RecentWorkspaces;

/** A folder holding a workspace.json, as the list checks. */
async function workspaceAt(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'workspace.json'), '{}');
  return dir;
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-recent-'));
  appData = path.join(tmp, 'app-data');
  clock = Date.parse('2025-05-04T10:00:00Z');
  recent = new RecentWorkspaces(appData, () => new Date((clock += 60_000)));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('RecentWorkspaces', () => {
  it('is empty before anything was opened, without creating the app-data folder', async () => {
    expect(await recent.list()).toEqual([]);
    await expect(fs.access(appData)).rejects.toThrow();
  });

  it('lists the most recently opened first, once each, with when it was opened', async () => {
    const a = await workspaceAt('a');
    const b = await workspaceAt('b');
    await recent.record(a, 'Alpha');
    await recent.record(b, 'Bravo');
    await recent.record(a, 'Alpha');
    const list = await recent.list();
    expect(list.map((w) => [w.name, w.path])).toEqual([
      ['Alpha', a],
      ['Bravo', b],
    ]);
    expect(Date.parse(list[0]!.lastOpened)).toBeGreaterThan(Date.parse(list[1]!.lastOpened));
    // Another process reading the same file sees the same list.
    expect((await new RecentWorkspaces(appData).list()).map((w) => w.path)).toEqual([a, b]);
  });

  it(`keeps the ${RECENT_LIMIT} most recent`, async () => {
    const dirs: string[] = [];
    for (let i = 0; i < RECENT_LIMIT + 3; i++) {
      dirs.push(await workspaceAt(`w${i}`));
      await recent.record(dirs[i]!, `W${i}`);
    }
    const list = await recent.list();
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]!.name).toBe(`W${RECENT_LIMIT + 2}`);
    expect(list.map((w) => w.name)).not.toContain('W0');
  });

  it('marks a workspace whose folder is gone as missing, and forgets it on request', async () => {
    const a = await workspaceAt('a');
    const b = await workspaceAt('b');
    await recent.record(a, 'Alpha');
    await recent.record(b, 'Bravo');
    await fs.rm(a, { recursive: true });
    expect((await recent.list()).map((w) => [w.name, w.missing])).toEqual([
      ['Bravo', false],
      ['Alpha', true],
    ]);
    await recent.forget(a);
    expect((await recent.list()).map((w) => w.name)).toEqual(['Bravo']);
  });

  it('renames an entry in place, and clears all but the open workspace', async () => {
    const a = await workspaceAt('a');
    const b = await workspaceAt('b');
    await recent.record(a, 'Alpha');
    await recent.record(b, 'Bravo');
    await recent.rename(a, 'Alpha renamed');
    expect((await recent.list()).map((w) => w.name)).toEqual(['Bravo', 'Alpha renamed']);
    await recent.clear([a]);
    expect((await recent.list()).map((w) => w.name)).toEqual(['Alpha renamed']);
  });

  it('reads a damaged file as an empty list and replaces it with a good one at the next open', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fs.mkdir(appData, { recursive: true });
    await fs.writeFile(path.join(appData, RECENT_FILE), '{"kind":"recent-workspaces","workspaces":[{"pa');
    expect(await recent.list()).toEqual([]);
    const a = await workspaceAt('a');
    await recent.record(a, 'Alpha');
    expect((await recent.list()).map((w) => w.name)).toEqual(['Alpha']);
    expect(JSON.parse(await fs.readFile(path.join(appData, RECENT_FILE), 'utf8'))).toMatchObject({ kind: 'recent-workspaces', version: 1 });
  });

  it('keeps every entry when changes are made at once', async () => {
    const dirs = await Promise.all(['a', 'b', 'c', 'd'].map(workspaceAt));
    await Promise.all(dirs.map((d, i) => recent.record(d, `N${i}`)));
    expect((await recent.list()).map((w) => w.name).sort()).toEqual(['N0', 'N1', 'N2', 'N3']);
  });
});
