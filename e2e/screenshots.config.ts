import { defineConfig } from '@playwright/test';
import type { Shell } from './fixtures';

/** `npm run screenshots`: regenerates the pictures in docs/ from the running app. */
export default defineConfig<{ shell: Shell }>({
  testDir: 'screenshots',
  testMatch: /.*\.shot\.ts$/,
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../test-results/screenshots',
  projects: [{ name: 'browser', use: { shell: 'browser' } }],
});
