import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { encryptWorkspace } from '../electron/core';
import { expect, ROOT, test } from './fixtures';
import { ReaderPage } from './models/ReaderPage';
import { WorkspacesScreen } from './models/WorkspacesScreen';
import { seedWorkspace } from './seedWorkspace';

const PASSPHRASE = 'tidal basin morning ferry';
const QUOTE = 'reciprocal logistics agreement';

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test('an encrypted workspace is created from the start screen, locked, refused a wrong passphrase, and unlocked with the passphrase or the recovery key', async ({ dossier }) => {
  test.setTimeout(120_000);
  const page = dossier.page;
  const screen = new WorkspacesScreen(page);
  const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-secret-'));
  try {
    const folder = path.join(elsewhere, 'secret');
    await screen.open();
    const create = screen.dialog.getByRole('form', { name: 'Create a workspace' });
    await create.getByLabel('Name').fill('Secret case');
    await create.getByLabel('Folder').fill(folder);
    await create.getByLabel('Include the sample article').check();
    await create.getByLabel('Encrypt this workspace').check();
    await create.getByLabel('Passphrase', { exact: true }).fill('short');
    await expect(create).toContainText('5 characters: short.');
    await create.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await create.getByLabel('Type the passphrase again').fill(`${PASSPHRASE}x`);
    await expect(create).toContainText('The two passphrases differ.');
    await expect(create.getByRole('button', { name: 'Create workspace' })).toBeDisabled();
    await create.getByLabel('Type the passphrase again').fill(PASSPHRASE);
    await create.scrollIntoViewIfNeeded();
    await create.screenshot({ path: '/tmp/cryptui-create-form.png' });
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
    await create.getByRole('button', { name: 'Create workspace' }).click();

    // The recovery key, once: the dialog stays until the analyst says it is stored.
    const keyDialog = page.getByRole('dialog', { name: 'Your recovery key' });
    await expect(keyDialog).toBeVisible({ timeout: 30_000 });
    const recoveryKey = (await keyDialog.locator('[data-recovery-key]').textContent())!.trim();
    expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    await page.screenshot({ path: '/tmp/cryptui-recovery-key.png' });
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(keyDialog).toBeVisible();
    const done = keyDialog.getByRole('button', { name: 'Continue' });
    await expect(done).toBeDisabled();
    await keyDialog.getByLabel('I have stored the recovery key somewhere safe').check();
    await screen.switchesTo('Secret case', () => done.click());
    // On disk: a key file, and sealed files only.
    expect(existsSync(path.join(folder, 'keys.json'))).toBe(true);
    expect(readFileSync(path.join(folder, 'workspace.json')).subarray(0, 4).toString()).toBe('DXE1');

    const reader = new ReaderPage(page);
    await reader.highlight(QUOTE, 'Kept under lock');
    await expect.poll(() => reader.paintedHighlights()).toEqual([QUOTE]);

    // Lock with its keys: the unlock screen takes the window.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+l');
    const unlock = page.getByRole('main', { name: 'Unlock the workspace' });
    await expect(unlock).toBeVisible({ timeout: 20_000 });
    await expect(unlock).toContainText('Secret case');
    const field = unlock.getByLabel('Passphrase');
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('type', 'password');
    // `dossier serve` has no system keychain (Electron's safeStorage): remembering is not offered, nor spoken of.
    await expect(unlock.getByRole('checkbox')).toHaveCount(0);
    await expect(unlock).not.toContainText(/remember/i);
    await page.screenshot({ path: '/tmp/cryptui-unlock.png' });
    expect(await seriousViolations(page, 'main')).toEqual([]);

    // A wrong passphrase says so, and the screen stays.
    await field.fill('not the passphrase');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect(unlock.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.', { timeout: 20_000 });
    await expect(unlock).toBeVisible();

    const started = Date.now();
    await field.fill(PASSPHRASE);
    await screen.switchesTo('Secret case', () => field.press('Enter'));
    test.info().annotations.push({ type: 'unlock_ms', description: String(Date.now() - started) });
    await expect.poll(() => reader.paintedHighlights()).toEqual([QUOTE]);

    // Lock from the workspaces screen's Security section, and open with the recovery key.
    await screen.open();
    const security = screen.dialog.getByRole('region', { name: 'Security' });
    await expect(security).toContainText('This workspace is encrypted');
    await security.getByRole('button', { name: 'Lock now' }).click();
    await expect(unlock).toBeVisible({ timeout: 20_000 });
    await unlock.getByRole('button', { name: 'Use recovery key instead' }).click();
    const keyField = unlock.getByLabel('Recovery key');
    await expect(keyField).toBeFocused();
    await keyField.fill(recoveryKey.toLowerCase());
    await screen.switchesTo('Secret case', () => unlock.getByRole('button', { name: 'Unlock' }).click());
    await expect.poll(() => reader.paintedHighlights()).toEqual([QUOTE]);
    expect(dossier.pageErrors.filter((e) => !/401|403|locked|no-workspace|No workspace/i.test(e))).toEqual([]);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test.describe('remembering the passphrase, as the desktop app offers it', () => {
  test.use({
    // An encrypted workspace (cheap key derivation: this is about the screen), opened on its unlock screen.
    prepareWorkspace: {
      async run(dir) {
        await seedWorkspace(dir, ROOT, 0);
        await encryptWorkspace(dir, PASSPHRASE, { kdf: { N: 1024, r: 8, p: 1 } });
      },
    },
    readyWhen: 'main.sec-unlock',
  });

  /**
   * Only the Electron shell has safeStorage (and no Electron binary runs here): its answer is laid
   * over the host's, as the desktop app gives it, to see what the window does with each.
   */
  async function asIfTheKeychainWere(page: Page, state: 'available' | 'basic-text' | 'unavailable', remembered: string[] = []): Promise<void> {
    await page.unroute('**/api/call/workspaces.recent');
    await page.route('**/api/call/workspaces.recent', async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
      if (json.ok) Object.assign(json.value, { rememberPassphrase: state, remembered });
      await route.fulfill({ response, json });
    });
    await page.reload();
  }

  test('offers the checkbox where the keychain is real, says why not with basic_text, and sends the choice with the passphrase', async ({ dossier }) => {
    const page = dossier.page;
    const unlock = page.getByRole('main', { name: 'Unlock the workspace' });
    const remember = unlock.getByRole('checkbox', { name: 'Remember the passphrase on this computer' });

    await asIfTheKeychainWere(page, 'basic-text');
    await expect(unlock).toContainText('Dossier cannot remember the passphrase on this computer: the system has no keyring');
    await expect(unlock.getByRole('checkbox')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/crypt-unlock-basic-text.png' });

    await asIfTheKeychainWere(page, 'available');
    await expect(remember).not.toBeChecked();
    await remember.check();
    await expect(unlock).toContainText('Locking still asks for the passphrase.');
    await page.screenshot({ path: '/tmp/crypt-unlock-remember.png' });
    expect(await seriousViolations(page, 'main')).toEqual([]);

    const sent = page.waitForRequest('**/api/call/workspaces.unlock');
    await unlock.getByRole('textbox', { name: 'Passphrase' }).fill(PASSPHRASE);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ secret: PASSPHRASE, remember: true });
    await expect(page.locator('[data-start]').first()).toBeVisible({ timeout: 20_000 });
    // The host itself has no keychain: it kept nothing.
    expect(existsSync(path.join(dossier.appData, 'remembered-keys.json'))).toBe(false);

    // Remembered: the Security section says so, and forgets it on request.
    await asIfTheKeychainWere(page, 'available', [dossier.workspace]);
    await expect(page.locator('[data-start]').first()).toBeVisible({ timeout: 20_000 });
    const screen = new WorkspacesScreen(page);
    await screen.open();
    const security = screen.dialog.getByRole('region', { name: 'Security' });
    await expect(security).toContainText('Its passphrase is remembered on this computer');
    const forgot = page.waitForRequest('**/api/call/workspaces.forgetPassphrase');
    await security.getByRole('button', { name: 'Forget the remembered passphrase' }).click();
    await forgot;
    await expect(security.getByRole('status')).toHaveText('The passphrase is no longer remembered on this computer: it is asked for when the workspace opens.');
    await security.screenshot({ path: '/tmp/crypt-security-forget.png' });
  });
});
