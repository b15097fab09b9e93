import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { callApi } from './models/api';
import { WorkspacesScreen } from './models/WorkspacesScreen';
import { seedWorkspace } from './seedWorkspace';

const TEXT = 'Port talks in Chennai\n\nThe delegations met in Chennai and agreed to widen the channel for larger ships.';

test('create a second workspace from the start screen, work there, switch back through the recent list, and rename', async ({ dossier }) => {
  const page = dossier.page;
  const screen = new WorkspacesScreen(page);
  const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-second-'));
  try {
    const firstName = path.basename(dossier.workspace);
    await expect(screen.topBarName).toHaveText(firstName);
    await expect(page).toHaveTitle(`${firstName} — Dossier`);
    await expect(dossier.library.articles).toHaveCount(1);

    // The start screen, from the name in the top bar.
    await screen.open();
    await expect(screen.dialog.getByRole('region', { name: 'Open now' })).toContainText(dossier.workspace);
    await expect(screen.dialog).toContainText('No other workspace opened yet.');
    // The folder follows the name, under Documents, until one is typed.
    const create = screen.dialog.getByRole('form', { name: 'Create a workspace' });
    await create.getByLabel('Name').fill('Second case');
    await expect(create.getByLabel('Folder')).toHaveValue(/Dossier workspaces[/\\]Second case$/);
    await page.screenshot({ path: '/tmp/workspaces-start-screen.png' });
    const axe = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // A folder that holds other files is refused, and the open workspace stays.
    const papers = path.join(elsewhere, 'papers');
    mkdirSync(papers);
    writeFileSync(path.join(papers, 'report.txt'), 'x');
    await create.getByLabel('Folder').fill(papers);
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await expect(screen.problem).toContainText('already holds other files and is not a Dossier workspace');
    await expect(screen.topBarName).toHaveText(firstName);

    const second = path.join(elsewhere, 'second');
    await screen.create('Second case', second);
    await expect(page).toHaveTitle('Second case — Dossier');
    // A new workspace starts empty.
    await expect(dossier.library.articles).toHaveCount(0);
    expect(JSON.parse(await readFile(path.join(second, 'workspace.json'), 'utf8')).name).toBe('Second case');

    // Work there: an import.
    const file = path.join(elsewhere, 'port.txt');
    writeFileSync(file, TEXT);
    await page.getByLabel('Articles to import').setInputFiles(file);
    await page.getByRole('dialog', { name: /Imported 1 of 1/ }).getByRole('button', { name: 'Port talks in Chennai' }).click();
    await expect(dossier.library.articles).toHaveCount(1);
    await expect(dossier.library.article('Port talks in Chennai')).toBeVisible();

    // Back to the first through the recent list (its keys this time).
    await page.keyboard.press('Control+Shift+O');
    await expect(screen.dialog).toBeVisible();
    await expect(screen.recent.getByRole('listitem')).toHaveCount(1);
    await expect(screen.recent).toContainText(firstName);
    await screen.switchesTo(firstName, () => screen.recent.getByRole('button', { name: `Open ${firstName}` }).click());
    await expect(dossier.library.articles).toHaveCount(1);
    await expect(dossier.library.article('Port talks in Chennai')).toHaveCount(0);
    expect((await callApi(page, 'workspace.info', {})).path).toBe(dossier.workspace);

    // Rename: the top bar and the window title follow; the folder keeps its name.
    await screen.open();
    await screen.dialog.getByRole('button', { name: 'Rename…' }).click();
    await screen.dialog.getByLabel('Workspace name').fill('Indo-Pacific file');
    await screen.dialog.getByRole('button', { name: 'Save name' }).click();
    await expect(screen.topBarName).toHaveText('Indo-Pacific file');
    await expect(page).toHaveTitle('Indo-Pacific file — Dossier');
    await expect(screen.dialog.getByRole('region', { name: 'Open now' })).toContainText('Indo-Pacific file');
    // The start screen lists the other one, with when it was last opened.
    await expect(screen.recent.getByRole('listitem')).toHaveCount(1);
    await expect(screen.recent).toContainText('Second case');
    await expect(screen.recent).toContainText(second);
    await expect(screen.recent).toContainText('Last opened');
    await page.screenshot({ path: '/tmp/workspaces-renamed.png' });
    const recent = await callApi(page, 'workspaces.recent', {});
    expect(recent.workspaces.map((w) => [w.name, w.path])).toEqual([
      ['Indo-Pacific file', dossier.workspace],
      ['Second case', second],
    ]);

    // And the second still holds its article.
    await screen.switchesTo('Second case', () => screen.recent.getByRole('button', { name: 'Open Second case' }).click());
    await expect(dossier.library.article('Port talks in Chennai')).toBeVisible();
    expect(dossier.pageErrors).toEqual([]);
  } finally {
    // The server lets go of the second workspace before its folder goes.
    await callApi(dossier.page, 'workspaces.open', { path: dossier.workspace }).catch(() => undefined);
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('a missing workspace is shown as such and can be taken off the list; a folder that is not a workspace says so', async ({ dossier }) => {
  const page = dossier.page;
  const screen = new WorkspacesScreen(page);
  const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-gone-'));
  try {
    const first = path.basename(dossier.workspace);
    await screen.open();
    await screen.create('Soon gone', path.join(elsewhere, 'soon-gone'));
    await screen.open();
    await screen.switchesTo(first, () => screen.recent.getByRole('button', { name: `Open ${first}` }).click());
    rmSync(path.join(elsewhere, 'soon-gone'), { recursive: true, force: true });

    await screen.open();
    const gone = screen.recent.getByRole('listitem').filter({ hasText: 'Soon gone' });
    await expect(gone).toContainText('Folder not found');
    await expect(gone.getByRole('button', { name: 'Open Soon gone' })).toHaveCount(0);
    await gone.getByRole('button', { name: 'Remove Soon gone from the list' }).click();
    await expect(screen.dialog).toContainText('No other workspace opened yet.');

    // The desktop app picks the folder with the system's dialog instead of a typed path.
    if (dossier.shell === 'electron') return;
    const open = screen.dialog.getByRole('form', { name: 'Open a workspace' });
    await open.getByLabel('Workspace folder').fill(elsewhere);
    await open.getByRole('button', { name: 'Open workspace' }).click();
    await expect(screen.problem).toContainText(`This folder is not a Dossier workspace: ${elsewhere}`);
    await expect(screen.topBarName).toHaveText(first);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test.describe('a workspace another running Dossier holds', () => {
  test.use({
    // A workspace with its lock held by a live process on this machine (this test's own).
    prepareWorkspace: {
      async run(dir) {
        await seedWorkspace(dir, ROOT, 0);
        writeFileSync(path.join(dir, '.dossier.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: '2025-05-04T10:00:00.000Z' }));
      },
    },
    readyWhen: 'main.ws-start-screen',
  });

  test('starts on the start screen, saying why, and opens a new workspace from there', async ({ dossier }) => {
    const page = dossier.page;
    const screen = new WorkspacesScreen(page);
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-start-'));
    try {
      const start = screen.startScreen;
      await expect(start).toBeVisible();
      const why = start.getByRole('alert').filter({ hasText: 'Dossier could not open the workspace' });
      await expect(why).toContainText(dossier.workspace);
      await expect(why).toContainText(`is open in another Dossier (process ${process.pid}`);
      // Since when, written as the app writes dates, not as the lock file's timestamp.
      await expect(why).toContainText(/, since [^)]*\d/);
      await expect(why).not.toContainText(/since \d{4}-\d\d-\d\dT/);
      // Nothing of a workspace shows, and nothing closes the screen.
      await expect(page.getByRole('banner')).toHaveCount(0);
      await expect(start.getByRole('button', { name: 'Close' })).toHaveCount(0);
      await expect(start).toContainText('No other workspace opened yet.');
      await page.screenshot({ path: '/tmp/workspaces-start-problem.png' });
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

      // The locked one cannot be opened from here either; the reason shows where the button was.
      const open = start.getByRole('form', { name: 'Open a workspace' });
      await open.getByLabel('Workspace folder').fill(dossier.workspace);
      await open.getByRole('button', { name: 'Open workspace' }).click();
      await expect(start.locator('.ws-problem')).toContainText('is open in another Dossier');

      const create = start.getByRole('form', { name: 'Create a workspace' });
      await create.getByLabel('Name').fill('Fresh start');
      await create.getByLabel('Folder').fill(path.join(elsewhere, 'fresh'));
      await create.getByLabel('Include the sample article').check();
      await screen.switchesTo('Fresh start', () => create.getByRole('button', { name: 'Create workspace' }).click());
      await expect(dossier.library.articles).toHaveCount(1);
      await expect(page).toHaveTitle('Fresh start — Dossier');
      // The other Dossier's lock is untouched.
      expect(JSON.parse(await readFile(path.join(dossier.workspace, '.dossier.lock'), 'utf8')).pid).toBe(process.pid);
      expect(dossier.pageErrors).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
