import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, WorkspaceStore, type DossierCore } from '../electron/core';
import { expect, test } from './fixtures';
import { callApi } from './models/api';
import { CommandPaletteDialog } from './models/KeyboardDialogs';
import { inBothThemes, seriousViolationsIn as seriousViolations, syncIndicator as indicator, useTeamServer } from './models/teamServer';
import { WorkspacesScreen } from './models/WorkspacesScreen';

/**
 * Joining a team workspace from the app, and stopping sync: a team's workspace lives in a
 * CouchDB-compatible server on loopback (members only), filled by a core in this process.
 */

const TEAM_NAME = 'Indo-Pacific team file';
const ARTICLE = 'Port talks in Chennai';
const SHOT = (name: string) => `/tmp/syncjoin-${name}.png`;

const teamServer = useTeamServer('team-file');
const cleanup: string[] = [];

test.afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
}

/** The team's workspace, named and holding one article, synced to the database by a colleague's core. */
async function teamWorkspace(url: string): Promise<DossierCore> {
  const store = await WorkspaceStore.open(scratch('dossier-e2e-team-'), { create: true, name: 'Scratch' });
  const core = createCore(store, { creator: { name: 'Ben Colleague' } });
  await core.api['workspace.rename']({ name: TEAM_NAME });
  const text = `${ARTICLE}\n\nThe delegations met in Chennai and agreed to widen the channel for larger ships.`;
  await core.api['articles.import']({ files: [{ name: 'port.txt', base64: Buffer.from(text).toString('base64') }] });
  await core.api['sync.run']({ remote: url, ...teamServer.server.auth });
  return core;
}

test('joins a team workspace into a new folder: a refused password first, then the team’s articles and name', async ({ dossier }) => {
  test.setTimeout(120_000);
  const { page } = dossier;
  const url = await teamServer.teamDatabase();
  const team = await teamWorkspace(url);
  const folder = path.join(scratch('dossier-e2e-join-'), 'Team file');
  const screen = new WorkspacesScreen(page);
  try {
    // A registry command, in the palette.
    const palette = new CommandPaletteDialog(page);
    await palette.open();
    await palette.box.fill('Join a team');
    await expect(palette.selected).toContainText('Join a team workspace…');
    await page.keyboard.press('Enter');
    const join = page.getByRole('dialog', { name: 'Join a team workspace' });
    await expect(join).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(join).toBeHidden();

    // And on the workspaces screen, beside Create.
    await screen.open();
    const joinSection = screen.dialog.getByRole('region', { name: 'Join a team workspace' });
    await joinSection.scrollIntoViewIfNeeded();
    await screen.dialog.screenshot({ path: SHOT('workspaces-screen') });
    await joinSection.getByRole('button', { name: 'Join a team workspace…' }).click();
    await expect(join).toBeVisible();
    const form = join.getByRole('form', { name: 'Join a team workspace' });
    await form.getByLabel('Database URL').fill(url);
    // The folder is suggested after the database until one is typed.
    await expect(form.getByLabel('Folder')).toHaveValue(new RegExp(`${path.basename(new URL(url).pathname)}$`));
    await form.getByLabel('User name').fill(teamServer.server.auth.username);
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByLabel('Folder').fill(folder);
    await inBothThemes(page, async (theme) => {
      await join.screenshot({ path: SHOT(`dialog-${theme}`) });
      expect(await seriousViolations(page, '.join-team')).toEqual([]);
    });

    // Refused: said in words; the new workspace is there, empty and unlinked, and trying again works.
    await form.getByRole('button', { name: 'Join and sync' }).click();
    // The app's own words, chosen by the error's code (the core's would name DOSSIER_SYNC_USER).
    await expect(join.getByRole('alert')).toHaveText('The server refused the user name and password (401). Give them again.', { timeout: 20_000 });
    await expect(join).toContainText(`The workspace was created in ${folder}`);
    await expect(form.getByLabel('Folder')).toHaveJSProperty('readOnly', true);
    expect(existsSync(path.join(folder, 'workspace.json'))).toBe(true);
    expect(existsSync(path.join(folder, 'sync', 'link.json'))).toBe(false);
    await join.screenshot({ path: SHOT('dialog-refused-light') });
    expect(await seriousViolations(page, '.join-team')).toEqual([]);

    await form.getByLabel('Password').fill(teamServer.server.auth.password);
    // The window reloads onto the joined workspace, named as the team named it.
    await screen.switchesTo(TEAM_NAME, () => form.getByRole('button', { name: 'Try again' }).click());
    await expect(page).toHaveTitle(`${TEAM_NAME} — Dossier`);
    await expect(dossier.library.article(ARTICLE)).toBeVisible();
    expect((await callApi(page, 'workspace.info', {})).path).toBe(folder);
    await expect(indicator(page).getByRole('button', { name: 'Team sync: Up to date' })).toBeVisible({ timeout: 15_000 });

    // The recent list knows it by the team's name too; the workspace the app was on is one step back.
    const recent = await callApi(page, 'workspaces.recent', {});
    expect(recent.workspaces.find((w) => w.path === folder)?.name).toBe(TEAM_NAME);
    await screen.open();
    await expect(screen.dialog.getByRole('region', { name: 'Open now' })).toContainText(TEAM_NAME);
    await expect(screen.recent).toContainText(path.basename(dossier.workspace));
    await expect(screen.dialog.getByRole('region', { name: 'Team sync' })).toContainText(url);
    await page.screenshot({ path: SHOT('joined') });

    // Live: the team's next article arrives on its own.
    const more = 'Second round of port talks\n\nThe ministers met again in Vizag.';
    await team.api['articles.import']({ files: [{ name: 'more.txt', base64: Buffer.from(more).toString('base64') }] });
    await team.api['sync.run']({});
    await page.keyboard.press('Escape');
    await expect(dossier.library.article('Second round of port talks')).toBeVisible({ timeout: 15_000 });
  } finally {
    await team.close();
  }
});

test('stops syncing after asking, and the workspace links again', async ({ dossier }) => {
  test.setTimeout(90_000);
  const { page } = dossier;
  const url = await teamServer.teamDatabase();
  await callApi(page, 'sync.run', { remote: url, ...teamServer.server.auth });
  await expect(indicator(page).getByRole('button', { name: 'Team sync: Up to date' })).toBeVisible({ timeout: 15_000 });
  expect(existsSync(path.join(dossier.workspace, 'sync', 'link.json'))).toBe(true);

  const screen = new WorkspacesScreen(page);
  await screen.open();
  const section = screen.dialog.getByRole('region', { name: 'Team sync' });
  await section.getByRole('button', { name: 'Stop syncing…' }).click();
  const confirm = section.getByRole('group', { name: 'Stop syncing with the team database?' });
  await expect(confirm).toContainText('0 changes waiting to be sent, 0 conflicts');
  await expect(confirm.getByRole('button', { name: 'Keep syncing' })).toBeFocused();
  await inBothThemes(page, async (theme) => {
    await section.screenshot({ path: SHOT(`stop-${theme}`) });
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
  });
  // Keeping on changes nothing.
  await confirm.getByRole('button', { name: 'Keep syncing' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(section.getByTestId('sync-state')).toHaveText(/Up to date/);

  await section.getByRole('button', { name: 'Stop syncing…' }).click();
  await confirm.getByRole('button', { name: 'Stop syncing', exact: true }).click();
  await expect(section.getByRole('status')).toContainText('Stopped syncing');
  const form = section.getByRole('form', { name: 'Link to a team database' });
  await expect(form).toBeVisible();
  await expect(indicator(page)).toHaveCount(0);
  // The link is gone; what linking again to the same database goes on from is kept.
  expect(existsSync(path.join(dossier.workspace, 'sync', 'link.json'))).toBe(false);
  expect(existsSync(path.join(dossier.workspace, 'sync', 'former.json'))).toBe(true);
  expect(await callApi(page, 'sync.status', {})).toMatchObject({ state: 'unlinked', remote: null, live: false });
  // The library is as it was.
  await expect(dossier.library.articles).toHaveCount(1);

  // Linked again through the form, to the same database.
  await form.getByLabel('Database URL').fill(url);
  await form.getByLabel('User name').fill(teamServer.server.auth.username);
  await form.getByLabel('Password').fill(teamServer.server.auth.password);
  await form.getByRole('button', { name: 'Link and sync' }).click();
  await expect(section.getByTestId('sync-state')).toHaveText(/Up to date/, { timeout: 15_000 });
  await expect(section).toContainText(url);
});
