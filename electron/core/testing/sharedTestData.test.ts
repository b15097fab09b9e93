import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCi, sharedTestData, SharedTestDataMissing } from './sharedTestData';

let tmp: string;
let repoRoot: string;
const RELATIVE = 'conformance/payloads.json';

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-shared-'));
  repoRoot = path.join(tmp, 'checkout');
  mkdirSync(repoRoot);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function putShared(): string {
  const file = path.join(tmp, 'shared', 'conformance', 'payloads.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '{}');
  return file;
}

describe('sharedTestData', () => {
  it('present, CI unset: the path, no skip', () => {
    const file = putShared();
    expect(sharedTestData(RELATIVE, { repoRoot, env: {} })).toEqual({ path: file, skip: undefined });
  });

  it('present, CI=true: the path, no skip', () => {
    const file = putShared();
    expect(sharedTestData(RELATIVE, { repoRoot, env: { CI: 'true' } })).toEqual({ path: file, skip: undefined });
  });

  it('absent, CI unset: skips with a one-line reason naming the missing data', () => {
    const data = sharedTestData(RELATIVE, { repoRoot, env: {} });
    expect(data.path).toBe(path.join(tmp, 'shared', 'conformance', 'payloads.json'));
    expect(data.skip).toBe('../shared/conformance/payloads.json is not beside this checkout');
  });

  it('absent, CI=true: fails instead of skipping', () => {
    expect(() => sharedTestData(RELATIVE, { repoRoot, env: { CI: 'true' } })).toThrow(SharedTestDataMissing);
    expect(() => sharedTestData(RELATIVE, { repoRoot, env: { CI: 'true' } })).toThrow(/^\.\.\/shared\/conformance\/payloads\.json is missing \(looked for .*payloads\.json\); CI runs/);
  });

  it('a folder counts as present as well as a file', () => {
    putShared();
    expect(sharedTestData('conformance', { repoRoot, env: { CI: 'true' } }).skip).toBeUndefined();
  });

  it('reads CI from the process environment by default', () => {
    const saved = process.env.CI;
    try {
      process.env.CI = 'true';
      expect(() => sharedTestData(RELATIVE, { repoRoot })).toThrow(SharedTestDataMissing);
      delete process.env.CI;
      expect(sharedTestData(RELATIVE, { repoRoot }).skip).toBeDefined();
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
  });
});

describe('isCi', () => {
  it.each([
    [{}, false],
    [{ CI: '' }, false],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: 'true' }, true],
    [{ CI: 'TRUE' }, true],
    [{ CI: '1' }, true],
  ])('%o → %s', (env, expected) => {
    expect(isCi(env)).toBe(expected);
  });
});
