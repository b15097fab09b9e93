import { defineConfig } from '@playwright/test';
import type { Shell } from './e2e/fixtures';

/**
 * The same specs run in two shells: `browser` drives the real renderer, core and files through
 * `dossier serve` in Chromium; `electron` drives the desktop app where an Electron binary exists
 * (elsewhere its specs skip, saying why).
 */
export default defineConfig<{ shell: Shell }>({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './e2e/globalSetup.ts',
  timeout: 30_000,
  // Imports and new versions go through the worker thread; on a busy two-core machine they take seconds.
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  // Traces cost every test time and CI keeps no artifacts: its failures print the error and a screenshot.
  use: { trace: process.env.CI ? 'off' : 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'browser', use: { shell: 'browser' satisfies Shell } },
    { name: 'electron', use: { shell: 'electron' satisfies Shell } },
  ],
});
