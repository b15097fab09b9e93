import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { tapeForVitest } from '../testing/tapeHarness';
import { LogDown } from './logDown';

// abstract-leveldown's own compliance suite, run against the store as its README's "Test Suite"
// section says. Values are all read from disk here (inlineLimit 0), the path the attachments take.
const require = createRequire(import.meta.url);
const suite = require('abstract-leveldown/test') as (options: Record<string, unknown>) => void;

const root = mkdtempSync(path.join(os.tmpdir(), 'dossier-logdown-suite-'));
let count = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.sequential('abstract-leveldown suite: values on disk', () => {
  suite({
    test: tapeForVitest(),
    factory: () => new LogDown(path.join(root, `disk-${++count}`), { inlineLimit: 0 }),
    clear: true,
  });
});

describe.sequential('abstract-leveldown suite: values in memory', () => {
  suite({
    test: tapeForVitest(),
    factory: () => new LogDown(path.join(root, `memory-${++count}`)),
    clear: true,
  });
});
