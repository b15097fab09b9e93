import { describe, expect, it } from 'vitest';
import { workspaceFlag } from './workspaceFlag';

describe('workspaceFlag', () => {
  it('reads --workspace DIR and --workspace=DIR among Chromium switches', () => {
    expect(workspaceFlag(['/opt/Dossier/dossier', '--no-sandbox', '--workspace', '/data/ws'])).toBe('/data/ws');
    expect(workspaceFlag(['electron', '.', '--workspace=/data/ws', '--enable-logging'])).toBe('/data/ws');
  });

  it('is undefined when not given', () => {
    expect(workspaceFlag(['/opt/Dossier/dossier', '--enable-logging'])).toBeUndefined();
  });

  it('refuses a bare flag instead of silently opening the default workspace', () => {
    expect(() => workspaceFlag(['dossier', '--workspace'])).toThrow(/needs a folder/);
    expect(() => workspaceFlag(['dossier', '--workspace='])).toThrow(/needs a folder/);
  });
});
