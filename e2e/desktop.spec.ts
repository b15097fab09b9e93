import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from './electronBinary';
import { expect, ROOT, test } from './fixtures';
import { dossierCli } from './models/cli';

/**
 * What only the desktop app does: one instance, native menus, the window's place between runs,
 * PDF through Electron's own printToPDF. These drive the Electron binary itself, so they run in
 * the `electron` project where a binary exists and are skipped with the reason elsewhere.
 */
test.beforeEach(({ shell }) => {
  test.skip(shell !== 'electron', 'desktop only: the electron project drives the app itself');
  const binary = electronBinary();
  test.skip(!binary.path, `Electron: ${binary.missing?.replace(/; the browser project.*$/, '')}; these desktop-only specs run where one exists`);
});

const MAIN = path.join(ROOT, 'out', 'main', 'index.js');

interface Launched {
  app: ElectronApplication;
  page: Page;
}

/** A temporary workspace and app-data folder, removed after the test. */
function folders(): { workspace: string; appData: string; files: string } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'dossier-desktop-'));
  const made = { workspace: path.join(base, 'ws'), appData: path.join(base, 'app-data'), files: base };
  test.info().annotations.push({ type: 'folder', description: base });
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  return made;
}

const cleanups: (() => void)[] = [];
test.afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

function env(appData: string): Record<string, string> {
  return { ...process.env, DOSSIER_WORKSPACE: '', DOSSIER_APP_DATA: appData } as Record<string, string>;
}

async function launch(workspace: string, appData: string): Promise<Launched> {
  const app = await _electron.launch({ executablePath: electronBinary().path!, args: [MAIN, '--workspace', workspace], env: env(appData) });
  const page = await app.firstWindow();
  await page.locator('[data-start]').first().waitFor();
  return { app, page };
}

test('a second launch brings the running window forward and imports the article it was given, then leaves', async () => {
  const { workspace, appData, files } = folders();
  const { app, page } = await launch(workspace, appData);
  const article = path.join(files, 'straits.md');
  writeFileSync(article, '---\ntitle: Patrols in the Luzon Strait\n---\n\nTwo destroyers passed the strait on Tuesday.\n');

  const second = spawn(electronBinary().path!, [MAIN, '--workspace', workspace, article], { env: env(appData), stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
  expect(code).toBe(0);

  await expect(page.getByRole('heading', { name: 'Patrols in the Luzon Strait' })).toBeVisible();
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await app.close();
});

test('the menus have their roles, a mnemonic on every label, and run registry commands', async () => {
  const { workspace, appData } = folders();
  const { app, page } = await launch(workspace, appData);
  const menus = await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()!.items.map((menu) => ({
      label: menu.label,
      role: menu.role,
      items: (menu.submenu?.items ?? []).filter((i) => i.type !== 'separator').map((i) => ({ label: i.label, role: i.role, accelerator: i.accelerator })),
    })),
  );
  const roles = menus.flatMap((m) => m.items.map((i) => i.role)).filter(Boolean);
  expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectall', 'minimize', 'about'].map((r) => expect.stringMatching(new RegExp(`^${r}$`, 'i')))));
  if (process.platform !== 'darwin') {
    for (const menu of menus) {
      expect(menu.label).toMatch(/&/);
      for (const item of menu.items) expect(item.label, menu.label).toMatch(/&/);
    }
  }
  expect(menus.flatMap((m) => m.items).find((i) => /Go to/.test(i.label))?.accelerator).toBe('CmdOrCtrl+K');

  // View › Go to… opens the quick switcher in the window.
  await page.bringToFront();
  await app.evaluate(({ Menu }) => {
    const items = Menu.getApplicationMenu()!.items.flatMap((m) => m.submenu?.items ?? []);
    items.find((i) => /Go to/.test(i.label))!.click();
  });
  await expect(page.getByRole('dialog')).toBeVisible();
  await app.close();
});

test('the window comes back where it was, and onto a screen when its screen is gone', async () => {
  const { workspace, appData } = folders();
  let { app } = await launch(workspace, appData);
  const area = await app.evaluate(({ screen }) => screen.getPrimaryDisplay().workArea);
  const wanted = { x: area.x + 40, y: area.y + 30, width: 900, height: 640 };
  await app.evaluate(({ BrowserWindow }, bounds) => BrowserWindow.getAllWindows()[0]!.setBounds(bounds), wanted);
  const saved = () => {
    try {
      return JSON.parse(readFileSync(path.join(appData, 'window-state.json'), 'utf8')) as unknown;
    } catch {
      return null;
    }
  };
  // Saved once the move has settled, without waiting for the window to close.
  await expect.poll(saved).toMatchObject({ width: 900, height: 640, maximized: false });
  await app.close();

  ({ app } = await launch(workspace, appData));
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds())).toMatchObject({ width: 900, height: 640 });
  await app.close();

  // As if saved on a monitor far to the right that is no longer there.
  writeFileSync(path.join(appData, 'window-state.json'), JSON.stringify({ x: area.x + 20_000, y: 200, width: 900, height: 640, maximized: false }));
  ({ app } = await launch(workspace, appData));
  const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
  expect(bounds.x).toBeGreaterThanOrEqual(area.x);
  expect(bounds.x + bounds.width).toBeLessThanOrEqual(area.x + area.width);
  await app.close();
});

test("a PDF brief is printed by the app's own Chromium (printToPDF), also for the command line", async () => {
  const { workspace, appData, files } = folders();
  const { app } = await launch(workspace, appData);
  const { articles } = (await dossierCli(['articles', '--workspace', workspace, '--json'])) as { articles: { id: string; title: string }[] };
  const out = path.join(files, 'brief.pdf');
  // The app holds the workspace, so the command line asks it, and it prints with printToPDF.
  await dossierCli(['export', '--article', articles[0]!.id, '--format', 'pdf', '--out', out, '--workspace', workspace, '--json']);
  const pdf = readFileSync(out);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  try {
    const firstWords = articles[0]!.title.split(/\s+/).slice(0, 3).join(' ');
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(firstWords);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    test.info().annotations.push({ type: 'note', description: 'pdftotext is not installed; the PDF text was not checked' });
  }
  await app.close();
});
