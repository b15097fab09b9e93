import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Two files at a time even on two cores: many tests wait on processes, locks and disks, and
    // vitest's default (one fewer than the cores) would run them one by one.
    maxWorkers: 2,
  },
});
