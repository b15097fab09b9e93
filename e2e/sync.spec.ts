import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { noteContentOf, serializedParagraph } from '../electron/common/model/note';
import { createCore, WorkspaceStore, type DossierCore } from '../electron/core';
import { E2E_DISPLAY_NAME, expect, test } from './fixtures';
import { callApi } from './models/api';
import { BriefComposerPage } from './models/BriefComposerPage';
import { EntitiesPanel } from './models/EntitiesPanel';
import { CommandPaletteDialog } from './models/KeyboardDialogs';
import { ReaderPage } from './models/ReaderPage';
import { TimelinePage } from './models/TimelinePage';
import { inBothThemes, seriousViolationsIn as seriousViolations, syncIndicator as indicator, useTeamServer } from './models/teamServer';
import { WorkspacesScreen } from './models/WorkspacesScreen';

/**
 * Team sync as an analyst meets it: the app (the real host, live sync on) and a colleague's
 * workspace (a plain core in this process) syncing through a CouchDB-compatible server on
 * loopback whose database only its members may use.
 */

const QUOTE = 'further deepen bilateral defence cooperation';
const COLLEAGUE = 'Ben Colleague';
const OWN_QUOTE = 'reciprocal logistics agreement';
const SHOT = (name: string) => `/tmp/syncui-${name}.png`;

const team = useTeamServer('team');
const teamDatabase = () => team.teamDatabase();
const serverDoc = (url: string, id: string) => team.serverDoc(url, id);

/** A colleague's workspace, cloned from the team database. */
async function colleague(url: string): Promise<{ core: DossierCore; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-colleague-'));
  const store = await WorkspaceStore.open(dir, { create: true });
  const core = createCore(store, { creator: { name: COLLEAGUE } });
  await core.api['sync.run']({ remote: url, ...team.server.auth });
  return {
    core,
    async close() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function linkThroughApi(page: Page, url: string): Promise<void> {
  await callApi(page, 'sync.run', { remote: url, ...team.server.auth });
  await expect(indicator(page).getByRole('button', { name: 'Team sync: Up to date' })).toBeVisible({ timeout: 15_000 });
}

test('links a workspace to the team database through the form, and shows it up to date', async ({ dossier }) => {
  test.setTimeout(90_000);
  const { page } = dossier;
  const url = await teamDatabase();
  // Not linked: nothing in the top bar.
  await expect(indicator(page)).toHaveCount(0);

  const workspaces = new WorkspacesScreen(page);
  await workspaces.open();
  const section = workspaces.dialog.getByRole('region', { name: 'Team sync' });
  const form = section.getByRole('form', { name: 'Link to a team database' });
  await form.getByLabel('Database URL').fill(url);
  await form.getByLabel('User name').fill(team.server.auth.username);
  // A wrong password first: the server's refusal, in words, and nothing linked.
  await form.getByLabel('Password').fill('not-the-password');
  await form.getByRole('button', { name: 'Link and sync' }).click();
  await expect(section.getByRole('alert')).toContainText('refused the user name and password (401)');
  await expect(form).toBeVisible();
  await section.screenshot({ path: SHOT('team-sync-form-light') });
  await form.getByLabel('Password').fill(team.server.auth.password);
  await form.getByRole('button', { name: 'Link and sync' }).click();

  const state = section.getByTestId('sync-state');
  await expect(state).toHaveText(/Up to date/, { timeout: 15_000 });
  await expect(section).toContainText(url);
  await expect(section.getByRole('status')).toContainText(/Synced: \d+ sent, 0 received/);
  await expect(section).toContainText('0 conflicts');
  await expect(indicator(page).getByRole('button', { name: 'Team sync: Up to date' })).toBeVisible();
  // The workspace reached the server, signed in.
  expect(await serverDoc(url, 'workspace')).not.toBeNull();

  // "Sync now" signs in with the password given this session.
  // (Live sync may have sent a straggler meanwhile: what matters is a run that signs in and finishes.)
  await section.getByRole('button', { name: 'Sync now' }).click();
  await expect(section.getByRole('status')).toContainText(/Synced: \d+ sent, 0 received/);
  await expect(section.getByRole('alert')).toBeEmpty();

  await inBothThemes(page, async (theme) => {
    await section.screenshot({ path: SHOT(`team-sync-${theme}`) });
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
  });
  await page.keyboard.press('Escape');
  await expect(workspaces.dialog).toBeHidden();
  await inBothThemes(page, async (theme) => {
    await page.getByRole('banner').screenshot({ path: SHOT(`indicator-${theme}`) });
    expect(await seriousViolations(page, '[data-testid="sync-indicator"]')).toEqual([]);
  });
  // The indicator opens the Team sync section.
  await indicator(page).getByRole('button', { name: 'Team sync: Up to date' }).click();
  await expect(workspaces.dialog.getByRole('region', { name: 'Team sync' })).toBeVisible();
});

test('shows the encrypted workspace’s refusal instead of the form', async ({ dossier }) => {
  const { page } = dossier;
  const workspaces = new WorkspacesScreen(page);
  await workspaces.open();
  const section = workspaces.dialog.getByRole('region', { name: 'Team sync' });
  await expect(section.getByRole('form', { name: 'Link to a team database' })).toBeVisible();
  // Encrypting reloads the window on the encrypted workspace.
  const security = workspaces.dialog.getByRole('region', { name: 'Security' });
  await security.getByRole('button', { name: 'Encrypt this workspace…' }).click();
  await security.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
  await security.getByLabel('Type the passphrase again').fill('correct horse battery staple');
  await security.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const keyDialog = page.getByRole('dialog', { name: 'Your recovery key' });
  await expect(keyDialog).toBeVisible({ timeout: 30_000 });
  await keyDialog.getByLabel('I have stored the recovery key somewhere safe').check();
  await keyDialog.getByRole('button', { name: 'Continue' }).click();
  await page.locator('[data-start]').first().waitFor();
  await workspaces.open();
  const after = workspaces.dialog.getByRole('region', { name: 'Team sync' });
  await expect(after).toContainText('Dossier does not sync encrypted workspaces');
  await expect(after.getByRole('form', { name: 'Link to a team database' })).toHaveCount(0);
});

test('a colleague’s highlight arrives in the reader on its own (live sync)', async ({ dossier }) => {
  const { page } = dossier;
  const url = await teamDatabase();
  await linkThroughApi(page, url);
  const reader = new ReaderPage(page);
  await expect(reader.card(QUOTE)).toHaveCount(0);
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  // A highlight of this analyst's, which Ben will change (live sync sends it at once).
  const mine = (await callApi(page, 'annotations.createFromQuote', { articleId, quote: OWN_QUOTE, comment: 'Mine.' })).annotation;
  await expect.poll(async () => ((await serverDoc(url, `annotation:${articleId}:${mine.id}`)) as { value?: { comment?: string } } | null)?.value?.comment, { timeout: 10_000 }).toBe('Mine.');
  // Only this analyst so far: the card names no one.
  await expect(reader.card(OWN_QUOTE).getByTestId('record-authors')).toHaveCount(0);

  const ben = await colleague(url);
  try {
    expect((await ben.core.api['articles.list']({})).articles.map((a) => a.id)).toContain(articleId);
    await ben.core.api['annotations.createFromQuote']({ articleId, quote: QUOTE, comment: 'Sent by Ben.' });
    await ben.core.api['annotations.update']({ articleId, id: mine.id, comment: 'Mine, checked by Ben.' });
    await ben.core.api['sync.run']({});
    // No reload: live sync takes it in and the change feed refreshes the reader.
    await expect(reader.card(QUOTE)).toBeVisible({ timeout: 10_000 });
    await expect(reader.card(QUOTE)).toContainText('Sent by Ben.');
    // Who added each highlight and who changed it last, as Ben's workspace recorded it.
    // (The date is written in the browser's locale: only that there is one, with its year, is checked.)
    const year = String(new Date().getFullYear());
    await expect(reader.card(QUOTE).getByTestId('record-authors')).toHaveText(new RegExp(`^Added by ${COLLEAGUE}, .*${year}`));
    await expect(reader.card(OWN_QUOTE)).toContainText('Mine, checked by Ben.');
    await expect(reader.card(OWN_QUOTE).getByTestId('record-authors')).toHaveText(new RegExp(`^Added by ${E2E_DISPLAY_NAME} · changed by ${COLLEAGUE}, .*${year}`));
    await reader.card(OWN_QUOTE).screenshot({ path: SHOT('card-changed-by-colleague') });
    // The history shows it as Ben's, not as a step to undo here.
    await page.getByRole('banner').getByRole('button', { name: 'History…' }).click();
    const history = page.getByRole('dialog', { name: 'Undo history' });
    const team = history.getByRole('list', { name: 'From the team' });
    await expect(team.getByRole('listitem').first()).toContainText('Synced highlights');
    await expect(team.getByRole('listitem').first()).toContainText(`synced from ${COLLEAGUE}`);
    await expect(team.getByRole('button')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/sync-history-from-team.png' });
    await page.keyboard.press('Escape');
  } finally {
    await ben.close();
  }
});

test('a colleague’s rejection leaves the entity review here, and the timeline and the brief list name who made their records', async ({ dossier }) => {
  const { page } = dossier;
  const url = await teamDatabase();
  await linkThroughApi(page, url);
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  const entities = new EntitiesPanel(page);
  await entities.open();
  const { suggestions } = await callApi(page, 'entities.forArticle', { articleId });
  const rejected = suggestions.find((s) => s.name === 'Laos') ?? suggestions[0]!;
  // Listed here before Ben rejects it.
  await expect(entities.suggestion(rejected.name)).toBeVisible();

  const ben = await colleague(url);
  try {
    const key = (await ben.core.api['entities.forArticle']({ articleId })).suggestions.find((s) => s.name === rejected.name)!.key;
    await ben.core.api['entities.reject']({ articleId, key });
    const date = (await ben.core.api['timeline.suggestions']({ articleId })).suggestions[0]!;
    const event = (await ben.core.api['timeline.confirm']({ articleId, key: date.key })).event;
    await ben.core.api['briefs.create']({ title: 'Ben’s weekly brief', sections: [] });
    await ben.core.api['sync.run']({});

    // No reload: the review drops the name rejected elsewhere.
    await expect(entities.suggestion(rejected.name)).toHaveCount(0, { timeout: 10_000 });
    await expect(entities.suggestions.first()).toBeVisible();

    const year = String(new Date().getFullYear());
    await dossier.library.openTimeline();
    const timeline = new TimelinePage(page);
    const item = timeline.events.filter({ hasText: event.label });
    await expect(item.getByTestId('record-authors')).toHaveText(new RegExp(`^Added by ${COLLEAGUE}, .*${year}`), { timeout: 10_000 });
    await item.screenshot({ path: SHOT('timeline-event-by-colleague') });

    const briefs = new BriefComposerPage(page);
    await briefs.openView();
    const list = page.getByRole('complementary', { name: 'Briefs' });
    await expect(list.getByRole('button', { name: /Ben’s weekly brief/ })).toContainText(new RegExp(`added by ${COLLEAGUE}, .*${year}`));
    await list.screenshot({ path: SHOT('brief-list-by-colleague') });
  } finally {
    await ben.close();
  }
});

test('a title renamed on two sides is a conflict; keeping the other version updates the title here and there', async ({ dossier }) => {
  test.setTimeout(120_000);
  const { page } = dossier;
  const url = await teamDatabase();
  await linkThroughApi(page, url);
  const reader = new ReaderPage(page);
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  const ben = await colleague(url);
  try {
    // Both rename the article before seeing the other's rename.
    await ben.core.api['articles.rename']({ id: articleId, title: 'Talks in Tokyo (Ben)' });
    await callApi(page, 'articles.rename', { id: articleId, title: 'Talks in Tokyo (Ana)' });
    await expect.poll(async () => (await serverDoc(url, `article:${articleId}`))?.value?.title, { timeout: 10_000 }).toBe('Talks in Tokyo (Ana)');
    expect((await ben.core.api['sync.run']({})).conflicts).toBe(1);

    // Live sync brings Ben's version here too: the top bar says so.
    const conflictsButton = indicator(page).getByRole('button', { name: '1 conflict' });
    await expect(conflictsButton).toBeVisible({ timeout: 15_000 });
    await inBothThemes(page, async (theme) => {
      await page.getByRole('banner').screenshot({ path: SHOT(`indicator-conflict-${theme}`) });
    });
    await conflictsButton.click();
    const dialog = page.getByRole('dialog', { name: 'Sync conflicts' });
    await expect(dialog).toBeVisible();
    const list = dialog.getByRole('listbox', { name: 'Records in conflict' });
    await expect(list.getByRole('option')).toHaveCount(1);
    await expect(list.getByRole('option').first()).toContainText('Article details');
    const mine = dialog.getByRole('article', { name: new RegExp(`^Version by ${E2E_DISPLAY_NAME}`) });
    const bens = dialog.getByRole('article', { name: new RegExp(`^Version by ${COLLEAGUE}`) });
    await expect(mine).toContainText('Talks in Tokyo (Ana)');
    await expect(bens).toContainText('Talks in Tokyo (Ben)');
    // One of them is shown now, the same on both sides.
    const shownHere = (await mine.getByText('Shown now').count()) > 0 ? 'Talks in Tokyo (Ana)' : 'Talks in Tokyo (Ben)';
    await expect(reader.title).toHaveText(shownHere);
    expect((await ben.core.api['articles.get']({ id: articleId })).article.title).toBe(shownHere);

    // Keyboard: the list takes the arrows, Enter goes to the versions.
    await list.getByRole('option').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: /^Keep the version by / }).first()).toBeFocused();

    await inBothThemes(page, async (theme) => {
      await dialog.screenshot({ path: SHOT(`conflicts-${theme}`) });
      expect(await seriousViolations(page, 'dialog')).toEqual([]);
    });

    // The analyst keeps the version not shown now: the other side's choice, whichever CouchDB picked.
    const kept = shownHere === 'Talks in Tokyo (Ana)' ? 'Talks in Tokyo (Ben)' : 'Talks in Tokyo (Ana)';
    const keeper = shownHere === 'Talks in Tokyo (Ana)' ? COLLEAGUE : E2E_DISPLAY_NAME;
    await dialog.getByRole('button', { name: `Keep the version by ${keeper}` }).click();
    await expect(dialog.getByRole('status')).toContainText(`Kept the version by ${keeper}.`);
    await expect(dialog).toContainText('No conflicts');
    await expect(reader.title).toHaveText(kept);
    await expect(indicator(page).getByRole('button', { name: /conflict/ })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The other side gets the choice at its next sync.
    await expect
      .poll(async () => (await ben.core.api['sync.run']({}), (await ben.core.api['articles.get']({ id: articleId })).article.title), { timeout: 10_000 })
      .toBe(kept);
    expect((await ben.core.api['sync.conflicts']({})).conflicts).toEqual([]);
  } finally {
    await ben.close();
  }
});

test('a note edited on two sides shows both texts word by word, and keeping both merges them everywhere', async ({ dossier }) => {
  test.setTimeout(120_000);
  const { page } = dossier;
  const url = await teamDatabase();
  await linkThroughApi(page, url);
  const text = (words: string) => noteContentOf([serializedParagraph([{ type: 'text', text: words, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }])]);
  const { note } = await callApi(page, 'notes.create', { title: 'Port visit plan', content: text('The ships arrive on Monday.') });
  await expect.poll(async () => (await serverDoc(url, `note:${note.id}`)) !== null, { timeout: 10_000 }).toBe(true);
  const ben = await colleague(url);
  try {
    await ben.core.api['notes.save']({ id: note.id, content: text('The ships arrive on Tuesday, Ben heard.') });
    await callApi(page, 'notes.save', { id: note.id, content: text('The ships arrive on Monday at dawn.') });
    await expect
      .poll(async () => ((await serverDoc(url, `note:${note.id}`)) as { value?: { text?: string } } | null)?.value?.text, { timeout: 10_000 })
      .toBe('The ships arrive on Monday at dawn.');
    expect((await ben.core.api['sync.run']({})).conflicts).toBe(1);

    await expect(indicator(page).getByRole('button', { name: '1 conflict' })).toBeVisible({ timeout: 15_000 });
    // From the command palette, as any registry command.
    const palette = new CommandPaletteDialog(page);
    await palette.open();
    await palette.box.fill('Show sync conflicts');
    await expect(palette.selected).toContainText('Show sync conflicts');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sync conflicts' });
    await expect(dialog.getByRole('option').first()).toContainText('Note');
    await expect(dialog.getByRole('option').first()).toContainText('Port visit plan');
    // Words only one version has are marked, in words for a screen reader too.
    const bens = dialog.getByRole('region', { name: `The note’s text by ${COLLEAGUE}` });
    await expect(bens.locator('mark')).toContainText([/Tuesday, Ben heard/]);
    await expect(bens.locator('mark').first()).toContainText('only in this version:');
    const mine = dialog.getByRole('region', { name: `The note’s text by ${E2E_DISPLAY_NAME}` });
    await expect(mine.locator('mark')).toContainText([/Monday at dawn/]);
    await dialog.screenshot({ path: SHOT('conflicts-note-light') });
    expect(await seriousViolations(page, 'dialog')).toEqual([]);

    await dialog.getByRole('button', { name: 'Keep both texts merged' }).click();
    await expect(dialog).toContainText('No conflicts');
    const merged = (await callApi(page, 'notes.get', { id: note.id })).note.text;
    expect(merged).toContain('The ships arrive on Monday at dawn.');
    expect(merged).toContain('The ships arrive on Tuesday, Ben heard.');
    await expect
      .poll(async () => (await ben.core.api['sync.run']({}), (await ben.core.api['notes.get']({ id: note.id })).note.text), { timeout: 10_000 })
      .toBe(merged);
  } finally {
    await ben.close();
  }
});
