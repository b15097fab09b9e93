import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Third-party test data (the W3C annotation suite, the DOMPurify payloads, labelled samples) stays
 * in `../shared`, beside the checkout, and is never copied into the repository. On a laptop without
 * it, the tests that need it skip with one line saying why; in CI a missing folder is a broken
 * machine, not a reason to skip, so the run fails. Used by vitest and Playwright tests alike
 * (never imported by the app).
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface SharedTestData {
  /** Absolute path of the file or folder inside `../shared`. */
  path: string;
  /** Why a test that needs it is skipped (one line); undefined when it is there. */
  skip: string | undefined;
}

export interface SharedTestDataOptions {
  /** The checkout whose sibling `shared` folder is read (default: this repository). */
  repoRoot?: string;
  /** The environment that says whether this is CI (default: `process.env`). */
  env?: Record<string, string | undefined>;
}

/** Thrown, instead of skipping, when CI runs without `../shared`. */
export class SharedTestDataMissing extends Error {
  override readonly name = 'SharedTestDataMissing';
}

/** `CI=true` (or any value but an empty one, `0` or `false`), as CI services set it. */
export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * Where `relative` (e.g. `conformance/dompurify-payloads.json`) is inside `../shared`, and whether
 * tests needing it skip. Throws `SharedTestDataMissing` when it is absent under CI.
 */
export function sharedTestData(relative: string, options: SharedTestDataOptions = {}): SharedTestData {
  const shared = path.resolve(options.repoRoot ?? REPO_ROOT, '..', 'shared');
  const file = path.join(shared, ...relative.split('/'));
  if (existsSync(file)) return { path: file, skip: undefined };
  const shown = `../shared/${relative}`;
  if (isCi(options.env ?? process.env)) {
    throw new SharedTestDataMissing(`${shown} is missing (looked for ${file}); CI runs every test that reads ../shared, so put the shared folder beside the checkout`);
  }
  return { path: file, skip: `${shown} is not beside this checkout` };
}
