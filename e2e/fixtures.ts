import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, chromium, expect, test as base, type Browser, type ElectronApplication, type Locator, type Page } from '@playwright/test';
import { chooseBrowser, CHROMIUM_ARGS, sandboxArgs } from './browserExecutable';
import { electronBinary } from './electronBinary';
import { LibraryNav } from './models/LibraryNav';
import type { SeedRecords } from './seedRecords';
import { seedWorkspace } from './seedWorkspace';

export const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'bin', 'dossier.js');

export type Shell = 'browser' | 'electron';

/** The display name every test's settings start with (see the `appSettings` option). */
export const E2E_DISPLAY_NAME = 'E2E Analyst';

/** The formats of "Export article…", by the label of their choice in its dialog. */
export const ARTICLE_EXPORT_FORMATS = { md: 'Markdown', html: 'HTML (one file)', pdf: 'PDF', docx: 'Word (DOCX)', jsonld: 'W3C Web Annotations (JSON-LD)' } as const;
export type ArticleExportFormat = keyof typeof ARTICLE_EXPORT_FORMATS;

/** A running Dossier on a fresh temporary workspace, driven like a user would. */
export interface DossierApp {
  page: Page;
  workspace: string;
  /** The app's own folder for this test (settings.json). */
  appData: string;
  shell: Shell;
  /** The library down the left side (follows the page across restarts). */
  library: LibraryNav;
  /** Quits and starts Dossier again on the same workspace (a new host process, or a new Electron app). */
  restart(): Promise<void>;
  /** Exports the open article through "Export article…" in the format chosen (Markdown unless said) and returns what was saved. */
  exportArticle(format?: ArticleExportFormat): Promise<{ name: string; content: string }>;
  /** Clicks a button that saves a file (a download, or the save dialog in Electron) and returns the file. */
  saveFrom(button: Locator, extension: string): Promise<{ name: string; bytes: Buffer }>;
  /** Errors the page logged (console errors and uncaught exceptions). */
  pageErrors: string[];
}

interface Running {
  page: Page;
  stop(): Promise<void>;
  exportTo?(file: string): Promise<void>;
}

export const test = base.extend<
  {
    shell: Shell;
    seedArticles: number;
    seedRecords: SeedRecords;
    appSettings: Record<string, unknown> | null;
    firstRunGuide: boolean;
    prepareWorkspace: { run(dir: string): Promise<void> } | null;
    readyWhen: string;
    dossier: DossierApp;
  },
  { browser: Browser }
>({
  shell: ['browser', { option: true }],
  /**
   * Something to do to the workspace folder before Dossier starts on it (lock it as another
   * Dossier would). An object, since Playwright takes a function given to `test.use` for a fixture.
   */
  prepareWorkspace: [null, { option: true }],
  /** What shows once the page is ready: the article's paragraphs, unless a test starts elsewhere (the start screen). */
  readyWhen: ['[data-start]', { option: true }],
  /**
   * Whether the first-run guide shows, as on a new machine: off unless a test is about it, so
   * other tests see the reader as an analyst does after the first day.
   */
  firstRunGuide: [false, { option: true }],
  /** Generated articles to put in the workspace (beside the sample) before Dossier starts: `test.use({ seedArticles: 2000 })`. */
  seedArticles: [0, { option: true }],
  /** Entities, notes and highlights to put in the workspace before Dossier starts: `test.use({ seedRecords: { notes: 2000 } })`. */
  seedRecords: [{}, { option: true }],
  /**
   * The app's settings.json before Dossier starts: a display name, so the first-run prompt stays
   * away; `test.use({ appSettings: null })` starts as on a new machine (the prompt shows).
   */
  appSettings: [{ displayName: E2E_DISPLAY_NAME }, { option: true }],

  browser: [
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name !== 'browser') {
        await use(undefined as unknown as Browser);
        return;
      }
      const choice = chooseBrowser();
      if (!choice.executablePath) {
        await use(undefined as unknown as Browser);
        return;
      }
      const browser = await chromium.launch({ executablePath: choice.executablePath, args: [...CHROMIUM_ARGS, ...sandboxArgs()] });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  dossier: async ({ shell, browser, seedArticles, seedRecords, appSettings, firstRunGuide, prepareWorkspace, readyWhen }, use, testInfo) => {
    if (shell === 'electron') {
      const binary = electronBinary();
      test.skip(!binary.path, `Electron: ${binary.missing}`);
    } else {
      const choice = chooseBrowser();
      test.skip(!choice.executablePath, `Browser: ${choice.missing}`);
    }
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-'));
    if (seedArticles > 0 || Object.keys(seedRecords).length > 0) await seedWorkspace(workspace, ROOT, seedArticles, seedRecords);
    await prepareWorkspace?.run(workspace);
    const downloads = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-out-'));
    // The app's own settings and recent workspaces: a fresh folder, as on a new machine.
    const appData = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-appdata-'));
    // The guide's dismissal is an app setting: written here unless the test is about the guide.
    // English pinned unless a test chooses: specs find controls by their English names.
    const settings = { uiLanguage: 'en', ...(appSettings ?? {}), ...(firstRunGuide ? {} : { firstRunGuideDismissed: true }) };
    writeFileSync(path.join(appData, 'settings.json'), JSON.stringify({ version: 1, ...settings }));
    const log: string[] = [];
    const pageErrors: string[] = [];
    let running: Running | null = null;

    const start = async () => {
      running = shell === 'electron' ? await startElectron(workspace, appData, log) : await startHost(browser, workspace, appData, log);
      running.page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
      running.page.on('pageerror', (e) => pageErrors.push(e.message));
      await running.page.locator(readyWhen).first().waitFor();
    };
    await start();

    const app: DossierApp = {
      get page() {
        return running!.page;
      },
      get library() {
        return new LibraryNav(running!.page);
      },
      workspace,
      appData,
      shell,
      pageErrors,
      async restart() {
        await running?.stop();
        await start();
      },
      async exportArticle(format = 'md') {
        const page = running!.page;
        await page.getByRole('button', { name: 'Export article…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Export article' });
        await dialog.getByRole('radio', { name: ARTICLE_EXPORT_FORMATS[format] }).check();
        const saved = await app.saveFrom(dialog.getByRole('button', { name: 'Export', exact: true }), format);
        await expect(dialog).toBeHidden();
        return { name: saved.name, content: saved.bytes.toString('utf8') };
      },
      async saveFrom(button, extension) {
        const page = running!.page;
        if (running!.exportTo) {
          const file = path.join(downloads, `export-${Date.now()}.${extension}`);
          await running!.exportTo(file);
          await button.click();
          await page.getByText(/exported/).last().waitFor();
          return { name: path.basename(file), bytes: readFileSync(file) };
        }
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
        const file = path.join(downloads, download.suggestedFilename());
        await download.saveAs(file);
        return { name: download.suggestedFilename(), bytes: readFileSync(file) };
      },
    };

    await use(app);

    await running!.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('dossier.log', { body: log.join(''), contentType: 'text/plain' });
    }
    rmSync(workspace, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
    rmSync(appData, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Starts `dossier serve` on the workspace and opens the printed URL in a fresh browser context. */
async function startHost(browser: Browser, workspace: string, appData: string, log: string[]): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'serve', '--workspace', workspace, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DOSSIER_WORKSPACE: '', DOSSIER_APP_DATA: appData },
  });
  const url = await firstLine(child, log);
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  return {
    page,
    async stop() {
      await context.close();
      await stopProcess(child);
    },
  };
}

function firstLine(child: ChildProcess, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`dossier serve printed no URL in 20 s:\n${log.join('')}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      log.push(d.toString());
      const newline = out.indexOf('\n');
      if (newline !== -1) {
        clearTimeout(timer);
        resolve(out.slice(0, newline).trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dossier serve exited with ${code}:\n${log.join('')}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function startElectron(workspace: string, appData: string, log: string[]): Promise<Running> {
  const app: ElectronApplication = await _electron.launch({
    executablePath: electronBinary().path!,
    args: [path.join(ROOT, 'out', 'main', 'index.js'), '--workspace', workspace],
    env: { ...process.env, DOSSIER_WORKSPACE: '', DOSSIER_APP_DATA: appData } as Record<string, string>,
  });
  app.process().stdout?.on('data', (d: Buffer) => log.push(d.toString()));
  app.process().stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  const page = await app.firstWindow();
  return {
    page,
    stop: () => app.close(),
    // The native save dialog is stubbed, as a person would pick this file in it.
    exportTo: (file) =>
      app.evaluate(({ dialog }, target) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as typeof dialog.showSaveDialog;
      }, file),
  };
}
