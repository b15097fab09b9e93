import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BACKUP_EXTENSIONS } from '../electron/main/openFiles';

/**
 * electron-builder.yml, checked without the Electron binary that packaging needs: against
 * electron-builder's own schema (what `electron-builder` validates before it builds), and for
 * what Dossier asks of its packages.
 */
const root = path.resolve(__dirname, '..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  fileAssociations: { ext: string; rank?: string }[];
  publish: unknown;
  linux: { icon: string };
  mac: { icon: string };
  win: { icon: string; fileAssociations: { ext: string }[] };
};

/** Whether `file` (relative to the app folder) goes into app.asar under the `files` globs. */
function packed(file: string): boolean {
  let taken = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) taken = false;
    } else if (minimatch(file, pattern, { dot: true })) taken = true;
  }
  return taken;
}

describe('electron-builder.yml', () => {
  it("is valid for electron-builder's schema", () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema does refuse what electron-builder would: a misspelt key, a wrong type.
    expect(validate({ ...config, fileAssociation: [] })).toBe(false);
    expect(validate({ ...config, fileAssociations: [{ ext: 42 }] })).toBe(false);
  });

  it('packs the built bundles and package.json, never sources, tests, maps or the project folders', () => {
    for (const file of ['out/main/index.js', 'out/main/coreWorker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'package.json']) {
      expect(packed(file), file).toBe(true);
    }
    for (const file of ['electron/main/index.ts', 'renderer/src/App.tsx', 'out/main/index.js.map', 'out/main/x.test.js', 'e2e/fixtures.ts', 'bench/run.ts', 'docs/ARCHITECTURE.md', 'scripts/icons.ts', 'README.md', 'assets/icon.svg']) {
      expect(packed(file), file).toBe(false);
    }
  });

  it('names an icon for every platform, each made by npm run icons', () => {
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(existsSync(path.join(root, icon)), icon).toBe(true);
    expect([config.linux.icon, config.mac.icon, config.win.icon].map((f) => path.extname(f))).toEqual(['.png', '.icns', '.ico']);
  });

  it('associates backups (which the app opens as backups) and brief bundles, taking over no common extension on Windows', () => {
    const extensions = config.fileAssociations.map((a) => `.${a.ext}`);
    expect(extensions).toEqual(['.dossier-backup', '.jsonld']);
    expect(BACKUP_EXTENSIONS).toContain('.dossier-backup');
    expect(config.fileAssociations.find((a) => a.ext === 'jsonld')?.rank).toBe('Alternate');
    expect(config.win.fileAssociations.map((a) => a.ext)).toEqual(['dossier-backup']);
  });

  it('publishes nothing: updates are only for builds that name their own server', () => {
    expect(config.publish).toBeNull();
  });

  it('ships the sample with the app, without the icon sources', () => {
    const [assets] = config.extraResources;
    expect(assets).toMatchObject({ from: 'assets', to: 'assets' });
    const shipped = (file: string) => assets!.filter.reduce((taken, p) => (p.startsWith('!') ? (minimatch(file, p.slice(1)) ? false : taken) : minimatch(file, p) ? true : taken), false);
    expect(shipped('india-japan-defence-2025-05-04.txt')).toBe(true);
    expect(shipped('icon-512.png')).toBe(true);
    expect(shipped('icon.icns')).toBe(false);
  });
});
