import { describe, expect, it, vi } from 'vitest';

// The module reaches window.dossier through api.ts; these helpers need neither.
vi.mock('../api', () => ({ api: {}, onEvent: () => () => undefined }));
const { folderNameFor, joinPath } = await import('./switchWorkspace');

describe('folderNameFor', () => {
  it('keeps a readable name, without characters file systems refuse', () => {
    expect(folderNameFor('India–Japan defence')).toBe('India–Japan defence');
    expect(folderNameFor('Case 12/B: "north"?')).toBe('Case 12 B north');
    expect(folderNameFor('Ends with dots...')).toBe('Ends with dots');
    expect(folderNameFor(' / ')).toBe('Workspace');
  });
});

describe('joinPath', () => {
  it('joins with the separator the parent uses', () => {
    expect(joinPath('/home/a/Documents/Dossier workspaces', 'Case')).toBe('/home/a/Documents/Dossier workspaces/Case');
    expect(joinPath('C:\\Users\\a\\Documents\\Dossier workspaces', 'Case')).toBe('C:\\Users\\a\\Documents\\Dossier workspaces\\Case');
    expect(joinPath('/tmp/', 'Case')).toBe('/tmp/Case');
  });
});
