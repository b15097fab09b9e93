import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallResponse, EventName } from '../../common/contract';
import { RecentWorkspaces } from '../appData/recentWorkspaces';
import { readLock } from '../store/lock';
import { liveForeignPid } from '../testing/testHelpers';
import { AppWorkspaces, NEW_WORKSPACES_FOLDER } from './appWorkspaces';
import { openAppWorkspace } from './openWorkspace';
import { dispatcher } from '../testing/dispatching';
import { step } from '../../common/model/phrase';

const ASSETS = path.resolve(__dirname, '..', '..', '..', 'assets');
const children: ChildProcess[] = [];

let tmp: string;
let workspaces: AppWorkspaces;
let events: { name: EventName; payload: unknown }[];

const { call, failure } = dispatcher(() => workspaces);

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-switch-'));
  workspaces = await AppWorkspaces.start(path.join(tmp, 'first'), {
    open: (dir, how) => openAppWorkspace(dir, ASSETS, {}, how),
    recent: new RecentWorkspaces(path.join(tmp, 'app-data')),
    documentsDir: path.join(tmp, 'Documents'),
  });
  events = [];
  workspaces.events.subscribe((name, payload) => events.push({ name, payload }));
});
afterEach(async () => {
  await workspaces.close();
  await fs.rm(tmp, { recursive: true, force: true });
});
afterAll(() => {
  for (const child of children) child.kill();
});

describe('AppWorkspaces', () => {
  it('opens the first workspace with the sample, holds its lock and lists it as recent', async () => {
    const first = path.join(tmp, 'first');
    expect((await call('articles.list')).articles).toHaveLength(1);
    expect((await readLock(first))?.pid).toBe(process.pid);
    const recent = await call('workspaces.recent');
    expect(recent.current).toBe(first);
    expect(recent.workspaces.map((w) => [w.path, w.name, w.missing])).toEqual([[first, 'first', false]]);
    expect(recent.newWorkspaceParent).toBe(path.join(tmp, 'Documents', NEW_WORKSPACES_FOLDER));
  });

  it('creates and switches to a new workspace: the old lock is released, the new one taken, windows told', async () => {
    const first = path.join(tmp, 'first');
    const second = path.join(tmp, 'cases', 'second');
    await workspaces.advertise('http://127.0.0.1:9', 'token');
    const highlight = (await call('articles.list')).articles[0]!.id;

    expect(await call('workspaces.create', { path: second, name: 'Case two' })).toEqual({ path: second, name: 'Case two' });
    expect(await readLock(first)).toBeNull();
    // The CLI finds the running app through the lock of whichever workspace it has open.
    expect(await readLock(second)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:9', token: 'token' });
    expect(events).toContainEqual({ name: 'workspace.switched', payload: { path: second, name: 'Case two' } });
    // A new workspace made here starts empty, its name given, not its folder's.
    expect((await call('articles.list')).articles).toEqual([]);
    expect((await call('workspace.info')).name).toBe('Case two');
    expect((await call('workspaces.recent')).workspaces.map((w) => w.name)).toEqual(['Case two', 'first']);

    // Events of the workspace now open still reach the same listeners.
    await call('notes.create', { title: 'In the second' });
    expect(events.some((e) => e.name === 'workspace.changed')).toBe(true);

    expect(await call('workspaces.open', { path: first })).toEqual({ path: first, name: 'first' });
    expect((await call('articles.list')).articles.map((a) => a.id)).toEqual([highlight]);
    expect((await call('notes.list', {})).notes).toEqual([]);
    expect(await readLock(second)).toBeNull();
    expect((await readLock(first))?.pid).toBe(process.pid);
    expect((await call('workspaces.recent')).workspaces.map((w) => w.name)).toEqual(['first', 'Case two']);
  });

  it('can give a new workspace the sample article', async () => {
    await call('workspaces.create', { path: path.join(tmp, 'with-sample'), name: 'Training', sample: true });
    expect((await call('articles.list')).articles).toHaveLength(1);
  });

  it('refuses a workspace another running Dossier holds, and keeps the open one', async () => {
    const other = path.join(tmp, 'other');
    await call('workspaces.create', { path: other, name: 'Other' });
    await call('workspaces.open', { path: path.join(tmp, 'first') });
    const pid = liveForeignPid(children);
    await fs.writeFile(path.join(other, '.dossier.lock'), JSON.stringify({ pid, host: os.hostname(), startedAt: '2025-05-04T10:00:00.000Z' }));

    const error = await failure('workspaces.open', { path: other });
    expect(error.code).toBe('locked');
    expect(error.message).toContain(`open in another Dossier (process ${pid}`);
    expect(workspaces.path).toBe(path.join(tmp, 'first'));
    expect((await call('articles.list')).articles).toHaveLength(1);
    expect((await readLock(path.join(tmp, 'first')))?.pid).toBe(process.pid);
  });

  it('says why a folder cannot be opened or created', async () => {
    const papers = path.join(tmp, 'papers');
    await fs.mkdir(papers);
    await fs.writeFile(path.join(papers, 'report.docx'), 'x');
    expect(await failure('workspaces.open', { path: papers })).toMatchObject({ code: 'not-found', message: expect.stringContaining('not a Dossier workspace') });
    expect(await failure('workspaces.open', { path: path.join(tmp, 'nowhere') })).toMatchObject({ message: expect.stringContaining('does not exist') });
    expect(await failure('workspaces.create', { path: papers, name: 'Papers' })).toMatchObject({ code: 'bad-input', message: expect.stringContaining('choose an empty or new folder') });
    expect(await failure('workspaces.create', { path: path.join(tmp, 'first'), name: 'Again' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('open it instead') });
    expect(await failure('workspaces.create', { path: path.join(tmp, 'x'), name: '  ' })).toMatchObject({ code: 'bad-input', message: 'A workspace needs a name.' });
    // Nothing was created, and the open workspace is still the first.
    await expect(fs.access(path.join(papers, 'workspace.json'))).rejects.toThrow();
    expect(workspaces.path).toBe(path.join(tmp, 'first'));
  });

  it('opening the open workspace again changes nothing', async () => {
    expect(await call('workspaces.open', { path: path.join(tmp, 'first', '.') })).toEqual({ path: path.join(tmp, 'first'), name: 'first' });
    expect(events.filter((e) => e.name === 'workspace.switched')).toEqual([]);
  });

  it('renames the workspace, not its folder, undoably, and the recent list follows', async () => {
    expect(await call('workspace.rename', { name: 'India–Japan' })).toEqual({ name: 'India–Japan' });
    expect((await call('workspace.info')).name).toBe('India–Japan');
    await workspaces.core.store.flush();
    expect(JSON.parse(await fs.readFile(path.join(tmp, 'first', 'workspace.json'), 'utf8')).name).toBe('India–Japan');
    await expect(fs.access(path.join(tmp, 'India–Japan'))).rejects.toThrow();
    await expect.poll(async () => (await call('workspaces.recent')).workspaces[0]?.name).toBe('India–Japan');
    expect((await call('history.undo')).label).toEqual(step('renameWorkspace'));
    expect((await call('workspace.info')).name).toBe('first');
    await expect.poll(async () => (await call('workspaces.recent')).workspaces[0]?.name).toBe('first');
  });

  it('lets calls under way finish on their workspace, and closes cleanly', async () => {
    const saving = call('notes.create', { title: 'Before the switch' });
    await call('workspaces.create', { path: path.join(tmp, 'next'), name: 'Next' });
    await saving;
    await call('workspaces.open', { path: path.join(tmp, 'first') });
    expect((await call('notes.list', {})).notes.map((n) => n.title)).toEqual(['Before the switch']);
    await workspaces.close();
    expect(await readLock(path.join(tmp, 'first'))).toBeNull();
    expect(await failure('articles.list', {})).toMatchObject({ code: 'unavailable' });
  });

  describe('launch: a first workspace that cannot be opened', () => {
    let started: AppWorkspaces | null = null;
    afterEach(async () => {
      await started?.close();
      started = null;
    });
    const launch = (dir: string) =>
      AppWorkspaces.launch(dir, {
        open: (d, how) => openAppWorkspace(d, ASSETS, {}, how),
        recent: new RecentWorkspaces(path.join(tmp, 'app-data')),
        documentsDir: path.join(tmp, 'Documents'),
      });

    it('leaves the app on its start screen, says why, and opens another from there', async () => {
      const locked = path.join(tmp, 'locked');
      await call('workspaces.create', { path: locked, name: 'Locked' });
      await call('workspaces.open', { path: path.join(tmp, 'first') });
      const pid = liveForeignPid(children);
      await fs.writeFile(path.join(locked, '.dossier.lock'), JSON.stringify({ pid, host: os.hostname(), startedAt: '2025-05-04T10:00:00.000Z' }));
      await workspaces.close();

      started = await launch(locked);
      expect(started.path).toBeNull();
      expect(started.startupProblem).toEqual({
        path: locked,
        message: expect.stringContaining(`open in another Dossier (process ${pid}`),
        // The start screen words it in the UI language.
        phrase: expect.objectContaining({ key: 'lock.openElsewhere' }),
      });
      const seen: EventName[] = [];
      started.events.subscribe((name) => seen.push(name));
      // The start screen's calls are answered; the workspace's own are refused, saying why.
      const recent = await started.dispatch('workspaces.recent', {});
      expect(recent).toMatchObject({ ok: true, value: { current: null, problem: { path: locked } } });
      expect(recent.ok && (recent.value as CallResponse<'workspaces.recent'>).workspaces.map((w) => w.name)).toEqual(['first', 'Locked']);
      expect(await started.dispatch('articles.list', {})).toEqual({
        ok: false,
        error: { code: 'no-workspace', message: 'No workspace is open: open or create one.', phrase: { key: 'workspace.noneOpen' } },
      });
      // The lock of the other Dossier is left alone.
      expect((await readLock(locked))?.pid).toBe(pid);

      await started.advertise('http://127.0.0.1:9', 'token');
      const first = path.join(tmp, 'first');
      expect(await started.dispatch('workspaces.open', { path: first })).toEqual({ ok: true, value: { path: first, name: 'first' } });
      expect(seen).toContain('workspace.switched');
      expect(started.startupProblem).toBeNull();
      expect(await readLock(first)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:9', token: 'token' });
      const list = await started.dispatch('articles.list', {});
      expect(list.ok && (list.value as CallResponse<'articles.list'>).articles).toHaveLength(1);
    });

    it('says so for a folder holding other files, and creates nothing there', async () => {
      const papers = path.join(tmp, 'papers');
      await fs.mkdir(papers);
      await fs.writeFile(path.join(papers, 'report.docx'), 'x');
      started = await launch(papers);
      expect(started.startupProblem?.message).toContain('already holds other files and is not a Dossier workspace');
      await expect(fs.access(path.join(papers, 'workspace.json'))).rejects.toThrow();
      expect(await fs.readdir(papers)).toEqual(['report.docx']);
      // Closing with none open is quiet.
      await started.close();
    });
  });
});
