import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveWorkspaceDir, userDocumentsDir } from './workspaceLocation';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-location-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('resolveWorkspaceDir', () => {
  const docs = path.join(path.parse(process.cwd()).root, 'home', 'ana', 'Documents');

  it('takes the --workspace flag over the environment and the default', () => {
    const flag = path.join(tmp, 'from-flag');
    expect(resolveWorkspaceDir(flag, { DOSSIER_WORKSPACE: path.join(tmp, 'from-env') }, docs)).toBe(flag);
  });

  it('takes DOSSIER_WORKSPACE when there is no flag', () => {
    const env = path.join(tmp, 'from-env');
    expect(resolveWorkspaceDir(undefined, { DOSSIER_WORKSPACE: env }, docs)).toBe(env);
    expect(resolveWorkspaceDir('', { DOSSIER_WORKSPACE: env }, docs)).toBe(env);
  });

  it('falls back to a visible Dossier folder in Documents', () => {
    expect(resolveWorkspaceDir(undefined, {}, docs)).toBe(path.join(docs, 'Dossier'));
    expect(resolveWorkspaceDir(undefined, { DOSSIER_WORKSPACE: '' }, docs)).toBe(path.join(docs, 'Dossier'));
  });

  it('makes relative paths absolute against the current folder', () => {
    expect(resolveWorkspaceDir('rel/ws', {}, docs)).toBe(path.resolve('rel/ws'));
    expect(resolveWorkspaceDir(undefined, { DOSSIER_WORKSPACE: 'env-ws' }, docs)).toBe(path.resolve('env-ws'));
  });
});

describe.runIf(process.platform === 'linux')('userDocumentsDir on Linux', () => {
  it('honours XDG_DOCUMENTS_DIR from user-dirs.dirs, expanding $HOME', async () => {
    await fs.writeFile(
      path.join(tmp, 'user-dirs.dirs'),
      '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/Desktop"\nXDG_DOCUMENTS_DIR="$HOME/Papiere"\n',
    );
    expect(userDocumentsDir({ XDG_CONFIG_HOME: tmp })).toBe(path.join(os.homedir(), 'Papiere'));
  });

  it('takes an absolute XDG_DOCUMENTS_DIR as it is', async () => {
    await fs.writeFile(path.join(tmp, 'user-dirs.dirs'), 'XDG_DOCUMENTS_DIR="/srv/docs"\n');
    expect(userDocumentsDir({ XDG_CONFIG_HOME: tmp })).toBe('/srv/docs');
  });

  it('uses ~/Documents without a user-dirs.dirs', () => {
    expect(userDocumentsDir({ XDG_CONFIG_HOME: tmp })).toBe(path.join(os.homedir(), 'Documents'));
  });

  it('is what resolveWorkspaceDir uses by default', async () => {
    await fs.writeFile(path.join(tmp, 'user-dirs.dirs'), 'XDG_DOCUMENTS_DIR="$HOME/Docs"\n');
    expect(resolveWorkspaceDir(undefined, { XDG_CONFIG_HOME: tmp })).toBe(path.join(os.homedir(), 'Docs', 'Dossier'));
  });
});
