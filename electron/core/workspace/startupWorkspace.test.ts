import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startupWorkspaceDir } from './startupWorkspace';

const recent = (...entries: { path: string; missing: boolean }[]) => ({
  list: async () => entries.map((e) => ({ ...e, name: 'x', lastOpened: '2025-05-04T10:00:00Z' })),
});

describe('startupWorkspaceDir', () => {
  it('opens the workspace named on the command line or in the environment', async () => {
    expect(await startupWorkspaceDir('/flag', {}, '/docs', recent({ path: '/last', missing: false }))).toBe(path.resolve('/flag'));
    expect(await startupWorkspaceDir(undefined, { DOSSIER_WORKSPACE: '/env' }, '/docs', recent({ path: '/last', missing: false }))).toBe(path.resolve('/env'));
  });
  it('else the last one opened that is still there, else Documents/Dossier', async () => {
    expect(await startupWorkspaceDir(undefined, {}, '/docs', recent({ path: '/gone', missing: true }, { path: '/last', missing: false }))).toBe('/last');
    expect(await startupWorkspaceDir(undefined, {}, '/docs', recent({ path: '/gone', missing: true }))).toBe(path.join('/docs', 'Dossier'));
    expect(await startupWorkspaceDir(undefined, {}, '/docs', { list: () => Promise.reject(new Error('unreadable')) })).toBe(path.join('/docs', 'Dossier'));
  });
});
